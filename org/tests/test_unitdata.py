"""The official list and the 2025 reform, loaded from the vietnamadminunits package."""

import datetime as dt

import pytest

from org.lineage import composition_at, living_successors
from org.models import ReorganizationLink, Unit
from org.unitdata import load_official_units

D2023 = dt.date(2023, 6, 1)


@pytest.fixture
def seed_provinces(db):
    # Đà Nẵng (with Quảng Nam), Ninh Bình, Đồng Nai, Tây Ninh, Gia Lai.
    return load_official_units(provinces={"48", "37", "75", "80", "52"})


def active(name: str) -> Unit:
    unit: Unit = Unit.objects.get(name=name, valid_to__isnull=True)
    return unit


def former(name: str, district: str | None = None) -> Unit:
    units = Unit.objects.filter(name=name, valid_to__isnull=False)
    if district:
        units = units.filter(versions__parent__name=district)
    unit: Unit = units.get()
    return unit


def test_seed_units_exist_with_their_successors(seed_provinces):
    expected = {
        ("Thị xã Điện Bàn", None): "Thành phố Đà Nẵng",
        ("Huyện Gia Viễn", None): "Tỉnh Ninh Bình",
        ("Xã Minh Tâm", "Huyện Hớn Quản"): "Xã Minh Đức",
        ("Phường Hiệp Ninh", None): "Phường Tân Ninh",
        ("Phường Tam Quan Nam", None): "Phường Hoài Nhơn",
    }
    for (name, district), successor in expected.items():
        unit = former(name, district)
        assert unit.valid_to == dt.date(2025, 6, 30)
        assert living_successors(unit)[0].unit.name == successor


def test_the_past_keeps_its_names_and_rolls_into_today(seed_provinces):
    da_nang = active("Thành phố Đà Nẵng")
    then = {u.name for u in composition_at(da_nang, D2023)}
    assert {
        "Tỉnh Quảng Nam",
        "Thành phố Đà Nẵng",
        "Thị xã Điện Bàn",
        "Phường Vĩnh Điện",
    } <= then
    # The old district's 2023 composition, under the old names.
    dien_ban = former("Thị xã Điện Bàn")
    parts = composition_at(dien_ban, D2023)
    assert parts[0].name == "Thị xã Điện Bàn"
    assert all(p.unit.path.startswith(da_nang.path) for p in parts)
    assert "Phường Vĩnh Điện" in {p.name for p in parts}
    # The ward that inherited the name today is made of former wards only.
    ward = active("Phường Điện Bàn")
    assert {u.name for u in composition_at(ward, D2023)} >= {"Phường Vĩnh Điện"}
    assert "Thị xã Điện Bàn" not in {u.name for u in composition_at(ward, D2023)}


def test_counts_of_the_seed_provinces(seed_provinces):
    assert seed_provinces.provinces == 5
    assert Unit.objects.filter(depth=2, valid_to__isnull=True).count() == 5
    assert seed_provinces.former_provinces == 11  # the five, and six merged into them
    assert seed_provinces.unmapped == []
    # Every former commune lives on in exactly one primary successor.
    formers = Unit.objects.filter(valid_to=dt.date(2025, 6, 30), kind__level__code="xa")
    primaries = ReorganizationLink.objects.filter(
        predecessor__in=formers, is_primary=True
    )
    assert primaries.count() == formers.count()


def test_loading_again_adds_nothing(seed_provinces):
    before = Unit.objects.count()
    assert load_official_units(provinces={"48"}).provinces == 0
    assert Unit.objects.count() == before


def test_national_list_counts(db):
    stats = load_official_units()
    assert stats.provinces == 34
    assert stats.communes == 3321
    assert (
        Unit.objects.filter(valid_to__isnull=True, kind__level__code="xa").count()
        == 3321
    )
    assert stats.former_provinces == 63 - 11  # eleven provinces were not merged
    assert stats.former_districts == 696
    assert stats.unmapped == []


def _stored_counts_are_real() -> list[tuple[str, int, int]]:
    from danvan.history import wrong_child_counts

    return [(u.name, stored, real) for u, stored, real in wrong_child_counts()]


def test_tree_counts_stay_right_after_loads_and_reorganizations(seed_provinces):
    from org import services as org_services

    root = Unit.objects.get(code="VN")
    assert root.numchild == 5
    assert _stored_counts_are_real() == []
    # Another province later: it is added beside the others.
    assert load_official_units(provinces={"01"}).provinces == 1
    root.refresh_from_db()
    assert root.numchild == 6
    assert _stored_counts_are_real() == []
    # A merge of two current communes of Hà Nội into a new one, then a split.
    hanoi = Unit.objects.get(code="01", valid_to__isnull=True)
    first, second, third = Unit.objects.filter(
        path__startswith=hanoi.path, depth=hanoi.depth + 1, valid_to__isnull=True
    ).order_by("code")[:3]
    org_services.reorganization_merge(
        predecessors=[first, second],
        successor=org_services.NewUnit(
            "01999", "Phường Thử Nghiệm", "Thử Nghiệm", first.kind, hanoi
        ),
        effective_date=dt.date(2026, 1, 1),
    )
    org_services.reorganization_split(
        predecessor=third,
        successors=[
            org_services.NewUnit("01998", "Phường Bắc", "Bắc", third.kind, hanoi),
            org_services.NewUnit("01997", "Phường Nam", "Nam", third.kind, hanoi),
        ],
        primary=0,
        effective_date=dt.date(2026, 1, 1),
    )
    assert _stored_counts_are_real() == []
