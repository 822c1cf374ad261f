"""Every record edited through a form refuses a save made from an older
version of it (someone else saved in between): the second save gets a
message and the first one's changes stay. Also under parallel requests."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

import lxml.html
import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from accounts.models import User
from org import services as org_services
from org.models import Body, BodyKind, Person
from reports.models import DocumentLayout

STALE = "vừa được người khác cập nhật"


def form_values(client: Client, url: str) -> dict[str, Any]:
    """What the page's form would post as the user leaves it."""
    page = lxml.html.fromstring(client.get(url).content)
    # The page's own form posts back to the page (no action); the header's
    # language switch posts elsewhere.
    form = next(
        f for f in page.forms if f.method.upper() == "POST" and not f.get("action")
    )
    return dict(form.form_values())


def form_posting_to(client: Client, page: str, url: str) -> dict[str, Any]:
    """What the form on ``page`` that posts to ``url`` would post."""
    html = lxml.html.fromstring(client.get(page).content)
    form = next(f for f in html.forms if f.get("action") == url)
    return dict(form.form_values())


def _body(world) -> Body:
    return org_services.body_create(
        unit=world.commune,
        kind=BodyKind.objects.get(code="khoi-dan-van"),
        name="Khối dân vận xã An Phú",
    )


def _person(world) -> Person:
    return org_services.person_create(home_unit=world.commune, full_name="Lê Thị Hoa")


def _national_administrator(world) -> User:
    from accounts.models import Role
    from accounts.services import user_create

    return user_create(
        actor=None,
        username="quan.tri.tw",
        password="mat-khau-thu-nghiem-2024",
        full_name="Quản trị trung ương",
        unit=world.root,
        role=Role.ADMINISTRATOR,
    )


# kind: (who edits, the record, its edit page, a field to change, how to read it)
Case = tuple[str, Callable[[Any], Any], Callable[[Any], str], str, Callable[[Any], str]]
CASES: dict[str, Case] = {
    "body": (
        "commune_officer",
        _body,
        lambda body: reverse("org:body_edit", args=[body.pk]),
        "name",
        lambda body: Body.objects.get(pk=body.pk).name,
    ),
    "person": (
        "commune_officer",
        _person,
        lambda person: reverse("org:person_edit", args=[person.pk]),
        "full_name",
        lambda person: Person.objects.get(pk=person.pk).full_name,
    ),
    "user": (
        "province_officer",
        lambda world: world.commune_viewer,
        lambda user: reverse("accounts:user_edit", args=[user.pk]),
        "full_name",
        lambda user: User.objects.get(pk=user.pk).full_name,
    ),
    "layout": (
        "national",
        lambda world: DocumentLayout.objects.get(in_force=True),
        lambda layout: reverse("reports:layout"),
        "regulation",
        lambda layout: DocumentLayout.objects.get(pk=layout.pk).regulation,
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", list(CASES))
def test_a_stale_save_is_refused_and_the_first_save_kept(world, client_as, kind):
    who, make, edit_url, field, read = CASES[kind]
    record = make(world)
    client = client_as(_editor(world, who))
    url = edit_url(record)
    # Two tabs (or two people) open the same record.
    first_tab, second_tab = form_values(client, url), form_values(client, url)
    assert first_tab["version"] == second_tab["version"] == "1"
    saved = client.post(url, first_tab | {field: "Bản lưu trước"})
    assert saved.status_code == 302, saved.content.decode()[-2000:]
    stale = client.post(url, second_tab | {field: "Bản cũ"})
    assert stale.status_code == 200
    assert STALE in stale.content.decode()
    assert read(record) == "Bản lưu trước"
    # Reloaded, the form carries the new version and saves.
    fresh = form_values(client, url)
    assert fresh["version"] == "2"
    assert client.post(url, fresh | {field: "Bản mới"}).status_code == 302
    assert read(record) == "Bản mới"


def _editor(world, who: str) -> User:
    return _national_administrator(world) if who == "national" else getattr(world, who)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("kind", ["body", "user"])
def test_parallel_saves_of_one_version_keep_exactly_one(world, kind):
    who, make, edit_url, field, read = CASES[kind]
    record = make(world)
    url = edit_url(record)
    clients = []
    for _ in range(4):
        client = Client()
        client.force_login(_editor(world, who))
        clients.append(client)
    # Each opens the record at version 1 (each page with its own form token).
    opened = [form_values(client, url) for client in clients]
    start = threading.Barrier(len(clients), timeout=60)
    statuses: dict[int, int] = {}
    errors: list[BaseException] = []

    def save(n: int) -> None:
        try:
            start.wait()
            response = clients[n].post(url, opened[n] | {field: f"Bản {n}"})
            statuses[n] = response.status_code
        except BaseException as exc:  # shown by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(n,)) for n in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    winners = [n for n, status in statuses.items() if status == 302]
    assert len(winners) == 1, statuses
    assert sorted(statuses.values()) == [200, 200, 200, 302]
    assert read(record) == f"Bản {winners[0]}"


@pytest.mark.django_db
def test_ending_a_position_from_a_stale_page_is_refused(world, client_as):
    person = _person(world)
    body = _body(world)
    position = org_services.position_assign(
        person=person, body=body, title="Phó Trưởng khối"
    )
    client = client_as(world.commune_officer)
    page = reverse("org:person_detail", args=[person.pk])
    url = reverse("org:position_end", args=[position.pk])

    def opened() -> dict[str, Any]:
        return form_posting_to(client, page, url)

    first_tab, second_tab = opened(), opened()
    assert first_tab["version"] == second_tab["version"] == "1"
    client.post(url, first_tab | {"end_date": "30/06/2025"})
    stale = client.post(url, second_tab | {"end_date": "31/12/2025"}, follow=True)
    assert STALE in stale.content.decode()
    position.refresh_from_db()
    assert (position.end_date, position.version) == (dt.date(2025, 6, 30), 2)


@pytest.mark.django_db
def test_reorganizing_a_unit_from_a_stale_form_is_refused(world, client_as):
    from org.models import Reorganization

    client = client_as(world.province_officer)
    url = reverse("org:reorganization_create", args=[world.commune.pk])
    first_tab, second_tab = form_values(client, url), form_values(client, url)
    assert first_tab["version"] == second_tab["version"] == "1"
    rename = {"kind": "rename", "new_short_name": "An Phú"}
    saved = client.post(
        url,
        first_tab
        | rename
        | {"effective_date": "01/01/2026", "new_name": "Xã An Phú Mới"},
    )
    assert saved.status_code == 302, saved.content.decode()[-2000:]
    stale = client.post(
        url,
        second_tab
        | rename
        | {"effective_date": "01/02/2026", "new_name": "Xã An Phú Khác"},
    )
    assert stale.status_code == 200 and STALE in stale.content.decode()
    world.commune.refresh_from_db()
    assert world.commune.name == "Xã An Phú Mới" and world.commune.version == 2
    assert Reorganization.objects.count() == 1


@pytest.mark.django_db
def test_a_templates_use_decided_on_a_stale_page_is_refused(
    world, client_as, settings, tmp_path
):
    from reports.documents.templates import starting_template
    from reports.models import ReportTemplate
    from reports.services import report_template_upload

    settings.MEDIA_ROOT = tmp_path
    template = report_template_upload(
        owner=world.province,
        name="Mẫu tỉnh",
        data=starting_template(),
        file_name="mau.docx",
        by=world.province_officer,
    )
    client = client_as(world.province_officer)
    page = reverse("reports:templates")
    url = reverse("reports:template_use", args=[template.pk])

    def opened() -> dict[str, Any]:
        return form_posting_to(client, page, url)

    first_tab, second_tab = opened(), opened()
    assert first_tab["version"] == second_tab["version"] == "1"
    # The first tab stops its use; the second, shown "in use" too, would stop
    # it again — or, had the first restarted it, undo that unseen.
    client.post(url, first_tab | {"in_use": "0"})
    stale = client.post(url, second_tab | {"in_use": "1"}, follow=True)
    assert STALE in stale.content.decode()
    template = ReportTemplate.objects.get(pk=template.pk)
    assert (template.in_use, template.version) == (False, 2)
    # Without a version nothing is decided either.
    client.post(url, {"in_use": "1"})
    template.refresh_from_db()
    assert (template.in_use, template.version) == (False, 2)
    # Reloaded, the page carries the new version and the change is made.
    client.post(url, opened() | {"in_use": "1"})
    template.refresh_from_db()
    assert (template.in_use, template.version) == (True, 3)
