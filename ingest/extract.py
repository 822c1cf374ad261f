"""Facts from the text of a news article or report on mass-mobilization work.

Rules written for the genre (a conference held by a committee, who attended,
what was counted, who was awarded), in the order a reader finds them: the
headline, the dateline, the lead sentence (when, where, who organized what),
the attendance paragraph, the results, the awards, the byline. Each rule
takes only what the text states; when in doubt it leaves the fact out
(``None`` / ``[]``), because an invented fact is worse than a missing one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ingest.cleaning import clean_text
from ingest.facts import empty_facts
from vn.numbers import parse_number
from vn.text import fold, nfc

Facts = dict[str, Any]

# ---------------------------------------------------------------- text helpers

_SENTENCE_END = re.compile(r"(?<=[.!?…;])\s+")
_DASH = r"[-–—]"
_WEEKDAY = r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật)"
_DATELINE = re.compile(
    rf"^{_WEEKDAY}\s*[,\-–]?\s*(?:ngày\s*)?(\d{{1,2}})/(\d{{1,2}})/(\d{{4}})", re.I
)
_PUBLISHED = re.compile(
    r"^(?:ngày\s+(?:đăng|đưa tin|cập nhật|xuất bản)|đăng ngày|cập nhật)\s*:?\s*"
    r"(\d{1,2})/(\d{1,2})/(\d{4})",
    re.I,
)
_DAY_MONTH = re.compile(
    r"(?:(?:sáng|chiều|tối|trưa)\s+)?(?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?"
)
_WORDY_DATE = re.compile(
    r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?", re.I
)
_YEAR = re.compile(r"\bnăm\s+(\d{4})\b", re.I)


def _sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(paragraph) if s.strip()]


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]


def _date(day: str, month: str, year: str | int | None) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _number(text: str) -> int | None:
    value = parse_number(text)
    if value is None or value != value.to_integral_value():
        return None
    return int(value)


def _clean(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).strip(" ,;:.-–—")


# ---------------------------------------------------------------- units and bodies

_UNIT_WORDS = (
    "tỉnh",
    "thành phố",
    "huyện",
    "quận",
    "thị xã",
    "xã",
    "phường",
    "thị trấn",
    "đặc khu",
)
_LOWER = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệfghiìíỉĩịjklmnoòóỏõọôồốổỗộơờớởỡợ"
    "pqrstuùúủũụưừứửữựvwxyỳýỷỹỵz"
)
_UPPER = _LOWER.upper()
_UY = "(?:ủy|uỷ|uy)"  # both tone placements, and none
# A proper name: capitalised syllables (one to five), e.g. "Gia Viễn", "Tam Quan Nam".
_NAME_WORD = rf"(?:[{_UPPER}][{_LOWER}]*(?![{_LOWER}{_UPPER}])|\d+(?!\d))"
_PROPER = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}"
_UNIT_MENTION = re.compile(
    rf"\b((?i:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu))\s+({_PROPER})"
)
# Which level of unit a committee belongs to.
_COMMITTEE_LEVEL = [
    (re.compile(rf"(?i:tỉnh\s*{_UY})"), ("tỉnh",)),
    (re.compile(rf"(?i:thành\s*{_UY})"), ("thành phố",)),
    (re.compile(rf"(?i:huyện\s*{_UY})"), ("huyện",)),
    (re.compile(rf"(?i:quận\s*{_UY})"), ("quận",)),
    (re.compile(rf"(?i:thị\s*{_UY})"), ("thị xã",)),
]
_LOCAL_LEVEL = ("xã", "phường", "thị trấn", "đặc khu")


def _title_case(name: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in name.split())


def _level_of(organizer: str) -> tuple[str, ...]:
    for pattern, levels in _COMMITTEE_LEVEL:
        if pattern.search(organizer):
            return levels
    lowered = organizer.lower()
    for level in _LOCAL_LEVEL:
        if re.search(rf"\b{level}\b", lowered):
            return (level,)
    if re.search(rf"đảng\s*{_UY}", lowered):
        return _LOCAL_LEVEL
    return ()


def _committee_place(organizer: str) -> tuple[str, str] | None:
    """ "Thị ủy Điện Bàn" names the unit "thị xã Điện Bàn"."""
    for pattern, levels in _COMMITTEE_LEVEL:
        match = re.search(pattern.pattern + rf"\s+({_PROPER})", organizer)
        if match:
            return levels[0], match.group(1)
    return None


# ---------------------------------------------------------------- the extractor


@dataclass
class _Context:
    text: str  # cleaned
    raw: str  # before cleaning (banners name the unit)
    paragraphs: list[str]
    published: dt.date | None = None


def extract(raw: str, metadata: dict[str, Any] | None = None) -> Facts:
    """Facts of one article, in the contract's shape."""
    raw = nfc(raw)
    text = clean_text(raw)
    context = _Context(text=text, raw=raw, paragraphs=_paragraphs(text))
    facts = empty_facts()
    metadata = metadata or {}

    title = _title(context, metadata)
    facts["source"]["title"] = title
    context.published = _published(context, metadata)
    facts["source"]["published_on"] = _iso(context.published)
    facts["source"]["author"] = _author(context, metadata)

    lead = _lead(context)
    event = facts["event"]
    if lead is not None:
        event["kind"] = _kind(lead, title)
        event["organizer"] = _organizer(lead)
        event["place"] = _place(lead)
    elif title:
        event["kind"] = _kind(title, None) if _is_event_title(title) else None
    review, plan = _periods(context, lead, title, event["kind"])
    event["review_period"], event["plan_period"] = review, plan
    event["date"] = _iso(_event_date(lead, context, review, plan, event["kind"]))
    event["locality"] = _locality(context, event["organizer"], title)
    if event["organizer"] and event["locality"]:
        event["organizer"] = _complete_organizer(event["organizer"], event["locality"])

    facts["attendees"] = _attendees(context)
    _initiatives(context, facts["initiatives"])
    facts["named_initiatives"] = _named_initiatives(context)
    facts["awards"] = _awards(context)
    facts["indicators"] = _indicators(context)
    facts["targets"] = _targets(context)
    facts["coordination_partners"] = _partners(context)
    return facts


# ---------------------------------------------------------------- source


_LEAD_START = re.compile(
    r"^(?:(?:sáng|chiều|tối|trưa)\s+)?(?:ngày|hôm nay|vừa qua|mới đây|trong (?:hai )?ngày)\b",
    re.I,
)


def _is_dateline(line: str) -> bool:
    return bool(_DATELINE.search(line) or _PUBLISHED.search(line))


def _title(context: _Context, metadata: dict[str, Any]) -> str | None:
    if metadata.get("title"):
        title = re.split(
            r"\s+[|–—-]\s+(?=(?:Cổng|Trang|Báo|Website)\b)", metadata["title"]
        )[0]
        return _clean_title(title)
    for paragraph in context.paragraphs[:3]:
        if _is_dateline(paragraph):
            continue
        if _LEAD_START.search(paragraph) or len(paragraph) > 400:
            return None  # the article starts with its lead: no headline
        if len(paragraph) >= 15:
            return _clean_title(paragraph)
    return None


def _clean_title(title: str) -> str:
    return " ".join(title.split())


def _published(context: _Context, metadata: dict[str, Any]) -> dt.date | None:
    if metadata.get("date"):
        try:
            return dt.date.fromisoformat(str(metadata["date"])[:10])
        except ValueError:
            pass
    for paragraph in context.paragraphs[:6]:
        match = _DATELINE.search(paragraph) or _PUBLISHED.search(paragraph)
        if match:
            return _date(*match.groups())
    return None


_BYLINE = re.compile(
    r"^(?:tác giả(?: bài viết)?|người viết|bài và ảnh|bài, ảnh|tin, ảnh|tin và ảnh)\s*:\s*(.+)$",
    re.I,
)
_NAME_ONLY = re.compile(
    rf"^({_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})\s*(?:\([^)]*\))?\.?$"
)


def _author(context: _Context, metadata: dict[str, Any]) -> str | None:
    for paragraph in reversed(context.paragraphs[-4:]):
        match = _BYLINE.search(paragraph)
        if match:
            return _clean(re.sub(r"\([^)]*\)", "", match.group(1))) or None
    if context.paragraphs:
        last = context.paragraphs[-1]
        match = _NAME_ONLY.search(last)
        if match and not any(ch.isdigit() for ch in match.group(1)):
            return match.group(1)
    if metadata.get("author"):
        return str(metadata["author"])
    return None


# ---------------------------------------------------------------- event


_ORGANIZES = re.compile(r"\b(?:đã\s+|vừa\s+|long trọng\s+)*tổ chức\b", re.I)
_EVENT_WORDS = re.compile(
    r"hội nghị|tổng kết|sơ kết|triển khai|đối thoại|tọa đàm|toạ đàm|hội thảo|diễn đàn"
    r"|\blễ\b|ra mắt|ra quân|phát động|buổi",
    re.I,
)


def _is_event_title(title: str) -> bool:
    return bool(_EVENT_WORDS.search(title))


def _lead(context: _Context) -> str | None:
    """The sentence that says when and by whom the event was held."""
    for paragraph in context.paragraphs[:8]:
        if _is_dateline(paragraph):
            continue
        sentences = _sentences(paragraph)
        for i, sentence in enumerate(sentences[:3]):
            if not (_ORGANIZES.search(sentence) and _EVENT_WORDS.search(sentence)):
                continue
            if _has_date(sentence):
                return sentence
            # "Sáng ngày 12/7, tại …. Ban chỉ đạo … tổ chức …": the date
            # and place can sit in a sentence of their own.
            if i > 0 and _has_date(sentences[i - 1]):
                return sentences[i - 1] + " " + sentence
    return None


def _has_date(sentence: str) -> bool:
    return bool(_WORDY_DATE.search(sentence) or _DAY_MONTH.search(sentence))


def _kind(sentence: str, title: str | None) -> str:
    for text in (sentence, title or ""):
        lowered = text.lower()
        if re.search(r"tổng kết\s+\d+\s+năm", lowered):
            return "other"  # "tổng kết 10 năm thực hiện …": not a year's review
        if "tổng kết" in lowered:
            return "year_end_review"
        if "sơ kết" in lowered and re.search(
            r"6 tháng|sáu tháng|giữa kỳ|giữa năm|giữa nhiệm kỳ", lowered
        ):
            return "midyear_review"
    lowered = sentence.lower()
    if "sơ kết" in lowered:
        return "other"
    if re.search(
        r"triển khai\s+(kế hoạch|đợt|chương trình|phương hướng|nhiệm vụ)", lowered
    ):
        return "plan_launch"
    return "other"


_DATE_CLAUSE = re.compile(
    r"^(?:(?:sáng|chiều|tối|trưa)\s+)?(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?"
    r"|^(?:(?:sáng|chiều|tối|trưa)\s+)?ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?",
    re.I,
)


def _organizer(lead: str) -> str | None:
    match = _ORGANIZES.search(lead)
    if match is None:
        return None
    before = lead[: match.start()]
    # Drop the date and place clauses: "Sáng ngày 07/07/2022, tại xã Minh Tâm, …".
    parts = [p.strip() for p in re.split(r"[,.]\s+", before) if p.strip()]
    parts = [
        p
        for p in parts
        if not _DATE_CLAUSE.search(p) and not re.match(r"^tại\s", p, re.I)
    ]
    if not parts:
        return None
    organizer = _clean(parts[-1])
    if not organizer or not organizer[0].isupper() or len(organizer) > 150:
        return None
    return organizer


def _place(lead: str) -> str | None:
    match = re.search(
        r"(?:^|[,.]\s*|\s)tại\s+(?!hội nghị|buổi|lễ|đây|địa phương|cơ sở)([^,.;]+)",
        lead,
        re.I,
    )
    if match is None:
        return None
    place = _clean(match.group(1))
    return place or None


def _locality(
    context: _Context, organizer: str | None, title: str | None
) -> str | None:
    """The unit whose work is reviewed: named by the organizer ("Thị ủy Điện
    Bàn", "Khối vận phường Tam Quan Nam"), else by the title or the site's
    banner, at the organizer's level."""
    if organizer:
        place = _committee_place(organizer)
        if place:
            return f"{place[0]} {place[1]}"
        levels = _level_of(organizer)
        mentions = list(_UNIT_MENTION.finditer(organizer))
        for match in mentions:
            if match.group(1).lower() in levels:
                return f"{match.group(1).lower()} {match.group(2)}"
        if mentions and not levels:
            # "Ban Chỉ đạo … huyện Sơn Trà Bắc": the unit the body belongs to.
            return f"{mentions[-1].group(1).lower()} {mentions[-1].group(2)}"
    else:
        levels = ()
    if not levels:
        return None
    sources = [title or "", *context.raw.split("\n")[:5]]
    for source in sources:
        for match in re.finditer(
            r"\b(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s+"
            r"([a-zà-ỹđA-ZĐÀ-Ỹ]+(?:\s+[a-zà-ỹđA-ZĐÀ-Ỹ]+){0,3})\s*$",
            source.strip(),
            re.I,
        ):
            if match.group(1).lower() in levels:
                return f"{match.group(1).lower()} {_title_case(match.group(2))}"
        for match in _UNIT_MENTION.finditer(source):
            if match.group(1).lower() in levels and source is title:
                return f"{match.group(1).lower()} {match.group(2)}"
    return None


def _complete_organizer(organizer: str, locality: str) -> str:
    """ "Ban Dân vận Huyện ủy" of huyện Gia Viễn is "Ban Dân vận Huyện ủy Gia Viễn"."""
    name = (
        locality.split(" ", 2)[-1]
        if locality.startswith(("thị xã", "thành phố", "thị trấn", "đặc khu"))
        else locality.split(" ", 1)[-1]
    )
    if fold(name) in fold(organizer):
        return organizer
    if re.search(rf"(?i:(tỉnh|thành|huyện|quận|thị)\s*{_UY})$", organizer):
        return f"{organizer} {name}"
    return organizer


# ---------------------------------------------------------------- periods and dates


def _year_of(text: str) -> int | None:
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


def _half(year: int, first: bool) -> dict[str, str]:
    if first:
        return {"start": f"{year}-01-01", "end": f"{year}-06-30"}
    return {"start": f"{year}-07-01", "end": f"{year}-12-31"}


def _whole(year: int) -> dict[str, str]:
    return {"start": f"{year}-01-01", "end": f"{year}-12-31"}


_RANGE = re.compile(
    r"từ\s+(?:ngày\s+)?(\d{1,2})/(\d{1,2})(?:/(\d{4}))?\s+(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?"
    r"(\d{1,2})/(\d{1,2})(?:/(\d{4}))?",
    re.I,
)


def _periods(
    context: _Context, lead: str | None, title: str | None, kind: str | None
) -> tuple[dict[str, str] | None, dict[str, str] | None]:
    source = " ".join(x for x in (lead, title) if x)
    lowered = source.lower()
    review = plan = None
    if kind == "year_end_review":
        match = re.search(r"tổng kết[^.;]*?năm\s+(\d{4})", lowered)
        if match:
            review = _whole(int(match.group(1)))
            plan_match = re.search(
                r"(?:triển khai|phương hướng|nhiệm vụ|kế hoạch)[^.;]*?năm\s+(\d{4})",
                lowered[match.end() :],
            )
            if plan_match and int(plan_match.group(1)) == int(match.group(1)) + 1:
                plan = _whole(int(plan_match.group(1)))
    elif kind == "midyear_review":
        years = [int(y) for y in re.findall(r"năm\s+(\d{4})", lowered)]
        dated = re.search(r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*(\d{4})", lead or "")
        year = years[0] if years else (int(dated.group(1)) if dated else None)
        if year is not None:
            if re.search(r"6 tháng đầu năm|sáu tháng đầu năm", lowered):
                review = _half(year, True)
            if re.search(r"6 tháng cuối năm|sáu tháng cuối năm", lowered):
                plan = _half(year, False)
        stage = re.search(r"giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})", lowered)
        if review is None and stage and int(stage.group(1)) < int(stage.group(2)):
            review = {
                "start": f"{stage.group(1)}-01-01",
                "end": f"{stage.group(2)}-12-31",
            }
    elif kind == "other":
        match = re.search(r"giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})", lowered)
        if match and int(match.group(1)) < int(match.group(2)):
            review = {
                "start": f"{match.group(1)}-01-01",
                "end": f"{match.group(2)}-12-31",
            }
    elif kind == "plan_launch":
        for paragraph in context.paragraphs:
            match = _RANGE.search(paragraph)
            if match:
                d1, m1, y1, d2, m2, y2 = match.groups()
                mentioned = _year_of(source)
                range_year = y2 or y1 or (str(mentioned) if mentioned else None)
                start = _date(d1, m1, y1 or range_year)
                end = _date(d2, m2, y2 or range_year)
                if start and end and start <= end:
                    plan = {"start": start.isoformat(), "end": end.isoformat()}
                break
        if plan is None:
            match = re.search(
                r"(?:kế hoạch|nhiệm vụ|phương hướng)[^.;]*?năm\s+(\d{4})", lowered
            )
            if match and "đợt" not in lowered:
                plan = _whole(int(match.group(1)))
    return review, plan


def _event_date(
    lead: str | None,
    context: _Context,
    review: dict[str, str] | None,
    plan: dict[str, str] | None,
    kind: str | None,
) -> dt.date | None:
    if lead is None:
        return None
    match = _WORDY_DATE.search(lead) or _DAY_MONTH.search(lead)
    if match is None:
        return None
    day, month, year = match.groups()
    if year:
        return _date(day, month, year)
    month_number = int(month)
    if context.published is not None:
        guess = _date(day, month, context.published.year)
        if guess and guess > context.published:
            guess = _date(day, month, context.published.year - 1)
        return guess
    if kind == "year_end_review" and review:
        reviewed = int(review["start"][:4])
        return _date(day, month, reviewed + 1 if month_number <= 6 else reviewed)
    if kind == "midyear_review" and review:
        return _date(day, month, int(review["start"][:4]))
    if plan:
        return _date(day, month, int(plan["start"][:4]))
    return None


# ---------------------------------------------------------------- attendees

_ATTENDANCE = re.compile(
    r"(?:^|[.;]\s*)(?:tham dự|về dự|dự hội nghị|dự buổi|đến dự|cùng dự|chủ trì)\b", re.I
)
_HONORIFIC = r"(?i:đồng chí|đ/\s?c|ông|bà)"
_RANK = (
    r"(?:Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá|Thượng tá|Trung tá|"
    r"Thiếu tá|Đại úy|Đại uý|Thượng úy|Thượng uý|Trung úy|Trung uý|Thiếu úy|Thiếu uý)"
)
_PERSON = re.compile(
    rf"\b{_HONORIFIC}\s+(?:({_RANK})\s+)?({_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}})",
)
# Words that open a position. Two-word openers are checked as pairs, because
# their first word is also a common given name ("Thành", "Trung", "Thư", "Đại").
_POSITION_WORDS = {
    "phó",
    "trưởng",
    "nguyên",
    "chủ",
    "bí",
    "ủy",
    "uỷ",
    "giám",
    "chuyên",
    "thường",
    "chánh",
    "tổng",
    "chỉ",
    "cán",
    "bác",
    "hiệu",
    "đại",
    "thượng",
    "trung",
    "thiếu",
    "thư",
    "thành",
}
_POSITION_PAIRS = {
    "chủ tịch",
    "chủ nhiệm",
    "bí thư",
    "ủy viên",
    "uỷ viên",
    "giám đốc",
    "chuyên viên",
    "thường trực",
    "chánh văn",
    "chánh án",
    "tổng biên",
    "chỉ huy",
    "cán bộ",
    "bác sĩ",
    "hiệu trưởng",
    "đại diện",
    "đại tá",
    "đại úy",
    "đại uý",
    "thượng tá",
    "trung tá",
    "thiếu tá",
    "thư ký",
    "thành viên",
    "trưởng ban",
    "trưởng phòng",
    "trưởng khối",
    "trưởng thôn",
    "trưởng ấp",
}
_SINGLE_OPENERS = {"phó", "trưởng", "nguyên"}


def _opens_position(words: list[str], i: int) -> bool:
    word = words[i].lower()
    if word in _SINGLE_OPENERS:
        return True
    pair = f"{word} {words[i + 1].lower()}" if i + 1 < len(words) else word
    return pair in _POSITION_PAIRS


_GROUP_END = re.compile(
    r"(?:,\s*|\s)cùng(?: với)?\s+(?:các|đại diện|lãnh đạo|toàn thể|hơn|gần|trên|khoảng|\d)"
    r"|[;.,]\s*(?:các đồng chí|ngoài ra)\b"
    r"|\svà\s+(?:các|toàn thể)\s+(?:đồng chí|đại biểu)\b",
    re.I,
)


def _attendance_text(context: _Context) -> str | None:
    for paragraph in context.paragraphs:
        match = _ATTENDANCE.search(paragraph)
        if match is None:
            continue
        start = match.start()
        return paragraph[start:].lstrip(".; ")
    return None


_SURNAMES = frozenset(
    [
        "Nguyễn",
        "Trần",
        "Lê",
        "Phạm",
        "Hoàng",
        "Huỳnh",
        "Phan",
        "Vũ",
        "Võ",
        "Đặng",
        "Bùi",
        "Đỗ",
        "Hồ",
        "Ngô",
        "Dương",
        "Lý",
        "Đinh",
        "Đoàn",
        "Trương",
        "Lâm",
        "Mai",
        "Trịnh",
        "Đào",
        "Cao",
        "Lưu",
        "Hà",
        "Tạ",
        "Châu",
        "Quách",
        "Thái",
        "Tô",
        "Tăng",
        "Lương",
        "Kiều",
        "Vương",
        "La",
        "Giang",
        "Triệu",
        "Từ",
        "Thân",
        "Khúc",
        "Nông",
        "Lò",
        "Hứa",
        "Mạc",
        "Phùng",
        "Âu",
        "Tôn",
        "Chu",
        "Đàm",
        "Tống",
        "Quan",
        "Diệp",
        "Lã",
        "Lại",
        "Ông",
        "Nghiêm",
        "Kim",
        "Bạch",
        "Hoàng",
        "Viên",
        "Đường",
        "Ninh",
        "Lục",
        "Thạch",
        "Chế",
        "Mã",
        "Khổng",
        "Kha",
        "Doãn",
        "Tiêu",
        "Cù",
        "Cấn",
        "Lăng",
        "Giáp",
        "Hàn",
        "Vi",
        "Đồng",
        "Âu",
        "Đậu",
        "Hầu",
        "Khuất",
    ]
)


def _position_then_name(segment: str) -> tuple[str, str] | None:
    """ "Phó Bí thư Thường trực Huyện ủy Đinh Thị Mai": the name is the run of
    capitalised words at the end that starts with a surname."""
    words = segment.split()
    for start in range(max(0, len(words) - 4), len(words) - 1):
        tail = words[start:]
        if (
            tail[0] in _SURNAMES
            and 2 <= len(tail) <= 4
            and all(re.fullmatch(_NAME_WORD, w) and not w.isdigit() for w in tail)
        ):
            position = _clean(" ".join(words[:start]))
            return (" ".join(tail), position) if position else None
    return None


def _split_name(words: list[str]) -> tuple[list[str], list[str]]:
    """Name syllables, then the rest (a position written without a separator)."""
    name: list[str] = []
    for i, word in enumerate(words):
        if i >= 2 and _opens_position(words, i):
            return name, words[i:]
        name.append(word)
    return name, []


def _attendees(context: _Context) -> list[dict[str, str | None]]:
    text = _attendance_text(context)
    if text is None:
        return []
    end = _GROUP_END.search(text)
    if end is not None:
        text = text[: end.start()]
    people: list[dict[str, str | None]] = []
    # "có các đồng chí: Lương Thị Ngọc Ánh, Ủy viên …; Võ Thanh Tùng, …"
    listed = re.search(r"\bcác (?:đồng chí|ông, bà|ông bà|vị)\s*:\s*", text, re.I)
    if listed is not None:
        for item in re.split(r";\s*|\.\s+", text[listed.end() :]):
            words = item.split()
            for size in (4, 3, 2):
                head = words[:size]
                if (
                    len(head) == size
                    and head[0] in _SURNAMES
                    and all(re.fullmatch(_NAME_WORD, w.rstrip(",")) for w in head)
                    and (
                        head[-1].endswith(",")
                        or (len(words) > size and words[size] in {"-", "–", "—"})
                    )
                ):
                    name = " ".join(head).rstrip(",")
                    position = _clean(" ".join(words[size:]))
                    people.append({"name": name, "position": position or None})
                    break
        text = text[: listed.start()]
    # "đồng chí Phó Bí thư Thường trực Huyện ủy Đinh Thị Mai": position first.
    for segment in re.split(rf"[;.]\s*|,\s*(?={_HONORIFIC}\s)", text):
        opener = re.match(rf"\s*(?:.*?\bcó\s+)?{_HONORIFIC}\s+(.+)$", segment)
        if opener is None:
            continue
        rest = opener.group(1).strip()
        first = rest.split(" ", 1)[0].lower()
        if first in _POSITION_WORDS and not re.match(_RANK, rest):
            found = _position_then_name(rest)
            if found is not None:
                people.append({"name": found[0], "position": found[1]})
                text = text.replace(segment, " " * len(segment))
    # "Dự hội nghị có Phó Chủ tịch Ủy ban nhân dân thành phố Trần Văn Hòa và …"
    bare = re.search(
        r"\bcó\s+(?=(?:Phó|Trưởng|Chủ tịch|Bí thư|Ủy viên|Uỷ viên|Giám đốc)\b)", text
    )
    if bare is not None:
        segment = re.split(
            rf"\s+và\s+|[;.]|,\s*(?={_HONORIFIC}\s)", text[bare.end() :], maxsplit=1
        )[0]
        found = _position_then_name(segment)
        if found is not None:
            people.append({"name": found[0], "position": found[1]})
            text = text.replace(segment, " " * len(segment), 1)
    matches = list(_PERSON.finditer(text))
    for i, match in enumerate(matches):
        rank = match.group(1)
        words = match.group(2).split()
        name_words, spill = _split_name(words)
        if len(name_words) < 2:
            continue
        tail_end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        tail = text[match.end() : tail_end]
        tail = re.split(r";|\.\s|\.$|\s(?:tại|về phía)\s", tail, maxsplit=1)[0]
        position = " ".join(spill) + " " + tail if spill else tail
        position = re.sub(rf"^\s*[,:]?\s*{_DASH}?\s*", "", position)
        bracketed = re.match(r"\s*\(([^)]{3,200})\)", position)
        if bracketed:  # "ông Lò Văn Sáng (Chủ tịch Ủy ban nhân dân xã)"
            position = bracketed.group(1)
        position = _clean(re.sub(r",?\s*(?:và|;)\s*$", "", position.strip()))
        if rank:
            position = f"{rank}, {position}" if position else rank
        people.append({"name": " ".join(name_words), "position": position or None})
    return [p for p in people if p["position"] is not None or p["name"]]


# ---------------------------------------------------------------- initiatives

_FIELD_PATTERNS = [
    ("economy", r"kinh\s*tế"),
    ("culture_society", r"văn\s*h(?:óa|oá|oa)\s*[-–]?\s*xã\s*hội"),
    (
        "defense_security",
        r"(?:quốc\s*phòng\s*[-–]?\s*an\s*ninh|an\s*ninh\s*[-–]?\s*quốc\s*phòng)",
    ),
    ("political_system", r"(?:xây\s*dựng\s*)?(?:hệ\s*thống\s*)?chính\s*trị"),
]
_COUNT = r"(\d[\d.]*)"


def _initiatives(context: _Context, target: dict[str, Any]) -> None:
    text = " ".join(context.paragraphs)
    by_field = target["by_field"]
    for key, pattern in _FIELD_PATTERNS:
        match = re.search(
            rf"(?:lĩnh vực\s+)?{pattern}\s*:?\s*(?:có\s+)?{_COUNT}\s+mô hình"
            rf"|{_COUNT}\s+mô hình\s+(?:thuộc\s+)?(?:trên\s+)?lĩnh vực\s+{pattern}",
            text,
            re.I,
        )
        if match:
            by_field[key] = _number(match.group(1) or match.group(2))
    for key, pattern in (
        (
            "new",
            rf"{_COUNT}\s+mô hình\s+mới|(?:đăng ký|xây dựng)\s+mới\s+{_COUNT}\s+mô hình",
        ),
        (
            "replicated",
            rf"{_COUNT}\s+mô hình\s+(?:được\s+)?nhân rộng|nhân rộng\s+(?:được\s+)?{_COUNT}\s+mô hình",
        ),
        (
            "recognized",
            rf"(?:khảo sát|công nhận|đánh giá|bình chọn|biểu dương|lựa chọn)\s+(?:được\s+)?{_COUNT}\s+mô hình[^.;]{{0,40}}?(?:tiêu biểu|điển hình)"
            rf"|{_COUNT}\s+mô hình\s+(?:được\s+)?(?:công nhận|đánh giá|bình chọn|chọn)\s+(?:là\s+)?(?:tiêu biểu|điển hình)",
        ),
        (
            "cumulative_total",
            rf"tổng số mô hình[^.;]{{0,80}}?(?:là|có|đạt)\s+{_COUNT}\s+mô hình|(?:nâng tổng số|lũy kế|luỹ kế)[^.;]{{0,80}}?{_COUNT}\s+mô hình",
        ),
    ):
        match = re.search(pattern, text, re.I)
        if match:
            target[key] = _number(next(g for g in match.groups() if g))
    total = re.search(
        rf"(?:đăng ký|thực hiện|xây dựng|triển khai|có)\s+(?:xây dựng\s+)?(?:được\s+)?{_COUNT}\s+mô hình",
        text,
        re.I,
    )
    if total:
        value = _number(total.group(1))
        following = text[total.end() : total.end() + 12].lower()
        if not following.startswith((" mới", " nhân rộng")):
            target["total"] = value


_QUOTE = r"[“\"]([^”\"]{3,120})[”\"]"


def _named_initiatives(context: _Context) -> list[str]:
    names: list[str] = []
    text = " ".join(context.paragraphs)
    for match in re.finditer(rf"mô hình\s+{_QUOTE}", text, re.I):
        names.append(match.group(1))
    for match in re.finditer(
        rf"(?:các|những)\s+mô hình[^.;“\"]{{0,40}}?\bnhư\s*:?\s*((?:{_QUOTE}\s*(?:,|và)?\s*)+)",
        text,
        re.I,
    ):
        names += re.findall(_QUOTE, match.group(1))
    seen: set[str] = set()
    result = []
    for name in names:
        name = _clean(name)
        key = fold(name)
        if key in seen or key == fold("Dân vận khéo"):
            continue
        seen.add(key)
        result.append(name)
    return result


# ---------------------------------------------------------------- awards

_FORMS = [
    (r"kỷ niệm chương|kỉ niệm chương", "Kỷ niệm chương Vì sự nghiệp Dân vận"),
    (r"bằng khen", "Bằng khen"),
    (r"giấy khen", "Giấy khen"),
    (r"cờ thi đua", "Cờ thi đua"),
    (r"giấy chứng nhận", "Giấy chứng nhận"),
    (r"khen thưởng", "Khen thưởng"),
]
_AWARD_VERB = re.compile(
    r"\b(?:trao tặng|được tặng|tặng|được khen thưởng|khen thưởng|trao)\b", re.I
)


def _awards(context: _Context) -> list[dict[str, Any]]:
    awards: list[dict[str, Any]] = []
    for paragraph in context.paragraphs:
        if not re.search(r"tập thể|cá nhân", paragraph, re.I):
            continue
        if not re.search(
            r"kỷ niệm chương|kỉ niệm chương|bằng khen|giấy khen|khen thưởng|cờ thi đua",
            paragraph,
            re.I,
        ):
            continue
        for clause in re.split(r";|\.\s", paragraph):
            award = _award(clause)
            if award is not None:
                awards.append(award)
    return awards


def _award(clause: str) -> dict[str, Any] | None:
    verb = _AWARD_VERB.search(clause)
    if verb is None:
        return None
    form = None
    lowered = clause.lower()
    for pattern, label in _FORMS:
        if re.search(pattern, lowered):
            form = label
            break
    if form is None:
        return None
    collectives = re.search(rf"{_COUNT}\s+tập thể", clause)
    individuals = re.search(rf"{_COUNT}\s+cá nhân", clause)
    if not collectives and not individuals:
        return None
    issuer = None
    before = clause[: verb.start()]
    agent = re.search(r"\bđược\s+(.+)$", before)
    if agent is not None:  # "05 cá nhân được Ban Dân vận Trung ương tặng …"
        candidate = _clean(agent.group(1))
        if candidate and candidate[0].isupper() and len(candidate) < 120:
            issuer = candidate
    elif not verb.group(0).lower().startswith("được"):
        before = re.sub(
            r"^\s*(?:tại hội nghị|dịp này|nhân dịp này|cũng tại hội nghị)\s*,?\s*",
            "",
            before.strip(),
            flags=re.I,
        )
        candidate = _clean(before)
        if (
            candidate
            and candidate[0].isupper()
            and not re.search(r"\d", candidate)
            and len(candidate) < 120
        ):
            issuer = candidate
    return {
        "issuer": issuer,
        "form": form,
        "collectives": _number(collectives.group(1)) if collectives else 0,
        "individuals": _number(individuals.group(1)) if individuals else 0,
    }


# ---------------------------------------------------------------- indicators and targets


def _measure(
    label: str,
    value: int | float | None = None,
    *,
    of: int | None = None,
    percent: float | None = None,
    unit: str | None = None,
) -> dict[str, Any]:
    """One row of ``indicators`` in the contract's shape."""
    return {"label": label, "value": value, "of": of, "percent": percent, "unit": unit}


def _decimal(text: str) -> float | None:
    value = parse_number(text)
    return None if value is None else float(value)


def _indicators(context: _Context) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    text = " ".join(context.paragraphs)
    # "có 3374 gia đình đăng ký; … có 3270 gia đình đạt “Gia đình văn hóa”, chiếm tỷ lệ 96,99%"
    for match in re.finditer(
        rf"{_COUNT}\s+([a-zà-ỹđ ]{{2,20}}?)\s+(?:đạt|được công nhận)\s+(?:danh hiệu\s+)?{_QUOTE}"
        rf"(?:,?\s*(?:chiếm|đạt)\s+(?:tỷ lệ|tỉ lệ)?\s*(\d+(?:,\d+)?)\s*%)?",
        text,
        re.I,
    ):
        value, unit, label, percent = match.groups()
        denominator = re.search(
            rf"{_COUNT}\s+{re.escape(unit)}\s+(?:đăng ký|tham gia đăng ký)",
            text[: match.start()],
            re.I,
        )
        found.append(
            _measure(
                label,
                _number(value),
                of=_number(denominator.group(1)) if denominator else None,
                percent=_decimal(percent) if percent else None,
                unit=unit.strip(),
            )
        )
    # "7/7 khu phố đạt, giữ vững khu phố văn hóa"
    for match in re.finditer(
        r"(\d[\d.]*)/(\d[\d.]*)\s+([a-zà-ỹđ, ]{2,40}?)\s+(?:đạt|giữ vững|được công nhận)[^.;]*?"
        r"((?:\2|\b)[a-zà-ỹđ, ]*?văn h(?:óa|oá|oa))\b",
        text,
        re.I,
    ):
        value, total, unit, label = match.groups()
        label = re.sub(
            r"^(?:đạt|giữ vững|và)\s+",
            "",
            _clean(label.split("giữ vững")[-1]),
            flags=re.I,
        )
        found.append(
            _measure(
                _clean(label),
                _number(value),
                of=_number(total),
                unit=_clean(unit.split(",")[0]),
            )
        )
    # "Tỷ lệ hộ gia đình tham gia bảo hiểm y tế đạt 83,07%"
    for match in re.finditer(
        r"(?:tỷ lệ|tỉ lệ)\s+([^\d.;,][^.;,]{2,80}?)\s+(?:đạt|là|chiếm|giảm còn|giảm xuống còn|tăng lên|còn)\s+(\d+(?:,\d+)?)\s*%",
        text,
        re.I,
    ):
        found.append(
            _measure(_clean(match.group(1)), None, percent=_decimal(match.group(2)))
        )
    # "vận động nhân dân hiến 3.200 m2 đất làm đường giao thông",
    # "trao tặng 1.500 suất quà cho hộ nghèo", "hỗ trợ xây dựng 35 căn nhà …"
    for match in re.finditer(
        rf"((?:vận động[^.;,]{{0,40}}?\s)?(?:hỗ trợ xây dựng|xây dựng|xây tặng|hiến|đóng góp|làm mới|sửa chữa|nâng cấp|trao tặng|tặng))\s+(?:được\s+)?"
        rf"{_COUNT}\s+(m2|m²|km|ha|ngày công|suất quà|phần quà|căn)\b((?:\s+(?!và\b)[{_LOWER}{_UPPER}]+){{0,6}})",
        text,
    ):
        verb, count, unit, thing = match.groups()
        label = (
            f"{verb} {thing}"
            if unit in {"m2", "m²", "km", "ha", "căn"}
            else f"{verb} {unit} {thing}"
        )
        found.append(
            _measure(_clean(label), _number(count), unit="m2" if unit == "m²" else unit)
        )
    # "tổ chức 86 cuộc đối thoại trực tiếp với Nhân dân"
    for match in re.finditer(
        rf"tổ chức\s+(?:được\s+)?{_COUNT}\s+(cuộc|buổi|lớp)\s+((?:[a-zà-ỹđA-ZĐÀ-Ỹ]+\s*){{1,7}})",
        text,
    ):
        count, unit, thing = match.groups()
        found.append(_measure(_clean(f"{unit} {thing}"), _number(count), unit=unit))
    # "98,2% khu dân cư đạt danh hiệu khu dân cư văn hóa"
    for match in re.finditer(
        r"(?<![\d,])(\d+(?:,\d+)?)\s*%\s+([a-zà-ỹđ][^.;,%]{2,60}?\s+(?:đạt|được công nhận|giữ vững)\s+[^.;,]{3,80})",
        text,
    ):
        found.append(
            _measure(_clean(match.group(2)), None, percent=_decimal(match.group(1)))
        )
    # "giới thiệu 86 quần chúng ưu tú cho Đảng"
    for match in re.finditer(
        rf"giới thiệu\s+(?:được\s+)?{_COUNT}\s+(quần chúng ưu tú|đoàn viên ưu tú|hội viên ưu tú)(\s+cho Đảng)?",
        text,
        re.I,
    ):
        found.append(
            _measure(
                _clean(f"{match.group(2)} giới thiệu{match.group(3) or ''}"),
                _number(match.group(1)),
            )
        )
    # "phát triển được 312 hội viên"
    for match in re.finditer(
        rf"phát triển (?:mới )?(?:được )?{_COUNT}\s+(hội viên|đoàn viên|đảng viên)",
        text,
        re.I,
    ):
        found.append(_measure(f"{match.group(2)} phát triển", _number(match.group(1))))
    # "… giải ngân được 90 triệu": money
    for sentence in _sentences(text):
        money = re.search(r"(\d[\d.,]*)\s*(triệu|tỷ|nghìn)(?:\s+đồng)?", sentence)
        if money is None or not re.search(
            r"kinh phí|giải ngân|hỗ trợ|vận động|quyên góp|ủng hộ", sentence, re.I
        ):
            continue
        amount = parse_number(f"{money.group(1)} {money.group(2)}")
        if amount is None:
            continue
        label = re.split(
            r"\s+(?:tiếp tục\s+)?(?:giải ngân|được|đạt)\b",
            sentence[: money.start()],
            maxsplit=1,
        )[0]
        verb = re.search(r"giải ngân|vận động|quyên góp|ủng hộ", sentence, re.I)
        label = _clean(label)
        if verb and verb.group(0).lower() not in label.lower():
            label = f"{label} {verb.group(0).lower()}"
        found.append(
            _measure(
                label,
                int(amount) if amount == amount.to_integral_value() else float(amount),
                unit="VND",
            )
        )
    return found


def _targets(context: _Context) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    text = " ".join(context.paragraphs)
    for match in re.finditer(
        rf"chỉ tiêu\s+([^.;]{{5,200}}?)\s+(?:từ|ít nhất|tối thiểu|không dưới)\s+{_COUNT}\s+"
        rf"(mô hình|căn nhà|ngày công|suất quà|phần quà|lượt người|[a-zà-ỹđ]+)"
        rf"(?:\s+trở lên)?((?:\s+[“\"]?[{_LOWER}{_UPPER}]+[”\"]?){{0,6}})",
        text,
        re.I,
    ):
        label, count, unit, thing = match.groups()
        label = _clean(f"{label} {thing.replace('“', '').replace('”', '')}")
        found.append({"label": label, "at_least": _number(count), "unit": unit})
    return found


def _partners(context: _Context) -> list[str]:
    text = " ".join(context.paragraphs)
    partners: list[str] = []
    for match in re.finditer(
        r"ký(?: kết)?\s+(?:các\s+)?chương trình phối hợp\s+"
        r"(?:giữa\s+[^;.]+?\s+(?:và|với)|với)\s+([^;.]+)",
        text,
        re.I,
    ):
        for part in re.split(r",\s*|\s+và\s+", match.group(1)):
            part = _clean(re.split(r"\s+(?:về|trong|nhằm|để)\s", part)[0])
            if part and part[0].isupper():
                partners.append(part)
    return partners


def to_json_ready(facts: Facts) -> Facts:
    """Decimals as numbers for json.dumps."""

    def convert(value: Any) -> Any:
        if isinstance(value, Decimal):
            return int(value) if value == value.to_integral_value() else float(value)
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items()}
        if isinstance(value, list):
            return [convert(v) for v in value]
        return value

    converted: Facts = convert(facts)
    return converted
