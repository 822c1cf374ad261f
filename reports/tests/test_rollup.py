"""Roll-up totals checked against totals computed here from the raw rows."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from decimal import Decimal

import pytest

from org import services as org_services
from org.models import BodyKind
from reports.periods import parse_period
from reports.rollup import children_totals as rollup_children
from reports.rollup import initiatives_total, not_reported, rollup, with_year_before
from work.models import Award, Field, Indicator, IndicatorValue, Initiative
from work.services import awards, conferences, indicators, initiatives

D = dt.date


def build(world) -> None:
    rng = random.Random(7)
    fields = list(Field.objects.filter(owner__isnull=True))
    families = Indicator.objects.get(code="gia-dinh-van-hoa")
    for unit in (world.commune, world.sibling, world.village, world.province):
        body = org_services.body_create(
            unit=unit,
            kind=BodyKind.objects.get(code="khoi-dan-van"),
            name=f"Khối {unit}",
        )
        for i in range(12):
            initiatives.initiative_register(
                data=initiatives.InitiativeData(
                    unit=unit,
                    name=f"Mô hình {i}",
                    field=rng.choice(fields),
                    registered_on=D(2022, 11, 1)
                    + dt.timedelta(days=rng.randint(0, 500)),
                    holder_body=body,
                    origin=rng.choice(["new", "replicated"]),
                )
            )
        day = D(2023, rng.randint(1, 12), 10)
        conferences.conference_create(
            data=conferences.ConferenceData(
                unit=unit,
                kind=rng.choice(["year_end_review", "midyear_review"]),
                title="Hội nghị",
                date=day,
                organizer=body,
            )
        )
        awards.award_record(
            unit=unit,
            form="certificate",
            date=day,
            issuer=body,
            collective_count=rng.randint(0, 5),
            individual_count=rng.randint(1, 5),
        )
        for year in (2022, 2023):
            registered = rng.randint(500, 3000)
            indicators.value_record(
                indicator=families,
                unit=unit,
                period_start=D(year, 1, 1),
                period_end=D(year, 12, 31),
                value=Decimal(int(registered * 0.9)),
                denominator=Decimal(registered),
                source="Báo cáo",
            )


def test_rollup_of_a_province_matches_the_raw_rows(world):
    build(world)
    period = parse_period("2023")
    totals = rollup(world.province, period)
    in_scope = [
        u.pk for u in (world.province, world.commune, world.sibling, world.village)
    ]
    rows = [
        i
        for i in Initiative.objects.all()
        if i.unit_id in in_scope and period.contains(i.registered_on)
    ]
    assert totals.initiatives == len(rows)
    assert totals.initiatives_by_field == dict(Counter(i.field.code for i in rows))
    assert totals.initiatives_new == sum(1 for i in rows if i.origin == "new")
    assert totals.initiatives_replicated == sum(
        1 for i in rows if i.origin == "replicated"
    )
    certificates = [a for a in Award.objects.all() if period.contains(a.date)]
    assert totals.awards_by_form["certificate"] == (
        sum(a.collective_count for a in certificates),
        sum(a.individual_count for a in certificates),
    )
    values = [v for v in IndicatorValue.objects.all() if v.period_end.year == 2023]
    families = totals.indicators["gia-dinh-van-hoa"]
    assert families.value == sum(v.value for v in values)
    assert families.denominator == sum(v.denominator or 0 for v in values)
    # The ratio of the sums, not the average of the four percentages.
    numerator = sum((v.value for v in values), Decimal(0))
    denominator = sum((v.denominator or Decimal(0) for v in values), Decimal(0))
    assert families.percent == (numerator / denominator * 100).quantize(Decimal("0.01"))


def test_a_commune_excludes_its_sibling(world):
    build(world)
    commune = rollup(world.commune, parse_period("2023"))
    own = Initiative.objects.filter(
        unit__in=[world.commune, world.village], registered_on__year=2023
    ).count()
    assert commune.initiatives == own


def test_a_merged_unit_rolls_up_into_its_successor_and_keeps_its_own_past(world):
    build(world)
    period = parse_period("2023")
    before_sibling = rollup(world.sibling, period).initiatives
    before_commune = rollup(world.commune, period).initiatives
    org_services.reorganization_merge(
        predecessors=[world.sibling],
        successor=world.commune,
        effective_date=D(2025, 7, 1),
    )
    world.sibling.refresh_from_db()
    # Today's commune reports what the merged sibling recorded in 2023 …
    assert rollup(world.commune, period).initiatives == before_commune + before_sibling
    # … and the former sibling's own 2023 report still works, as it was.
    assert rollup(world.sibling, period).initiatives == before_sibling
    # The count alone (the dashboard's chart over the years) agrees, for
    # today's units and the former one, in every period.
    for unit in (world.commune, world.sibling, world.province, world.root):
        for code in ("2023", "2023H2", "2024", "2025", "2025-07-01..2025-12-31"):
            alone = initiatives_total(unit, parse_period(code))
            assert alone == rollup(unit, parse_period(code)).initiatives, (unit, code)


def test_rows_summed_in_the_database_equal_rows_placed_here(world):
    """PostgreSQL sums the per-unit rows in the database (the units' rows
    sent as arrays); the same figures placed one unit at a time here must be
    equal, for units and periods before, across and after a merge."""
    from django.db import connection

    from org.breakdown import breakdown
    from reports.rollup import _grouped_rows

    if connection.vendor != "postgresql":
        pytest.skip("the sums in the database are PostgreSQL's (CI runs both)")
    build(world)
    # The village moves to the sibling mid-2023: in the province's 2023 table
    # its records go to two rows, split by their dates.
    org_services.reorganization_reparent(
        unit=world.village, new_parent=world.sibling, effective_date=D(2023, 7, 1)
    )
    world.sibling.refresh_from_db()
    org_services.reorganization_merge(
        predecessors=[world.sibling],
        successor=world.commune,
        effective_date=D(2025, 7, 1),
    )
    compared = split = 0
    for unit in (world.root, world.province, world.commune, world.sibling):
        unit.refresh_from_db()
        for code in ("2023", "2025", "2025-06-01..2025-08-31"):
            period = parse_period(code)
            bd = breakdown(unit, period.start, period.end)
            split += len(set(bd.members) - set(bd.simple))

            def summed(rows):
                total: dict[tuple[object, ...], Decimal] = {}
                for tag, index, key, n1, n2, n3 in rows:
                    for n, value in enumerate((n1, n2, n3)):
                        key4 = (tag, index, key, n)
                        total[key4] = total.get(key4, Decimal(0)) + Decimal(
                            str(value or 0)
                        )
                return {k: v for k, v in total.items() if v}

            here = summed(_grouped_rows(bd, period, in_database=False))
            there = summed(_grouped_rows(bd, period, in_database=True))
            assert here == there, (unit, code)
            compared += len(here)
    assert compared > 20 and split > 0


def test_children_totals_and_who_has_not_reported(world):
    build(world)
    extra = org_services.unit_create(
        parent=world.province,
        code="X09",
        name="Xã Chưa Báo Cáo",
        short_name="Chưa Báo Cáo",
        kind=world.commune.kind,
    )
    period = parse_period("2023")
    children = {c.unit.pk: c for c in rollup_children(world.province, period)}
    commune = children[world.commune.pk]
    assert (
        commune.initiatives
        == Initiative.objects.filter(
            unit__in=[world.commune, world.village], registered_on__year=2023
        ).count()
    )
    assert [r.unit.pk for r in not_reported(world.province, period)] == [extra.pk]


def test_comparison_with_the_year_before(world):
    build(world)
    now, before = with_year_before(world.province, parse_period("2023"))
    assert before.period == parse_period("2022")
    assert (
        before.initiatives
        == Initiative.objects.filter(registered_on__year=2022).count()
    )
    assert (
        now.indicators["gia-dinh-van-hoa"].value
        != before.indicators["gia-dinh-van-hoa"].value
    )
