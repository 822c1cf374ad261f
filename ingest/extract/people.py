"""People present: names and positions, in the shapes Vietnamese news uses."""

from __future__ import annotations

import re

from ingest.extract.text import DASH, NAME_WORD, SURNAMES, Context, tidy

_ATTENDANCE = re.compile(
    r"(?:^|[.;]\s*)(?:tham dự|về dự|dự hội nghị|dự buổi|đến dự|cùng dự|chủ trì)\b", re.I
)
HONORIFIC = r"(?i:đồng chí|đ/\s?c|ông|bà)"
RANK = (
    r"(?:Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá|Thượng tá|Trung tá|"
    r"Thiếu tá|Đại úy|Đại uý|Thượng úy|Thượng uý|Trung úy|Trung uý|Thiếu úy|Thiếu uý)"
)
_PERSON = re.compile(
    rf"\b{HONORIFIC}\s+(?:({RANK})\s+)?({NAME_WORD}(?:\s+{NAME_WORD}){{1,4}})",
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


def _attendance_text(context: Context) -> str | None:
    for paragraph in context.paragraphs:
        match = _ATTENDANCE.search(paragraph)
        if match is None:
            continue
        start = match.start()
        return paragraph[start:].lstrip(".; ")
    return None


def _position_then_name(segment: str) -> tuple[str, str] | None:
    """ "Phó Bí thư Thường trực Huyện ủy Đinh Thị Mai": the name is the run of
    capitalised words at the end that starts with a surname."""
    words = segment.split()
    for start in range(max(0, len(words) - 4), len(words) - 1):
        tail = words[start:]
        if (
            tail[0] in SURNAMES
            and 2 <= len(tail) <= 4
            and all(re.fullmatch(NAME_WORD, w) and not w.isdigit() for w in tail)
        ):
            position = tidy(" ".join(words[:start]))
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


def attendees(context: Context) -> list[dict[str, str | None]]:
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
                    and head[0] in SURNAMES
                    and all(re.fullmatch(NAME_WORD, w.rstrip(",")) for w in head)
                    and (
                        head[-1].endswith(",")
                        or (len(words) > size and words[size] in {"-", "–", "—"})
                    )
                ):
                    name = " ".join(head).rstrip(",")
                    position = tidy(" ".join(words[size:]))
                    people.append({"name": name, "position": position or None})
                    break
        text = text[: listed.start()]
    # "đồng chí Phó Bí thư Thường trực Huyện ủy Đinh Thị Mai": position first.
    for segment in re.split(rf"[;.]\s*|,\s*(?={HONORIFIC}\s)", text):
        opener = re.match(rf"\s*(?:.*?\bcó\s+)?{HONORIFIC}\s+(.+)$", segment)
        if opener is None:
            continue
        rest = opener.group(1).strip()
        first = rest.split(" ", 1)[0].lower()
        if first in _POSITION_WORDS and not re.match(RANK, rest):
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
            rf"\s+và\s+|[;.]|,\s*(?={HONORIFIC}\s)", text[bare.end() :], maxsplit=1
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
        position = re.sub(rf"^\s*[,:]?\s*{DASH}?\s*", "", position)
        bracketed = re.match(r"\s*\(([^)]{3,200})\)", position)
        if bracketed:  # "ông Lò Văn Sáng (Chủ tịch Ủy ban nhân dân xã)"
            position = bracketed.group(1)
        position = tidy(re.sub(r",?\s*(?:và|;)\s*$", "", position.strip()))
        if rank:
            position = f"{rank}, {position}" if position else rank
        people.append({"name": " ".join(name_words), "position": position or None})
    return [p for p in people if p["position"] is not None or p["name"]]
