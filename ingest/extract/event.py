"""The event: the lead sentence, its kind, organizer, place and locality;
the bodies a coordination programme was signed with."""

from __future__ import annotations

import re

from ingest.extract.text import (
    DAY_MONTH,
    UNIT_MENTION,
    UY,
    WORDY_DATE,
    Context,
    committee_place,
    is_dateline,
    level_of,
    split_sentences,
    tidy,
    title_case,
)
from vn.text import fold

_ORGANIZES = re.compile(r"\b(?:đã\s+|vừa\s+|long trọng\s+)*tổ chức\b", re.I)
_EVENT_WORDS = re.compile(
    r"hội nghị|tổng kết|sơ kết|triển khai|đối thoại|tọa đàm|toạ đàm|hội thảo|diễn đàn"
    r"|\blễ\b|ra mắt|ra quân|phát động|buổi",
    re.I,
)


def is_event_title(title: str) -> bool:
    return bool(_EVENT_WORDS.search(title))


def lead_sentence(context: Context) -> str | None:
    """The sentence that says when and by whom the event was held."""
    for paragraph in context.paragraphs[:8]:
        if is_dateline(paragraph):
            continue
        sentences = split_sentences(paragraph)
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
    return bool(WORDY_DATE.search(sentence) or DAY_MONTH.search(sentence))


def event_kind(sentence: str, title: str | None) -> str:
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


def organizer_of(lead: str) -> str | None:
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
    organizer = tidy(parts[-1])
    if not organizer or not organizer[0].isupper() or len(organizer) > 150:
        return None
    return organizer


def place_of(lead: str) -> str | None:
    match = re.search(
        r"(?:^|[,.]\s*|\s)tại\s+(?!hội nghị|buổi|lễ|đây|địa phương|cơ sở)([^,.;]+)",
        lead,
        re.I,
    )
    if match is None:
        return None
    place = tidy(match.group(1))
    return place or None


def locality_of(
    context: Context, organizer: str | None, title: str | None
) -> str | None:
    """The unit whose work is reviewed: named by the organizer ("Thị ủy Điện
    Bàn", "Khối vận phường Tam Quan Nam"), else by the title or the site's
    banner, at the organizer's level."""
    if organizer:
        place = committee_place(organizer)
        if place:
            return f"{place[0]} {place[1]}"
        levels = level_of(organizer)
        mentions = list(UNIT_MENTION.finditer(organizer))
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
                return f"{match.group(1).lower()} {title_case(match.group(2))}"
        for match in UNIT_MENTION.finditer(source):
            if match.group(1).lower() in levels and source is title:
                return f"{match.group(1).lower()} {match.group(2)}"
    return None


def complete_organizer(organizer: str, locality: str) -> str:
    """ "Ban Dân vận Huyện ủy" of huyện Gia Viễn is "Ban Dân vận Huyện ủy Gia Viễn"."""
    name = (
        locality.split(" ", 2)[-1]
        if locality.startswith(("thị xã", "thành phố", "thị trấn", "đặc khu"))
        else locality.split(" ", 1)[-1]
    )
    if fold(name) in fold(organizer):
        return organizer
    if re.search(rf"(?i:(tỉnh|thành|huyện|quận|thị)\s*{UY})$", organizer):
        return f"{organizer} {name}"
    return organizer


def partners(context: Context) -> list[str]:
    text = " ".join(context.paragraphs)
    partners: list[str] = []
    for match in re.finditer(
        r"ký(?: kết)?\s+(?:các\s+)?chương trình phối hợp\s+"
        r"(?:giữa\s+[^;.]+?\s+(?:và|với)|với)\s+([^;.]+)",
        text,
        re.I,
    ):
        for part in re.split(r",\s*|\s+và\s+", match.group(1)):
            part = tidy(re.split(r"\s+(?:về|trong|nhằm|để)\s", part)[0])
            if part and part[0].isupper():
                partners.append(part)
    return partners
