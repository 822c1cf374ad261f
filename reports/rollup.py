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

from django.db.models import Count, Q, QuerySet, Sum

from org.lineage import composition_at
from org.models import Unit
from reports.periods import Period
from work.models import Award, Conference, IndicatorValue, Initiative


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
    indicators: dict[str, IndicatorTotal] = field(default_factory=dict)


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
    result.initiatives_by_field = _counts(initiatives, "field__code")
    result.initiatives_by_status = _counts(initiatives, "status")
    result.initiatives_by_holder = _counts(initiatives, "holder_kind")
    origins = Counter(_counts(initiatives, "origin"))
    result.initiatives_new = origins["new"]
    result.initiatives_replicated = origins["replicated"]
    result.initiatives = sum(result.initiatives_by_field.values())

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
