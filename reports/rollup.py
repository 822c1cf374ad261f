"""The roll-up: totals of a unit and everything under it, for a period.

"Under it" is the unit as it was during the period (``org.breakdown``): its
children then, with their own subtrees then, and the units whose records live
on in it (today's ward's 2023 totals are those of the former wards it was
formed from). A unit that no longer exists is rolled up as it was, under its
old name. The totals and the per-unit rows are selected by the same rule, so
the rows of every per-unit table add up to the totals.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)

from org.breakdown import Breakdown, Row, breakdown
from org.models import Unit
from reports.periods import Period, PeriodKind
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
    # The per-unit row the target belongs to.
    row: int = 0

    @property
    def progressed(self) -> bool:
        """Whether the unit has recorded any progress on the target."""
        return self.achieved is not None

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
class RowTotals:
    """The figures of one row of a per-unit table (``org.breakdown.Row``)."""

    row: Row
    initiatives: int = 0
    conferences: int = 0
    indicator_values: int = 0
    # Indicator code → (summed values, summed denominators or None).
    indicators: dict[str, tuple[Decimal, Decimal | None]] = field(default_factory=dict)
    collectives: int = 0
    individuals: int = 0
    targets: int = 0
    targets_met: int = 0
    targets_progressed: int = 0

    @property
    def unit(self) -> Unit:
        return self.row.unit

    @property
    def name(self) -> str:
        return self.row.name

    @property
    def reported(self) -> bool:
        """Whether the unit recorded anything in the period: a record, a value,
        an award or progress on one of its targets."""
        return bool(
            self.initiatives
            or self.conferences
            or self.indicator_values
            or self.collectives
            or self.individuals
            or self.targets_progressed
        )


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
    # How many values the indicator totals sum.
    indicator_values: int = 0
    targets: list[TargetResult] = field(default_factory=list)
    # Per-unit rows (children as of the period, and the unit's own row), when
    # asked for; they add up to the totals above.
    rows: list[RowTotals] = field(default_factory=list)
    # The unit as it was during the period: which records count.
    breakdown: Breakdown | None = None

    @property
    def children(self) -> list[RowTotals]:
        return [r for r in self.rows if not r.row.own]

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


def _branches(bd: Breakdown, period: Period) -> dict[str, tuple[QuerySet[Any], str]]:
    """The records of each kind that count for ``bd``, with their date field."""
    return {
        "i": (
            Initiative.objects.filter(bd.records("registered_on")),
            "registered_on",
        ),
        "c": (Conference.objects.filter(bd.records("date")), "date"),
        "a": (Award.objects.filter(bd.records("date")), "date"),
        # A value counts by the last day of its period, which lies within the
        # unit's lifetime; the whole of its period lies within the report's.
        "v": (
            IndicatorValue.objects.filter(
                bd.records("period_end"),
                initiative__isnull=True,
                period_start__gte=period.start,
            ),
            "period_end",
        ),
    }


def initiatives_total(unit: Unit, period: Period) -> int:
    """``rollup(unit, period).initiatives`` alone: the models of ``unit`` as it
    was during ``period`` (for a chart over years, without every other total)."""
    return initiatives_totals(unit, [period])[period]


def initiatives_totals(unit: Unit, periods: list[Period]) -> dict[Period, int]:
    """``initiatives_total`` of each of ``periods`` (which do not overlap): one
    statement for all those whose lineage subtree is exactly their roll-up,
    instead of a pass over the models per period."""
    counts: dict[Period, int] = {}
    exact: list[tuple[Period, Q]] = []
    for period in periods:
        bd = breakdown(unit, period.start, period.end)
        if bd.lineage_exact:
            exact.append((period, bd.records("registered_on")))
        else:
            counts[period] = int(_branches(bd, period)["i"][0].count())
    if exact:
        anywhere = Q(pk__in=[])
        for _period, condition in exact:
            anywhere |= condition
        bucket = Case(
            *[
                When(registered_on__range=(p.start, p.end), then=Value(i))
                for i, (p, _c) in enumerate(exact)
            ],
            output_field=IntegerField(),
        )
        found = dict(
            Initiative.objects.filter(anywhere)
            .annotate(bucket=bucket)
            .values_list("bucket")
            .annotate(n=Count("pk"))
            .order_by()
            .values_list("bucket", "n")
        )
        for i, (period, _c) in enumerate(exact):
            counts[period] = int(found.get(i, 0))
    return counts


def rollup(unit: Unit, period: Period, *, rows: bool = False) -> Rollup:
    """Every total of ``unit`` as it was during ``period``; with ``rows``, the
    same figures per unit under it then (``Rollup.rows``), which add up to them.

    The grouped counts of initiatives, conferences, awards and indicator
    values are built as ORM querysets and sent as one UNION ALL statement: one
    round trip whatever the size of the unit. Targets follow in a second
    statement, and the rows in a third.
    """
    result = Rollup(unit=unit, period=period)
    bd = breakdown(unit, period.start, period.end)
    result.breakdown = bd
    by_field: Counter[str] = Counter()
    by_status: Counter[str] = Counter()
    by_holder: Counter[str] = Counter()
    by_origin: Counter[str] = Counter()
    conferences: Counter[str] = Counter()
    forms: dict[str, list[int]] = {}
    levels: dict[tuple[str | None, int | None], list[int]] = {}
    for tag, k1, k2, k3, k4, n1, n2, n3 in _run(
        _statement("totals", bd, period, _totals_statement)
    ):
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
            result.indicator_values += int(n3)
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
    result.targets = _targets(bd, period)
    if rows:
        result.rows = _rows(bd, period, result)
    return result


Statement = tuple[str, list[Any]]


def _totals_statement(bd: Breakdown, period: Period) -> Statement | None:
    """The grouped totals of every kind of record, as one UNION ALL."""
    records = _branches(bd, period)
    return _union(
        [
            _part(
                "i",
                records["i"][0],
                k1=F("field__code"),
                k2=F("status"),
                k3=F("holder_kind"),
                k4=F("origin"),
                n1=Count("pk"),
            ),
            _part("c", records["c"][0], k1=F("kind"), n1=Count("pk")),
            _part(
                "a",
                records["a"][0],
                k1=F("form"),
                k2=F("issuer__unit__kind__level__name"),
                n1=Sum("collective_count"),
                n2=Sum("individual_count"),
                n3=Max("issuer__unit__kind__level__rank"),
            ),
            _part(
                "v",
                records["v"][0],
                k1=F("indicator__code"),
                k2=F("indicator__name"),
                k3=F("indicator__measure"),
                k4=F("indicator__aggregation"),
                n1=Sum("value"),
                n2=Sum("denominator"),
                n3=Count("pk"),
            ),
        ]
    )


# Compiling querysets to SQL costs more than running them for a small unit.
# When a unit's lineage subtree is exactly its roll-up (the common case), the
# statements differ only in the unit's path and the period's dates: they are
# compiled once, with stand-in values, and the real ones are bound each time.
_STAND_IN_PATH = "\x1fpath\x1f"
_STAND_IN_START = dt.date(1801, 1, 1)
_STAND_IN_END = dt.date(1802, 2, 2)
_TEMPLATES: dict[tuple[str, str], Statement | None] = {}


def _statement(
    name: str,
    bd: Breakdown,
    period: Period,
    build: Callable[[Breakdown, Period], Statement | None],
) -> Statement | None:
    """``build``'s statement for ``bd``, from a compiled template if it can."""
    if not bd.lineage_exact:
        return build(bd, period)
    key = (connection.vendor, name)
    if key not in _TEMPLATES:
        stand_in = Breakdown(
            unit=Unit(path=_STAND_IN_PATH),
            start=_STAND_IN_START,
            end=_STAND_IN_END,
            rows=[],
            lineage_exact=True,
        )
        _TEMPLATES[key] = build(
            stand_in, Period(PeriodKind.RANGE, _STAND_IN_START, _STAND_IN_END)
        )
    template = _TEMPLATES[key]
    if template is None:
        return None
    ops = connection.ops
    values = {
        ops.prep_for_like_query(_STAND_IN_PATH) + "%": ops.prep_for_like_query(
            bd.unit.path
        )
        + "%",
        _STAND_IN_START: ops.adapt_datefield_value(period.start),
        _STAND_IN_END: ops.adapt_datefield_value(period.end),
        str(_STAND_IN_START): ops.adapt_datefield_value(period.start),
        str(_STAND_IN_END): ops.adapt_datefield_value(period.end),
    }
    sql, params = template
    return sql, [values.get(p, p) if _bindable(p) else p for p in params]


def _bindable(param: Any) -> bool:
    return isinstance(param, str | dt.date)


def _union(parts: list[Statement | None]) -> Statement | None:
    """The branches that can match something, as one UNION ALL statement."""
    present = [part for part in parts if part is not None]
    if not present:
        return None
    return (
        " UNION ALL ".join(sql for sql, _params in present),
        [p for _sql, params in present for p in params],
    )


def _run(statement: Statement | None) -> list[tuple[Any, ...]]:
    if statement is None:
        return []
    with connection.cursor() as cursor:
        cursor.execute(*statement)
        return list(cursor.fetchall())


def _row_part(
    tag: str,
    queryset: QuerySet[Any],
    *,
    day: str | None,
    key: Any = None,
    **numbers: Any,
) -> tuple[str, list[Any]] | None:
    """One branch of the per-unit statement: ``queryset`` grouped by unit (and
    by ``day`` when given, for units whose records go to several rows), in the
    common shape (tag, unit, day, key, n1, n2, n3)."""
    keys = {"u": F("unit_id")}
    if day is not None:
        keys["d"] = F(day)
    if key is not None:
        keys["k"] = key
    grouped = queryset.annotate(**keys).values(*keys).annotate(**numbers).order_by()
    try:
        sql, params = grouped.query.sql_with_params()
    except EmptyResultSet:
        return None
    outer = ", ".join(
        [
            't."u"',
            't."d"' if day is not None else "CAST(NULL AS DATE)",
            't."k"' if key is not None else "CAST(NULL AS VARCHAR)",
        ]
        + [f't."{n}"' if n in numbers else "CAST(NULL AS NUMERIC)" for n in _NUMBERS]
    )
    return f"SELECT '{tag}', {outer} FROM ({sql}) t", list(params)


def _day(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _rows_statement(bd: Breakdown, period: Period) -> Statement | None:
    """Every kind of record grouped by unit (and, for the few units whose
    records go to several rows, by unit and day), as one UNION ALL."""
    complex_units = sorted(set(bd.members) - set(bd.simple))
    parts: list[Statement | None] = []
    for tag, (queryset, date_field) in _branches(bd, period).items():
        numbers: dict[str, Any]
        key: Any = None
        if tag == "a":
            numbers = {"n1": Sum("collective_count"), "n2": Sum("individual_count")}
        elif tag == "v":
            key = F("indicator__code")
            numbers = {"n1": Sum("value"), "n2": Sum("denominator"), "n3": Count("pk")}
        else:
            numbers = {"n1": Count("pk")}
        if complex_units:
            simple = queryset.exclude(unit_id__in=complex_units)
            several = queryset.filter(unit_id__in=complex_units)
            parts.append(_row_part(tag, simple, day=None, key=key, **numbers))
            parts.append(_row_part(tag, several, day=date_field, key=key, **numbers))
        else:
            parts.append(_row_part(tag, queryset, day=None, key=key, **numbers))
    return _union(parts)


def _mapped_rows_statement(bd: Breakdown, period: Period) -> Statement | None:
    """PostgreSQL: the per-unit sums placed in their rows in the database.
    Which row a unit's sums belong to is sent as four arrays (unit, first and
    last day or NULL, row): a unit whose records all go to one row once,
    without dates; a unit whose records go to several rows once per span, its
    sums split by day. A nation's 14,000 units cost four parameters, and the
    answer is one line per row and kind instead of one per unit."""
    grouped = _statement("rows", bd, period, _rows_statement)
    if grouped is None:
        return None
    units: list[int] = []
    starts: list[dt.date | None] = []
    ends: list[dt.date | None] = []
    indexes: list[int] = []
    for unit_id, spans in bd.members.items():
        if unit_id in bd.simple:
            units.append(unit_id)
            starts.append(None)
            ends.append(None)
            indexes.append(bd.simple[unit_id])
            continue
        for start, end, index in spans:
            units.append(unit_id)
            starts.append(start)
            ends.append(end)
            indexes.append(index)
    sql, params = grouped
    return (
        "SELECT x.tag, m.r, x.k, SUM(x.n1), SUM(x.n2), SUM(x.n3) FROM "
        f"(SELECT * FROM ({sql}) g(tag, u, d, k, n1, n2, n3)) x "
        "JOIN unnest(%s::integer[], %s::date[], %s::date[], %s::integer[]) "
        "AS m(u, d0, d1, r) ON x.u = m.u AND (m.d0 IS NULL "
        "OR (x.d >= m.d0 AND x.d <= m.d1)) GROUP BY x.tag, m.r, x.k",
        [*params, units, starts, ends, indexes],
    )


def _grouped_rows(
    bd: Breakdown, period: Period, *, in_database: bool | None = None
) -> list[tuple[Any, ...]]:
    """The rows' sums as (tag, row index, key, n1, n2, n3): summed in the
    database on PostgreSQL, else from sums per unit placed here."""
    if in_database is None:
        in_database = connection.vendor == "postgresql"
    if in_database:
        return _run(_mapped_rows_statement(bd, period))
    placed = []
    for tag, unit_id, day, key, n1, n2, n3 in _run(
        _statement("rows", bd, period, _rows_statement)
    ):
        index = bd.simple.get(unit_id) if day is None else bd.row_of(unit_id, _day(day))
        if index is None:
            raise LookupError(f"a record of unit {unit_id} fits no row")
        placed.append((tag, index, key, n1, n2, n3))
    return placed


def _rows(bd: Breakdown, period: Period, totals: Rollup) -> list[RowTotals]:
    """The figures of every row of ``bd``."""
    if len(bd.rows) <= 1:
        return [_whole(row, totals) for row in bd.rows]
    result = [RowTotals(row=row) for row in bd.rows]
    ratios = {
        code for code, t in totals.indicators.items() if t.denominator is not None
    }
    for tag, index, key, n1, n2, n3 in _grouped_rows(bd, period):
        row = result[index]
        if tag == "i":
            row.initiatives += int(n1)
        elif tag == "c":
            row.conferences += int(n1)
        elif tag == "a":
            row.collectives += int(n1 or 0)
            row.individuals += int(n2 or 0)
        else:
            value, denominator = row.indicators.get(key, (Decimal(0), None))
            value += _number(n1)
            if key in ratios:
                denominator = (denominator or Decimal(0)) + _number(n2)
            row.indicators[key] = (value, denominator)
            row.indicator_values += int(n3)
    for target in totals.targets:
        row = result[target.row]
        row.targets += 1
        row.targets_met += int(target.met)
        row.targets_progressed += int(target.progressed)
    return result


def _whole(row: Row, totals: Rollup) -> RowTotals:
    """The only row of a unit with nothing under it: all of the totals."""
    result = RowTotals(
        row=row,
        initiatives=totals.initiatives,
        conferences=totals.conferences,
        indicator_values=totals.indicator_values,
        indicators={
            code: (t.value, t.denominator) for code, t in totals.indicators.items()
        },
        collectives=sum(c for c, _i in totals.awards_by_form.values()),
        individuals=sum(i for _c, i in totals.awards_by_form.values()),
    )
    for target in totals.targets:
        result.targets += 1
        result.targets_met += int(target.met)
        result.targets_progressed += int(target.progressed)
    return result


_TARGET_COLUMNS = (
    "unit_id",
    "campaign__name",
    "campaign__start",
    "campaign__end",
    "unit__name",
    "description",
    "comparison",
    "quantity",
    "measure",
    "achieved",
)


def _targets_statement(bd: Breakdown, period: Period) -> Statement | None:
    latest = TargetProgress.objects.filter(
        target=OuterRef("pk"), date__lte=period.end
    ).order_by("-date", "-id")
    if bd.lineage_exact:
        scope = Q(unit__path__startswith=bd.unit.path)
    else:
        scope = Q(pk__in=[])
        members = sorted(bd.members)
        for i in range(0, len(members), 2000):
            scope |= Q(unit_id__in=members[i : i + 2000])
    rows = (
        Target.objects.filter(
            scope, campaign__start__lte=period.end, campaign__end__gte=period.start
        )
        .annotate(achieved=Subquery(latest.values("achieved")[:1]))
        .values_list(*_TARGET_COLUMNS)
        .order_by("campaign__start", "campaign__name", "unit__path", "description")
    )
    try:
        sql, params = rows.query.sql_with_params()
    except EmptyResultSet:
        return None
    return sql, list(params)


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _targets(bd: Breakdown, period: Period) -> list[TargetResult]:
    """Targets of the campaigns running in the period, of the units of ``bd``
    while they were there."""
    results = []
    for row in _run(_statement("targets", bd, period, _targets_statement)):
        data = dict(zip(_TARGET_COLUMNS, row, strict=True))
        start = max(_day(data["campaign__start"]), period.start)
        end = min(_day(data["campaign__end"]), period.end)
        spans = [
            (s, index)
            for s, e, index in bd.members.get(data["unit_id"], ())
            if s <= end and start <= e
        ]
        if not spans:
            continue  # the unit was not part of this one while the campaign ran
        quantity = _decimal(data["quantity"])
        assert quantity is not None
        results.append(
            TargetResult(
                campaign=data["campaign__name"],
                unit=data["unit__name"],
                description=data["description"],
                comparison=data["comparison"],
                quantity=quantity,
                measure=data["measure"],
                achieved=_decimal(data["achieved"]),
                row=max(spans)[1],
            )
        )
    return results


def children_totals(unit: Unit, period: Period) -> list[RowTotals]:
    """The rows of ``unit``'s per-unit table for ``period``: its children as of
    the period, each with the dates it was one, and its own row."""
    return rollup(unit, period, rows=True).rows


def not_reported(unit: Unit, period: Period) -> list[RowTotals]:
    """Rows of units under ``unit`` during ``period`` that recorded nothing."""
    return [
        r for r in children_totals(unit, period) if not r.row.own and not r.reported
    ]


def with_year_before(unit: Unit, period: Period) -> tuple[Rollup, Rollup]:
    """The totals of ``period`` and of the same period a year before."""
    return rollup(unit, period), rollup(unit, period.year_before())
