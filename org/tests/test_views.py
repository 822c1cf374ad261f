import datetime as dt
import unicodedata

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from org import services
from org.models import Body, BodyKind, Person, Reorganization, Unit


@pytest.fixture
def khoi(world):
    return services.body_create(
        unit=world.commune,
        kind=BodyKind.objects.get(code="khoi-dan-van"),
        name="Khối dân vận xã An Phú",
    )


@pytest.mark.parametrize(
    "query",
    ["an phu", "AN PHÚ", "Xã An Phú", unicodedata.normalize("NFD", "an phú"), "X01"],
)
def test_search_finds_a_unit_from_any_spelling(world, client_as, query):
    response = client_as(world.province_officer).get(
        reverse("org:unit_search"), {"q": query}
    )
    assert response.status_code == 200
    assert "Xã An Phú" in response.content.decode()


def test_search_matches_old_tone_placement(world, client_as):
    services.unit_create(
        parent=world.province,
        code="X11",
        name="Xã Hòa Thủy",
        short_name="Hòa Thủy",
        kind=world.commune.kind,
    )
    response = client_as(world.province_officer).get(
        reverse("org:unit_search"), {"q": "Hoà Thuỷ"}
    )
    assert "Xã Hòa Thủy" in response.content.decode()


def test_search_never_shows_units_outside_scope(world, client_as):
    response = client_as(world.commune_officer).get(
        reverse("org:unit_search"), {"q": "xa"}
    )
    text = response.content.decode()
    assert "Xã An Phú" in text
    assert "Xã Bình Minh" not in text


def test_search_returns_a_partial_for_htmx(world, client_as):
    response = client_as(world.province_officer).get(
        reverse("org:unit_search"), {"q": "an phu"}, HTTP_HX_REQUEST="true"
    )
    assert "<html" not in response.content.decode()
    assert "Xã An Phú" in response.content.decode()


def test_search_query_count_does_not_grow_with_results(world, client_as):
    client = client_as(world.province_officer)
    for i in range(30):
        services.unit_create(
            parent=world.province,
            code=f"Y{i:02d}",
            name=f"Xã Thử {i}",
            short_name=f"Thử {i}",
            kind=world.commune.kind,
        )
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("org:unit_search"), {"q": "xa thu 1"})
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("org:unit_search"), {"q": "xa thu"})
    assert len(few) == len(many) <= 8


def test_unit_page_shows_bodies_people_history(world, client_as, khoi):
    person = services.person_create(home_unit=world.commune, full_name="Lê Thị Hoa")
    services.position_assign(
        person=person, body=khoi, title="Trưởng khối", start_date=dt.date(2023, 1, 1)
    )
    services.reorganization_rename(
        unit=world.commune,
        name="Phường An Phú",
        short_name="An Phú",
        effective_date=dt.date(2024, 1, 1),
    )
    response = client_as(world.commune_viewer).get(
        reverse("org:unit_detail", args=[world.commune.pk])
    )
    text = response.content.decode()
    for expected in [
        "Tỉnh Thử Nghiệm",
        "Thôn Một",
        "Khối dân vận xã An Phú",
        "Lê Thị Hoa",
        "Trưởng khối",
        "Xã An Phú",
        "Phường An Phú",
        "31/12/2023",
        "Lịch sử thay đổi",
    ]:
        assert expected in text, expected


def test_unit_page_of_a_merged_unit_lists_its_children_then(world, client_as):
    services.reorganization_merge(
        predecessors=[world.commune],
        successor=world.sibling,
        effective_date=dt.date(2025, 7, 1),
    )
    text = (
        client_as(world.province_officer)
        .get(reverse("org:unit_detail", args=[world.commune.pk]))
        .content.decode()
    )
    then = text.split("Đơn vị trực thuộc khi còn hoạt động")[1].split("</ul>")[0]
    assert "Thôn Một" in then
    assert "Xã An Phú" not in then


def test_unit_page_of_a_merged_unit_says_where_it_lives_on(world, client_as):
    services.reorganization_merge(
        predecessors=[world.sibling],
        successor=world.commune,
        effective_date=dt.date(2025, 7, 1),
    )
    response = client_as(world.province_officer).get(
        reverse("org:unit_detail", args=[world.sibling.pk])
    )
    text = response.content.decode()
    assert "đã kết thúc ngày 30/06/2025" in text
    assert "Xã An Phú" in text


def test_body_create_success_and_audit_trail(world, client_as):
    client = client_as(world.commune_officer)
    url = reverse("org:body_create", args=[world.commune.pk])
    response = client.post(
        url,
        {
            "kind": BodyKind.objects.get(code="mttq").pk,
            "name": "Ủy ban MTTQ xã An Phú",
            "short_name": "MTTQ",
        },
    )
    body = Body.objects.get(name="Ủy ban MTTQ xã An Phú")
    assert response.status_code == 302
    client.post(
        reverse("org:body_edit", args=[body.pk]),
        {
            "kind": body.kind_id,
            "name": "Ủy ban MTTQ Việt Nam xã An Phú",
            "short_name": "MTTQ",
            "version": 1,
        },
    )
    page = client.get(reverse("org:body_detail", args=[body.pk])).content.decode()
    assert "can.bo.xa" in page  # who
    assert (
        "Ủy ban MTTQ xã An Phú" in page and "Ủy ban MTTQ Việt Nam xã An Phú" in page
    )  # before, after


def test_body_create_form_errors_are_vietnamese_and_save_nothing(world, client_as):
    response = client_as(world.commune_officer).post(
        reverse("org:body_create", args=[world.commune.pk]), {"name": ""}
    )
    assert response.status_code == 200
    assert "Trường này là bắt buộc." in response.content.decode()
    assert not Body.objects.exists()


def test_viewer_cannot_create(world, client_as):
    response = client_as(world.commune_viewer).post(
        reverse("org:body_create", args=[world.commune.pk]),
        {"kind": BodyKind.objects.get(code="mttq").pk, "name": "Không được"},
    )
    assert response.status_code == 403
    assert not Body.objects.exists()


def test_person_and_position_pages(world, client_as, khoi):
    client = client_as(world.commune_officer)
    response = client.post(
        reverse("org:person_create", args=[world.commune.pk]),
        {"full_name": "Phạm Văn Nam", "gender": "m", "birth_year": "1980"},
    )
    person = Person.objects.get(full_name="Phạm Văn Nam")
    assert response.status_code == 302
    response = client.post(
        reverse("org:position_create", args=[person.pk]),
        {"body": khoi.pk, "title": "Phó Trưởng khối", "start_date": "2024-02-01"},
    )
    assert response.status_code == 302
    bad = client.post(
        reverse("org:position_create", args=[person.pk]),
        {
            "body": khoi.pk,
            "title": "X",
            "start_date": "2024-02-01",
            "end_date": "2024-01-01",
        },
    )
    assert "Ngày kết thúc không được trước ngày bổ nhiệm." in bad.content.decode()
    position = person.positions.get()
    client.post(
        reverse("org:position_end", args=[position.pk]),
        {"end_date": "2025-06-30", "version": position.version},
    )
    position.refresh_from_db()
    assert position.end_date == dt.date(2025, 6, 30)
    assert (
        "Phó Trưởng khối"
        in client.get(reverse("org:person_detail", args=[person.pk])).content.decode()
    )


def test_person_form_rejects_an_impossible_birth_year(world, client_as):
    response = client_as(world.commune_officer).post(
        reverse("org:person_create", args=[world.commune.pk]),
        {"full_name": "Ai Đó", "birth_year": "1800"},
    )
    assert "Năm sinh phải trong khoảng 1900–2100." in response.content.decode()
    assert not Person.objects.exists()


def test_reorganization_form_refuses_a_cycle(world, client_as):
    response = client_as(world.province_officer).post(
        reverse("org:reorganization_create", args=[world.commune.pk]),
        {
            "kind": "reparent",
            "effective_date": "2026-01-01",
            "target": "X01-T1",
            "version": 1,
        },
    )
    assert response.status_code == 200
    assert (
        "cấp cao hơn" in response.content.decode()
        or "vòng lặp" in response.content.decode()
    )
    assert not Reorganization.objects.exists()


def test_reorganization_form_merges_and_shows_the_result(world, client_as):
    client = client_as(world.province_officer)
    response = client.post(
        reverse("org:reorganization_create", args=[world.sibling.pk]),
        {
            "kind": "merge",
            "effective_date": "2025-07-01",
            "target": "X01",
            "version": 1,
            "decision": "Nghị quyết thử nghiệm",
        },
    )
    reorg = Reorganization.objects.get()
    assert response.status_code == 302
    text = client.get(
        reverse("org:reorganization_detail", args=[reorg.pk])
    ).content.decode()
    assert "Xã Bình Minh" in text and "Xã An Phú" in text
    world.sibling.refresh_from_db()
    assert world.sibling.valid_to == dt.date(2025, 6, 30)


def test_reorganization_needs_an_administrator(world, client_as):
    response = client_as(world.commune_officer).get(
        reverse("org:reorganization_create", args=[world.commune.pk])
    )
    assert response.status_code == 403


def test_reorganization_target_outside_scope_is_unknown(world, client_as):
    response = client_as(world.province_officer).post(
        reverse("org:reorganization_create", args=[world.commune.pk]),
        {
            "kind": "merge",
            "effective_date": "2026-01-01",
            "target": "T02",
            "version": 1,
        },
    )
    assert "Không tìm thấy đơn vị" in response.content.decode()
    assert Unit.objects.get(code="X01").is_active


def test_unit_picker_lists_active_units_in_scope(world, client_as):
    client = client_as(world.commune_officer)
    url = reverse("org:unit_picker")
    text = client.get(
        url, {"unit_q": "thon mot", "target": "id_target"}
    ).content.decode()
    assert 'data-pick-code="X01-T1"' in text
    assert 'data-pick-target="id_target"' in text
    outside = client.get(
        url, {"unit_q": "binh minh", "target": "id_target"}
    ).content.decode()
    assert "Xã Bình Minh" not in outside
    assert (
        "Không tìm thấy đơn vị nào" in outside
    )  # the query was read, and found nothing


def test_unit_picker_refuses_a_malformed_target(world, client_as):
    response = client_as(world.commune_officer).get(
        reverse("org:unit_picker"), {"unit_q": "an", "target": '"><script>'}
    )
    assert response.status_code == 400


def test_forms_that_take_a_unit_render_the_picker(world, client_as):
    text = (
        client_as(world.province_officer)
        .get(reverse("org:reorganization_create", args=[world.commune.pk]))
        .content.decode()
    )
    assert 'hx-get="/don-vi/chon/"' in text
    assert 'id="id_target-search"' in text


def test_reorganization_form_merges_into_a_new_unit(world, client_as):
    client = client_as(world.province_officer)
    response = client.post(
        reverse("org:reorganization_create", args=[world.commune.pk]),
        {
            "kind": "merge_new",
            "version": 1,
            "effective_date": "2025-07-01",
            "target": "T01",
            "others": "X02",
            "new_units": "X20; Xã An Bình; An Bình",
            "new_kind": world.commune.kind.pk,
        },
    )
    assert response.status_code == 302
    merged = Unit.objects.get(code="X20")
    for old in (world.commune, world.sibling):
        old.refresh_from_db()
        assert old.valid_to == dt.date(2025, 6, 30)
        assert old.path.startswith(merged.path)


def test_reorganization_form_splits_with_the_first_line_as_primary(world, client_as):
    client = client_as(world.province_officer)
    response = client.post(
        reverse("org:reorganization_create", args=[world.commune.pk]),
        {
            "kind": "split",
            "version": 1,
            "effective_date": "2025-07-01",
            "target": "T01",
            "new_units": (
                "X21; Xã An Phú Đông; An Phú Đông\nX22; Xã An Phú Tây; An Phú Tây"
            ),
            "new_kind": world.commune.kind.pk,
        },
    )
    assert response.status_code == 302
    world.commune.refresh_from_db()
    assert world.commune.path.startswith(Unit.objects.get(code="X21").path)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "split", "new_units": "X21; Xã Một; Một"}, "ít nhất hai đơn vị mới"),
        ({"kind": "split", "new_units": "X21; thiếu phần"}, "Dòng 1 cần đủ ba phần"),
        ({"kind": "merge_new", "others": "T02", "new_units": "X23; Xã C; C"}, "T02"),
        (
            {"kind": "merge_new", "others": "", "new_units": "X23; Xã C; C"},
            "Hãy nhập mã",
        ),
    ],
)
def test_reorganization_form_errors_save_nothing(world, client_as, data, message):
    form = {
        "effective_date": "2025-07-01",
        "version": 1,
        "target": "T01",
        "new_kind": world.commune.kind.pk,
    } | data
    response = client_as(world.province_officer).post(
        reverse("org:reorganization_create", args=[world.commune.pk]), form
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Reorganization.objects.exists()


def test_province_adds_its_own_body_kind(world, client_as):
    client = client_as(world.province_officer)
    url = reverse("org:body_kinds", args=[world.province.pk])
    response = client.post(
        url,
        {
            "code": "to-tu-quan",
            "name": "Tổ tự quản an ninh",
            "abbreviation": "TTQ",
            "category": "other",
        },
    )
    assert response.status_code == 302
    kind = BodyKind.objects.get(code="to-tu-quan")
    assert kind.owner == world.province
    # Usable below the province, shown on the commune's page too …
    commune_page = (
        client_as(world.commune_officer)
        .get(reverse("org:body_kinds", args=[world.commune.pk]))
        .content.decode()
    )
    assert "Tổ tự quản an ninh" in commune_page
    # … but not in another province.
    other = (
        client_as(world.outsider)
        .get(reverse("org:body_kinds", args=[world.other_province.pk]))
        .content.decode()
    )
    assert "Tổ tự quản an ninh" not in other


def test_body_kind_code_must_be_unique_and_editors_cannot_add(world, client_as):
    url = reverse("org:body_kinds", args=[world.province.pk])
    duplicate = client_as(world.province_officer).post(
        url, {"code": "ubnd", "name": "Trùng", "category": "other"}
    )
    assert "đã tồn tại" in duplicate.content.decode()
    forbidden = client_as(world.commune_officer).post(
        reverse("org:body_kinds", args=[world.commune.pk]),
        {"code": "moi", "name": "Mới", "category": "other"},
    )
    assert forbidden.status_code == 403
    assert not BodyKind.objects.filter(owner__isnull=False).exists()


def test_position_form_offers_bodies_of_the_home_unit_and_above(world, client_as, khoi):
    kinds = BodyKind.objects.get(code="ubnd")
    province_body = services.body_create(
        unit=world.province, kind=kinds, name="Ủy ban nhân dân tỉnh Thử Nghiệm"
    )
    sibling_body = services.body_create(
        unit=world.sibling, kind=kinds, name="Ủy ban nhân dân xã Bình Minh"
    )
    person = services.person_create(home_unit=world.commune, full_name="Đỗ Văn Tâm")
    text = (
        client_as(world.province_officer)
        .get(reverse("org:position_create", args=[person.pk]))
        .content.decode()
    )
    assert khoi.name in text and province_body.name in text
    assert sibling_body.name not in text


def test_the_picker_offers_former_units_with_their_dates_and_successor(
    world, client_as
):
    services.reorganization_merge(
        predecessors=[world.sibling],
        successor=services.NewUnit(
            "X10",
            "Xã Bình Minh Mới",
            "Bình Minh Mới",
            world.sibling.kind,
            world.province,
        ),
        effective_date=dt.date(2025, 7, 1),
    )
    client = client_as(world.province_officer)
    url = reverse("org:unit_picker")
    query = {"unit_q": "binh minh", "target": "id_unit"}
    # A field for current units only: the former commune is not offered.
    text = client.get(url, query).content.decode()
    assert "Xã Bình Minh Mới" in text and "đến 30/06/2025" not in text
    # A field that takes former units: with its last day and where it lives on.
    text = client.get(url, query | {"former": "1"}).content.decode()
    assert "Xã Bình Minh, 01/01/2020 – 30/06/2025 → Xã Bình Minh Mới" in text
    assert 'data-pick-code="X02 (đến 30/06/2025)"' in text
    # With the date of the record: the unit that existed then comes first, and
    # the other one is marked.
    dated = query | {"former": "1", "date_field": "start", "start": "2024-05-01"}
    text = client.get(url, dated).content.decode()
    assert text.index("Xã Bình Minh, 01") < text.index("Xã Bình Minh Mới")
    assert "Không tồn tại vào ngày 01/05/2024." in text
    bad = client.get(url, query | {"date_field": "<x>"})
    assert bad.status_code == 400


def test_a_unit_field_reads_the_reference_of_a_former_unit(world):
    from org.forms import UnitCodeField

    services.reorganization_merge(
        predecessors=[world.sibling],
        successor=world.commune,
        effective_date=dt.date(2025, 7, 1),
    )
    services.unit_create(
        parent=world.province,
        code="X02",
        name="Xã Bình Minh",
        short_name="Bình Minh",
        kind=world.sibling.kind,
        valid_from=dt.date(2026, 1, 1),
    )
    field = UnitCodeField(units=Unit.objects.all(), active_only=False)
    # The code now belongs to the new commune; the former one needs its date.
    current = field.clean("X02")
    assert current is not None and current.valid_to is None
    former = field.clean("X02 (đến 30/06/2025)")
    assert former is not None and former.valid_to == dt.date(2025, 6, 30)
    with pytest.raises(ValidationError):
        field.clean("X02 (đến 31/12/2024)")
    only_current = UnitCodeField(units=Unit.objects.all())
    with pytest.raises(ValidationError):
        only_current.clean("X02 (đến 30/06/2025)")
