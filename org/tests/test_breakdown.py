"""Units as they were: the rows of a unit's per-unit table during a period.

Each case builds a small history through the services (merges, splits, a
change of parent in the middle of a year), records one initiative a month in
every unit, and checks the rows: which units, with which dates, and that they
add up to the roll-up's total, which itself is checked against the raw rows.
"""

from __future__ import annotations

import datetime as dt

import pytest

from org import services as org_services
from org.breakdown import breakdown
from org.models import Unit
from reports.periods import parse_period
from reports.rollup import rollup
from work.models import Field, Initiative
from work.services import initiatives

D = dt.date
REFORM = D(2025, 7, 1)


def _monthly(unit: Unit, first: dt.date, last: dt.date) -> None:
    """One initiative on the 10th of every month the unit existed."""
    field = Field.objects.get(code="kinh-te")
    day = first.replace(day=10)
    while day <= last:
        if unit.exists_on(day):
            initiatives.initiative_register(
                data=initiatives.InitiativeData(
                    unit=unit,
                    name=f"Mô hình {unit.short_name} {day:%m/%Y}",
                    field=field,
                    registered_on=day,
                    holder_name="Hội Nông dân",
                )
            )
        day = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=10)


def _fresh(unit: Unit) -> Unit:
    unit.refresh_from_db()
    return unit


def _rows_add_up(unit: Unit, code: str) -> list[tuple[str, dt.date, dt.date, int]]:
    period = parse_period(code)
    totals = rollup(_fresh(unit), period, rows=True)
    assert sum(r.initiatives for r in totals.rows) == totals.initiatives
    return [(r.name, r.row.start, r.row.end, r.initiatives) for r in totals.rows]


@pytest.fixture
def merged_into_new(world):
    """Xã An Phú (with Thôn Một) and Xã Bình Minh merge into a new Xã Hợp Nhất
    on 1 July 2025; the village passes to the new commune."""
    for unit in (world.commune, world.village, world.sibling):
        _monthly(unit, D(2023, 1, 1), D(2025, 6, 30))
    reorg = org_services.reorganization_merge(
        predecessors=[world.commune, world.sibling],
        successor=org_services.NewUnit(
            code="X10",
            name="Xã Hợp Nhất",
            short_name="Hợp Nhất",
            kind=world.commune.kind,
            parent=world.province,
        ),
        effective_date=REFORM,
    )
    new = reorg.links.first().successor  # type: ignore[union-attr]
    for unit in (new, _fresh(world.village)):
        _monthly(unit, REFORM, D(2025, 12, 31))
    return new


def test_a_province_lists_its_communes_as_they_were(world, merged_into_new):
    rows = _rows_add_up(world.province, "2023")
    assert [name for name, *_ in rows] == [
        "Xã An Phú",
        "Xã Bình Minh",
        "Tỉnh Thử Nghiệm",
    ]
    # Xã An Phú's row carries its village's records of 2023.
    assert rows[0][3] == 24 and rows[1][3] == 12 and rows[2][3] == 0
    rows = _rows_add_up(world.province, "2025")
    assert [(n, s, e) for n, s, e, _ in rows] == [
        ("Xã An Phú", D(2025, 1, 1), D(2025, 6, 30)),
        ("Xã Bình Minh", D(2025, 1, 1), D(2025, 6, 30)),
        ("Xã Hợp Nhất", REFORM, D(2025, 12, 31)),
        ("Tỉnh Thử Nghiệm", D(2025, 1, 1), D(2025, 12, 31)),
    ]
    assert [n for *_, n in rows] == [12, 6, 12, 0]


def test_a_new_unit_before_it_existed_is_the_units_it_was_formed_from(
    world, merged_into_new
):
    rows = _rows_add_up(merged_into_new, "2023")
    assert [name for name, *_ in rows] == ["Xã An Phú", "Xã Bình Minh"]
    assert rollup(merged_into_new, parse_period("2023")).initiatives == 36
    # Across the reform: the former communes until 30 June, then the new one's
    # village and its own row. The village's records of the first half are
    # in Xã An Phú's row, those of the second half in its own.
    rows = _rows_add_up(merged_into_new, "2025")
    assert rows == [
        ("Xã An Phú", D(2025, 1, 1), D(2025, 6, 30), 12),
        ("Xã Bình Minh", D(2025, 1, 1), D(2025, 6, 30), 6),
        ("Thôn Một", REFORM, D(2025, 12, 31), 6),
        ("Xã Hợp Nhất", REFORM, D(2025, 12, 31), 6),
    ]
    assert rollup(merged_into_new, parse_period("2025")).initiatives == 30


def test_a_former_unit_rolls_up_as_it_was(world, merged_into_new):
    former = _fresh(world.commune)
    assert _rows_add_up(former, "2024") == [
        ("Thôn Một", D(2024, 1, 1), D(2024, 12, 31), 12),
        ("Xã An Phú", D(2024, 1, 1), D(2024, 12, 31), 12),
    ]
    # After it ended it has nothing, and no rows.
    assert _rows_add_up(former, "2026") == []
    assert rollup(former, parse_period("2026")).initiatives == 0


def test_a_change_of_parent_within_the_period_splits_a_units_records(world):
    _monthly(world.village, D(2024, 1, 1), D(2024, 12, 31))
    org_services.reorganization_reparent(
        unit=world.village, new_parent=world.sibling, effective_date=D(2024, 7, 1)
    )
    rows = _rows_add_up(world.province, "2024")
    assert rows == [
        ("Xã An Phú", D(2024, 1, 1), D(2024, 12, 31), 6),
        ("Xã Bình Minh", D(2024, 1, 1), D(2024, 12, 31), 6),
        ("Tỉnh Thử Nghiệm", D(2024, 1, 1), D(2024, 12, 31), 0),
    ]
    bd = breakdown(world.province, D(2024, 1, 1), D(2024, 12, 31))
    assert world.village.pk not in bd.simple  # counted day by day
    # Each commune's own table agrees.
    assert _rows_add_up(world.commune, "2024")[0] == (
        "Thôn Một",
        D(2024, 1, 1),
        D(2024, 6, 30),
        6,
    )
    assert ("Thôn Một", D(2024, 7, 1), D(2024, 12, 31), 6) in _rows_add_up(
        _fresh(world.sibling), "2024"
    )


def test_a_unit_merged_into_an_existing_one_is_a_row_of_it(world):
    for unit in (world.commune, world.sibling):
        _monthly(unit, D(2024, 1, 1), D(2024, 12, 31))
    org_services.reorganization_merge(
        predecessors=[world.sibling], successor=world.commune, effective_date=REFORM
    )
    rows = _rows_add_up(world.commune, "2024")
    assert rows == [
        ("Xã Bình Minh", D(2024, 1, 1), D(2024, 12, 31), 12),
        ("Thôn Một", D(2024, 1, 1), D(2024, 12, 31), 0),
        ("Xã An Phú", D(2024, 1, 1), D(2024, 12, 31), 12),
    ]
    assert breakdown(world.commune, D(2024, 1, 1), D(2024, 12, 31)).rows[0].formed_from
    # The province still lists both communes of 2024, once each.
    assert [n for n, *_ in _rows_add_up(world.province, "2024")] == [
        "Xã An Phú",
        "Xã Bình Minh",
        "Tỉnh Thử Nghiệm",
    ]


def test_the_non_primary_part_of_a_split_carries_no_past(world):
    _monthly(world.sibling, D(2024, 1, 1), D(2024, 12, 31))
    kind = world.sibling.kind
    reorg = org_services.reorganization_split(
        predecessor=world.sibling,
        successors=[
            org_services.NewUnit("X21", "Xã Bắc", "Bắc", kind, world.province),
            org_services.NewUnit("X22", "Xã Nam", "Nam", kind, world.province),
        ],
        primary=0,
        effective_date=REFORM,
    )
    north, south = (
        Unit.objects.get(code="X21"),
        Unit.objects.get(code="X22"),
    )
    assert reorg.links.count() == 2
    assert _rows_add_up(north, "2024") == [
        ("Xã Bình Minh", D(2024, 1, 1), D(2024, 12, 31), 12)
    ]
    assert _rows_add_up(south, "2024") == []


def test_rows_add_up_for_every_unit_and_period_of_a_small_history(
    world, merged_into_new
):
    """The invariant over every unit of this history and many periods."""
    codes = [f"{y}" for y in range(2022, 2027)] + [
        f"{y}H{h}" for y in range(2023, 2027) for h in (1, 2)
    ]
    codes += ["2025-06-15..2025-07-15", "2024-07-01..2026-06-30"]
    checked = 0
    for unit in Unit.objects.all():
        for code in codes:
            period = parse_period(code)
            totals = rollup(unit, period, rows=True)
            assert sum(r.initiatives for r in totals.rows) == totals.initiatives, (
                unit,
                code,
            )
            checked += 1
    assert checked == Unit.objects.count() * len(codes)
    # The nation's total is every initiative of the period.
    period = parse_period("2024-07-01..2026-06-30")
    assert rollup(world.root, period).initiatives == (
        Initiative.objects.filter(
            registered_on__gte=period.start, registered_on__lte=period.end
        ).count()
    )
