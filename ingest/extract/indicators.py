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


def indicators(context: Context) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    text = " ".join(context.paragraphs)
    # "có 3374 gia đình đăng ký; … có 3270 gia đình đạt “Gia đình văn hóa”, chiếm tỷ lệ 96,99%"
    for match in re.finditer(
        rf"{COUNT}\s+([a-zà-ỹđ ]{{2,20}}?)\s+(?:đạt|được công nhận)\s+(?:danh hiệu\s+)?{QUOTE}"
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
        r"((?:\2|\b)[a-zà-ỹđ, ]*?văn h(?:óa|oá|oa))\b",
        text,
        re.I,
    ):
        value, total, unit, label = match.groups()
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
        rf"((?:vận động[^.;,]{{0,40}}?\s)?(?:hỗ trợ xây dựng|xây dựng|xây tặng|hiến|đóng góp|làm mới|sửa chữa|nâng cấp|trao tặng|tặng))\s+(?:được\s+)?"
        rf"{COUNT}\s+(m2|m²|km|ha|ngày công|suất quà|phần quà|căn)\b((?:\s+(?!và\b)[{LOWER}{UPPER}]+){{0,6}})",
        text,
    ):
        verb, count, unit, thing = match.groups()
        label = (
            f"{verb} {thing}"
            if unit in {"m2", "m²", "km", "ha", "căn"}
            else f"{verb} {unit} {thing}"
        )
        found.append(
            measure(
                tidy(label), whole_number(count), unit="m2" if unit == "m²" else unit
            )
        )
    # "tổ chức 86 cuộc đối thoại trực tiếp với Nhân dân"
    for match in re.finditer(
        rf"tổ chức\s+(?:được\s+)?{COUNT}\s+(cuộc|buổi|lớp)\s+((?:[a-zà-ỹđA-ZĐÀ-Ỹ]+\s*){{1,7}})",
        text,
    ):
        count, unit, thing = match.groups()
        found.append(measure(tidy(f"{unit} {thing}"), whole_number(count), unit=unit))
    # "98,2% khu dân cư đạt danh hiệu khu dân cư văn hóa"
    for match in re.finditer(
        r"(?<![\d,])(\d+(?:,\d+)?)\s*%\s+([a-zà-ỹđ][^.;,%]{2,60}?\s+(?:đạt|được công nhận|giữ vững)\s+[^.;,]{3,80})",
        text,
    ):
        found.append(
            measure(tidy(match.group(2)), None, percent=decimal_number(match.group(1)))
        )
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
        label = tidy(label)
        if verb and verb.group(0).lower() not in label.lower():
            label = f"{label} {verb.group(0).lower()}"
        found.append(
            measure(
                label,
                int(amount) if amount == amount.to_integral_value() else float(amount),
                unit="VND",
            )
        )
    return found


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
        label = tidy(f"{label} {thing.replace('“', '').replace('”', '')}")
        found.append({"label": label, "at_least": whole_number(count), "unit": unit})
    return found
