"""Counts of "Dân vận khéo" models, by field and by stage, and the models named."""

from __future__ import annotations

import re
from typing import Any

from ingest.extract.text import COUNT, QUOTE, Context, tidy, whole_number
from vn.text import fold

_FIELD_PATTERNS = [
    ("economy", r"(?:phát triển\s+)?kinh\s*tế"),
    ("culture_society", r"văn\s*h(?:óa|oá|oa)\s*[-–]?\s*xã\s*hội"),
    (
        "defense_security",
        r"(?:bảo đảm\s+|đảm bảo\s+)?(?:quốc\s*phòng\s*[-–,]?\s*an\s*ninh|an\s*ninh\s*[-–,]?\s*quốc\s*phòng|ANQP|QPAN|QP\s*-\s*AN|AN\s*-\s*QP)",
    ),
    ("political_system", r"(?:xây\s*dựng\s*)?(?:hệ\s*thống\s*)?chính\s*trị"),
]


_FIELD_ABBREVIATIONS = [
    ("economy", r"KT|kinh tế"),
    ("culture_society", r"VH\s*[-–]?\s*XH|văn hóa\s*[-–]\s*xã hội"),
    (
        "defense_security",
        r"QP\s*[-–]?\s*AN|AN\s*[-–]?\s*QP|quốc phòng\s*[-–]\s*an ninh",
    ),
    ("political_system", r"XD\s*HTCT|HTCT|xây dựng hệ thống chính trị"),
]


def initiative_counts(context: Context, target: dict[str, Any]) -> None:
    text = "\n".join(context.paragraphs)  # "Đến nay", "Hiện" open a paragraph too
    by_field = target["by_field"]
    for key, pattern in _FIELD_PATTERNS:
        match = re.search(
            rf"(?:lĩnh vực\s+)?{pattern}\s*:?\s*(?:có\s+)?{COUNT}\s+mô hình"
            rf"|{COUNT}\s+mô hình\s+(?:thuộc\s+|trên\s+|về\s+)?(?:lĩnh vực\s+)?{pattern}",
            text,
            re.I,
        )
        if match:
            by_field[key] = whole_number(match.group(1) or match.group(2))
    # "27 mô hình (KT: 11, VH-XH: 9, QP-AN: 5, XDHTCT: 2)": the fields in a
    # bracket after the count, abbreviated.
    bracket = re.search(r"\d[\d.]*\s+mô hình[^.;()]{0,40}\(([^()]{6,160})\)", text)
    if bracket and not any(by_field.values()):
        for key, pattern in _FIELD_ABBREVIATIONS:
            match = re.search(rf"(?<!\w)(?:{pattern})\s*:?\s*{COUNT}", bracket.group(1))
            if match:
                by_field[key] = whole_number(match.group(1))
    for key, pattern in (
        (
            "new",
            rf"{COUNT}\s+mô hình\s+mới|(?:đăng ký|xây dựng)\s+mới\s+{COUNT}\s+mô hình"
            # "có thêm 8 mô hình “Dân vận khéo” mới", "18 mô hình “…” đăng ký mới"
            rf"|{COUNT}\s+mô hình\s+[“\"][^”\"]{{3,40}}[”\"]\s+(?:(?:được\s+)?(?:đăng ký|xây dựng)\s+)?mới|có thêm\s+{COUNT}\s+mô hình(?![^.;\d]{{0,40}}?được\s+(?:công nhận|tuyên dương|biểu dương))"
            rf"|{COUNT}\s+mô hình\b[^.;\d]{{0,60}}?được xây dựng mới",
        ),
        (
            "replicated",
            rf"{COUNT}\s+mô hình\s+(?:được\s+)?nhân rộng|nhân rộng\s+(?:được\s+)?{COUNT}\s+mô hình"
            # "36 mô hình, cách làm hay được giới thiệu, nhân rộng"
            rf"|{COUNT}\s+mô hình,?[^.;\d]{{0,30}}?\bđược\s+(?:[^.;\d\s]+,?\s+){{0,3}}?nhân rộng\b",
        ),
        (
            "recognized",
            rf"(?:khảo sát|công nhận|đánh giá|bình chọn|biểu dương|lựa chọn)\s+(?:được\s+)?{COUNT}\s+mô hình[^.;]{{0,40}}?(?:tiêu biểu|điển hình)"
            rf"|cấp giấy chứng nhận\s+(?:cho\s+)?{COUNT}\s+mô hình"
            rf"|{COUNT}\s+mô hình\s+(?:được\s+)?(?:công nhận|đánh giá|bình chọn|chọn)\s+(?:là\s+)?(?:tiêu biểu|điển hình)"
            rf"|{COUNT}\s+mô hình(?:\s+(?:dân vận khéo|“Dân vận khéo”|\"Dân vận khéo\"))?\s+được\s+(?:công nhận|tuyên dương|biểu dương)(?:\s+các cấp)?\b"
            # "9 mô hình được Đảng ủy phường công nhận là …": who recognised them
            rf"|{COUNT}\s+mô hình\s+được\s+(?:(?!được\b)[^.;,\d\s]+\s+){{1,10}}?(?:công nhận|tuyên dương|biểu dương)\b"
            rf"|{COUNT}\s+mô hình\s+tiêu biểu\s+trong\s+phong trào thi đua\s+[“\"]Dân vận khéo",
        ),
        (
            "cumulative_total",
            rf"tổng số mô hình[^.;]{{0,80}}?(?:là|có|đạt)\s+{COUNT}\s+mô hình|(?:nâng tổng số|lũy kế|luỹ kế)[^.;]{{0,80}}?{COUNT}\s+mô hình"
            # "từ khi phát động phong trào đến nay, toàn huyện đã có 142 mô hình"
            rf"|từ khi (?:phát động|triển khai)[^.;]{{0,60}}?đến nay[^.;\d]{{0,40}}?{COUNT}\s+mô hình"
            # "Đến nay, trên địa bàn xã đã xây dựng được 33 mô hình": all there are
            # "Đến nay, …", "lãnh đạo xã cho biết, đến nay …" ("từ 2020 đến nay"
            # is a span, not now)
            # "Hiện toàn xã có 14 mô hình": all there are now
            # ("thực hiện trên địa bàn" is no "hiện": it opens the clause)
            rf"|(?<![\w] )\b(?i:hiện nay|hiện),?\s+(?:toàn|cả|trên địa bàn)\s[^.;\d]{{0,40}}?có\s+{COUNT}\s+mô hình"
            rf"(?![^.;\d]{{0,60}}?(?:xây dựng|đăng ký)\s+mới)"  # those are new
            rf"|(?<![\w] )\b(?i:đến nay),?\s+[^.;\d]{{0,40}}?(?:đã\s+)?(?:xây dựng|có|thực hiện)"
            rf"\s+(?:được\s+)?{COUNT}\s+mô hình",
        ),
    ):
        match = re.search(pattern, text, re.I)
        if match:
            target[key] = whole_number(next(g for g in match.groups() if g))
    # The total: the first count of models the unit built or carried out
    # that is not already a count of new, replicated or recognized models,
    # nor one level's share ("cấp thành phố có 6 mô hình").
    taken = {target[k] for k in ("new", "replicated", "recognized", "cumulative_total")}
    for total in re.finditer(
        rf"(?:đăng ký|thực hiện|xây dựng|triển khai|xuất hiện|có)\s+(?:và thực hiện\s+)?"
        rf"(?:có hiệu quả\s+)?(?:xây dựng\s+)?(?:được\s+)?(?:trên\s+|hơn\s+)?{COUNT}\s+mô hình",
        text,
        re.I,
    ):
        value = whole_number(total.group(1))
        following = text[total.end() : total.end() + 60].lower()
        preceding = text[max(0, total.start() - 25) : total.start()].lower()
        if value in taken or following.startswith((" mới", " nhân rộng")):
            continue
        if re.match(
            r"\s+cấp (?:thành phố|tỉnh|huyện|xã|phường|cơ sở|quận|trung ương)",
            following,
        ):
            continue  # "42 mô hình cấp cơ sở, 9 mô hình cấp huyện": one level's
        if re.match(
            r"(?:[^.;,\d]|,\s*điển hình){0,40}?được\s+(?:biểu dương|tuyên dương|khen thưởng|công nhận)",
            following,
        ):
            continue  # the models honoured at the meeting, not all there are
        if re.search(
            r"cấp (?:thành phố|tỉnh|huyện|xã|cơ sở|quận)\s*$|trong đó", preceding
        ):
            continue
        if any(
            re.search(rf"{p}\s*:?\s*$", preceding, re.I) for _, p in _FIELD_PATTERNS
        ):
            continue  # "Trên lĩnh vực kinh tế có 822 mô hình": one field's share
        if any(
            re.match(
                rf"\s+(?:về\s+|thuộc\s+|trên\s+)?(?:lĩnh vực\s+)?{p}", following, re.I
            )
            for _, p in _FIELD_PATTERNS
        ):
            continue
        target["total"] = value
        break


_CHAIN_GAP = 45  # characters between "mô hình" and a quote, or two quotes
# A name in quotes; inside a quotation, in single quotes ("… mô hình ‘A’ …”).
_NAME_QUOTE = re.compile(rf"{QUOTE}|‘([^’]{{3,120}})’")


def named_initiatives(context: Context) -> list[str]:
    """Names quoted after "mô hình": "mô hình “Ba sạch”", "các mô hình như:
    “A”, “B” và “C”", "mô hình dân vận khéo về “A” ấp X và “B” ấp Y"."""
    names: list[str] = []
    text = " ".join(context.paragraphs)
    for anchor in re.finditer(r"(?i:mô hình)", text):
        position = anchor.end()
        while (quote := _NAME_QUOTE.search(text, position)) is not None:
            gap = text[position : quote.start()]
            if len(gap) > _CHAIN_GAP or re.search(r"[.;!?]", gap):
                break
            names.append(quote.group(1) or quote.group(2))
            position = quote.end()
    seen: set[str] = set()
    result = []
    for name in names:
        name = tidy(name)
        key = fold(name)
        if not name or key in seen or key == fold("Dân vận khéo"):
            continue
        seen.add(key)
        result.append(name)
    return result
