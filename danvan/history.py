"""Records that break the rules of history: dated outside their unit's lifetime.

The services refuse such records; this finds those that came in before the rule
existed, or around it (``danvan check_history``). It also checks the cached
child counts of the unit tree against the real counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Substr

from org.lineage import lifetime_error
from org.models import Unit
from reports.models import Report
from work.models import (
    Award,
    Campaign,
    Conference,
    CoordinationProgram,
    Dialogue,
    IndicatorValue,
    Initiative,
    InitiativeStep,
    PeriodLock,
    Target,
    TargetProgress,
)


@dataclass(frozen=True)
class Offence:
    """One record dated outside its unit's lifetime."""

    kind: str
    pk: int
    label: str
    message: str

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} “{self.label}”: {self.message}"


def _before(unit: str, day: str) -> Q:
    return Q(**{f"{unit}__valid_from__gt": F(day)})


def _after(unit: str, day: str) -> Q:
    return Q(**{f"{unit}__valid_to__lt": F(day)})


@dataclass(frozen=True)
class _Rule:
    kind: str
    queryset: Callable[[], QuerySet[Any]]
    unit: str
    first: str
    last: str | None = None
    overlap: bool = False

    def offending(self) -> QuerySet[Any]:
        last = self.last or self.first
        if self.overlap:
            outside = _before(self.unit, last) | _after(self.unit, self.first)
        else:
            outside = _before(self.unit, self.first) | _after(self.unit, last)
        return self.queryset().filter(outside).select_related(self.unit)


def _get(obj: Any, path: str) -> Any:
    for part in path.split("__"):
        obj = getattr(obj, part)
    return obj


RULES = [
    _Rule("Mô hình, điển hình", Initiative.objects.all, "unit", "registered_on"),
    _Rule(
        "Bước của mô hình",
        InitiativeStep.objects.select_related("initiative").all,
        "initiative__unit",
        "date",
    ),
    _Rule("Hội nghị", Conference.objects.all, "unit", "date"),
    _Rule(
        "Chương trình phối hợp", CoordinationProgram.objects.all, "unit", "signed_on"
    ),
    _Rule("Đối thoại", Dialogue.objects.all, "unit", "date"),
    _Rule("Cuộc vận động, phong trào", Campaign.objects.all, "unit", "start", "end"),
    _Rule(
        "Chỉ tiêu",
        Target.objects.select_related("campaign").all,
        "unit",
        "campaign__start",
        "campaign__end",
        overlap=True,
    ),
    _Rule(
        "Kết quả thực hiện chỉ tiêu",
        TargetProgress.objects.select_related("target").all,
        "target__unit",
        "date",
    ),
    _Rule(
        "Số liệu chỉ số",
        IndicatorValue.objects.all,
        "unit",
        "period_start",
        "period_end",
    ),
    _Rule("Khen thưởng", Award.objects.all, "unit", "date"),
    _Rule(
        "Báo cáo",
        Report.objects.select_related("period").all,
        "unit",
        "period__start",
        "period__end",
        overlap=True,
    ),
    _Rule("Khóa kỳ báo cáo", PeriodLock.objects.all, "unit", "start", "end", True),
]


def records_outside_lifetime() -> Iterator[Offence]:
    """Every record dated outside the lifetime of the unit that holds it."""
    for rule in RULES:
        for record in rule.offending().order_by("pk"):
            unit: Unit = _get(record, rule.unit)
            first: dt.date = _get(record, rule.first)
            last: dt.date = _get(record, rule.last) if rule.last else first
            message = lifetime_error(unit, first, last, overlap=rule.overlap)
            if message is not None:
                yield Offence(rule.kind, record.pk, str(record), message)


def wrong_child_counts() -> list[tuple[Unit, int, int]]:
    """Units whose cached child count differs from the real one:
    (unit, stored, real)."""
    counts: dict[str, int] = {}
    for depth in Unit.objects.values_list("depth", flat=True).distinct():
        width = depth * Unit.steplen
        rows = (
            Unit.objects.filter(depth=depth + 1)
            .annotate(parent_path=Substr("path", 1, width))
            .values("parent_path")
            .annotate(n=Count("pk"))
            .order_by()
        )
        counts.update({row["parent_path"]: row["n"] for row in rows})
    return [
        (unit, unit.numchild, counts.get(unit.path, 0))
        for unit in Unit.objects.order_by("path")
        if unit.numchild != counts.get(unit.path, 0)
    ]
