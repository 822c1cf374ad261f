"""The roll-up: totals of a unit and everything under it, for a period.

"Under it" follows the lineage tree: a current unit's totals include what its
predecessors recorded (so the 2023 report of today's ward includes the former
wards merged into it); a unit that no longer exists is rolled up as it was
(its historical subtree), under its old name.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, F, Max, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Substr

from org.lineage import composition_at
from org.models import Unit
from reports.periods import Period
from work.models import (
    Award,
    Conference,
    IndicatorValue,
    Initiative,
    Target,
    TargetProgress,
)


@dataclass(frozen=True)
class IndicatorTotal:
    code: str
    name: str
    measure: str
    value: Decimal
    denominator: Decimal | None

    @property
    def percent(self) -> Decimal | None:
        """Recomputed from the summed numerator and denominator, never averaged."""
        if not self.denominator:
            return None
        return (self.value / self.denominator * 100).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class TargetResult:
    """A unit's target in a campaign of the period, and what it has achieved
    by the period's end (progress is recorded cumulatively, as of a date)."""

    campaign: str
    unit: str
    description: str
    comparison: str
    quantity: Decimal
    measure: str
    achieved: Decimal | None

    @property
    def percent(self) -> Decimal | None:
        if self.achieved is None or not self.quantity:
            return None
        return (self.achieved / self.quantity * 100).quantize(Decimal("0.01"))

    @property
    def met(self) -> bool:
        if self.achieved is None:
            return False
        if self.comparison == Target.Comparison.AT_MOST:
            return self.achieved <= self.quantity
        if self.comparison == Target.Comparison.EXACTLY:
            return self.achieved == self.quantity
        return self.achieved >= self.quantity


@dataclass(frozen=True)
class AwardLevel:
    """Awards of one issuer level: ``rank`` orders levels, ``None`` when the
    issuer is only named (not a body in the catalogue)."""

    level: str | None
    rank: int | None
    collectives: int
    individuals: int


@dataclass
class Rollup:
    unit: Unit
    period: Period
    initiatives: int = 0
    initiatives_by_field: dict[str, int] = field(default_factory=dict)
    initiatives_by_status: dict[str, int] = field(default_factory=dict)
    initiatives_by_holder: dict[str, int] = field(default_factory=dict)
    initiatives_new: int = 0
    initiatives_replicated: int = 0
    conferences_by_kind: dict[str, int] = field(default_factory=dict)
    awards_by_form: dict[str, tuple[int, int]] = field(default_factory=dict)
    awards_by_level: list[AwardLevel] = field(default_factory=list)
    indicators: dict[str, IndicatorTotal] = field(default_factory=dict)
    targets: list[TargetResult] = field(default_factory=list)

    @property
    def recognized(self) -> int:
        """Initiatives recognized as exemplary (replicated ones were too)."""
        return self.initiatives_by_status.get(
            "recognized", 0
        ) + self.initiatives_by_status.get("replicated", 0)

    @property
    def conferences(self) -> int:
        return sum(self.conferences_by_kind.values())

    @property
    def targets_met(self) -> int:
        return sum(1 for t in self.targets if t.met)


def _scope(unit: Unit, period: Period, path_field: str) -> Q:
    """Records of ``unit`` and everything under it, for ``period``."""
    if unit.is_active:
        units = Unit.objects.filter(path__startswith=unit.path).values("pk")
        return Q(**{f"{path_field.removesuffix('__path')}__in": units})
    day = min(period.end, unit.valid_to) if unit.valid_to else period.end
    units = [u.unit.pk for u in composition_at(unit, day, as_today=False)]
    return Q(**{f"{path_field.removesuffix('__path')}__in": units})


_TEXT = ("k1", "k2", "k3", "k4")
_NUMBERS = ("n1", "n2", "n3")


def _part(
    tag: str, queryset: QuerySet[Any], **columns: Any
) -> tuple[str, list[Any]] | None:
    """One branch of the roll-up statement: ``queryset`` grouped by the text
    columns k1..k4 with the aggregates n1..n3, padded with NULLs to the
    common shape (tag, k1, k2, k3, k4, n1, n2, n3). None when the filter
    can match nothing (a unit that did not exist in the period)."""
    keys = [name for name in _TEXT if name in columns]
    grouped = (
        queryset.annotate(**{k: columns[k] for k in keys})
        .values(*keys)
        .annotate(**{n: columns[n] for n in _NUMBERS if n in columns})
        .order_by()
    )
    try:
        sql, params = grouped.query.sql_with_params()
    except EmptyResultSet:
        return None
    # Typed NULLs: PostgreSQL resolves a column's type across UNION branches.
    outer = ", ".join(
        [f't."{n}"' if n in columns else "CAST(NULL AS VARCHAR)" for n in _TEXT]
        + [f't."{n}"' if n in columns else "CAST(NULL AS NUMERIC)" for n in _NUMBERS]
    )
    return f"SELECT '{tag}', {outer} FROM ({sql}) t", list(params)


def _number(value: Any) -> Decimal:
    """Sums come back as int, Decimal or (SQLite) float; cents are exact."""
    if value is None:
        return Decimal(0)
    return Decimal(str(value)).quantize(Decimal("0.01"))


def rollup(unit: Unit, period: Period) -> Rollup:
    """Every total of ``unit``'s subtree for ``period``.

    The grouped counts of initiatives, conferences, awards and indicator
    values are built as ORM querysets (so the scope and lineage rules are the
    same as everywhere) and sent as one UNION ALL statement: one round trip
    whatever the size of the unit. Targets follow in a second statement.
    """
    result = Rollup(unit=unit, period=period)
    scope = _scope(unit, period, "unit__path")
    branches = [
        _part(
            "i",
            Initiative.objects.filter(
                scope, registered_on__gte=period.start, registered_on__lte=period.end
            ),
            k1=F("field__code"),
            k2=F("status"),
            k3=F("holder_kind"),
            k4=F("origin"),
            n1=Count("pk"),
        ),
        _part(
            "c",
            Conference.objects.filter(
                scope, date__gte=period.start, date__lte=period.end
            ),
            k1=F("kind"),
            n1=Count("pk"),
        ),
        _part(
            "a",
            Award.objects.filter(scope, date__gte=period.start, date__lte=period.end),
            k1=F("form"),
            k2=F("issuer__unit__kind__level__name"),
            n1=Sum("collective_count"),
            n2=Sum("individual_count"),
            n3=Max("issuer__unit__kind__level__rank"),
        ),
        _part(
            "v",
            IndicatorValue.objects.filter(
                scope,
                initiative__isnull=True,
                period_start__gte=period.start,
                period_end__lte=period.end,
            ),
            k1=F("indicator__code"),
            k2=F("indicator__name"),
            k3=F("indicator__measure"),
            k4=F("indicator__aggregation"),
            n1=Sum("value"),
            n2=Sum("denominator"),
        ),
    ]
    parts = [branch for branch in branches if branch is not None]
    rows: list[tuple[Any, ...]] = []
    if parts:
        statement = " UNION ALL ".join(sql for sql, _params in parts)
        with connection.cursor() as cursor:
            cursor.execute(statement, [p for _sql, params in parts for p in params])
            rows = cursor.fetchall()

    by_field: Counter[str] = Counter()
    by_status: Counter[str] = Counter()
    by_holder: Counter[str] = Counter()
    by_origin: Counter[str] = Counter()
    conferences: Counter[str] = Counter()
    forms: dict[str, list[int]] = {}
    levels: dict[tuple[str | None, int | None], list[int]] = {}
    for tag, k1, k2, k3, k4, n1, n2, n3 in rows:
        if tag == "i":
            by_field[k1] += int(n1)
            by_status[k2] += int(n1)
            by_holder[k3] += int(n1)
            by_origin[k4] += int(n1)
        elif tag == "c":
            conferences[k1] += int(n1)
        elif tag == "a":
            collectives, individuals = int(n1 or 0), int(n2 or 0)
            form = forms.setdefault(k1, [0, 0])
            form[0] += collectives
            form[1] += individuals
            level = levels.setdefault((k2, None if n3 is None else int(n3)), [0, 0])
            level[0] += collectives
            level[1] += individuals
        else:
            result.indicators[k1] = IndicatorTotal(
                code=k1,
                name=k2,
                measure=k3,
                value=_number(n1),
                denominator=_number(n2) if k4 == "ratio" else None,
            )
    result.initiatives_by_field = dict(sorted(by_field.items()))
    result.initiatives_by_status = dict(sorted(by_status.items()))
    result.initiatives_by_holder = dict(sorted(by_holder.items()))
    result.initiatives_new = by_origin["new"]
    result.initiatives_replicated = by_origin["replicated"]
    result.initiatives = sum(by_field.values())
    result.conferences_by_kind = dict(sorted(conferences.items()))
    result.awards_by_form = {
        form: (totals[0], totals[1]) for form, totals in sorted(forms.items())
    }
    result.awards_by_level = [
        AwardLevel(level=name, rank=rank, collectives=c, individuals=i)
        for (name, rank), (c, i) in sorted(
            levels.items(), key=lambda item: (item[0][1] is None, item[0][1] or 0)
        )
    ]
    result.indicators = dict(sorted(result.indicators.items()))
    result.targets = _targets(unit, period)
    return result


def _targets(unit: Unit, period: Period) -> list[TargetResult]:
    latest = TargetProgress.objects.filter(
        target=OuterRef("pk"), date__lte=period.end
    ).order_by("-date", "-id")
    rows = (
        Target.objects.filter(
            _scope(unit, period, "unit__path"),
            campaign__start__lte=period.end,
            campaign__end__gte=period.start,
        )
        .annotate(achieved=Subquery(latest.values("achieved")[:1]))
        .values(
            "campaign__name",
            "unit__name",
            "description",
            "comparison",
            "quantity",
            "measure",
            "achieved",
        )
        .order_by("campaign__start", "campaign__name", "unit__path", "description")
    )
    return [
        TargetResult(
            campaign=row["campaign__name"],
            unit=row["unit__name"],
            description=row["description"],
            comparison=row["comparison"],
            quantity=row["quantity"],
            measure=row["measure"],
            achieved=row["achieved"],
        )
        for row in rows
    ]


@dataclass(frozen=True)
class ChildTotals:
    unit: Unit
    initiatives: int
    conferences: int
    indicator_values: int

    @property
    def reported(self) -> bool:
        return bool(self.initiatives or self.conferences or self.indicator_values)


def _child_counts(
    queryset: QuerySet[Any], date_filter: Q, parent: Unit
) -> dict[str, int]:
    width = (parent.depth + 1) * Unit.steplen
    rows = (
        queryset.filter(date_filter, unit__path__startswith=parent.path)
        .annotate(child=Substr("unit__path", 1, width))
        .values("child")
        .annotate(n=Count("pk"))
        .order_by("child")
    )
    return {row["child"]: row["n"] for row in rows}


def children_totals(unit: Unit, period: Period) -> list[ChildTotals]:
    """The same figures for each current child of ``unit``, in three queries;
    a child with none of them in the period has not reported."""
    children = list(
        Unit.objects.filter(
            path__startswith=unit.path, depth=unit.depth + 1, valid_to__isnull=True
        ).order_by("name")
    )
    within = {
        "initiatives": _child_counts(
            Initiative.objects.all(),
            Q(registered_on__gte=period.start, registered_on__lte=period.end),
            unit,
        ),
        "conferences": _child_counts(
            Conference.objects.all(),
            Q(date__gte=period.start, date__lte=period.end),
            unit,
        ),
        "indicator_values": _child_counts(
            IndicatorValue.objects.all(),
            Q(period_start__gte=period.start, period_end__lte=period.end),
            unit,
        ),
    }
    return [
        ChildTotals(
            unit=child,
            initiatives=within["initiatives"].get(child.path, 0),
            conferences=within["conferences"].get(child.path, 0),
            indicator_values=within["indicator_values"].get(child.path, 0),
        )
        for child in children
    ]


def not_reported(unit: Unit, period: Period) -> list[Unit]:
    """Current children of ``unit`` that recorded nothing in ``period``."""
    return [c.unit for c in children_totals(unit, period) if not c.reported]


def with_year_before(unit: Unit, period: Period) -> tuple[Rollup, Rollup]:
    """The totals of ``period`` and of the same period a year before."""
    return rollup(unit, period), rollup(unit, period.year_before())
