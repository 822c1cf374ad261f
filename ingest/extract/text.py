"""What every rule shares: sentences and paragraphs, dates, numbers, proper
names, the names of administrative units and of the committees that lead them,
and the context of one article."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from vn.numbers import parse_number

# A sentence ends at . ! ? … ; but not after "TP.", "TX.", "Q." (thành phố,
# thị xã, quận written short).
_SENTENCE_END = re.compile(
    r"(?<=[.!?…;])(?<!\bTP\.)(?<!\bTp\.)(?<!\bTX\.)(?<!\bQ\.)(?<!\bP\.)\s+"
)
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
WORDY_DATE = re.compile(
    r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?", re.I
)
# The day in a lead: "Sáng 12-10", "chiều 6.10", "Sáng nay 29/11", "Ngày 05/4/2022",
# "Sáng nay (8-11)"; a bare "15/10/1930" inside brackets is not the day.
# "Trong 2 ngày 24 và 25/6", "từ ngày 18 đến 20/8/2026": held from the first day.
DAY_PAIR = re.compile(
    r"(?i:ngày)\s+(\d{1,2})\s*(?:và|-|–|đến(?:\s+ngày)?)\s*\d{1,2}\s*[/.-]\s*(\d{1,2})"
    r"(?:\s*[/.-]\s*(\d{4}))?(?![\d/])"
)
LEAD_DATE = re.compile(
    r"(?:(?<![\w/.-])(?:(?:sáng|chiều|tối|trưa)(?:\s+(?:nay|qua|hôm qua))?\s+(?:ngày\s+)?"
    r"|ngày\s+)|^)\(?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?(?![\d/-])",
    re.I,
)


YEAR_WORD = re.compile(r"\bnăm\s+(\d{4})\b", re.I)


def split_sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(paragraph) if s.strip()]


# A news agency's mark before a lead, inside a line: " ĐNO - ", " (TTXVN) – ";
# not an abbreviated position between dashes ("Nguyễn Văn A - UVBTV - Trưởng …").
_AGENCY_MARK = re.compile(
    r"(?<![-–—])\s(?:\([A-ZĐ]{2,8}\)|[A-ZĐ]{2,6})\s*[-–—]\s+(?=[A-ZĐÀ-Ỹ])"
)


# … or at the lead's date, when no sentence ends before it ("… 6 tháng cuối
# năm Chiều 26/6, Ban Xây dựng Đảng …").
_LEAD_STARTS = re.compile(
    r"(?<=[a-zà-ỹđ0-9”\"])\s+(?=(?:Sáng|Chiều|Tối|Trưa|Ngày)\s+(?:ngày\s+)?"
    r"\d{1,2}\s*[/.-]\s*\d{1,2}\b[^.]{0,40},)"
)


def split_paragraphs(text: str) -> list[str]:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    if paragraphs:
        # A search engine's excerpt may run the headline and the lead into
        # one line ("… trong tình hình mới ĐNO - Ban Tuyên giáo …"): part them
        # at the agency's mark, when a headline's worth of words comes first.
        mark = _AGENCY_MARK.search(paragraphs[0])
        if mark is None:
            dated = _LEAD_STARTS.search(paragraphs[0])
            ended = dated and re.search(r"[.!?;]\s", paragraphs[0][: dated.start()])
            mark = None if ended else dated
        if mark is not None and len(paragraphs[0][: mark.start()].split()) >= 6:
            head = paragraphs[0]
            paragraphs[0:1] = [head[: mark.start()].strip(), head[mark.end() :]]
    return paragraphs


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
        if re.search(rf"\b{level}\b(?!\s+hội\b)", lowered):  # not "xã hội"
            return (level,)
    # "Đảng ủy các cơ quan Đảng tỉnh Nghệ An": a Party committee of a province
    for level in ("tỉnh", "thành phố"):
        if re.search(rf"\b(?i:{level})\s+[{UPPER}]", organizer):
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
    marker_date: dt.date | None = None  # a search engine's " date YYYY-MM-DD"
    marker_month: tuple[int, int] | None = None  # its " date YYYY-MM": year, month


COUNT = r"(\d[\d.]*)"
QUOTE = r"[“\"]([^”\"]{3,120})[”\"]"


DATE_IN_LINE = re.compile(
    r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)"
)
_TIME = re.compile(r"\b\d{1,2}\s*[:h]\s*\d{2}(?:\s*:\s*\d{2})?\b")
_DATELINE_WORDS = re.compile(
    r"(?i:ngày đăng|đăng ngày|ngày cập nhật|cập nhật lúc|cập nhật ngày|cập nhật|"
    r"đăng lúc|ngày|lượt xem|xem|GMT\+?7|thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)"
)


def dateline_date(line: str) -> dt.date | None:
    """The date of a line that carries a date and little else: "Thứ ba,
    13/10/2015 07:00", "Cập nhật: 19-07-2022 | 07:42:43", "(07:54 |
    28/08/2020)", "Ngày 08/02/2015 10:03:16". A sentence with a date in it
    (a lead) is not a dateline."""
    if len(line) > 120:
        return None
    match = DATE_IN_LINE.search(line)
    if match is None:
        return None
    rest = _TIME.sub(" ", line[: match.start()] + " " + line[match.end() :])
    rest = _DATELINE_WORDS.sub(" ", rest)
    words = [w for w in re.split(r"[\s|,:;()•/–—-]+", rest) if w and not w.isdigit()]
    if len(words) > 3:
        return None
    return make_date(*match.groups())


def is_dateline(line: str) -> bool:
    return dateline_date(line) is not None


# Vietnamese surnames: where a name starts in a run of capitalised words.
SURNAMES = frozenset(
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
        "Đầu",
        "Lữ",
        "Thiều",
        "Mẫn",
        "Trình",
        "Danh",
        "Khương",
        "Hầu",
        "Khuất",
        "Trang",
        "Phí",
        "Ưng",
        "Bế",
        "Lộc",
        "Vy",
        "Sầm",
        "Cầm",
        "Lường",
        "Tòng",
        "Quàng",
        "Thào",
        "Giàng",
        "Sùng",
        "Vừ",
        "Lầu",
        "Mùa",
        "Đèo",
        "Liêu",
        "Điểu",
        "Phương",
        "Nhữ",
        "Huỳnh",
        "Ma",
        "Nghiêm",
        # Family names of the northern mountain peoples (Hà Nhì, Lô Lô, Mông,
        # Dao, Thái) that staff lists often carry.
        "Lỳ",
        "Lù",
        "Hờ",
        "Vàng",
        "Cứ",
        "Sồng",
        "Bàn",
        "Bạc",
        "Lò",
        "Pờ",
        "Chảo",
        "Tẩn",
    ]
)
