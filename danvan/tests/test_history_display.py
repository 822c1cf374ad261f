"""The change history reads as Vietnamese: actions in words, nothing shown as
"None", facts read from an article as text rather than escaped JSON."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from danvan.templatetags.history import action_label, change_value
from org import services as org_services
from org.models import BodyKind


def test_values_and_actions_read_as_words():
    assert [action_label(a) for a in (0, 1, 2)] == ["tạo", "sửa", "xóa"]
    assert change_value(None) == "—"
    assert change_value("None") == "—"
    assert change_value("") == "—"
    facts = json.dumps({"attendees": [{"name": "Nguyễn Văn An", "position": None}]})
    assert "\\u" in facts  # as auditlog stores it
    assert change_value(facts) == "attendees: name: Nguyễn Văn An"
    assert change_value("Khối dân vận") == "Khối dân vận"


@pytest.mark.django_db
def test_a_records_history_shows_vietnamese_actions(world, client_as):
    body = org_services.body_create(
        unit=world.commune,
        kind=BodyKind.objects.get(code="khoi-dan-van"),
        name="Khối dân vận xã An Phú",
    )
    org_services.body_update(
        body=body,
        name="Khối Dân vận xã An Phú",
        short_name="",
        kind=body.kind,
        valid_from=None,
        valid_to=None,
    )
    page = client_as(world.commune_officer).get(
        reverse("org:body_detail", args=[body.pk])
    )
    history = page.content.decode().split('id="history-title"')[1]
    assert "<td>tạo</td>" in history and "<td>sửa</td>" in history
    assert "None" not in history and ">create<" not in history


def _history_text(page) -> str:
    import html
    import re

    part = page.content.decode().split('id="history-title"')[1].split("</section>")[0]
    text = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", part)))
    return text.replace(" :", ":")


@pytest.mark.django_db
def test_changes_of_every_kind_of_field_read_as_the_pages_show_them(world, client_as):
    import datetime as dt
    from decimal import Decimal

    from work.models import Field, Indicator
    from work.services import indicators, initiatives, programmes

    client = client_as(world.commune_officer)
    body = org_services.body_create(
        unit=world.commune,
        kind=BodyKind.objects.get(code="khoi-dan-van"),
        name="Khối dân vận xã An Phú",
    )
    police = org_services.body_create(
        unit=world.commune,
        kind=BodyKind.objects.get(code="ubnd"),
        name="Ủy ban nhân dân xã An Phú",
    )
    # Text, a related record, a choice and a date.
    initiative = initiatives.initiative_register(
        data=initiatives.InitiativeData(
            unit=world.commune,
            name="Camera an ninh",
            field=Field.objects.get(code="kinh-te"),
            registered_on=dt.date(2023, 3, 1),
            holder_body=body,
        )
    )
    initiatives.initiative_update(
        initiative=initiative,
        data=initiatives.InitiativeData(
            unit=world.commune,
            name="Camera an ninh thôn Một",
            field=Field.objects.get(code="van-hoa-xa-hoi"),
            registered_on=dt.date(2023, 3, 5),
            holder_kind="individual",
            holder_name="Ông Nguyễn Văn An",
        ),
        expected_version=1,
    )
    text = _history_text(
        client.get(reverse("work:initiative_detail", args=[initiative.pk]))
    )
    assert "Tên mô hình, điển hình: Camera an ninh → Camera an ninh thôn Một" in text
    assert "Lĩnh vực: Kinh tế → Văn hóa - xã hội" in text
    assert "Chủ thể: Tập thể → Cá nhân" in text
    assert "Ngày đăng ký: 01/03/2023 → 05/03/2023" in text
    # A creation lists what was filled in, without empty "— → —" lines or ids.
    assert "Tên mô hình, điển hình: Camera an ninh " in text
    assert "— → —" not in text and "ID" not in text

    # A number, the Vietnamese way.
    value = indicators.value_record(
        indicator=Indicator.objects.get(code="hoi-vien-moi"),
        unit=world.commune,
        period_start=dt.date(2023, 1, 1),
        period_end=dt.date(2023, 6, 30),
        value=Decimal("1234"),
        source="Báo cáo của Hội",
    )
    indicators.value_update(
        record=value,
        value=Decimal("2345"),
        denominator=None,
        source="Báo cáo của Hội",
        expected_version=1,
    )
    from auditlog.models import LogEntry

    from danvan.templatetags.history import history_changes

    change = LogEntry.objects.get_for_object(value).filter(action=1).get()
    assert ("Giá trị", "1.234", "2.345") in history_changes(change)

    # Links to other records added, in words.
    programme = programmes.program_create(
        unit=world.commune,
        title="Phối hợp giữ gìn an ninh",
        parties=[body, police],
        signed_on=dt.date(2023, 4, 1),
        start=dt.date(2023, 4, 1),
    )
    text = _history_text(
        client.get(reverse("work:program_detail", args=[programme.pk]))
    )
    assert "thêm: " in text and "Ủy ban nhân dân xã An Phú" in text
    for raw in ("None", "m2m", "operation", '{"', "\\u", "tháng"):
        assert raw not in text, raw
