"""Measured results (indicators) and quantified targets."""

from __future__ import annotations

import re
from typing import Any

from ingest.extract.text import (
    COUNT,
    LOWER,
    QUOTE,
    UPPER,
    Context,
    split_sentences,
    tidy,
    whole_number,
)
from vn.numbers import parse_number


def measure(
    label: str,
    value: int | float | None = None,
    *,
    of: int | None = None,
    percent: float | None = None,
    unit: str | None = None,
) -> dict[str, Any]:
    """One row of ``indicators`` in the contract's shape."""
    return {"label": label, "value": value, "of": of, "percent": percent, "unit": unit}


def decimal_number(text: str) -> float | None:
    value = parse_number(text)
    return None if value is None else float(value)


_GROUP_SHARE = re.compile(
    r"(?<![\d,])(\d+(?:,\d+)?)\s*%\s+([a-zà-ỹđ]+(?:,?\s+[a-zà-ỹđ]+){0,7}?)\s+(?:đều\s+)?"
    r"((?:đăng ký|tham gia|được|là|thực hiện|ký cam kết|hoàn thành|tổ chức|ban hành"
    r"|duy trì|triển khai)\s"
    r"(?:(?!,\s*(?:gần|khoảng|hơn|trên|đạt)?\s*\d)[^.;%]){3,120})"
)


def _dangling(label: str) -> str:
    """A label cut before the next count loses the words that led to it:
    "46 buổi tuyên truyền cho hơn 3.200 lượt người" → "… tuyên truyền"."""
    return re.sub(r"(?:\s+(?:cho|với|của|hơn|gần|trên|khoảng|tại|ở))+\s*$", "", label)


_WORTH = re.compile(r"(?i:(?:với\s+)?(?:tổng\s+)?(?:trị giá|kinh phí|giá trị))")
_WORTH_OF = re.compile(
    rf"\d[\d.,]*\s*(?:căn|chiếc|suất|phần|công trình|km|m2|m²)?\s+"
    rf"((?:[{LOWER}{UPPER}]+\s+){{0,6}}?[{LOWER}{UPPER}]+)\s*,\s*[^,;]*$"
)


def indicators(context: Context) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    text = " ".join(context.paragraphs)
    # "có 3374 gia đình đăng ký; … có 3270 gia đình đạt “Gia đình văn hóa”, chiếm tỷ lệ 96,99%"
    for match in re.finditer(
        # not the denominator of "612/648 hộ đạt …" (read as a fraction below)
        rf"(?<![\d./]){COUNT}\s+([a-zà-ỹđ ]{{2,20}}?)\s+(?:đạt|được công nhận)\s+(?:danh hiệu\s+)?{QUOTE}"
        rf"(?:,?\s*(?:chiếm|đạt)\s+(?:tỷ lệ|tỉ lệ)?\s*(\d+(?:,\d+)?)\s*%)?",
        text,
        re.I,
    ):
        value, unit, label, percent = match.groups()
        denominator = re.search(
            rf"{COUNT}\s+{re.escape(unit)}\s+(?:đăng ký|tham gia đăng ký)",
            text[: match.start()],
            re.I,
        )
        found.append(
            measure(
                label,
                whole_number(value),
                of=whole_number(denominator.group(1)) if denominator else None,
                percent=decimal_number(percent) if percent else None,
                unit=unit.strip(),
            )
        )
    # "7/7 khu phố đạt, giữ vững khu phố văn hóa"
    for match in re.finditer(
        r"(\d[\d.]*)/(\d[\d.]*)\s+([a-zà-ỹđ, ]{2,40}?)\s+(?:đạt|giữ vững|được công nhận)[^.;]*?"
        r"((?:\2|\b)[a-zà-ỹđ, ]*?văn h(?:óa|oá|oa))\b[”\"]?"
        r"(?:,?\s*(?:đạt|chiếm)\s+(?:tỷ lệ\s+|tỉ lệ\s+)?(\d+(?:,\d+)?)\s*%)?",
        text,
        re.I,
    ):
        value, total, unit, label, percent = match.groups()
        label = re.sub(
            r"^(?:đạt|giữ vững|và)\s+",
            "",
            tidy(label.split("giữ vững")[-1]),
            flags=re.I,
        )
        found.append(
            measure(
                tidy(label),
                whole_number(value),
                of=whole_number(total),
                percent=decimal_number(percent) if percent else None,
                unit=tidy(unit.split(",")[0]),
            )
        )
    # "Tỷ lệ hộ gia đình tham gia bảo hiểm y tế đạt 83,07%"
    for match in re.finditer(
        r"(?:tỷ lệ|tỉ lệ)\s+([^\d.;,][^.;,]{2,80}?)\s+(?:đạt|là|chiếm|giảm còn|giảm xuống còn|tăng lên|còn)\s+(\d+(?:,\d+)?)\s*%",
        text,
        re.I,
    ):
        found.append(
            measure(tidy(match.group(1)), None, percent=decimal_number(match.group(2)))
        )
    # "vận động nhân dân hiến 3.200 m2 đất làm đường giao thông",
    # "trao tặng 1.500 suất quà cho hộ nghèo", "hỗ trợ xây dựng 35 căn nhà …"
    for match in re.finditer(
        rf"((?<!\w)(?:vận động[^.;,]{{0,40}}?\s|(?:(?!(?:và|tỷ|tỉ|triệu|nghìn|ngàn|đồng)\s)[{UPPER}]?[{LOWER}]+[ \t]+){{0,4}})?(?:hỗ trợ xây dựng|xây dựng|xây tặng|hiến|đóng góp|làm mới|sửa chữa|nâng cấp|trao tặng|tặng))\s+(?:được\s+)?"
        # "hiến hơn 2,3 triệu m² đất": a decimal count with its multiplier
        rf"(?:(?:hơn|gần|trên|khoảng)\s+)?(\d[\d.]*(?:,\d+)?(?:\s+(?:triệu|nghìn|ngàn))?)"
        rf"\s+(m2|m²|km|ha|ngày công|suất quà|phần quà|căn)\b"
        # "… 2.800 ngày công để nâng cấp 4,2 km đường liên xã": a length
        # inside what was done is left out of the label
        rf"((?:\s+(?!và\b)(?:[{LOWER}{UPPER}]+|\d[\d.]*(?:,\d+)?\s*(?:km|m2|m²|ha|m)\b)){{0,9}})",
        "\n".join(context.paragraphs),  # a label does not run across paragraphs
    ):
        verb, count, unit, thing = match.groups()
        thing = re.sub(r"\d[\d.]*(?:,\d+)?\s*(?:km|m2|m²|ha|m)\b", " ", thing)
        verb = re.sub(r"(?:^|\s)(?:đã|đã được)\s", " ", verb)
        label = (
            f"{verb} {thing}"
            if unit in {"m2", "m²", "km", "ha", "căn"}
            else f"{verb} {unit} {thing}"
        )
        amount = parse_number(count)
        if amount is None:
            continue
        value = int(amount) if amount == amount.to_integral_value() else float(amount)
        found.append(measure(tidy(label), value, unit="m2" if unit == "m²" else unit))
    # "tổ chức 86 cuộc đối thoại trực tiếp với Nhân dân"
    for match in re.finditer(
        rf"tổ chức\s+(?:được\s+)?{COUNT}\s+(cuộc|buổi|lớp)\s+((?:[a-zà-ỹđA-ZĐÀ-Ỹ]+(?:,(?=\s[a-zà-ỹđ]))?\s*){{1,14}})",
        text,
    ):
        count, unit, thing = match.groups()
        label = _dangling(tidy(f"{unit} {thing}"))
        found.append(measure(label, whole_number(count), unit=unit))
    # "98,2% khu dân cư đạt danh hiệu khu dân cư văn hóa"
    shares = set()
    for match in re.finditer(
        r"(?<![\d,])(\d+(?:,\d+)?)\s*%\s+([a-zà-ỹđ][^.;,%]{2,60}?\s+(?:đạt|được công nhận|giữ vững)\s+[^.;,]{3,80})",
        text,
    ):
        shares.add(match.start())
        found.append(
            measure(tidy(match.group(2)), None, percent=decimal_number(match.group(1)))
        )
    # "100% chi hội đều đăng ký …", "gần 79% cán bộ, hội viên là điển hình …":
    # a share of a group (the unit) doing something (the label).
    offset = 0
    for paragraph in context.paragraphs:  # within a paragraph
        for match in _GROUP_SHARE.finditer(paragraph):
            if offset + match.start() in shares:
                continue
            group, doing = tidy(match.group(2)), tidy(match.group(3))
            share = decimal_number(match.group(1))
            unit = re.sub(r"\s+trực thuộc$", "", group)  # "chi bộ … trực thuộc"
            found.append(measure(f"{group} {doing}", percent=share, unit=unit))
        offset += len(paragraph) + 1
    # "giới thiệu 86 quần chúng ưu tú cho Đảng"
    for match in re.finditer(
        rf"giới thiệu\s+(?:được\s+)?{COUNT}\s+(quần chúng ưu tú|đoàn viên ưu tú|hội viên ưu tú)(\s+cho Đảng)?",
        text,
        re.I,
    ):
        found.append(
            measure(
                tidy(f"{match.group(2)} giới thiệu{match.group(3) or ''}"),
                whole_number(match.group(1)),
            )
        )
    # "phát triển được 312 hội viên"
    for match in re.finditer(
        rf"phát triển (?:mới )?(?:được )?{COUNT}\s+(hội viên|đoàn viên|đảng viên)",
        text,
        re.I,
    ):
        found.append(
            measure(f"{match.group(2)} phát triển", whole_number(match.group(1)))
        )
    # "… giải ngân được 90 triệu": money
    for sentence in split_sentences(text):
        found += _money(sentence)
    return found


_MONEY = re.compile(  # "2,3 triệu m² đất" is an area, not money
    r"(\d[\d.,]*)\s*(triệu|tỷ|tỉ|nghìn|ngàn)(?!\s*(?:m2|m²|m\b|ha\b|km\b|"
    r"người|lượt|hộ|cây|tấn|ngày công|hội viên|đoàn viên))(?:\s+đồng)?"
)
_MONEY_VERB = re.compile(r"giải ngân|vận động|quyên góp|ủng hộ|đóng góp|huy động", re.I)


def _money(sentence: str) -> list[dict[str, Any]]:
    """Each sum of money in a sentence that reports giving, raising or
    spending it, labelled with its clause: "Mỗi căn nhà có tổng trị giá 120
    triệu đồng, trong đó Quỹ “Vì người nghèo” xã hỗ trợ 60 triệu đồng" gives
    two rows."""
    if not re.search(
        r"kinh phí|giải ngân|hỗ trợ|vận động|quyên góp|ủng hộ|đóng góp|huy động"
        r"|trị giá|giá trị|cho vay",
        sentence,
        re.I,
    ):
        return []
    rows: list[dict[str, Any]] = []
    since = 0  # the text before a later sum starts after the sum before it
    for money in _MONEY.finditer(sentence):
        amount = parse_number(f"{money.group(1)} {money.group(2)}")
        if amount is None:
            continue
        before = sentence[since : money.start()]
        since = money.end()
        label = re.split(
            r"\s+(?:tiếp tục\s+)?(?:giải ngân|được|đạt)\b", before, maxsplit=1
        )[0]
        verb = _MONEY_VERB.search(before) or (
            None if rows else _MONEY_VERB.search(sentence)
        )
        # "Qua 3 năm, các ấp đã vận động hơn …": the clause with the money.
        label = re.sub(
            r"\s+(?:hơn|gần|trên|khoảng|được)$", "", tidy(label.split(",")[-1])
        )
        label = re.sub(r"\s+(?:đã|đã được)\s+", " ", label)
        label = re.sub(r"^(?i:trong đó)\s+", "", label)
        if re.search(r"\d", label):  # "… giúp nhau 120 ngày công và cho vay …"
            label = re.split(r"\s+và\s+(?=\D*$)", label)[-1]
        worth = (
            _WORTH_OF.search(sentence[: money.start()]) if _WORTH.match(label) else None
        )
        if worth is not None:
            # "xây dựng 486 căn nhà Đại đoàn kết, tổng trị giá trên 24 tỷ
            # đồng": the worth of what the clause before counted
            label = f"{label} {tidy(worth.group(1))}"
        elif verb and verb.group(0).lower() not in label.lower():
            label = f"{label} {verb.group(0).lower()}"
        # … and what it was for: "… 2,3 tỷ đồng xây mới 18 căn nhà … cho hộ nghèo".
        after = re.split(r";|[.,](?!\d)", sentence[money.end() :], maxsplit=1)[0]
        # "… 320 triệu đồng và 1.150 ngày công làm mới 2,4 km đường …": the
        # workdays beside the money are their own result; the purpose is shared.
        after = re.sub(rf"^\s*(?:đồng\s+)?và\s+{_COUNTED.pattern}", " ", after)
        after = re.sub(r"\d[\d.,]*(?:\s*(?:km|m2|m²|ha|m)\b)?", " ", after)
        after = tidy(after).strip('”“"’‘ ')  # the end of a quotation
        if after and not re.match(r"(?i:đồng\b)", after):
            label = f"{label} {after}"
        value = int(amount) if amount == amount.to_integral_value() else float(amount)
        rows.append(measure(label, value, unit="VND"))
    return rows


def targets(context: Context) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    text = " ".join(context.paragraphs)
    for match in re.finditer(
        rf"chỉ tiêu\s+([^.;]{{5,200}}?)\s+(?:từ|ít nhất|tối thiểu|không dưới)\s+{COUNT}\s+"
        rf"(mô hình|căn nhà|ngày công|suất quà|phần quà|lượt người|[a-zà-ỹđ]+)"
        rf"(?:\s+trở lên)?((?:\s+[“\"]?[{LOWER}{UPPER}]+[”\"]?){{0,6}})",
        text,
        re.I,
    ):
        label, count, unit, thing = match.groups()
        label = label.rsplit(": ", 1)[-1]  # "chỉ tiêu 6 tháng cuối năm: mỗi …"
        words = unit if unit in {"mô hình", "căn nhà", "suất quà", "phần quà"} else ""
        label = tidy(f"{label} {words} {thing.replace('“', '').replace('”', '')}")
        found.append({"label": label, "at_least": whole_number(count), "unit": unit})
    if not found:
        found = _at_least(text)
    return found


_AT_LEAST = re.compile(
    rf"(?:ít nhất|tối thiểu|không dưới)\s+{COUNT}\s+"
    rf"(mô hình|công trình|lượt người|ngày công|căn nhà|suất quà|phần quà|[{LOWER}0-9²]+)"
    # "xanh – sạch – đẹp", "mô hình “Dân vận khéo” về an ninh trật tự"
    rf"((?:\s+(?:[–-]\s+)?[“\"]?[{LOWER}{UPPER}]+[”\"]?){{0,8}})"
)
_MEASURES = {"km", "m", "m2", "m²", "ha", "tấn"}


def _at_least(text: str) -> list[dict[str, Any]]:
    """A plan stated without the word chỉ tiêu: "Theo kế hoạch, mỗi thôn làm
    mới ít nhất 1 km đường giao thông và trồng ít nhất 500 cây xanh." Each
    "ít nhất N" is a target; the "mỗi …" of the sentence is in each label."""
    found: list[dict[str, Any]] = []
    listing = False  # "… phấn đấu: mỗi xã có ít nhất 3 …; vận động ít nhất 500 …"
    for sentence in split_sentences(text):
        cued = listing or re.search(
            r"(?i:kế hoạch|phấn đấu|mục tiêu|mỗi|phải|theo chương trình)", sentence
        )
        listing = bool(cued) and sentence.endswith(";")
        if not cued:
            continue
        each = re.search(rf"\b(?:mỗi|mọi)\s+[{LOWER}]+", sentence)
        subject = each.group(0) if each else ""
        for clause in re.split(r"\s+và\s+|;|,\s+", sentence):
            match = _AT_LEAST.search(clause)
            if match is None:
                continue
            count, unit, thing = match.groups()
            words = [unit] if unit not in _MEASURES else []
            before = clause[: match.start()]
            if re.search(r"\b(?:mỗi|mọi)\s", before) or not subject:
                # "…, mỗi chi hội đảm nhận ít nhất 1 tuyến": its own subject
                label = tidy(" ".join([before, *words, thing]))
            else:
                verb = before.replace(subject, " ")
                label = tidy(" ".join([subject, verb, *words, thing]))
            found.append(
                {"label": label, "at_least": whole_number(count), "unit": unit}
            )
    return found


# ---- counted results written in the text's own words
# Units a count is written with, the longest first; a classifier ("căn",
# "phần", "suất") is the unit and the noun after it goes to the label.
_UNITS = (
    "mô hình, điển hình",
    "cán bộ, chiến sĩ",
    "đoàn viên, hội viên",
    "xã, thị trấn",
    "xã, phường",
    "tổ dân phố",
    "khu dân cư",
    "khu phố",
    "gương điển hình",
    "mô hình",
    "điển hình",
    "vụ việc",
    "đơn thư",
    "nguồn tin",
    "ngày công",
    "lượt",  # "lượt người": the classifier, the people go to the label
    "đoàn viên",
    "hội viên",
    "học sinh",
    "công trình",
    "thị trấn",
    "cán bộ",
    "chiến sĩ",
    "người",
    "hộ",
    "nhà",
    "căn",
    "gốc",
    "cây",
    "phần",
    "suất",
    "chiếc",
    "cầu",
    "tuyến",
    "túi",
    "kg",
    "khẩu",  # súng, the guns handed in
    "con",
    "tấn",
    "cuộc",
    "hội nghị",
    "buổi",
    "lớp",
    "xã",
    "phường",
    "thôn",
    "ấp",
    "bản",
    "vụ",
    "tổ",
    "km",
    "m2",
    "m²",
    "ha",
    "m",
)
# "120 viên đạn": a classifier only before what it counts ("viên chức" is a word)
_UNIT = "|".join(re.escape(u) for u in _UNITS) + r"|viên(?=\s+đạn)"
_COUNTED = re.compile(
    rf"(?<![\d.,/])(?:(?:gần|trên|hơn|khoảng|được)\s+)?(\d[\d.]*(?:,\d+)?)(?:/(\d[\d.]*))?"
    rf"\s*({_UNIT})(?![{LOWER}{UPPER}\d])"
)
_ADMINISTRATIVE = {"xã, phường", "xã, thị trấn", "xã", "phường", "thị trấn"}
# Counts that are not results: the meeting itself, durations, documents.
_NOT_RESULT = re.compile(
    r"(?i:đại biểu|điểm cầu|thành phần|(?<!lượt người )tham dự|dự hội nghị|về dự|hội nghị có|lượt xem|"
    r"tham luận|ý kiến|nội dung|nhiệm vụ|phương hướng|chỉ tiêu|đề xuất|"
    r"làm việc|ít nhất|tối thiểu|phấn đấu|theo kế hoạch)"
)
_LABEL_STOP = re.compile(
    r"\s+(?:ở|trên địa bàn|thuộc|nhằm|để|với|góp phần)\b|[;:.(]"
    r"|,(?!\d|\s*(?:(?:hộ\s+)?cận nghèo|điển hình|chiến sĩ|thị trấn|nhân viên|phường|hội viên"
    r"|hội thảo|tọa đàm|toạ đàm|diễn đàn)\b)"
)
_BEFORE_SKIP = {"đã", "được", "gần", "trên", "hơn", "khoảng", "có", "và", "cùng", "còn"}
_OPENING = re.compile(
    r"(?i:^\s*(?:trong đó|hiện nay|hiện đang|đến nay|qua đó|đồng loạt)\b)\s*"
)
# A comma inside a compound unit or noun does not end the clause.
# A list of counts ("42 mô hình cấp cơ sở, 9 mô hình cấp huyện và 2 …") is
# one clause per count.
_CLAUSE = re.compile(
    r";|,\s+(?=\D)(?!điển hình|chiến sĩ|thị trấn|(?:hộ\s+)?cận nghèo|nhân viên"
    r"|hội thảo|tọa đàm|toạ đàm|diễn đàn)"
    r"(?!(?<=xã, )phường)(?!(?<=đoàn viên, )hội viên)"
    rf"|(?:,|\s+và)\s+(?=\d[\d.]*\s*(?:{_UNIT})(?![{LOWER}{UPPER}\d]))"
    # "… trồng 620 cây xanh và dọn vệ sinh 4 km kênh mương": two results.
    rf"|(?<=[{LOWER}])\s+và\s+(?=(?:[{LOWER}]+\s+){{1,3}}\d[\d.,]*\s*(?:{_UNIT})(?![{LOWER}{UPPER}\d]))"
)


# "hơn 400 đoàn viên, hội viên và Nhân dân đã thu gom 12 tấn rác thải": the
# people who turned out are one result, what they did is another.
# … up to "đã <verb> N": what they did, counted
_THEN_DID = (
    rf"[^\d]*?(?=\s+đã\s+[{LOWER}]+(?:\s+[{LOWER}]+){{0,3}}\s+"
    r"(?:(?i:gần|trên|hơn|khoảng)\s+)?\d)"
)
_PEOPLE_DOING = re.compile(
    r"^\s*(?:(?i:gần|trên|hơn|khoảng)\s+)?\d[\d.]*\s*"
    r"(?:người|đoàn viên|hội viên|cán bộ|chiến sĩ|tình nguyện viên)\b" + _THEN_DID
)


# "mở 6 lớp tập huấn … cho 420 lượt hội viên", "1.860 buổi tuyên truyền với
# 74.500 lượt người tham dự": the people reached are a result of their own.
_REACHED = re.compile(
    r"\s+(?:cho|với)\s+(?=(?:(?i:gần|trên|hơn|khoảng)\s+)?\d[\d.]*\s*lượt\b)"
)


# The body a sentence opens with, before its first verb.
_SENTENCE_SUBJECT = re.compile(
    r"\s*((?:Lực lượng vũ trang|Mặt trận|Hội|Đoàn|Công an|Bộ đội|Ban|Ủy ban|UBND"
    r"|Đảng ủy|Chi hội|Chi đoàn)(?:\s+[^\s,;.\d]+){0,5}?)\s+(?:đã\s+|cũng\s+)?"
    r"(?:phối hợp|tích cực|thường xuyên|tổ chức|vận động|giúp|xây dựng|triển khai"
    r"|làm|duy trì|thực hiện)\b"
)


# "chính quyền 124 xã, phường đã tổ chức 231 cuộc đối thoại": the places
# that did it are who, the dialogues are the result.
_PLACES_DOING = re.compile(
    r"(?<![\d/.,])\d[\d.]*\s*(?:xã, phường|xã, thị trấn|xã|phường|thị trấn)\b"
    + _THEN_DID
)


def _clauses(sentence: str) -> list[str]:
    parts: list[str] = []
    for clause in _CLAUSE.split(sentence):
        places = _PLACES_DOING.search(clause)
        if places:
            clause = clause[places.end() :]
        people = _PEOPLE_DOING.match(clause)
        reached = _REACHED.search(clause)
        first = _COUNTED.search(clause[: reached.start()]) if reached else None
        if people:
            # "120 hội viên đã ra quân nạo vét 1,5 km …": the people, with
            # what they turned out to do
            rest = clause[people.end() :]
            doing = re.match(rf"\s+đã\s+((?:[{LOWER}]+\s+)+?)(?=\S*\d)", rest)
            parts += [f"{people.group(0)} {doing.group(1) if doing else ''}", rest]
        elif reached and first:
            # … labelled with what reached them: "420 lượt hội viên tập huấn …"
            activity = clause[first.end() : reached.start()]
            reached_part = clause[reached.end() :].rstrip(" .;")
            parts += [clause[: reached.start()], f"{reached_part} {activity}"]
        else:
            parts.append(clause)
    return parts


def counted_results(
    context: Context, known: set[float], title: str | None = None
) -> list[dict[str, Any]]:
    """ "trồng 200 cây xanh các tuyến đường", "hòa giải thành công 47 vụ
    việc", "dài 300m": each count of a unit in a sentence that reports a
    result becomes an indicator labelled with the noun after the number and
    the verb before it. The first count of a clause is the result; a later
    one ("4 nhà … cho 3 hộ") belongs to its label."""
    found: list[dict[str, Any]] = []
    seen: set[tuple[float, str, str]] = set()
    for paragraph in context.paragraphs:
        if paragraph == title:
            continue  # the headline repeats a figure of the text
        for sentence in split_sentences(paragraph):
            carried = ""
            named = ""  # the model the sentence names: "mô hình “A”"
            opening = _SENTENCE_SUBJECT.match(sentence)
            for index, clause in enumerate(_clauses(sentence)):
                # "Lực lượng vũ trang tỉnh phối hợp …, giúp Nhân dân 8.600
                # ngày công": a clause opening with its verb has the
                # sentence's subject.
                subject = (
                    opening.group(1)
                    if opening and index and re.match(r"\s*[a-zà-ỹđ]", clause)
                    else ""
                )
                quoted = re.search(rf"mô hình\s+{QUOTE}", clause)
                named = quoted.group(0) if quoted else named
                # "cấp thành phố có 6 mô hình, 3 điển hình": an item of a list
                # of counts shares the words before the list.
                if re.match(r"\s*\d", clause) and carried:
                    clause = f"{carried} {clause}"
                counted = _COUNTED.search(clause)
                carried = (
                    _OPENING.sub("", clause[: counted.start()]).strip()
                    if counted
                    else ""
                )
                row = _counted(clause, sentence, subject)
                if row is None or row["value"] in known:
                    continue
                if named and "mô hình" in row["label"] and "“" not in row["label"]:
                    # "… nhân rộng mô hình “A”, đưa tổng số xã thực hiện mô
                    # hình lên 16/20 xã": the model counted is the one named.
                    row["label"] = f"{row['label']} ({named})"
                key = (row["value"], row["unit"], " ".join(row["label"].split()[:5]))
                if key in seen:
                    continue
                seen.add(key)
                found.append(row)
    return found


def _counted(clause: str, sentence: str, subject: str = "") -> dict[str, Any] | None:
    match = _COUNTED.search(clause)
    if match is None:
        return None
    # The people a work reached ("74.500 lượt người tham dự") are a result,
    # the people at the meeting are not.
    reach = match.group(3).startswith("lượt") and "lượt xem" not in clause
    if _NOT_RESULT.search(clause if reach else sentence):
        return None
    if re.search(r"(?i:đề nghị|kiến nghị)", clause[: match.start()]):
        return None  # "… đề nghị nhân rộng mô hình ra 15 tổ dân phố": asked for
    if re.search(
        r"(?i:\b(?:tại|ở|của|gồm|trưởng|hiện có|hiện nay có)\s*)$",
        clause[: match.start()],
    ):
        # "… với Nhân dân tại 78 xã, phường", "cán bộ … của 102 xã, phường",
        # "Mô hình gồm 1 tổ tự quản", "trưởng 04 khu phố", "hiện có 1.482
        # người có uy tín": where, whose, what of, who heads, what there is;
        # not what was done
        return None
    if (
        match.group(2) is None
        and match.group(3) in _ADMINISTRATIVE
        and re.search(r"(?i:\bcó\s*)$", clause[: match.start()])
    ):
        return None  # "toàn tỉnh có 96 xã, phường": how the land is divided
    value: int | float | None = (
        decimal_number(match.group(1))
        if "," in match.group(1)
        else whole_number(match.group(1))
    )
    if value is None or value == 0:
        return None
    if 1900 <= value <= 2100 and "." not in match.group(1):
        return None  # a year ("năm 2025"), not "2.100 lượt người"
    of = whole_number(match.group(2)) if match.group(2) else None
    unit = "m2" if match.group(3) == "m²" else match.group(3)
    after = clause[match.end() :]
    # "4.500 ngày công để làm mới 9,6 km đường": with nothing between the
    # count and its purpose, the purpose says what was counted.
    after = re.sub(
        r"^\s+(?:để|nhằm)\s+(?=[a-zà-ỹđ]+\s+(?:[a-zà-ỹđ]+\s+)?\d)", " ", after
    )
    stop = _LABEL_STOP.search(after)
    thing = after[: stop.start()] if stop else after
    following = _COUNTED.search(thing)
    if following is not None and following.group(3) in _MEASURES:
        # "1.150 ngày công làm mới 2,4 km đường bê tông": the road is what
        # the workdays made; its length is a result of its own.
        thing = f"{thing[: following.start()]} {thing[following.end() :]}"
    elif following is not None:  # "… cho hơn 3.200 lượt người": up to it
        thing = _dangling(thing[: following.start()])
    thing = " ".join(thing.split()[:12])
    words = [*subject.split(), *_OPENING.sub("", clause[: match.start()]).split()]
    # A long clause ending in its count ("triển khai, quán triệt … trong nội
    # bộ được 32 cuộc"): its opening words say what was counted, too.
    before = words[:8] + words[-10:] if len(words) > 18 else words[-10:]
    while before and before[0].lower() in _BEFORE_SKIP:
        before = before[1:]
    verb = " ".join(w for w in before if w.lower() not in _BEFORE_SKIP)
    if unit in {"m", "km", "m2", "ha"}:
        label = tidy(f"{thing} {verb}")
    else:
        label = tidy(f"{unit} {thing} {verb}")
    if not label or label == unit:
        return None
    # "hòa giải thành công 38/41 vụ việc, đạt 92,7%": the share follows a
    # fraction, perhaps after the rest of the label ("97/103 xã, phường tổ
    # chức đối thoại …, chính quyền với Nhân dân, đạt 94,2%"); it follows a
    # count right after it ("đã giải quyết 1.148 đơn thư, đạt 94,5%").
    end = sentence.find(clause) + len(clause)
    share_rule = _SHARE_AFTER if of is not None else _SHARE_NEXT
    share = share_rule.match(sentence, end) if end >= len(clause) else None
    percent = decimal_number(share.group(1)) if share else None
    return measure(label, value, of=of, percent=percent, unit=unit)


_SHARE = r",\s*(?:đạt|chiếm)(?:\s+(?:tỷ lệ|tỉ lệ))?\s+(\d+(?:,\d+)?)\s*%"
_SHARE_NEXT = re.compile(r"\s*" + _SHARE)
# after a fraction, the rest of the sentence up to it holds no other figure
_SHARE_AFTER = re.compile(r"[^\d;]{0,160}?" + _SHARE)
