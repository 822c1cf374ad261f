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

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum
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
        return Q(**{f"{path_field}__startswith": unit.path})
    day = min(period.end, unit.valid_to) if unit.valid_to else period.end
    units = [u.unit.pk for u in composition_at(unit, day, as_today=False)]
    return Q(**{f"{path_field.removesuffix('__path')}__in": units})


def _counts(queryset: QuerySet[Initiative], column: str) -> dict[str, int]:
    return {
        str(row[column]): row["n"]
        for row in queryset.values(column).annotate(n=Count("pk")).order_by(column)
    }


def rollup(unit: Unit, period: Period) -> Rollup:
    """Every total of ``unit``'s subtree for ``period``, with a few grouped queries."""
    result = Rollup(unit=unit, period=period)
    initiatives = Initiative.objects.filter(
        _scope(unit, period, "unit__path"),
        registered_on__gte=period.start,
        registered_on__lte=period.end,
    )
    # One grouped scan gives all four breakdowns.
    by_field: Counter[str] = Counter()
    by_status: Counter[str] = Counter()
    by_holder: Counter[str] = Counter()
    by_origin: Counter[str] = Counter()
    for group in (
        initiatives.values("field__code", "status", "holder_kind", "origin")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        by_field[group["field__code"]] += group["n"]
        by_status[group["status"]] += group["n"]
        by_holder[group["holder_kind"]] += group["n"]
        by_origin[group["origin"]] += group["n"]
    result.initiatives_by_field = dict(sorted(by_field.items()))
    result.initiatives_by_status = dict(sorted(by_status.items()))
    result.initiatives_by_holder = dict(sorted(by_holder.items()))
    result.initiatives_new = by_origin["new"]
    result.initiatives_replicated = by_origin["replicated"]
    result.initiatives = sum(by_field.values())

    conferences = Conference.objects.filter(
        _scope(unit, period, "unit__path"), date__gte=period.start, date__lte=period.end
    )
    result.conferences_by_kind = {
        row["kind"]: row["n"]
        for row in conferences.values("kind").annotate(n=Count("pk")).order_by("kind")
    }

    awards = Award.objects.filter(
        _scope(unit, period, "unit__path"), date__gte=period.start, date__lte=period.end
    )
    result.awards_by_form = {
        row["form"]: (row["collectives"] or 0, row["individuals"] or 0)
        for row in awards.values("form")
        .annotate(
            collectives=Sum("collective_count"), individuals=Sum("individual_count")
        )
        .order_by("form")
    }

    result.awards_by_level = [
        AwardLevel(
            level=row["issuer__unit__kind__level__name"],
            rank=row["issuer__unit__kind__level__rank"],
            collectives=row["collectives"] or 0,
            individuals=row["individuals"] or 0,
        )
        for row in awards.values(
            "issuer__unit__kind__level__name", "issuer__unit__kind__level__rank"
        )
        .annotate(
            collectives=Sum("collective_count"), individuals=Sum("individual_count")
        )
        .order_by("issuer__unit__kind__level__rank")
    ]
    result.targets = _targets(unit, period)

    values = IndicatorValue.objects.filter(
        _scope(unit, period, "unit__path"),
        initiative__isnull=True,
        period_start__gte=period.start,
        period_end__lte=period.end,
    )
    for row in (
        values.values(
            "indicator__code",
            "indicator__name",
            "indicator__measure",
            "indicator__aggregation",
        )
        .annotate(value=Sum("value"), denominator=Sum("denominator"))
        .order_by("indicator__code")
    ):
        ratio = row["indicator__aggregation"] == "ratio"
        result.indicators[row["indicator__code"]] = IndicatorTotal(
            code=row["indicator__code"],
            name=row["indicator__name"],
            measure=row["indicator__measure"],
            value=row["value"],
            denominator=row["denominator"] if ratio else None,
        )
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
