"""The event: the lead sentence, its kind, organizer, place and locality;
the bodies a coordination programme was signed with."""

from __future__ import annotations

import re
from collections import Counter

from ingest.extract.text import (
    DAY_PAIR,
    LEAD_DATE,
    PROPER,
    SURNAMES,
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

# The verbs that say an event was held, and the events they hold.
_HOLDS = re.compile(
    r"\b(?:(?:đã|vừa|long trọng|chính thức|cũng|sẽ|đồng loạt)\s+)*"
    r"(?:tổ chức|tổng kết|sơ kết|giao ban|họp mặt"
    r"|(?<!phòng )(?<!hội trường )(?<!cuộc )(?<!buổi )(?<!phiên )họp"
    r"|ký kết|ra quân|khai mạc|tiến hành"
    r"|triển khai|hành quân|phát động|đối thoại)\b",
    re.I,
)
_EVENT_WORDS = re.compile(
    r"hội nghị|tổng kết|sơ kết|triển khai|đối thoại|tọa đàm|toạ đàm|hội thảo|diễn đàn"
    r"|\blễ\b|ra mắt|ra quân|phát động|buổi|giao ban|họp mặt|kỷ niệm|kỉ niệm|ký kết"
    r"|hành quân|đợt công tác|chiến dịch|tuyên dương"
    r"|ngày hội|hội thi|hội diễn|liên hoan|giao lưu|tập huấn|bồi dưỡng|đại hội",
    re.I,
)
# A delegation that inspects or works with a unit: "đoàn công tác của Ban Dân
# vận Trung ương, Bộ Công an … do Trung tướng … làm trưởng đoàn, kiểm tra …".
DELEGATION = re.compile(
    r"\b((?i:đoàn)\s+(?:công tác|kiểm tra|giám sát|khảo sát)(?:\s+(?:của|liên ngành)\s+[^.;]*?)?)"
    r"\s*,?\s+(?:do\s+[^;]+?\s+(?:làm|là)\s+trưởng đoàn\s*,?\s+)?(?:đã\s+|có buổi\s+)?"
    r"(?:kiểm tra|giám sát|khảo sát|làm việc)\b"
)
# What a news site puts before the lead: "(ĐCSVN) - ", "ĐÀ NẴNG – ".
_LEAD_PREFIX = re.compile(
    r"^(?:\([^)]{2,30}\)\s*[-–—]?\s*)?(?:[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ .]{2,30}\s*[-–—]\s*)?"
)


def strip_lead_prefix(sentence: str) -> str:
    return _LEAD_PREFIX.sub("", sentence, count=1)


def is_event_title(title: str) -> bool:
    return bool(_EVENT_WORDS.search(title))


def lead_sentence(context: Context, title: str | None = None) -> str | None:
    """The sentence that says when and by whom the event was held: the first
    one, near the top, that names an event and the verb that held it, with
    its date when it has one (the date may sit in the sentence before)."""
    candidates: list[str] = []
    position = 0
    for paragraph in context.paragraphs[:10]:
        if is_dateline(paragraph) or paragraph == title or "//" in paragraph:
            continue  # "NGUYỄN THUẦN - MINH CHƯƠNG // … 20/10/2023": a byline
        if re.match(r"(?i:ảnh\s*[:\d])", paragraph):
            continue  # a photo caption
        sentences = split_sentences(paragraph)
        position += 1
        for i, sentence in enumerate(sentences[:3]):
            sentence = strip_lead_prefix(sentence)
            if sentence.endswith(";") and i + 1 < len(sentences):
                sentence = f"{sentence} {sentences[i + 1]}"
            if not (
                (_HOLDS.search(sentence) and _EVENT_WORDS.search(sentence))
                or DELEGATION.search(sentence)
            ):
                continue
            if has_date(sentence):
                return sentence
            # "Sáng ngày 12/7, tại …. Ban chỉ đạo … tổ chức …": the date
            # and place can sit in a sentence of their own.
            if i > 0 and has_date(sentences[i - 1]):
                return sentences[i - 1] + " " + sentence
            if position <= 2:  # undated: only as the article's opening
                candidates.append(sentence)
    return candidates[0] if candidates else None


def has_date(sentence: str) -> bool:
    return bool(
        WORDY_DATE.search(sentence)
        or LEAD_DATE.search(sentence)
        or DAY_PAIR.search(sentence)
    )


def event_kind(sentence: str, title: str | None) -> str | None:
    """The contract's kind, read from the lead, then the headline (LABELING.md):
    any tổng kết (a year, a phase, N years) is a year-end review; sơ kết and
    giao ban (a quarter, six months, a phase) are mid-term reviews; a ra quân,
    an đợt công tác, a field march or the launch of a plan is a plan launch;
    a commemoration, a signing, a dialogue or an award meeting is other."""
    for text in (sentence, title or ""):
        lowered = text.lower()
        if not lowered:
            continue
        if "tổng kết" in lowered:
            return "year_end_review"
        if "sơ kết" in lowered or "giao ban" in lowered:
            return "midyear_review"
        if re.search(
            r"(?:đánh giá|báo cáo) kết quả[^.;]{0,40}?(?:quý|6 tháng|sáu tháng)",
            lowered,
        ):
            return "midyear_review"  # "họp đánh giá kết quả công tác quý III"
        if re.search(
            r"ra quân|hành quân|đợt công tác|đợt cao điểm|tháng cao điểm|chiến dịch"
            # "phát động Tháng cao điểm “Vì người nghèo”": a plan set going
            r"|phát động\s+(?:tháng|đợt|chiến dịch|cuộc vận động)"
            r"|triển khai\s+(?:thực hiện\s+)?(?:kế hoạch|đợt|chương trình|phong trào|phương hướng|nhiệm vụ)",
            lowered,
        ):
            return "plan_launch"
    for text in (sentence, title or ""):
        if _EVENT_WORDS.search(text) or DELEGATION.search(text):
            return "other"  # an inspection or working visit too
    return None


_DATE_CLAUSE = re.compile(
    r"^(?:(?:sáng|chiều|tối|trưa)(?:\s+(?:nay|qua))?\s+)?(?:ngày\s+)?\(?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?\)?"
    r"|^(?:(?:sáng|chiều|tối|trưa)\s+)?ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?"
    r"|^(?:mới đây|vừa qua|hôm qua|hôm nay|sáng nay|chiều nay|tối nay)$",
    re.I,
)


_BODY_START = re.compile(
    r"(?i:khối|ban|đảng ủy|đảng uỷ|ủy ban|uỷ ban|hội|mặt trận|công an|huyện ủy|huyện uỷ"
    r"|thành ủy|thành uỷ|tỉnh ủy|tỉnh uỷ|quận ủy|quận uỷ|thị ủy|thị uỷ|bộ chỉ huy|ban chỉ huy)\b"
)


# "các tổ chức chính trị – xã hội", "tổ chức thành viên": organizations, a
# noun, not the verb that held the event.
_ORGANIZATIONS = re.compile(
    r"(?i:tổ chức)(?=\s+(?i:chính trị|đoàn thể|thành viên|cơ sở đảng)\b)"
)
_MANY = re.compile(r"(?i:\b(?:các|những)\s+)$")


def _organizations(lead: str, at: int) -> bool:
    """ "các tổ chức …" at ``at``: a noun."""
    return bool(_ORGANIZATIONS.match(lead, at) or _MANY.search(lead[:at]))


def is_delegation(organizer: str | None) -> bool:
    """An organizer read by ``DELEGATION``: a visiting delegation."""
    return (organizer or "").lower().startswith("đoàn ")


def organizer_of(lead: str) -> str | None:
    """The body before the verb that held the event, as the text names it:
    "Sáng 12-10, Quận ủy Liên Chiểu tổ chức …" → "Quận ủy Liên Chiểu"; a
    co-host after "phối hợp với" is left out; a visiting delegation is named
    as the text names it ("đoàn công tác của Ban Dân vận Trung ương")."""
    delegation = DELEGATION.search(lead)
    if delegation is not None and not _HOLDS.search(lead, 0, delegation.start()):
        return tidy(delegation.group(1))
    verbs = [
        m
        for m in _HOLDS.finditer(lead)
        # "Luật Tổ chức chính quyền địa phương": part of a name, not the verb.
        if not (
            lead[m.start()].isupper()
            and re.search(r"[A-ZĐÀ-Ỹ]\w*\s+$", lead[: m.start()])
        )
        and not _organizations(lead, m.start())
    ]
    if not verbs:
        return None
    found = _body_before(lead[: verbs[0].start()])
    if found is None and re.match(r"(?i:thực hiện|căn cứ|theo)\b", lead):
        # "Thực hiện Hướng dẫn số … về công tác đối thoại …, Chủ tịch UBND xã
        # Chí Minh sẽ tổ chức …": the citation names verbs of its own.
        for verb in verbs[1:]:
            found = _body_before(lead[: verb.start()])
            if found is not None:
                break
    return found


_LEVEL_WORDS = r"(?i:tỉnh|thành phố|huyện|quận|thị xã|TP\.?)"
_BARE_BODY = re.compile(
    rf"Đảng\s+{UY}|HĐND|UBND|Hội đồng nhân dân|Ủy ban nhân dân|Uỷ ban nhân dân"
    r"|(?:Ủy|Uỷ) ban MTTQ(?: Việt Nam)?|Ủy ban Mặt trận Tổ quốc(?: Việt Nam)?"
)


def _body_before(before: str) -> str | None:
    """The body named last before the verb, without its date and place."""
    before = re.split(
        # "… phối hợp với Công an xã", "… phối hợp Công an xã": a co-host
        r"\s*,?\s*(?:(?i:đã|vừa)\s+)?(?i:phối hợp)\s+(?:(?i:với|cùng)\b|(?=[A-ZĐ]))",
        before,
    )[0]
    before = re.sub(r"(?i:\s*,?\s*(?:đã|vừa|cũng|long trọng))+\s*$", "", before)
    # Drop the date and place clauses: "Sáng ngày 07/07/2022, tại xã Minh Tâm, …",
    # and a province after the body ("Huyện ủy Minh Hóa, tỉnh Quảng Bình,").
    parts = []
    for part in re.split(r",\s*|(?<!\bTP)(?<!\bTp)(?<!\bTX)\.\s+", before):
        part = tidy(_DATE_CLAUSE.sub("", part.strip()))
        if part and not re.match(r"^tại\s", part, re.I):
            parts.append(part)
    parts = [
        p
        for p in parts
        if (p[0].isupper() or _BODY_START.match(p))
        and not re.fullmatch(r"(?:TP|Tp)\.?\s?[A-ZĐ][\w.]*|(?i:tỉnh|thành phố)\s.+", p)
    ]
    if not parts:
        return None
    # "Đảng ủy, HĐND, UBND, Ủy ban MTTQ Việt Nam phường A": bodies named
    # bare before the last share its place and hold the event together.
    first = len(parts) - 1
    while first > 0 and _BARE_BODY.fullmatch(parts[first - 1]):
        first -= 1
    last = ", ".join(parts[first:])
    # "Đảng ủy phường Tân Phong (tỉnh Lâm Hà)": the bracket names where,
    # also before a co-host ("Đảng ủy xã A (tỉnh B) và Ban Chỉ huy …").
    organizer = re.sub(r"\s*\([^()]*\)\s*$", "", last) or last
    organizer = tidy(
        re.sub(rf"\s*\((?:{_LEVEL_WORDS})\s[^()]*\)(?=\s+và\s)", "", organizer)
    )
    if len(organizer) > 150:
        return None
    if re.match(
        r"(?i:thực hiện|theo|căn cứ|nhằm|để|qua|trong|với|phát biểu|chủ trì|kết luận"
        r"|phong trào|chương trình|kế hoạch|cuộc vận động|công tác)\b",
        organizer,
    ) or re.search(r"\sđược\s", organizer):
        return None  # a movement or a passive clause is not a body
    if _EVENT_WORDS.match(organizer) or re.search(
        r"(?i:\b(?:đồng chí|ông|bà)\s)|(?:tướng|Đại tá|Thượng tá|Trung tá)\s", before
    ):
        return None  # "Hội nghị …", a caption naming the people who signed
    return organizer


_NOT_PLACE = frozenset(
    (
        "Hội",
        "Ban",
        "Ủy",
        "Uỷ",
        "Đảng",
        "Mặt",
        "Chủ",
        "Phó",
        "Trưởng",
        "Bí",
        "Đồng",
        "Ông",
        "Bà",
        "Thường",
        "Văn",
    )
)


def complete_from_text(organizer: str, context: Context) -> str:
    """ "Ban Dân vận Tỉnh ủy" is "Ban Dân vận Tỉnh ủy Đắk Nông" when the same
    article writes it so elsewhere."""
    if not re.search(rf"(?i:(?:tỉnh|thành|huyện|quận|thị)\s*{UY})$", organizer):
        return organizer
    found = re.search(rf"(?i:{re.escape(organizer)})\s+({PROPER})", context.text)
    if found is None:
        return organizer
    name = found.group(1)
    # "… Thành ủy Đà Nẵng Nguyễn Văn A": stop at a person's name.
    words = name.split()
    for i, word in enumerate(words):
        if word in _NOT_PLACE or (i and word in SURNAMES and len(words) - i >= 2):
            words = words[:i]
            break
    return f"{organizer} {' '.join(words)}" if words else organizer


def place_of(lead: str, kind: str | None = None) -> str | None:
    """Where it was held: "tại Hội trường …", "tại xã A, huyện B"; a campaign
    is held "trên địa bàn xã A" (LABELING.md)."""
    match = re.search(
        # "tại các chi bộ", "tại những điểm cầu": everywhere, not where it was held
        r"(?:^|[,.]\s*|\s)tại\s+(?!hội nghị|buổi|lễ|đây|địa phương|cơ sở|các\s|những\s)([^,.;]+"
        r"(?:,\s*(?:huyện|tỉnh|thành phố|quận|thị xã)\s+[^,.;]+)?)",
        lead,
        re.I,
    )
    if match is None and kind == "plan_launch":
        match = re.search(r"trên địa bàn\s+((?:xã|phường|thị trấn)\s+[^,.;]+)", lead)
    if match is None:
        return None
    place = match.group(1)
    held = _HOLDS.search(place)
    if held is not None:
        place = place[: held.start()]
    place = tidy(place)
    return place or None


def locality_of(
    context: Context, organizer: str | None, title: str | None, lead: str | None = None
) -> str | None:
    """The unit whose work is reviewed: named by the organizer ("Thị ủy Điện
    Bàn", "Khối vận phường Tam Quan Nam"), else by the title or the site's
    banner, at the organizer's level; a delegation's is the unit it visits."""
    if is_delegation(organizer) and lead:
        visited = UNIT_MENTION.search(_TP.sub("thành phố ", place_of(lead) or ""))
        if visited is not None:
            return f"{visited.group(1).lower()} {visited.group(2)}"
    if organizer:
        place = committee_place(organizer)
        if place:
            numbered = re.fullmatch(rf"(?i:{re.escape(place[0])})\s+(\d+)", place[1])
            # "Quận ủy Quận 9" → "quận 9", not "quận Quận 9"
            return f"{place[0]} {numbered.group(1) if numbered else place[1]}"
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
        return _named_in_lead(lead) or _subject_of_title(title)
    return _from_banner(context, levels, title)


def usual_spelling(
    context: Context, locality: str | None, organizer: str | None
) -> tuple[str | None, str | None]:
    """The locality and organizer with the unit's name as the text spells it
    most: a lead that misspells "phường An Đông" as "An Động" once is
    outvoted by the paragraphs that spell it right (the same words but for
    their diacritics)."""
    match = UNIT_MENTION.fullmatch(locality or "")
    if match is None:
        return locality, organizer
    name = match.group(2)
    size, key = len(name.split()), fold(name)
    first = key.split()[0]
    words = re.findall(r"\w+", context.text)
    spellings = Counter(
        " ".join(words[i : i + size])
        for i in range(len(words) - size + 1)
        if words[i][0].isupper()
        and fold(words[i]) == first
        and fold(" ".join(words[i : i + size])) == key
    )
    usual, times = max(spellings.items(), key=lambda item: item[1], default=(name, 0))
    if usual == name or times <= spellings.get(name, 0):
        return locality, organizer
    return (
        f"{match.group(1)} {usual}",
        organizer.replace(name, usual) if organizer else organizer,
    )


_TP = re.compile(r"\bTP\.?\s+(?=[A-ZĐÀ-Ỹ])")


def most_named_unit(context: Context, organizer: str | None) -> str | None:
    """When nothing else names the locality: the unit the text names most,
    at least twice ("TP. Thủ Đức" counts as thành phố Thủ Đức), at the
    organizer's level when it has one; a unit whose name the organizer
    carries wins at once ("Ban thường vụ huyên ủy Tuyên Hóa" and "tại
    huyện Tuyên Hóa")."""
    text = _TP.sub("thành phố ", context.text)
    levels = level_of(organizer) if organizer else ()
    counted: dict[tuple[str, str], int] = {}
    for match in UNIT_MENTION.finditer(text):
        key = (match.group(1).lower(), match.group(2))
        if levels and key[0] not in levels:
            continue
        if organizer and fold(key[1]) in fold(organizer):
            return f"{key[0]} {key[1]}"
        counted[key] = counted.get(key, 0) + 1
    if not counted:
        return None
    (kind, name), times = max(counted.items(), key=lambda kv: kv[1])
    ties = [k for k, n in counted.items() if n == times]
    if times < 2 or len(ties) > 1:
        return None
    return f"{kind} {name}"


def _subject_of_title(title: str | None) -> str | None:
    """A headline whose subject is a unit names the locality: "Xã An Hòa tổ
    chức hội nghị đối thoại …" → xã An Hòa."""
    if not title:
        return None
    match = UNIT_MENTION.match(title)
    if match is None:
        return None
    rest = title[match.end() :].lstrip(" :,")
    if not re.match(
        r"(?i:tổ chức|tổng kết|sơ kết|ra quân|họp mặt|triển khai|ký kết|phát động|đối thoại)\b",
        rest,
    ):
        return None
    return f"{match.group(1).lower()} {match.group(2)}"


def _named_in_lead(lead: str | None) -> str | None:
    """Without an organizer: "tại Huyện ủy Hữu Lũng" names huyện Hữu Lũng,
    "trên địa bàn huyện Tân Châu" names the district."""
    if not lead:
        return None
    area = re.search(
        rf"trên địa bàn\s+((?i:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn))\s+({PROPER})",
        lead,
    )
    if area:
        return f"{area.group(1).lower()} {area.group(2)}"
    at = re.search(r"\btại\s+(.+)", lead)
    if at:
        place = committee_place(at.group(1))
        if place:
            return f"{place[0]} {place[1]}"
    return None


def campaign_locality(lead: str | None) -> str | None:
    """A campaign's locality is where it ran: "trên địa bàn xã Ngọc Sơn",
    "phối hợp với Đảng ủy, UBND xã Hiệp An"."""
    if not lead:
        return None
    for pattern in (
        rf"trên địa bàn\s+((?i:xã|phường|thị trấn))\s+({PROPER})",
        rf"(?:Đảng ủy|Đảng uỷ|UBND|Ủy ban nhân dân),?\s+(?:UBND\s+)?((?i:xã|phường|thị trấn))\s+({PROPER})",
    ):
        match = re.search(pattern, lead)
        if match:
            return f"{match.group(1).lower()} {match.group(2)}"
    return None


def _from_banner(
    context: Context, levels: tuple[str, ...], title: str | None
) -> str | None:
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


_SIGNS = r"(?i:(?:đã\s+)?(?:tổ chức\s+)?(?:hội nghị\s+|lễ\s+)?(?:ký kết|ký)\s+(?:các\s+)?(?:chương trình|kế hoạch|quy chế)\s+phối hợp)"


# A unit's Party committee signs as the dân vận side ("Đảng ủy xã A và Ban
# Chỉ huy Quân sự xã ký kết …"); a sector's ("Đảng ủy Quân sự tỉnh") may be
# the partner.
_PARTY_COMMITTEE = re.compile(
    rf"(?:(?i:đảng)\s+{UY}\s+(?i:xã|phường|thị trấn|đặc khu)"
    rf"|(?i:tỉnh|thành|huyện|quận|thị)\s*{UY})\b"
)


def partners(context: Context) -> list[str]:
    """The bodies a coordination programme was signed with, other than the
    dân vận body itself: "A và B ký kết chương trình phối hợp …", "ký kết
    chương trình phối hợp giữa A và B", "ký chương trình phối hợp với C"."""
    text = "\n".join(context.paragraphs)  # a headline does not run into the lead
    parties: list[str] = []
    for match in re.finditer(
        r"(?i:ký(?: kết)?\s+(?:các\s+)?(?:chương trình|kế hoạch|quy chế) phối hợp)[^.;]{0,80}?"
        r"\b(?:giữa\s+([^;.\n]+?)\s+(?:và|với)|với)\s+([^;.\n]+)",
        text,
    ):
        # "giữa A và B": A is the side that hosts (the dân vận body or the
        # organizer), B the partners.
        parties.extend(re.split(r",\s*|\s+và\s+", match.group(2)))
    for match in re.finditer(rf"([^.;\n]{{3,160}}?)\s+{_SIGNS}", text):
        before = match.group(1)
        if re.search(
            r"(?i:\b(?:đồng chí|ông|bà)\s)|(?:tướng|Đại tá|Thượng tá|Trung tá)\s",
            before,
        ):
            continue  # people signing on behalf of their bodies
        clause = re.split(r",\s*", before)[-1].strip()
        clause = re.sub(
            r"(?i:^(?:đại diện|lãnh đạo)\s+)", "", strip_lead_prefix(clause)
        )
        pair = re.split(r"\s+và\s+(?!Dân vận)", clause)  # "Tuyên giáo và Dân vận"
        if (
            len(pair) == 2
            and all(len(p.split()) <= 12 for p in pair)
            and not _HOLDS.search(clause)
        ):
            parties.extend(pair)  # "A và B ký kết chương trình phối hợp"
    found: list[str] = []
    for party in parties:
        party = tidy(
            re.split(
                r"\s+(?:giai đoạn|về|trong|nhằm|để|thực hiện|công tác|năm)\b", party
            )[0]
        )
        if (
            not party
            or not (party[0].isupper() or _BODY_START.match(party))
            or re.search(r"(?i:dân vận|khối vận|\bdv\b)", party)
            or _DATE_CLAUSE.search(party)
            or len(party) > 80
        ):
            continue
        party = tidy(re.sub(r"\s*\([^()]*\)", "", party))  # "(tỉnh Đắk Lắk)"
        if _PARTY_COMMITTEE.match(party):
            continue
        if fold(party) not in {fold(p) for p in found}:
            found.append(party)
    return found
