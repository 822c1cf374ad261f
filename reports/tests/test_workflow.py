"""A report's life: drafted, edited, submitted, approved by the unit above
(which locks the period), reopened; and the pages that drive it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts.models import Role
from accounts.services import user_create
from reports.models import Report
from reports.periods import current_period, parse_period
from reports.services import (
    report_approve,
    report_create,
    report_return,
    report_submit,
    report_update,
)
from work.models import Field, Initiative
from work.services import initiatives
from work.services.common import LockedPeriodError, StaleEditError, period_reopen

D = dt.date


@pytest.fixture
def approver(world):
    return user_create(
        actor=None,
        username="phe.duyet.tinh",
        password="mat-khau-phe-duyet-2024",
        full_name="Trần Thị Duyệt",
        unit=world.province,
        role=Role.APPROVER,
    )


def _narrative(report: Report, user) -> Report:
    return report_update(
        report=report,
        data={
            "sections": {
                "uu-diem": "Các mô hình bám sát đời sống nhân dân.",
                "han-che": "Một số nơi còn hình thức.",
                "phuong-huong": "- Nhân rộng các mô hình tiêu biểu.",
            }
        },
        expected_version=report.version,
        by=user,
    )


def _register(world, day: dt.date) -> Initiative:
    return initiatives.initiative_register(
        data=initiatives.InitiativeData(
            unit=world.commune,
            name="Mô hình “Tuyến đường hoa”",
            field=Field.objects.get(code="van-hoa-xa-hoi"),
            registered_on=day,
            holder_name="Chi hội Phụ nữ thôn Một",
        )
    )


def test_submit_approve_locks_the_period_and_reopening_shows(world, approver):
    _register(world, D(2023, 3, 1))
    report = report_create(
        unit=world.commune, period=parse_period("2023H1"), by=world.commune_officer
    )
    assert report.kind == Report.Kind.MIDYEAR
    assert report.subject.startswith("sơ kết công tác dân vận 6 tháng đầu năm 2023")
    with pytest.raises(ValidationError, match="còn thiếu"):
        report_submit(report=report, by=world.commune_officer)
    report = _narrative(report, world.commune_officer)
    report_submit(report=report, by=world.commune_officer)
    assert report.status == Report.Status.SUBMITTED
    with pytest.raises(ValidationError):
        _narrative(report, world.commune_officer)  # submitted: no more edits

    report_approve(report=report, by=approver, note="Đồng ý.")
    assert report.status == Report.Status.APPROVED
    assert report.lock is not None and report.lock.unit == world.commune
    # The period's data of the commune's subtree can no longer change …
    with pytest.raises(LockedPeriodError):
        _register(world, D(2023, 5, 1))
    # … outside the period it can.
    _register(world, D(2023, 8, 1))

    period_reopen(lock=report.lock, by=approver, reason="Bổ sung số liệu thôn Một.")
    _register(world, D(2023, 5, 1))
    report.refresh_from_db()
    report = _narrative(report, world.commune_officer)  # editable again
    report_submit(report=report, by=world.commune_officer)
    assert report.status == Report.Status.SUBMITTED


def test_approval_comes_from_the_unit_above(world, approver):
    report = report_create(unit=world.commune, period=parse_period("2023"), by=None)
    report = _narrative(report, world.commune_officer)
    report_submit(report=report, by=world.commune_officer)
    own_approver = user_create(
        actor=None,
        username="phe.duyet.xa",
        password="mat-khau-phe-duyet-2024",
        full_name="Lê Văn Xã",
        unit=world.commune,
        role=Role.APPROVER,
    )
    with pytest.raises(ValidationError, match="cấp trên"):
        report_approve(report=report, by=own_approver)
    with pytest.raises(PermissionDenied):
        report_approve(report=report, by=world.sibling_officer)
    with pytest.raises(PermissionDenied):
        report_approve(report=report, by=world.outsider)
    with pytest.raises(ValidationError, match="lý do"):
        report_return(report=report, by=approver, note=" ")
    report_return(report=report, by=approver, note="Bổ sung phần nguyên nhân.")
    assert report.status == Report.Status.RETURNED
    assert report.lock is None


def test_a_stale_edit_is_refused(world):
    report = report_create(unit=world.commune, period=parse_period("2023"), by=None)
    stale = report.version
    _narrative(report, world.commune_officer)
    with pytest.raises(StaleEditError):
        report_update(
            report=Report.objects.get(pk=report.pk),
            data={"sections": {"uu-diem": "Ghi đè"}},
            expected_version=stale,
            by=world.commune_officer,
        )


def test_a_viewer_cannot_edit_and_one_report_per_unit_period_kind(world):
    report = report_create(unit=world.commune, period=parse_period("2023"), by=None)
    with pytest.raises(PermissionDenied):
        _narrative(report, world.commune_viewer)
    with pytest.raises(ValidationError, match="đã có báo cáo"):
        report_create(unit=world.commune, period=parse_period("2023"), by=None)


def test_pages_drive_the_workflow(world, client_as, approver):
    _register(world, D(2023, 3, 1))
    client = client_as(world.commune_officer)
    response = client.post(
        "/bao-cao/", {"unit": world.commune.code, "period": "2023H1", "kind": ""}
    )
    report = Report.objects.get()
    assert response.status_code == 302
    page = client.get(f"/bao-cao/{report.pk}/").content.decode()
    assert "Mô hình, điển hình “Dân vận khéo” theo lĩnh vực" in page
    data = {
        field: getattr(report, field) or ""
        for field in (
            "superior_name",
            "issuer_name",
            "symbol",
            "place",
            "subject",
            "signer_authority",
            "signer_title",
            "signer_name",
            "recipients",
        )
    }
    data.update(
        version=report.version,
        section_uu_diem="Cán bộ gần dân.",
        number="7",
        issued_on="2023-07-05",
    )
    data = {k.replace("section_uu_diem", "section_uu-diem"): v for k, v in data.items()}
    for section in report.sections.all():
        data.setdefault(f"section_{section.key}", section.text)
    data["section_han-che"] = "Còn hạn chế."
    data["section_phuong-huong"] = "- Tiếp tục."
    assert client.post(f"/bao-cao/{report.pk}/", data).status_code == 302
    report.refresh_from_db()
    assert report.sections.get(key="uu-diem").text == "Cán bộ gần dân."
    assert report.number == 7
    client.post(f"/bao-cao/{report.pk}/trinh/")
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED
    # The commune officer cannot approve; the province approver can.
    assert client.post(f"/bao-cao/{report.pk}/phe-duyet/").status_code == 403
    client_as(approver).post(f"/bao-cao/{report.pk}/phe-duyet/", {"note": "Đồng ý"})
    report.refresh_from_db()
    assert report.status == Report.Status.APPROVED
    docx = client.get(f"/bao-cao/{report.pk}/tai/docx/")
    assert docx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert docx.content[:2] == b"PK"
    # A bad period gets a message in Vietnamese and creates nothing.
    response = client.post(
        "/bao-cao/", {"unit": world.commune.code, "period": "2023H3", "kind": ""}
    )
    assert "Không hiểu kỳ" in response.content.decode()
    assert Report.objects.count() == 1


def test_dashboard_shows_figures_charts_and_who_has_not_reported(world, client_as):
    _register(world, D(2023, 3, 1))
    client = client_as(world.province_officer)
    page = client.get(f"/don-vi/{world.province.pk}/tong-quan/", {"ky": "2023"})
    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="so-mo-hinh">1<' in html
    assert "Xã Bình Minh" in html.split('id="chua-bao-cao"')[1].split("</ul>")[0]
    chart = client.get(
        f"/don-vi/{world.province.pk}/tong-quan/bieu-do/by-field.svg", {"ky": "2023"}
    )
    assert chart["Content-Type"] == "image/svg+xml"
    assert b"<svg" in chart.content
    bad = client.get(f"/don-vi/{world.province.pk}/tong-quan/", {"ky": "20x3"})
    assert "Không hiểu kỳ" in bad.content.decode()


def test_the_dashboard_shows_a_snapshot_and_computes_it_again(
    world, client_as, settings
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.FIGURES_MAX_AGE_SECONDS = 60
    _register(world, D(2023, 3, 1))
    client = client_as(world.province_officer)
    url = f"/don-vi/{world.province.pk}/tong-quan/"
    with CaptureQueriesContext(connection) as computed:
        page = client.get(url, {"ky": "2023"}).content.decode()
    assert 'id="so-mo-hinh">1<' in page
    assert "Số liệu tổng hợp lúc" in page and "tối đa 60 giây" in page
    # The charts draw the page's figures: they are not computed again.
    chart = f"{url}bieu-do/by-field.svg"
    with CaptureQueriesContext(connection) as drawn:
        first = client.get(chart, {"ky": "2023"}).content
    with CaptureQueriesContext(connection) as from_cache:
        assert client.get(chart, {"ky": "2023"}).content == first
    assert len(from_cache) <= 5 and len(drawn) <= 5 and len(computed) > 20

    # Someone else's change shows once the snapshot is older than the limit:
    # not yet ...
    _register(world, D(2023, 4, 1))
    assert 'id="so-mo-hinh">1<' in client.get(url, {"ky": "2023"}).content.decode()
    assert client.get(chart, {"ky": "2023"}).content == first
    # ... but after it, on the page and the chart.
    settings.FIGURES_MAX_AGE_SECONDS = 0
    assert 'id="so-mo-hinh">2<' in client.get(url, {"ky": "2023"}).content.decode()
    second = client.get(chart, {"ky": "2023"}).content
    assert second != first

    # "Tính lại ngay" computes them at once, however young the snapshot.
    settings.FIGURES_MAX_AGE_SECONDS = 60
    _register(world, D(2023, 5, 1))
    assert 'id="so-mo-hinh">2<' in client.get(url, {"ky": "2023"}).content.decode()
    assert "tinh_lai=1" in client.get(url, {"ky": "2023"}).content.decode()
    again = client.get(url, {"ky": "2023", "tinh_lai": "1"})
    assert again.status_code == 302 and again["Location"] == f"{url}?ky=2023"
    assert 'id="so-mo-hinh">3<' in client.get(url, {"ky": "2023"}).content.decode()
    assert client.get(chart, {"ky": "2023"}).content not in (first, second)


def test_slow_figures_are_refreshed_in_the_background_while_the_page_shows_the_last(
    world, client_as, settings, monkeypatch
):
    """Figures that took FIGURES_BACKGROUND_SECONDS or more to compute are not
    computed again inside the request once too old: the page shows the last
    ones (with their time) and asks for a background refresh, once; after
    the refresh, the new figures show."""
    from reports import figures
    from reports.tasks import refresh_figures

    asked: list[tuple[int, str]] = []
    monkeypatch.setattr(
        figures,
        "_refresh_in_background",
        lambda unit, period: asked.append((unit.pk, period.code)),
    )
    settings.FIGURES_MAX_AGE_SECONDS = 0
    settings.FIGURES_BACKGROUND_SECONDS = 0  # every computation counts as slow
    _register(world, D(2023, 3, 1))
    client = client_as(world.province_officer)
    url = f"/don-vi/{world.province.pk}/tong-quan/"
    assert 'id="so-mo-hinh">1<' in client.get(url, {"ky": "2023"}).content.decode()
    _register(world, D(2023, 4, 1))
    for _ in range(3):  # the last figures, and one refresh asked for
        page = client.get(url, {"ky": "2023"}).content.decode()
        assert 'id="so-mo-hinh">1<' in page and "Số liệu tổng hợp lúc" in page
    assert asked == [(world.province.pk, "2023")]
    # The worker (or the web process's thread) computes them again.
    refresh_figures(world.province.pk, "2023", "vi")
    assert 'id="so-mo-hinh">2<' in client.get(url, {"ky": "2023"}).content.decode()
    # "Tính lại ngay" still computes at once, in the request.
    _register(world, D(2023, 5, 1))
    client.get(url, {"ky": "2023", "tinh_lai": "1"})
    assert 'id="so-mo-hinh">3<' in client.get(url, {"ky": "2023"}).content.decode()
    # Fast figures are computed in the request as before.
    settings.FIGURES_BACKGROUND_SECONDS = 60
    _register(world, D(2023, 6, 1))
    assert 'id="so-mo-hinh">4<' in client.get(url, {"ky": "2023"}).content.decode()
    assert len(asked) == 1


def test_the_nations_and_provinces_dashboards_are_kept_ready(world, client_as):
    """The beat task computes the dashboards of the nation and each province
    for the period pages open on, charts included; the page then computes
    nothing. It does again only what the data has since made old."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from org.models import Unit
    from reports.tasks import warm_dashboards

    top = Unit.objects.filter(depth__lte=2, valid_to__isnull=True).count()
    assert top >= 2  # the nation and at least one province
    _register(world, timezone.localdate())
    assert warm_dashboards() == top
    assert warm_dashboards() == 0
    client = client_as(world.province_officer)
    url = f"/don-vi/{world.province.pk}/tong-quan/"
    with CaptureQueriesContext(connection) as page:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as chart:
        assert client.get(f"{url}bieu-do/by-field.svg").status_code == 200
    # Session, user, unit, data version and the like: no roll-up.
    assert len(page) < 20 and len(chart) <= 6, (len(page), len(chart))
    _register(world, timezone.localdate())
    assert warm_dashboards() == top


def test_pages_start_from_the_users_unit_and_the_current_period(world, client_as):
    client = client_as(world.commune_officer)
    # The period chosen is kept when the page redirects to the user's unit.
    response = client.get("/tong-quan/", {"ky": "2025"})
    assert response.status_code == 302
    assert response["Location"] == f"/don-vi/{world.commune.pk}/tong-quan/?ky=2025"
    page = client.get(response["Location"])
    assert "Năm 2025" in page.content.decode()
    # Without one, the current period.
    current = current_period(timezone.localdate())
    page = client.get(f"/don-vi/{world.commune.pk}/tong-quan/")
    assert current.label[0].upper() + current.label[1:] in page.content.decode()
    # Drafting a report starts from the user's unit and the current period.
    form = client.get("/bao-cao/").content.decode()
    assert 'value="X01"' in form and f'value="{current.code}"' in form


def test_the_rollup_api_uses_the_same_selector_and_scope(world, client_as):
    _register(world, D(2023, 3, 1))
    client = client_as(world.province_officer)
    data = client.get(
        f"/api/don-vi/{world.province.pk}/tong-hop/", {"ky": "2023", "con": "1"}
    ).json()
    assert data["initiatives"]["total"] == 1
    assert data["initiatives"]["by_field"] == {"van-hoa-xa-hoi": 1}
    # The children of 2023 and the province's own row, which add up.
    assert {c["name"]: c["reported"] for c in data["children"]} == {
        "Xã An Phú": True,
        "Xã Bình Minh": False,
        "Tỉnh Thử Nghiệm": False,
    }
    assert [c.get("own", False) for c in data["children"]] == [False, False, True]
    assert (
        data["children"][0] | {"from": "2023-01-01", "to": "2023-12-31"}
        == (data["children"][0])
    )
    assert sum(c["initiatives"] for c in data["children"]) == 1
    assert sum(c["conferences"] for c in data["children"]) == data["conferences"]
    bad = client.get(f"/api/don-vi/{world.province.pk}/tong-hop/", {"ky": "2023H9"})
    assert bad.status_code == 400 and "Không hiểu kỳ" in bad.json()["error"]
    hidden = client_as(world.sibling_officer).get(
        f"/api/don-vi/{world.commune.pk}/tong-hop/", {"ky": "2023"}
    )
    assert hidden.status_code == 404
