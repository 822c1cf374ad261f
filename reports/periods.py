"""Reporting periods and their command-line spelling.

``2023`` (year), ``2023H1``/``2023H2`` (six months), ``2023Q3`` (quarter),
``2023-07`` (month), ``2023-07-17..2023-07-31`` (an explicit range, a đợt).
Pure functions: no database.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext as _

from vn.prose import date_range


class PeriodKind(StrEnum):
    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    MONTH = "month"
    RANGE = "range"


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_PATTERNS = [
    (PeriodKind.YEAR, re.compile(r"^(\d{4})$")),
    (PeriodKind.HALF, re.compile(r"^(\d{4})H([12])$", re.IGNORECASE)),
    (PeriodKind.QUARTER, re.compile(r"^(\d{4})Q([1-4])$", re.IGNORECASE)),
    (PeriodKind.MONTH, re.compile(r"^(\d{4})-(\d{2})$")),
    (PeriodKind.RANGE, re.compile(r"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")),
]


class PeriodError(ValueError):
    """A period spelling that cannot be used; the message is for the user."""


@dataclass(frozen=True)
class Period:
    kind: PeriodKind
    start: dt.date
    end: dt.date

    @property
    def code(self) -> str:
        s = self.start
        if self.kind is PeriodKind.YEAR:
            return f"{s.year}"
        if self.kind is PeriodKind.HALF:
            return f"{s.year}H{1 if s.month == 1 else 2}"
        if self.kind is PeriodKind.QUARTER:
            return f"{s.year}Q{(s.month - 1) // 3 + 1}"
        if self.kind is PeriodKind.MONTH:
            return f"{s.year}-{s.month:02d}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def label(self) -> str:
        """How official documents name the period."""
        s = self.start
        if self.kind is PeriodKind.YEAR:
            return f"năm {s.year}"
        if self.kind is PeriodKind.HALF:
            half = "đầu" if s.month == 1 else "cuối"
            return f"6 tháng {half} năm {s.year}"
        if self.kind is PeriodKind.QUARTER:
            return f"quý {_ROMAN[(s.month - 1) // 3 + 1]} năm {s.year}"
        if self.kind is PeriodKind.MONTH:
            return f"tháng {s.month} năm {s.year}"
        return f"từ ngày {self.start:%d/%m/%Y} đến ngày {self.end:%d/%m/%Y}"

    @property
    def display(self) -> str:
        """How pages name the period, in the reader's language, capitalised
        ("6 tháng đầu năm 2026", "First half of 2026"); documents use
        ``label``."""
        s, year = self.start, self.start.year
        if self.kind is PeriodKind.YEAR:
            return _("Năm %(year)d") % {"year": year}
        if self.kind is PeriodKind.HALF:
            if s.month == 1:
                return _("6 tháng đầu năm %(year)d") % {"year": year}
            return _("6 tháng cuối năm %(year)d") % {"year": year}
        if self.kind is PeriodKind.QUARTER:
            return _("Quý %(roman)s năm %(year)d") % {
                "roman": _ROMAN[(s.month - 1) // 3 + 1],
                "year": year,
            }
        if self.kind is PeriodKind.MONTH:
            return _("Tháng %(month)d năm %(year)d") % {"month": s.month, "year": year}
        return _("Từ %(start)s đến %(end)s") % {
            "start": f"{self.start:%d/%m/%Y}",
            "end": f"{self.end:%d/%m/%Y}",
        }

    @property
    def during(self) -> str:
        """How a sentence opens on the period, in lower case: "trong 6 tháng
        đầu năm 2023", "từ ngày 17/7 đến ngày 31/7/2025"."""
        if self.kind is PeriodKind.RANGE:
            return date_range(self.start, self.end)
        return f"trong {self.label}"

    @property
    def compared(self) -> str:
        """The same period a year before, as a comparison names it: "năm
        2022", "6 tháng đầu năm 2022", "cùng kỳ năm 2024"."""
        if self.kind is PeriodKind.RANGE:
            return f"cùng kỳ năm {self.start.year - 1}"
        return self.year_before().label

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def year_before(self) -> Period:
        """The same period one year earlier, for comparisons."""
        return Period(self.kind, _minus_year(self.start), _minus_year(self.end))


def _minus_year(day: dt.date) -> dt.date:
    year = day.year - 1
    return day.replace(
        year=year, day=min(day.day, calendar.monthrange(year, day.month)[1])
    )


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


# Periods a report may cover: from the founding of the state to 2100. Every
# date built from a period (the same period a year before included) stays
# inside what a date can hold.
FIRST_YEAR, LAST_YEAR = 1945, 2100


def parse_period(text: str) -> Period:
    """Read a period spelling; raise PeriodError with a Vietnamese message."""
    spelled = text.strip()
    for kind, pattern in _PATTERNS:
        match = pattern.match(spelled)
        if match is None:
            continue
        try:
            return _build(kind, match.groups())
        except ValueError as exc:
            raise PeriodError(f"Kỳ “{spelled}” không hợp lệ: {exc}.") from exc
    raise PeriodError(
        f"Không hiểu kỳ “{spelled}”. Dùng một trong các dạng: 2023, 2023H1, 2023Q3, "
        "2023-07, 2023-07-17..2023-07-31."
    )


def _build(kind: PeriodKind, groups: tuple[str | None, ...]) -> Period:
    first = str(groups[0])
    if kind is PeriodKind.RANGE:
        try:
            start = dt.date.fromisoformat(first)
            end = dt.date.fromisoformat(str(groups[1]))
        except ValueError:
            raise ValueError("ngày không tồn tại") from None
        if end < start:
            raise ValueError("ngày kết thúc trước ngày bắt đầu")
        if not (start.year >= FIRST_YEAR and end.year <= LAST_YEAR):
            raise ValueError(f"năm ngoài khoảng {FIRST_YEAR}–{LAST_YEAR}")
        return Period(kind, start, end)
    year = int(first)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"năm ngoài khoảng {FIRST_YEAR}–{LAST_YEAR}")
    if kind is PeriodKind.YEAR:
        return Period(kind, dt.date(year, 1, 1), dt.date(year, 12, 31))
    number = int(str(groups[1]))
    if kind is PeriodKind.HALF:
        first_month = 1 if number == 1 else 7
        return Period(
            kind, dt.date(year, first_month, 1), _month_end(year, first_month + 5)
        )
    if kind is PeriodKind.QUARTER:
        first_month = 3 * (number - 1) + 1
        return Period(
            kind, dt.date(year, first_month, 1), _month_end(year, first_month + 2)
        )
    if not 1 <= number <= 12:
        raise ValueError("tháng phải từ 01 đến 12")
    return Period(kind, dt.date(year, number, 1), _month_end(year, number))


def next_label(period: Period) -> str:
    """How a report names the period after ``period`` ("phương hướng … năm 2024")."""
    if period.kind is PeriodKind.YEAR:
        return f"năm {period.start.year + 1}"
    if period.kind is PeriodKind.HALF:
        if period.start.month == 1:
            return f"6 tháng cuối năm {period.start.year}"
        return f"năm {period.start.year + 1}"
    return "thời gian tới"


def current_period(today: dt.date) -> Period:
    """The period a committee is most likely reviewing on ``today``: the year
    just ended in January, the first half until its review in July, the second
    half until the autumn, then the year as its review is prepared."""
    year = today.year
    if today.month == 1:
        return parse_period(f"{year - 1}")
    if today.month <= 7:
        return parse_period(f"{year}H1")
    if today.month <= 10:
        return parse_period(f"{year}H2")
    return parse_period(f"{year}")


def period_choices(today: dt.date, years: int = 6) -> list[tuple[int, list[Period]]]:
    """What a period picker offers, by year from this one back: the year,
    its halves, quarters and months."""
    groups = []
    for year in range(today.year, today.year - years, -1):
        periods = [parse_period(f"{year}"), parse_period(f"{year}H1")]
        periods.append(parse_period(f"{year}H2"))
        periods += [parse_period(f"{year}Q{q}") for q in range(1, 5)]
        periods += [parse_period(f"{year}-{m:02d}") for m in range(1, 13)]
        groups.append((year, periods))
    return groups
