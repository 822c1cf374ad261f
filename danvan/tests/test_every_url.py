"""Walk every URL of the site as users who must not see the data behind it.

URLs are found from the URL configuration, so a new page is covered without
anyone remembering. Each URL keyword names a kind of record; the walk fills it
with a record of the target unit. A keyword not in OBJECTS fails the test: add
the new kind of record here so it is walked too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest
from django.db.models import Model
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

from accounts.models import Role, User
from accounts.services import user_create
from org import services
from org.models import Body, BodyKind, Person, Position, Reorganization, Unit

MARKER = "Zeta Bí Mật"  # put on every record that must stay hidden
QUERY = "zeta bi mat"  # finds MARKER by folded search without echoing it

# URLs every signed-in user may open whatever their unit (they show only the
# user's own data, or nothing of anyone's).
UNSCOPED = {
    "set_language",
    "accounts:login",
    "accounts:logout",
    "accounts:password_change",
    "accounts:password_change_done",
    "accounts:keepalive",
    "api:tokens",
    "home",
    "healthz",
}
# Open to anyone: the health check states only "ok" or "error" (its own test
# checks that it carries no data).
PUBLIC = {"accounts:login", "set_language", "accounts:logout", "healthz"}


def _walk(
    patterns: list[Any], prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            assert isinstance(entry.pattern, RoutePattern), (
                f"use path(), not re_path(): {entry}"
            )
            yield f"{namespace}{entry.name}", prefix + str(entry.pattern)


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path


def all_routes() -> list[tuple[str, str]]:
    """Every page's route; the API's are walked by api/tests/test_scope.py."""
    return [
        (name, route)
        for name, route in _walk(get_resolver().url_patterns)
        if not name.startswith("api_v1:")
    ]


def hidden_records(unit: Unit) -> dict[str, Any]:
    """One record of each kind at ``unit``, all carrying MARKER."""
    body = services.body_create(
        unit=unit,
        kind=BodyKind.objects.get(code="khoi-dan-van"),
        name=f"Khối dân vận {MARKER}",
    )
    services.body_kind_create(
        owner=unit,
        code="loai-an",
        name=f"Loại {MARKER}",
        abbreviation="",
        category="other",
    )
    person = services.person_create(home_unit=unit, full_name=f"Người {MARKER}")
    position = services.position_assign(
        person=person, body=body, title=f"Trưởng khối {MARKER}"
    )
    reorg = services.reorganization_rename(
        unit=unit,
        name=f"Xã {MARKER}",
        short_name=MARKER,
        effective_date=dt.date(2024, 1, 1),
    )
    user = user_create(
        actor=None,
        username="an.danh",
        password="mat-khau-an-danh-2024",
        full_name=f"Cán bộ {MARKER}",
        unit=unit,
        role=Role.EDITOR,
    )
    from api.tokens import token_create

    token, _secret = token_create(user=user, name=f"Mã {MARKER}")
    return {
        "token_id": token,
        "unit_id": unit,
        "body_id": body,
        "person_id": person,
        "position_id": position,
        "reorg_id": reorg,
        "user_id": user,
        **hidden_work(unit, body),
    }


def hidden_work(unit: Unit, body: Body) -> dict[str, Any]:
    """One record of each kind of work at ``unit``, all carrying MARKER."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from work.models import Field, Indicator
    from work.services import (
        awards,
        campaigns,
        conferences,
        indicators,
        initiatives,
        programmes,
    )

    day = dt.date(2023, 5, 1)
    initiative = initiatives.initiative_register(
        data=initiatives.InitiativeData(
            unit=unit,
            name=f"Mô hình {MARKER}",
            field=Field.objects.get(code="kinh-te"),
            registered_on=day,
            holder_body=body,
            description=MARKER,
        )
    )
    attachment = initiatives.attachment_add(
        initiative=initiative,
        upload=SimpleUploadedFile(
            "a.pdf", f"%PDF-1.4 {MARKER}".encode(), "application/pdf"
        ),
        title=f"Tệp {MARKER}",
    )
    conference = conferences.conference_create(
        data=conferences.ConferenceData(
            unit=unit,
            kind="year_end_review",
            title=f"Hội nghị {MARKER}",
            date=day,
            organizer=body,
        )
    )
    conferences.attendance_add(conference=conference, name=f"Đại biểu {MARKER}")
    task = conferences.task_create(
        conference=conference, owner=body, content=f"Nhiệm vụ {MARKER}", deadline=day
    )
    award = awards.award_record(
        unit=unit,
        form="certificate",
        date=day,
        issuer_name=f"Cơ quan {MARKER}",
        collective_count=1,
        conference=conference,
    )
    value = indicators.value_record(
        indicator=Indicator.objects.get(code="hoi-vien-moi"),
        unit=unit,
        period_start=dt.date(2023, 1, 1),
        period_end=dt.date(2023, 6, 30),
        value=Decimal(5),
        source=f"Nguồn {MARKER}",
    )
    campaign = campaigns.campaign_create(
        unit=unit,
        kind="phase",
        name=f"Đợt {MARKER}",
        start=day,
        end=dt.date(2023, 5, 15),
    )
    campaigns.target_set(
        campaign=campaign,
        unit=unit,
        description=f"Chỉ tiêu {MARKER}",
        quantity=Decimal(1),
        measure="căn",
    )
    other_body = services.body_create(
        unit=unit, kind=BodyKind.objects.get(code="ubnd"), name=f"UBND {MARKER}"
    )
    program = programmes.program_create(
        unit=unit,
        title=f"Phối hợp {MARKER}",
        parties=[body, other_body],
        signed_on=day,
        start=day,
    )
    dialogue = programmes.dialogue_record(
        unit=unit, host=body, topic=f"Đối thoại {MARKER}", date=day, issues_raised=3
    )
    from work.services.common import period_lock

    lock = period_lock(
        unit=unit,
        start=dt.date(2020, 1, 1),
        end=dt.date(2020, 12, 31),
        reason=f"Khóa {MARKER}",
        by=None,
    )
    from jobs.services import job_start
    from reports.periods import parse_period
    from reports.services import report_create

    report = report_create(unit=unit, period=parse_period("2023"), by=None)
    type(report).objects.filter(pk=report.pk).update(subject=f"tổng kết {MARKER}")
    report.sections.filter(key="uu-diem").update(text=f"Ưu điểm {MARKER}")
    from django.core.files.base import ContentFile

    from reports.documents.templates import starting_template
    from reports.models import ReportTemplate

    template = ReportTemplate(owner=unit, name=f"Mẫu {MARKER}")
    template.file.save("mau.docx", ContentFile(starting_template()), save=False)
    template.save()
    job = job_start(
        kind="report-file",
        title=f"Việc {MARKER}",
        unit=unit,
        by=None,
        params={"report_id": report.pk, "format": "docx"},
    )
    from jobs.tasks import run_job

    run_job(job.pk)  # inside a test transaction on_commit never fires
    from ingest.services import document_read

    reader = User.objects.create(username="doc.an", unit=unit, role="editor")
    document, _created = document_read(
        unit=unit,
        name=f"bai-{MARKER}.txt",
        data=(
            f"Hội nghị {MARKER}\n\nSáng ngày 10/01/2024, Khối dân vận {MARKER} tổ chức "
            "hội nghị tổng kết năm 2023. Tham dự có ông Nguyễn Văn Zeta, Bí thư."
        ).encode(),
        by=reader,
    )
    return {
        "document_id": document,
        "report_id": report,
        "template_id": template,
        "job_id": job,
        "lock_id": lock,
        "task_id": task,
        "dialogue_id": dialogue,
        "campaign_id": campaign,
        "program_id": program,
        "initiative_id": initiative,
        "attachment_id": attachment,
        "conference_id": conference,
        "award_id": award,
        "value_id": value,
    }


def snapshot() -> list[Any]:
    from django.apps import apps

    models: list[type[Model]] = [Unit, Body, Person, Position, Reorganization, User]
    for app in ("work", "reports", "jobs", "ingest"):
        models += list(apps.get_app_config(app).get_models())
    return [list(model._default_manager.order_by("pk").values()) for model in models]


def readable(response: Any) -> str:
    """The text a user would see: page content, the text of a DOCX, or every
    cell of an XLSX file."""
    kind = response.get("Content-Type", "")
    if kind.startswith("application/vnd.openxmlformats-officedocument.wordprocessing"):
        import io

        from docx import Document

        document = Document(io.BytesIO(response.content))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    if kind.startswith("application/vnd.openxml"):
        import io

        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(response.content), read_only=True)
        return "\n".join(
            str(cell)
            for sheet in book
            for row in sheet.iter_rows(values_only=True)
            for cell in row
        )
    if getattr(response, "streaming", False):
        return str(b"".join(response.streaming_content).decode(errors="replace"))
    return str(response.content.decode(errors="replace"))


# A value for each slug keyword of the URL configuration.
SLUGS = {"kind": "mo-hinh", "fmt": "docx", "chart": "by-field"}


def fill(route: str, objects: dict[str, Any]) -> str:
    url = "/" + route
    for slug, value in SLUGS.items():
        url = url.replace(f"<slug:{slug}>", value)
    for key, obj in objects.items():
        url = url.replace(f"<int:{key}>", str(obj.pk))
    assert "<" not in url, f"{route}: add its keyword to hidden_records()"
    return url


def assert_hidden(
    client: Any, routes: list[tuple[str, str]], objects: dict[str, Any]
) -> int:
    before = snapshot()
    checked = 0
    for name, route in routes:
        if name in UNSCOPED:
            continue
        url = fill(route, objects)
        for method in ("get", "post"):
            call: Callable[..., Any] = getattr(client, method)
            data = {
                "q": QUERY,
                "name": "x",
                "full_name": "x",
                "title": "x",
                "kind": "rename",
                "new_name": "Xã Đổi",
                "new_short_name": "Đổi",
                "effective_date": "2026-01-01",
                "end_date": "2026-01-01",
                "username": "moi",
                "role": "viewer",
                "unit": "X09",
            }
            params = {"q": QUERY, "unit_q": QUERY, "target": "picker", "xuat": "xlsx"}
            response = call(url, params if method == "get" else data)
            body = readable(response)
            assert MARKER not in body, f"{method.upper()} {url} shows hidden data"
            if "<int:" in route:
                # 405 comes before any lookup, the same for every id: it tells nothing.
                status = response.status_code
                assert status in {404, 405}, f"{method.upper()} {url}: {status}"
            else:
                assert response.status_code in {200, 302, 403, 404, 405}, url
            checked += 1
    assert snapshot() == before, "a request outside scope changed data"
    return checked


@pytest.mark.parametrize("who", ["sibling_officer", "outsider"])
def test_nothing_of_a_sibling_commune_is_shown_or_changed(world, client, who):
    objects = hidden_records(world.commune)
    user = getattr(world, who)
    user.role = Role.ADMINISTRATOR
    user.save()
    client.force_login(user)
    assert assert_hidden(client, all_routes(), objects) > 20


def test_nothing_of_the_province_is_shown_to_a_commune(world, client):
    objects = hidden_records(world.province)
    officer = world.commune_officer
    officer.role = Role.ADMINISTRATOR
    officer.save()
    client.force_login(officer)
    assert assert_hidden(client, all_routes(), objects) > 20


def test_every_scoped_page_opens_for_the_unit_itself(world, client):
    """The same walk inside scope: every page answers, none is a dead link."""
    objects = hidden_records(world.commune)
    world.province_officer.refresh_from_db()
    client.force_login(world.province_officer)
    exports_with_marker = 0
    for name, route in all_routes():
        if name in UNSCOPED or name == "set_language":
            continue
        if "<" not in route:
            export = client.get(fill(route, objects), {"xuat": "xlsx", "q": QUERY})
            is_xlsx = export["Content-Type"].startswith("application/vnd.openxml")
            exports_with_marker += is_xlsx and MARKER in readable(export)
        response = client.get(fill(route, objects), {"target": "picker"})
        assert response.status_code in {200, 302, 405}, (
            f"{route}: {response.status_code}"
        )
    # The same search that finds nothing outside scope finds the records inside it.
    assert exports_with_marker == 7  # every list of work records exports


def test_anonymous_visitors_are_sent_to_login(world, client):
    objects = hidden_records(world.commune)
    for name, route in all_routes():
        if name in PUBLIC:
            continue
        response = client.get(fill(route, objects))
        assert response.status_code == 302, route
        assert response["Location"].startswith("/tai-khoan/dang-nhap/"), route
