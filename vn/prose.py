"""Small pieces of written Vietnamese for drafted reports and news.

Pure functions: no Django, no database. They decide how a name is written
inside a sentence, how lists are joined, how a change is said, and how a
title meets the name of the body it belongs to.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from decimal import Decimal

from vn.numbers import format_quantity
from vn.text import fold

# Kinds of administrative unit that are common nouns inside a sentence:
# "Thành phố Đà Nẵng có" is written "thành phố Đà Nẵng có".
_UNIT_PREFIXES = (
    "Thành phố",
    "Thị xã",
    "Thị trấn",
    "Đặc khu",
    "Khu phố",
    "Tổ dân phố",
    "Tỉnh",
    "Huyện",
    "Quận",
    "Xã",
    "Phường",
    "Thôn",
    "Ấp",
    "Bản",
    "Buôn",
    "Làng",
)


def unit_in_sentence(name: str) -> str:
    """A unit's name as written inside a sentence: its kind in lower case."""
    for prefix in _UNIT_PREFIXES:
        if name.startswith(prefix + " "):
            return prefix.lower() + name[len(prefix) :]
    return name


def capitalize(text: str) -> str:
    """The first letter in upper case, the rest untouched."""
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """The first letter in lower case, unless the first word is an acronym
    or a proper name in capitals ("UBND", "Ban Dân vận" stays as it is when
    its second letter is also upper case)."""
    if text[:2].isupper():
        return text
    return text[:1].lower() + text[1:]


def join(items: Sequence[str], *, last: str = "và") -> str:
    """ "A", "A và B", "A, B và C"."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def count(number: int | Decimal, noun: str) -> str:
    """ "78 mô hình"; an empty string for zero, so that no sentence states one."""
    return f"{format_quantity(number)} {noun}" if number else ""


def change(now: int | Decimal, before: int | Decimal, *, compared: str) -> str:
    """How a figure moved: "tăng 5 so với năm 2022", "bằng năm 2022"."""
    difference = Decimal(now) - Decimal(before)
    if difference > 0:
        return f"tăng {format_quantity(difference)} so với {compared}"
    if difference < 0:
        return f"giảm {format_quantity(-difference)} so với {compared}"
    return f"bằng {compared}"


def short_date(day: dt.date, *, with_year: bool = True) -> str:
    """A date inside running text: "17/7/2025", or "17/7" when the year is
    said once at the end of a range."""
    text = f"{day.day}/{day.month}"
    return f"{text}/{day.year}" if with_year else text


def date_range(start: dt.date, end: dt.date) -> str:
    """ "từ ngày 17/7 đến ngày 31/7/2025" (the year once when it is the same)."""
    same_year = start.year == end.year
    return (
        f"từ ngày {short_date(start, with_year=not same_year)} "
        f"đến ngày {short_date(end)}"
    )


_ROLE_NOUNS = {"ban", "khoi", "hoi", "doan"}


def position(title: str, body: str) -> str:
    """A title in a body, without the doubled word: "Trưởng ban" of "Ban Dân
    vận Huyện ủy" is "Trưởng Ban Dân vận Huyện ủy"."""
    title, body = title.strip(), body.strip()
    if not body:
        return title
    if not title:
        return body
    last = title.split()[-1]
    first = body.split()[0]
    if fold(last) == fold(first) and fold(last) in _ROLE_NOUNS:
        return f"{title[: -len(last)]}{body}"
    if fold(body) in fold(title):
        return title
    return f"{title} {body}"


_WORD = re.compile(r"\w+", re.UNICODE)


def doubled_words(text: str) -> list[str]:
    """Words or groups of words repeated back to back ("ký cam kết ký cam
    kết", "Ban Ban"), folded; empty when there are none."""
    words = [fold(w) for w in _WORD.findall(text)]
    found = []
    for size in (1, 2, 3):
        for i in range(len(words) - 2 * size + 1):
            if words[i : i + size] == words[i + size : i + 2 * size]:
                found.append(" ".join(words[i : i + size]))
    return found


def without_doubled_words(text: str) -> str:
    """``text`` with groups of two or three words repeated back to back said
    once ("ký cam kết ký cam kết thi đua" → "ký cam kết thi đua")."""
    for size in (3, 2):
        pattern = re.compile(
            r"\b(" + r"\s+".join([r"\w+"] * size) + r")\s+\1\b",
            re.UNICODE | re.IGNORECASE,
        )
        text = pattern.sub(r"\1", text)
    return text


_DOUBLED_ROLE = re.compile(r"\b(ban|khối)\s+(Ban|Khối)\b", re.IGNORECASE)


def tidy_position(text: str) -> str:
    """A position as written: "Trưởng ban Ban Dân vận" → "Trưởng Ban Dân vận",
    groups of words said twice said once."""
    text = " ".join(text.split())
    text = _DOUBLED_ROLE.sub(lambda m: m.group(2), text)
    return without_doubled_words(text)
