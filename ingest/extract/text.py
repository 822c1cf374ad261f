"""What every rule shares: sentences and paragraphs, dates, numbers, proper
names, the names of administrative units and of the committees that lead them,
and the context of one article."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from vn.numbers import parse_number

_SENTENCE_END = re.compile(r"(?<=[.!?…;])\s+")
DASH = r"[-–—]"
WEEKDAY = r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật)"
DATELINE = re.compile(
    rf"^{WEEKDAY}\s*[,\-–]?\s*(?:ngày\s*)?(\d{{1,2}})/(\d{{1,2}})/(\d{{4}})", re.I
)
PUBLISHED = re.compile(
    r"^(?:ngày\s+(?:đăng|đưa tin|cập nhật|xuất bản)|đăng ngày|cập nhật)\s*:?\s*"
    r"(\d{1,2})/(\d{1,2})/(\d{4})",
    re.I,
)
DAY_MONTH = re.compile(
    r"(?:(?:sáng|chiều|tối|trưa)\s+)?(?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?"
)
WORDY_DATE = re.compile(
    r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?", re.I
)
YEAR_WORD = re.compile(r"\bnăm\s+(\d{4})\b", re.I)


def split_sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(paragraph) if s.strip()]


def split_paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]


def make_date(day: str, month: str, year: str | int | None) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def whole_number(text: str) -> int | None:
    value = parse_number(text)
    if value is None or value != value.to_integral_value():
        return None
    return int(value)


def tidy(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).strip(" ,;:.-–—")


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
LOWER = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệfghiìíỉĩịjklmnoòóỏõọôồốổỗộơờớởỡợ"
    "pqrstuùúủũụưừứửữựvwxyỳýỷỹỵz"
)
UPPER = LOWER.upper()
UY = "(?:ủy|uỷ|uy)"  # both tone placements, and none
# A proper name: capitalised syllables (one to five), e.g. "Gia Viễn", "Tam Quan Nam".
NAME_WORD = rf"(?:[{UPPER}][{LOWER}]*(?![{LOWER}{UPPER}])|\d+(?!\d))"
PROPER = rf"{NAME_WORD}(?:\s+{NAME_WORD}){{0,4}}"
UNIT_MENTION = re.compile(
    rf"\b((?i:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu))\s+({PROPER})"
)
# Which level of unit a committee belongs to.
COMMITTEE_LEVEL = [
    (re.compile(rf"(?i:tỉnh\s*{UY})"), ("tỉnh",)),
    (re.compile(rf"(?i:thành\s*{UY})"), ("thành phố",)),
    (re.compile(rf"(?i:huyện\s*{UY})"), ("huyện",)),
    (re.compile(rf"(?i:quận\s*{UY})"), ("quận",)),
    (re.compile(rf"(?i:thị\s*{UY})"), ("thị xã",)),
]
LOCAL_LEVEL = ("xã", "phường", "thị trấn", "đặc khu")


def title_case(name: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in name.split())


def level_of(organizer: str) -> tuple[str, ...]:
    for pattern, levels in COMMITTEE_LEVEL:
        if pattern.search(organizer):
            return levels
    lowered = organizer.lower()
    for level in LOCAL_LEVEL:
        if re.search(rf"\b{level}\b", lowered):
            return (level,)
    if re.search(rf"đảng\s*{UY}", lowered):
        return LOCAL_LEVEL
    return ()


def committee_place(organizer: str) -> tuple[str, str] | None:
    """ "Thị ủy Điện Bàn" names the unit "thị xã Điện Bàn"."""
    for pattern, levels in COMMITTEE_LEVEL:
        match = re.search(pattern.pattern + rf"\s+({PROPER})", organizer)
        if match:
            return levels[0], match.group(1)
    return None


@dataclass
class Context:
    text: str  # cleaned
    raw: str  # before cleaning (banners name the unit)
    paragraphs: list[str]
    published: dt.date | None = None


COUNT = r"(\d[\d.]*)"
QUOTE = r"[“\"]([^”\"]{3,120})[”\"]"


def is_dateline(line: str) -> bool:
    return bool(DATELINE.search(line) or PUBLISHED.search(line))
