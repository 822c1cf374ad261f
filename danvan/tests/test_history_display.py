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
