"""People present: names and positions, in the shapes Vietnamese news uses."""

from __future__ import annotations

import re

from ingest.extract.text import (
    DASH,
    LOWER,
    NAME_WORD,
    SURNAMES,
    UPPER,
    Context,
    split_sentences,
    tidy,
)

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
    found = []
    for start in range(max(0, len(words) - 4), len(words) - 1):
        tail = words[start:]
        if (
            tail[0] in SURNAMES
            and 2 <= len(tail) <= 4
            and all(re.fullmatch(NAME_WORD, w) and not w.isdigit() for w in tail)
        ):
            found.append(start)
    if not found:
        return None
    # "… Đảng ủy xã Sơn Hà Đặng Văn Quý": a place ending in a surname ("Hà")
    # before a name; a name of three words is the likelier reading.
    start = next((s for s in found if len(words) - s == 3), found[0])
    position = tidy(" ".join(words[:start]))
    return (" ".join(words[start:]), position) if position else None


def _split_name(words: list[str]) -> tuple[list[str], list[str]]:
    """Name syllables, then the rest (a position written without a separator)."""
    name: list[str] = []
    for i, word in enumerate(words):
        if i >= 2 and _opens_position(words, i):
            return name, words[i:]
        name.append(word)
    return name, []


_JOINED = re.compile(
    rf"(\s(?:và|cùng)\s+)(?:{RANK}\s+)?((?:{'|'.join(sorted(SURNAMES, key=len, reverse=True))})"
    rf"(?:\s+{NAME_WORD}){{1,3}}),"
)


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
    # "các đồng chí Lê Văn Tâm, Phó Trưởng Ban … và Võ Thị Hạnh, Chủ tịch …":
    # the person after "và" is listed as the ones before.
    text = _JOINED.sub(lambda m: f"{m.group(1)}đồng chí {m.group(2)},", text)
    matches = list(_PERSON.finditer(text))
    for i, match in enumerate(matches):
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
        # A military or police rank before the name is not part of the
        # position (LABELING.md of the real corpus).
        people.append({"name": " ".join(name_words), "position": position or None})
    return [p for p in people if p["position"] is not None or p["name"]]


# ---- people anywhere in the text: leads, captions, speeches, signings
_APOSTROPHE = "’'"
_PERSON_WORD = (
    rf"(?:[{UPPER}][{LOWER}]*[{_APOSTROPHE}][{UPPER}][{LOWER}]*|[{UPPER}][{LOWER}]+)"
    rf"(?![{LOWER}{UPPER}{_APOSTROPHE}])"
)
_SURNAME = (
    "(?:"
    + "|".join(sorted(SURNAMES, key=len, reverse=True))
    # the peoples of the Central Highlands: "Y Khu Niê", "A Dũi" (Xơ Đăng,
    # Ba Na men), "Ka Thủy" (K'Ho women), "Kpă Lệ"
    + rf"|Siu|Ksor|Rơ|Nay|Rah|Kpă|Ka|Y|A|[{UPPER}][{LOWER}]*[{_APOSTROPHE}][{UPPER}][{LOWER}]*)"
)
# Words that open a position, not a given name: "Chính" and "Thường" are
# given names too ("Đinh Đức Chính"), "Chính trị viên", "Thường trực" are not.
_NOT_GIVEN = (
    r"(?!(?:Phó|Trưởng|Ủy|Uỷ|Huyện|Tỉnh|Xã)\b|Chủ\s+(?:tịch|nhiệm)\b|Bí\s+thư\b"
    r"|Giám\s+đốc\b|Chính\s+(?:trị|ủy|uỷ)\b|Tổng\s+\w|Thường\s+(?:trực|vụ)\b)"
)
_NAME = (
    rf"(?:{_SURNAME}(?:\s+{_NOT_GIVEN}{_PERSON_WORD}){{1,3}}"
    rf"|[{UPPER}][{LOWER}]*[{_APOSTROPHE}][{UPPER}][{LOWER}]+)"
    rf"(?![{LOWER}{UPPER}{_APOSTROPHE}])"
)
_OPENER = (
    r"(?:Phó|Trưởng|Chủ tịch|Chủ nhiệm|Bí thư|Ủy viên|Uỷ viên|UV|TUV|UVBTV\w*|PBT\w*|"
    r"Giám đốc|Chính trị viên|Chỉ huy|Thường vụ|Thường trực|Tổng|Thứ trưởng|Bộ trưởng|"
    r"Tư lệnh|Chánh|Hiệu trưởng|Viện trưởng|Đại biểu Quốc hội|Nguyên|Thành viên|"
    r"Trưởng ban|Trưởng phòng|Chuyên viên|Cán bộ|Bí thư Chi bộ|Trưởng thôn|Trưởng ấp|"
    r"Trưởng bản|Chi hội trưởng|Chi hội phó|Tổ trưởng|Tổ phó|Già làng)"
)
# Where a position stops: a verb of the event, a bracket, the next person.
_STOP_VERBS = (
    r"(?:đã\s+|cũng\s+|vừa\s+)?(?:chủ trì|đồng chủ trì|phát biểu|trao|tặng|đánh giá|"
    r"ký|cho biết|cho hay|khen thưởng|nhấn mạnh|đề nghị|yêu cầu|báo cáo|khẳng định|ghi nhận|biểu dương|"
    r"cùng|tham dự|dự|đến dự|tới dự|về dự|thay mặt|làm trưởng đoàn|trình bày|quán triệt|"
    r"kết luận|chúc mừng|tặng hoa|phát động|trao đổi|giới thiệu|thông qua|lưu ý|mong muốn|"
    r"chỉ đạo|điều hành|tuyên bố|khai mạc|bế mạc|đọc|công bố|nêu|chia sẻ|ôn lại|trả lời|"
    r"làm việc|tiếp thu|giải đáp|thăm|động viên)\b"
)
_POSITION_STOP = re.compile(
    rf"\s+{_STOP_VERBS}"
    r"|\s*\(|\s+và\s+(?=(?:đồng chí|ông|bà|các\s+(?:đồng chí|đại biểu|vị))\b)"
    rf"|\s+và\s+(?={RANK}\s)|\s+và\s+(?=" + _SURNAME + r"\s)"
    r"|,\s*(?=(?:đồng chí|ông|bà)\b)|,\s*(?=" + _SURNAME + r"\s+[A-ZĐÀ-Ỹ])"
    rf"|,\s*(?={RANK}\s)|,\s*(?:cùng|và)\b"
    r"|\s+(?:tại|về phía|trong|khi|để|nhằm|với)\s",
)
_NAME_THEN_POSITION = re.compile(
    rf"(?:\b(?i:đồng chí|đ/c|ông|bà)\s+|\b{RANK}\s+|(?<![{LOWER}{UPPER}]\s)(?<![{LOWER}{UPPER}]))"
    rf"(?P<names>{_NAME}(?:\s*(?:,|và)\s*{_NAME})*)(?:\s*\([^)]{{1,40}}\))?"
    rf"\s*(?:[,–-]\s*|\s(?={_OPENER}\b))(?P<position>{_OPENER}\b(?:[^.;:!?]|\.(?=\S))*)"
)
# A word of a position: not "và", not the next person's honorific; a comma
# only when another position follows ("Ủy viên Ban Thường vụ, Trưởng Ban …").
_POSITION_TOKEN = rf"(?:\s+|,\s*(?={_OPENER}\b))(?!và\b(?!\s+Dân\s+vận)|(?i:đồng chí|ông|bà)\b)[^\s.;:,]+"
_POSITION_THEN_NAME = re.compile(
    rf"(?:\b(?i:đồng chí|đ/c|ông|bà)\s+)?(?<![{LOWER}])(?P<position>{_OPENER}\b(?:{_POSITION_TOKEN}){{1,22}}?)"
    rf"\s+(?P<name>{_NAME})(?=\s*[,.;:)]|\s*$|\s+{_STOP_VERBS})"
)
_COMMITTEE_END = re.compile(
    r"(?i:(?:ủy|uỷ|tỉnh|huyện|xã|phường|quận|thành phố|thị xã)$)"
)
_NOT_PEOPLE = {"Hồ Chí Minh", "Tôn Đức Thắng", "Võ Nguyên Giáp"}


def _trim_position(position: str) -> str:
    stop = _POSITION_STOP.search(position)
    if stop is not None:
        position = position[: stop.start()]
    position = re.sub(r"\s+(?:đã|cũng|vừa)$", "", position.strip())
    return tidy(position)


_EARLIER = re.compile(r"(?i:trước đó|trước đây|năm trước|năm ngoái)\b")


_NEXT_PERSON = re.compile(
    rf",\s*(?P<theirs>{_OPENER}\b(?:{_POSITION_TOKEN}){{1,22}}?)\s+(?P<name>{_NAME})"
    rf"(?=\s*[,.;:)]|\s*$|\s+{_STOP_VERBS})"
)


def _next_person(position: str) -> tuple[str, str, str] | None:
    """A position read after one name that runs on into the next person's,
    position first ("…, Bí thư Huyện ủy B Trần Thị C"): the first person's
    positions, the next person's (the one just before the name) and the
    name; None when the position names no one."""
    cut = _POSITION_STOP.search(position)
    head = position[: cut.start()] if cut else position
    for match in _NEXT_PERSON.finditer(head):
        name = match.group("name")
        if name in _NOT_PEOPLE or len(name.split()) < 3:
            continue
        theirs = _trim_position(match.group("theirs"))
        # The last comma before the name parts the two: earlier positions
        # stay with the first person.
        *earlier, last = re.split(rf",\s*(?={_OPENER}\b)", theirs)
        own = tidy(", ".join([head[: match.start()].strip(), *earlier]))
        if own and last:
            return own, last, name
    return None


def people_in_text(context: Context) -> list[dict[str, str | None]]:
    """People named with a position anywhere in the article, each once."""
    found: list[dict[str, str | None]] = []
    for paragraph in context.paragraphs:
        # What happened before the event ("Trước đó, ngày 20/3, đồng chí …
        # đã làm việc …") names people who were not there.
        paragraph = " ".join(
            s for s in split_sentences(paragraph) if not _EARLIER.match(s)
        )
        at = 0
        claimed: set[int] = set()  # where a name read below starts
        while (match := _NAME_THEN_POSITION.search(paragraph, at)) is not None:
            position = _trim_position(match.group("position"))
            names = re.split(r"\s*(?:,|\bvà\b)\s*", match.group("names"))
            shared = _next_person(match.group("position")) if len(names) == 1 else None
            if shared is not None:
                # "Đại tá Lê Văn A, Chỉ huy trưởng Ban CHQS huyện, Bí thư
                # Huyện ủy B Trần Thị C": the last position is C's.
                position, _, name = shared
                start = match.start("position") + match.group("position").find(name)
                claimed.add(start)
            for name in names:
                if name and name not in _NOT_PEOPLE and position:
                    found.append({"name": name, "position": position})
            if shared is not None:
                found.append({"name": shared[2], "position": shared[1]})
            # The next person may stand where this position was cut ("…
            # Quân sự xã và Trung tá Lưu Văn Khang, Trưởng Công an xã").
            stop = _POSITION_STOP.search(match.group("position"))
            at = match.start("position") + stop.start() if stop else match.end()
            at = max(at, match.start() + 1)
        for match in _POSITION_THEN_NAME.finditer(paragraph):
            name = match.group("name")
            if match.start("name") in claimed:
                continue
            if name in _NOT_PEOPLE or (len(name.split()) < 2 and "’" not in name):
                continue
            position = _trim_position(match.group("position"))
            if len(name.split()) == 2 and _COMMITTEE_END.search(position):
                continue  # "Bí thư Huyện ủy Châu Đức": a place, not a person
            if position:
                found.append({"name": name, "position": position})
        # "Phát biểu chỉ đạo tại hội nghị, ông Lê Văn A lưu ý …": a speaker
        # at the meeting named without a position is there all the same.
        if _AT_THE_MEETING.search(paragraph):
            for match in _SPEAKER.finditer(paragraph):
                found.append({"name": match.group("name"), "position": None})
    return found


_AT_THE_MEETING = re.compile(r"(?i:phát biểu|tại hội nghị|tại buổi|kết luận)")
_SPEAKER = re.compile(
    rf"(?:^|[,.;]\s*)(?i:ông|bà|đồng chí)\s+(?P<name>{_NAME})\s+"
    r"(?:đã\s+)?(?:phát biểu|lưu ý|nhấn mạnh|khẳng định|đề nghị|yêu cầu|chỉ đạo"
    r"|kết luận|chúc mừng|biểu dương|ghi nhận|đánh giá cao)\b"
)


def _joined_positions(first: str, second: str) -> str:
    """Two readings of one position cut in different places: "Ủy viên Ban
    Thường vụ, Trưởng Ban" (a line ended there) and "Trưởng Ban Dân vận Tỉnh
    ủy" overlap on "Trưởng Ban" and join into the whole; otherwise the first
    stands."""
    a, b = first.split(), second.split()
    for size in range(min(len(a), len(b)) - 1, 1, -1):
        if a[-size:] == b[:size]:
            return " ".join(a + b[size:])
        if b[-size:] == a[:size]:
            return " ".join(b + a[size:])
    return first


def merge_people(
    first: list[dict[str, str | None]], more: list[dict[str, str | None]]
) -> list[dict[str, str | None]]:
    """Each person once: the attendance paragraph's people in its order, then
    the others the text names. Where both readings found a person, the
    whole-text reading's position is kept (it is cut at the verb); a
    position found later fills one that was missing."""
    scanned: dict[str, str | None] = {}
    for person in more:
        scanned.setdefault(person["name"] or "", person["position"])
    people: dict[str, dict[str, str | None]] = {}
    for person in [*first, *more]:
        name = person["name"] or ""
        honorific = re.match(r"(?i:ông|bà|đồng chí)\s+(\S+)", name)
        if honorific and honorific.group(1) in SURNAMES:  # "Ông Trang Anh Dũng"
            name = name.split(" ", 1)[1]
        if any(
            other != name and other.startswith((name + " ", name + "’", name + "'"))
            for other in scanned
        ):
            continue  # "Hoàng Xuân" of "Hoàng Xuân Nguyên", "Siu H" of "Siu H’Phiết"
        everyone = {p["name"] for p in [*first, *more]}
        if len(name.split()) == 4 and name.split(" ", 1)[1] in everyone:
            continue  # "Hà Đặng Văn Quý": a place's last word read as a surname
        position = person["position"]
        if position and re.match(rf"{_SURNAME}\s+[{UPPER}]", position):
            position = None  # "Lê Thị A, Nguyễn Văn B – Phó trưởng …" misread
        position = (_trim_position(position) if position else None) or scanned.get(name)
        if name in people:
            kept = people[name]["position"]
            if not kept and position:
                people[name]["position"] = position
            elif kept and position:
                people[name]["position"] = _joined_positions(kept, position)
            continue
        people[name] = {**person, "name": name, "position": position}
    return list(people.values())
