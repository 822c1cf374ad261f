import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from org import services
from org.lineage import composition_at, living_successors, name_on
from org.models import Body, BodyKind, Reorganization, Unit, UnitKind, UnitVersion

D2023 = dt.date(2023, 6, 1)
REFORM = dt.date(2025, 7, 1)


def kind(code: str) -> UnitKind:
    return UnitKind.objects.get(code=code)


def new(code: str, name: str, kind_code: str, parent: Unit | None) -> services.NewUnit:
    return services.NewUnit(
        code=code,
        name=name,
        short_name=name.split(" ", 1)[1],
        kind=kind(kind_code),
        parent=parent,
    )


def snapshot() -> tuple[int, int, int, list[tuple[str, str]]]:
    return (
        Unit.objects.count(),
        UnitVersion.objects.count(),
        Reorganization.objects.count(),
        sorted(Unit.objects.values_list("path", "name")),
    )


def test_unit_create_stores_nfc_and_a_first_version(world):
    import unicodedata

    unit = services.unit_create(
        parent=world.province,
        code="X09",
        name=unicodedata.normalize("NFD", "Xã Hòa Lợi"),
        short_name="Hòa Lợi",
        kind=kind("xa"),
    )
    assert unit.name == unicodedata.normalize("NFC", "Xã Hòa Lợi")
    assert unit.versions.get().parent == world.province
    assert unit.search_key == "xa hoa loi hoa loi x09"


def test_unit_create_refuses_a_parent_of_the_same_level(world):
    with pytest.raises(ValidationError, match="cấp cao hơn"):
        services.unit_create(
            parent=world.commune,
            code="X10",
            name="Xã Lạ",
            short_name="Lạ",
            kind=kind("xa"),
        )


def test_unit_create_refuses_a_code_in_use(world):
    with pytest.raises(ValidationError, match="X01"):
        services.unit_create(
            parent=world.province,
            code="X01",
            name="Xã Trùng",
            short_name="Trùng",
            kind=kind("xa"),
        )


def test_rename_keeps_the_old_name_for_past_dates(world):
    services.reorganization_rename(
        unit=world.commune,
        name="Phường An Phú",
        short_name="An Phú",
        kind=kind("phuong"),
        effective_date=dt.date(2024, 1, 1),
    )
    world.commune.refresh_from_db()
    assert world.commune.name == "Phường An Phú"
    assert world.commune.kind.code == "phuong"
    assert name_on(world.commune, D2023) == "Xã An Phú"
    assert name_on(world.commune, dt.date(2024, 1, 1)) == "Phường An Phú"
    old, current = world.commune.versions.order_by("valid_from")
    assert old.valid_to == dt.date(2023, 12, 31)
    assert current.valid_to is None


def test_reparent_moves_the_subtree_and_keeps_history(world):
    services.reorganization_reparent(
        unit=world.commune,
        new_parent=world.other_province,
        effective_date=dt.date(2024, 1, 1),
    )
    world.commune.refresh_from_db()
    world.village.refresh_from_db()
    assert Unit.objects.get_parent(world.commune) == world.other_province
    assert world.village.path.startswith(world.other_province.path)
    # As the province was in 2023 it still contained the commune …
    then = {u.unit for u in composition_at(world.province, D2023, as_today=False)}
    assert world.commune in then
    # … but as it is today it does not.
    today = {u.unit for u in composition_at(world.province, D2023)}
    assert world.commune not in today


def test_reparent_under_own_descendant_is_refused_as_a_cycle(world):
    before = snapshot()
    with pytest.raises(ValidationError, match="vòng lặp"):
        services.reorganization_reparent(
            unit=world.province,
            new_parent=world.commune,
            effective_date=dt.date(2024, 1, 1),
        )
    assert snapshot() == before


def test_merge_into_a_new_unit_rolls_the_old_ones_up(world):
    reorg = services.reorganization_merge(
        predecessors=[world.commune, world.sibling],
        successor=new("X03", "Xã An Bình", "xa", world.province),
        effective_date=REFORM,
        decision="Nghị quyết thử nghiệm",
    )
    merged = Unit.objects.get(code="X03")
    for old in (world.commune, world.sibling):
        old.refresh_from_db()
        assert old.valid_to == dt.date(2025, 6, 30)
        assert old.path.startswith(merged.path)
        assert living_successors(old)[0].unit == merged
    # The village belonged to An Phú; it now belongs to the merged commune.
    world.village.refresh_from_db()
    assert Unit.objects.get_parent(world.village) == merged
    assert world.village.versions.get(valid_to__isnull=True).parent == merged
    then = composition_at(merged, D2023)
    assert {u.name for u in then} == {"Xã An Phú", "Xã Bình Minh", "Thôn Một"}
    assert reorg.links.count() == 3  # two merged communes and the handed-over village


def test_merge_into_an_existing_unit(world):
    services.reorganization_merge(
        predecessors=[world.sibling], successor=world.commune, effective_date=REFORM
    )
    world.sibling.refresh_from_db()
    assert not world.sibling.is_active
    assert world.sibling.path.startswith(world.commune.path)
    assert world.commune.is_active


def test_split_sends_records_to_the_primary_successor(world):
    services.reorganization_split(
        predecessor=world.commune,
        successors=[
            new("X05", "Xã Phú Đông", "xa", world.province),
            new("X06", "Xã Phú Tây", "xa", world.province),
        ],
        primary=1,
        effective_date=REFORM,
    )
    world.commune.refresh_from_db()
    successors = living_successors(world.commune)
    assert [(s.unit.code, s.is_primary) for s in successors] == [
        ("X06", True),
        ("X05", False),
    ]
    assert world.commune.path.startswith(Unit.objects.get(code="X06").path)


def test_dissolve_hands_the_unit_to_its_parent(world):
    district = services.unit_create(
        parent=world.province,
        code="H01",
        name="Huyện Cũ",
        short_name="Cũ",
        kind=kind("huyen"),
    )
    commune = services.unit_create(
        parent=district,
        code="X07",
        name="Xã Dưới Huyện",
        short_name="Dưới Huyện",
        kind=kind("xa"),
    )
    services.reorganization_dissolve(
        unit=district, into=world.province, effective_date=REFORM
    )
    district.refresh_from_db()
    commune.refresh_from_db()
    assert not district.is_active
    assert commune.is_active and Unit.objects.get_parent(commune) == world.province
    assert commune.versions.get(valid_to__isnull=True).parent == world.province
    assert [u.name for u in composition_at(district, D2023)] == [
        "Huyện Cũ",
        "Xã Dưới Huyện",
    ]


def test_overlapping_reorganizations_of_one_unit_are_refused(world):
    services.reorganization_rename(
        unit=world.commune,
        name="Xã An Phú Mới",
        short_name="An Phú Mới",
        effective_date=dt.date(2024, 3, 1),
    )
    before = snapshot()
    with pytest.raises(ValidationError, match="chồng lấn"):
        services.reorganization_rename(
            unit=world.commune,
            name="Xã Khác",
            short_name="Khác",
            effective_date=dt.date(2024, 3, 1),
        )
    with pytest.raises(ValidationError, match="chồng lấn"):
        services.reorganization_reparent(
            unit=world.commune,
            new_parent=world.other_province,
            effective_date=dt.date(2023, 1, 1),
        )
    assert snapshot() == before


def test_an_ended_unit_cannot_be_reorganized_again(world):
    services.reorganization_merge(
        predecessors=[world.sibling], successor=world.commune, effective_date=REFORM
    )
    with pytest.raises(ValidationError, match="không còn hiệu lực"):
        services.reorganization_rename(
            unit=world.sibling,
            name="Xã Ma",
            short_name="Ma",
            effective_date=dt.date(2026, 1, 1),
        )


def test_a_failing_merge_saves_nothing(world):
    before = snapshot()
    with pytest.raises(ValidationError):
        # The new unit's code is taken: the merge must not end the predecessors.
        services.reorganization_merge(
            predecessors=[world.commune, world.sibling],
            successor=new("T02", "Xã Trùng Mã", "xa", world.province),
            effective_date=REFORM,
        )
    assert snapshot() == before
    world.commune.refresh_from_db()
    assert world.commune.is_active


def test_merge_into_own_descendant_is_refused(world):
    with pytest.raises(ValidationError, match="vòng lặp"):
        services.reorganization_merge(
            predecessors=[world.commune], successor=world.village, effective_date=REFORM
        )


def test_position_overlap_is_refused_but_several_titles_are_allowed(world):
    party = services.body_create(
        unit=world.province,
        kind=BodyKind.objects.get(code="dang-uy"),
        name="Tỉnh ủy Thử Nghiệm",
    )
    government = services.body_create(
        unit=world.province,
        kind=BodyKind.objects.get(code="ubnd"),
        name="Ủy ban nhân dân tỉnh Thử Nghiệm",
    )
    person = services.person_create(
        home_unit=world.province, full_name="  Nguyễn  Văn   Hải "
    )
    assert person.full_name == "Nguyễn Văn Hải"
    services.position_assign(
        person=person,
        body=party,
        title="Ủy viên Ban Thường vụ",
        start_date=dt.date(2021, 1, 1),
    )
    services.position_assign(
        person=person,
        body=government,
        title="Phó Chủ tịch",
        start_date=dt.date(2021, 1, 1),
    )
    with pytest.raises(ValidationError, match="đã giữ chức vụ"):
        services.position_assign(
            person=person,
            body=party,
            title="Ủy viên Ban Thường vụ",
            start_date=dt.date(2022, 1, 1),
        )
    assert person.positions.count() == 2


def test_position_end_before_start_is_refused(world):
    body = services.body_create(
        unit=world.commune,
        kind=BodyKind.objects.get(code="khoi-dan-van"),
        name="Khối dân vận xã An Phú",
    )
    person = services.person_create(home_unit=world.commune, full_name="Trần Thị Mai")
    with pytest.raises(ValidationError, match="không được trước"):
        services.position_assign(
            person=person,
            body=body,
            title="Trưởng khối",
            start_date=dt.date(2024, 5, 1),
            end_date=dt.date(2024, 1, 1),
        )
    assert not person.positions.exists()


def test_body_kind_added_by_a_province_is_usable_only_inside_it(world):
    own = services.body_kind_create(
        owner=world.province,
        code="to-tu-quan",
        name="Tổ tự quản an ninh",
        abbreviation="",
        category="other",
    )
    services.body_create(unit=world.commune, kind=own, name="Tổ tự quản thôn Một")
    with pytest.raises(ValidationError):
        services.body_create(unit=world.other_province, kind=own, name="Tổ lạ")
    assert Body.objects.filter(kind=own).count() == 1
