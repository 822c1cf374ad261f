"""Counts of "Dân vận khéo" models, by field and by stage, and the models named."""

from __future__ import annotations

import re
from typing import Any

from ingest.extract.text import COUNT, QUOTE, Context, tidy, whole_number
from vn.text import fold

_FIELD_PATTERNS = [
    ("economy", r"kinh\s*tế"),
    ("culture_society", r"văn\s*h(?:óa|oá|oa)\s*[-–]?\s*xã\s*hội"),
    (
        "defense_security",
        r"(?:quốc\s*phòng\s*[-–]?\s*an\s*ninh|an\s*ninh\s*[-–]?\s*quốc\s*phòng)",
    ),
    ("political_system", r"(?:xây\s*dựng\s*)?(?:hệ\s*thống\s*)?chính\s*trị"),
]


def initiative_counts(context: Context, target: dict[str, Any]) -> None:
    text = " ".join(context.paragraphs)
    by_field = target["by_field"]
    for key, pattern in _FIELD_PATTERNS:
        match = re.search(
            rf"(?:lĩnh vực\s+)?{pattern}\s*:?\s*(?:có\s+)?{COUNT}\s+mô hình"
            rf"|{COUNT}\s+mô hình\s+(?:thuộc\s+)?(?:trên\s+)?lĩnh vực\s+{pattern}",
            text,
            re.I,
        )
        if match:
            by_field[key] = whole_number(match.group(1) or match.group(2))
    for key, pattern in (
        (
            "new",
            rf"{COUNT}\s+mô hình\s+mới|(?:đăng ký|xây dựng)\s+mới\s+{COUNT}\s+mô hình",
        ),
        (
            "replicated",
            rf"{COUNT}\s+mô hình\s+(?:được\s+)?nhân rộng|nhân rộng\s+(?:được\s+)?{COUNT}\s+mô hình",
        ),
        (
            "recognized",
            rf"(?:khảo sát|công nhận|đánh giá|bình chọn|biểu dương|lựa chọn)\s+(?:được\s+)?{COUNT}\s+mô hình[^.;]{{0,40}}?(?:tiêu biểu|điển hình)"
            rf"|{COUNT}\s+mô hình\s+(?:được\s+)?(?:công nhận|đánh giá|bình chọn|chọn)\s+(?:là\s+)?(?:tiêu biểu|điển hình)",
        ),
        (
            "cumulative_total",
            rf"tổng số mô hình[^.;]{{0,80}}?(?:là|có|đạt)\s+{COUNT}\s+mô hình|(?:nâng tổng số|lũy kế|luỹ kế)[^.;]{{0,80}}?{COUNT}\s+mô hình",
        ),
    ):
        match = re.search(pattern, text, re.I)
        if match:
            target[key] = whole_number(next(g for g in match.groups() if g))
    total = re.search(
        rf"(?:đăng ký|thực hiện|xây dựng|triển khai|có)\s+(?:xây dựng\s+)?(?:được\s+)?{COUNT}\s+mô hình",
        text,
        re.I,
    )
    if total:
        value = whole_number(total.group(1))
        following = text[total.end() : total.end() + 12].lower()
        if not following.startswith((" mới", " nhân rộng")):
            target["total"] = value


def named_initiatives(context: Context) -> list[str]:
    names: list[str] = []
    text = " ".join(context.paragraphs)
    for match in re.finditer(rf"mô hình\s+{QUOTE}", text, re.I):
        names.append(match.group(1))
    for match in re.finditer(
        rf"(?:các|những)\s+mô hình[^.;“\"]{{0,40}}?\bnhư\s*:?\s*((?:{QUOTE}\s*(?:,|và)?\s*)+)",
        text,
        re.I,
    ):
        names += re.findall(QUOTE, match.group(1))
    seen: set[str] = set()
    result = []
    for name in names:
        name = tidy(name)
        key = fold(name)
        if key in seen or key == fold("Dân vận khéo"):
            continue
        seen.add(key)
        result.append(name)
    return result
