"""The article itself: headline, publication date, byline."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ingest.extract.text import (
    LOWER,
    NAME_WORD,
    SURNAMES,
    UPPER,
    Context,
    dateline_date,
    is_dateline,
    make_date,
    tidy,
)

_LEAD_START = re.compile(
    r"^(?:\(?[\w.]+\)?\s*[-–—]\s*)?(?:[A-ZĐÀ-Ỹ .]+[-–—]\s*)?"  # "(NSHN) - ", "ĐÀ NẴNG – "
    r"(?:(?:sáng|chiều|tối|trưa)\s+(?:nay\s+|qua\s+)?(?:ngày\s+)?\d"
    r"|(?:sáng|chiều|tối|trưa)\s+(?:nay|qua)\b"
    r"|ngày\s+\d|hôm nay|vừa qua|mới đây|trong (?:hai )?ngày)",
    re.I,
)
# A line that opens running text, not a headline: attendance, a caption.
_NOT_HEADLINE = re.compile(
    r"^(?:đến dự|về dự|tham dự|dự hội nghị|dự buổi|có mặt|ảnh\s*:|đồng chí|ông|bà)\b"
    r"|\b(?:phát biểu|trao|tặng hoa|báo cáo|chủ trì|chụp ảnh)\b.*$(?<!\.)",
    re.I,
)


def headline(context: Context, metadata: dict[str, Any]) -> str | None:
    """The headline, when the excerpt has one: the first line of six words or
    more that is neither a banner, a dateline, a repeated section name, a
    caption nor the lead itself."""
    if metadata.get("title"):
        title = re.split(
            r"\s+[|–—-]\s+(?=(?:Cổng|Trang|Báo|Website)\b)", metadata["title"]
        )[0]
        return _clean_title(title)
    _, index = _headline_at(context)
    if index is None:
        return None
    title = _clean_title(context.paragraphs[index])
    # A section name printed before it is the portal's: the line is the title.
    context.paragraphs[index] = title
    return title


# A headline that opens with its place: "Tân Lập: …", "Quận 9: …".
_PLACE_COLON = re.compile(
    r"(?:[A-ZĐÀ-Ỹ][\w]*|\d+)(?:\s+(?:[A-ZĐÀ-Ỹ][\w]*|\d+)){0,3}:\s"
)


def _headline_at(context: Context) -> tuple[int, int | None]:
    """(lines looked at, index of the headline or None)."""
    paragraphs = context.paragraphs
    for i, paragraph in enumerate(paragraphs[:6]):
        if is_dateline(paragraph) or "//" in paragraph:
            continue
        if paragraph in paragraphs[max(0, i - 1) : i]:
            continue
        if paragraph in paragraphs[i + 1 : i + 2]:
            # Printed twice: the headline when the lead or the date follows,
            # else the name of the site's section ("Học tập và làm theo …").
            after = paragraphs[i + 2] if i + 2 < len(paragraphs) else ""
            if not (is_dateline(after) or _LEAD_START.search(after)):
                continue
        if re.match(r"(?i:trang chủ)\b", paragraph) or (
            len(re.findall(r"\s[/>»›]\s", paragraph)) >= 2
        ):
            continue  # a breadcrumb: "Trang chủ / Tin tức / Dân vận"
        words = paragraph.split()
        if len(words) < 6:
            continue  # "Sự kiện nổi bật", "Chi tiết tin"
        if paragraph[:1].islower():
            return i, None  # the excerpt starts in the middle of a sentence
        if (
            paragraph.upper() == paragraph
            and len(words) <= 12
            and not re.search(
                r"TỔNG KẾT|SƠ KẾT|HỘI NGHỊ|RA QUÂN|KÝ KẾT|GIAO BAN", paragraph
            )
        ):
            continue  # a banner in capitals
        if _LEAD_START.search(paragraph) or len(paragraph) > 330:
            return i, None  # the excerpt starts with its lead or mid-article
        if _NOT_HEADLINE.search(paragraph) and not _is_title_like(paragraph):
            return i, None
        if paragraph.endswith(".") and re.search(r"(?i:(?:vừa|đã) tổ chức)", paragraph):
            return i, None  # "Ban Dân vận … vừa tổ chức Hội nghị …." is the lead
        if _PLACE_COLON.match(paragraph) and not re.search(r"\.\s", paragraph):
            return i, i  # "Quận 9: Khen thưởng …; … năm 2019.": one long headline
        if paragraph.endswith(("…", "...")) or (
            paragraph.endswith(".") and len(paragraph) > 160
        ):
            return i, None
        return i, i
    return 0, None


def _is_title_like(line: str) -> bool:
    return bool(
        re.search(r"(?i:tổng kết|sơ kết|hội nghị|ra quân|ký kết|kỷ niệm|họp mặt)", line)
    ) and not re.match(r"(?i:đồng chí|ông|bà)\b", line)


# A portal's section name printed before the headline: "Quốc phòng Ký kết …"
# (in a sentence-case headline a verb is not capitalized after two words).
_SECTION = re.compile(
    r"^(?:Thời sự|Chính trị|Quốc phòng(?: - An ninh| – An ninh)?|An ninh|Xã hội"
    r"|Kinh tế|Văn hóa|Văn hoá|Tin tức(?: - Sự kiện| – Sự kiện)?|Pháp luật"
    r"|Tin địa phương|Tin hoạt động|Hoạt động|Xây dựng Đảng|Đoàn thể)\s+"
    rf"(?=[{UPPER}][{LOWER}]*\s+[{LOWER}])"
)


def _clean_title(title: str) -> str:
    title = " ".join(title.split())
    rest = _SECTION.sub("", title, count=1)
    return rest if len(rest.split()) >= 6 else title


def published_on(context: Context, metadata: dict[str, Any]) -> dt.date | None:
    """The date the site printed: the marker a search engine keeps, a
    dateline after the headline, else one before it (a site's "today" line
    comes before the headline and is the day the page was read)."""
    if metadata.get("date"):
        try:
            return dt.date.fromisoformat(str(metadata["date"])[:10])
        except ValueError:
            pass
    if context.marker_date is not None:
        return context.marker_date
    _, index = _headline_at(context)
    top = context.paragraphs[:8]
    after = top[index + 1 :] if index is not None else []
    before = top[:index] if index is not None else top
    for paragraph in [*after[:3], *reversed(before)]:
        if "//" in paragraph:  # "NGUYỄN VĂN A // ĐÀI PT-TH 20/10/2023, 13:13"
            paragraph = paragraph.split("//", 1)[1]
            match = re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})", paragraph)
            if match:
                return make_date(*match.groups())
        found = dateline_date(paragraph)
        if found is not None:
            if index is not None and paragraph in before and _is_today_line(paragraph):
                continue
            return found
    return None


def _is_today_line(line: str) -> bool:
    """ "Hà Nội, ngày 10-04-2020": the site's own date, printed before the headline."""
    return bool(re.match(rf"^{NAME_WORD}(?:\s+{NAME_WORD})*,\s*ngày\s", line))


_BYLINE = re.compile(
    r"^(?:tác giả(?: bài viết)?|người viết|bài và ảnh|bài, ảnh|tin, ảnh|tin và ảnh"
    r"|tin|bài|bài viết|nhóm phóng viên)\s*:\s*(.+)$",
    re.I,
)
# "H’Ly", "Ksor H’Nhi": a capital, an apostrophe and a name run together.
_PERSON_WORD = r"(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]*(?:[’'][A-ZĐÀ-Ỹ][a-zà-ỹđ]*)?|[A-ZĐÀ-Ỹ]{1,2}\.)"
_AUTHOR_NAME = rf"(?:{_PERSON_WORD}(?:\s*{_PERSON_WORD})*)"
_AUTHORS = re.compile(rf"^{_AUTHOR_NAME}(?:\s*[-–,]\s*{_AUTHOR_NAME}){{0,3}}$")
# Lines after the article that are the site's: where it came from, views, sharing.
_AFTER_ARTICLE = re.compile(
    r"^(?:nguồn\b|lượt xem|chia sẻ|ảnh\s*:|<|in bài|gửi|quay lên|intnum|tệp đính kèm"
    r"|lưu ý|bình luận|từ khóa|tags?\s*:|góp ý|qr code|ý kiến)",
    re.I,
)


# Words that open a sentence: alone on the last line, the excerpt was cut
# there ("Tại "), and no one signs with them.
_OPENERS = frozenset(
    [
        "tại",
        "theo",
        "trong",
        "với",
        "sau",
        "đây",
        "ngoài",
        "những",
        "các",
        "năm",
        "qua",
        "để",
        "từ",
        "ngày",
        "sáng",
        "chiều",
        "tối",
        "trưa",
        "hiện",
        "đồng",
        "ông",
        "bà",
        "dự",
        "đến",
        "cùng",
        "và",
        "thay",
    ]
)


def _as_author(line: str) -> str | None:
    line = re.sub(r"\([^)]*\)", "", line)
    line = re.sub(r"^(?:CTV|PV|BTV|TTV)\s+", "", line.strip())
    line = tidy(line)
    if not line or len(line) > 50 or any(ch.isdigit() for ch in line):
        return None
    if not _AUTHORS.match(line):
        return None
    if len(line.split()) > 8 or line.lower() in _OPENERS:
        return None
    return line


def byline(
    context: Context, metadata: dict[str, Any], title: str | None = None
) -> str | None:
    """The byline: a "Tác giả:"/"Tin, ảnh:" line near the end, else the
    short line of names that closes the article (before the site's own
    lines), else a "NAME // OUTLET date" line at the top, else the names
    printed under the headline ("Minh Châu - Thanh Tùng")."""
    for paragraph in reversed(context.paragraphs[-6:]):
        match = _BYLINE.search(paragraph)
        if match:
            return tidy(re.sub(r"\([^)]*\)", "", match.group(1))) or None
    for paragraph in reversed(context.paragraphs[-8:]):
        if _AFTER_ARTICLE.search(paragraph) or is_dateline(paragraph):
            continue
        if len(paragraph) > 60:
            break  # the article's last paragraph: no byline after it
        author = _as_author(paragraph)
        if author is not None:
            return author
    for paragraph in context.paragraphs[:6]:
        if "//" in paragraph:
            author = _as_author(paragraph.split("//", 1)[0])
            if author is not None:
                return author
    author = _under_headline(context, title)
    if author is not None:
        return author
    if metadata.get("author"):
        return str(metadata["author"])
    return None


def _under_headline(context: Context, title: str | None) -> str | None:
    """Names on the line under the headline (or under its date line). One
    name alone could be a place ("Hải Phòng"): it must open with a family
    name; names joined by a dash or a comma are people."""
    top = context.paragraphs[:6]
    if title is None or title not in top:
        return None
    for paragraph in top[top.index(title) + 1 : top.index(title) + 3]:
        if is_dateline(paragraph):
            continue
        author = _as_author(paragraph)
        if author is not None and (
            re.search(r"\s[-–]\s|,", author) or author.split()[0] in SURNAMES
        ):
            return author
        return None
    return None
