"""Numbers and dates written the Vietnamese way.

"3.374" is 3374, "96,99" is 96.99, "90 triệu" is 90,000,000, "04" is 4;
dates are day first: "10/01/2024", "ngày 10 tháng 01 năm 2024".
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from vn.text import fold

_MULTIPLIERS = {"nghin": 10**3, "ngan": 10**3, "trieu": 10**6, "ty": 10**9, "ti": 10**9}
_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$")
_SLASH_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_WORD_DATE = re.compile(r"^(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_number(text: str) -> Decimal | None:
    """A Vietnamese-formatted number, or None when ``text`` is not one.

    Dots group thousands and a comma marks decimals; a trailing "nghìn",
    "triệu" or "tỷ" (also spelt "tỉ") multiplies. "1.5" is not a number in this
    notation.
    """
    words = fold(text).replace("%", "").split()
    if not words:
        return None
    multiplier = 1
    if len(words) == 2 and words[1] in _MULTIPLIERS:
        multiplier = _MULTIPLIERS[words[1]]
    elif len(words) != 1:
        return None
    match = _NUMBER.match(words[0])
    if match is None:
        return None
    whole, fraction = match.group(1).replace(".", ""), match.group(2)
    try:
        value = Decimal(f"{whole}.{fraction}" if fraction else whole)
    except InvalidOperation:  # pragma: no cover - the pattern admits digits only
        return None
    return value * multiplier


def parse_date(text: str) -> dt.date | None:
    """A day-first date ("10/01/2024", "ngày 10 tháng 01 năm 2024"), or None."""
    key = fold(text)
    for pattern, order in (
        (_SLASH_DATE, "dmy"),
        (_WORD_DATE, "dmy"),
        (_ISO_DATE, "ymd"),
    ):
        match = pattern.match(key)
        if match is None:
            continue
        a, b, c = (int(g) for g in match.groups())
        day, month, year = (a, b, c) if order == "dmy" else (c, b, a)
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    return None


def format_number(value: Decimal | int, places: int = 0) -> str:
    """Write a number the Vietnamese way: 3374 → "3.374", 96.99 → "96,99"."""
    quantized = f"{Decimal(value):,.{places}f}"
    return quantized.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_quantity(value: Decimal | int | None) -> str:
    """A count or amount: whole numbers without decimals, others with two."""
    if value is None:
        return "—"
    number = Decimal(value)
    places = 0 if number == number.to_integral_value() else 2
    return format_number(number, places)


def format_percent(value: Decimal | None) -> str:
    """96.92 → "96,92%"; nothing to show → "—"."""
    return "—" if value is None else f"{format_number(value, 2)}%"


def official_date(day: dt.date) -> str:
    """The date line of official documents: "ngày 05 tháng 02 năm 2023".

    Days below 10 and the months January and February take a leading zero
    (so that nothing can be written in front of them); other months do not:
    "ngày 20 tháng 7 năm 2023".
    """
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"
