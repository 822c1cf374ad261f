"""Pages of the reports: the dashboard, reports and their documents, the
layout profile. Every view goes through accounts.scope."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import User
from accounts.scope import Action, allows, get_or_404, require, scoped
from danvan.formats.dates import parse_day
from danvan.web import add_service_errors, over_rate, paginate, rate_limited
from danvan.workcontext import UNIT, work_context
from jobs.models import Job
from jobs.services import job_start
from org.models import Unit
from org.selectors import history_of
from reports import charts
from reports.documents import DOCX_TYPE, report_file
from reports.figures import Figures, Snapshot, cached, figures_for_page
from reports.forms import DecisionForm, LayoutForm, ReportCreateForm, ReportEditForm
from reports.headers import report_day, signatures
from reports.models import DocumentLayout, Report
from reports.news import article_docx, conference_article
from reports.periods import (
    Period,
    PeriodError,
    current_period,
    parse_period,
    period_choices,
)
from reports.services import (
    layout_update,
    report_approve,
    report_create,
    report_reopened,
    report_return,
    report_submit,
    report_update,
    sections_of,
)
from work import selectors

CHART_KEYS = {chart.key: chart for chart in charts.CHARTS}


def _period_from(request: HttpRequest) -> tuple[Period, str | None]:
    """The period asked for in ``?ky=``, or the current one; and an error."""
    default = work_context(request).period
    text = request.GET.get("ky", "").strip()
    # A date range from the picker's two dates (dd/mm/yyyy).
    first, last = request.GET.get("tu", "").strip(), request.GET.get("den", "").strip()
    if first or last:
        start, end = parse_day(first), parse_day(last)
        if start is None or end is None:
            return default, _(
                "Hãy nhập cả ngày bắt đầu và ngày kết thúc, dạng dd/mm/yyyy."
            )
        if end < start:
            return default, _("Ngày kết thúc không được trước ngày bắt đầu.")
        text = f"{start.isoformat()}..{end.isoformat()}"
    if not text:
        return default, None
    try:
        return parse_period(text), None
    except PeriodError as exc:
        return default, str(exc)


def _svg(figure_svg: bytes) -> HttpResponse:
    response = HttpResponse(figure_svg, content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=300"
    response["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'unsafe-inline'"
    )
    return response


# ?tinh_lai=1 computes a page's figures again at once (see reports.figures.snapshot).
RECOMPUTE = "tinh_lai"


@require_GET
def dashboard_home(request: HttpRequest) -> HttpResponse:
    user = request.user
    if isinstance(user, User) and user.unit_id is not None:
        target = reverse("reports:dashboard", kwargs={"unit_id": user.unit_id})
        query = request.GET.urlencode()
        return redirect(f"{target}?{query}" if query else target)
    raise Http404


@require_GET
def dashboard(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = get_or_404(request.user, Unit.objects.select_related("kind"), pk=unit_id)
    period, error = _period_from(request)
    chosen = work_context(request).unit
    if request.GET.get(UNIT) and chosen is not None and chosen.pk != unit.pk:
        # Another unit chosen in the context bar: its dashboard.
        target = reverse("reports:dashboard", kwargs={"unit_id": chosen.pk})
        return redirect(f"{target}?ky={period.code}")
    if request.GET.get(RECOMPUTE) == "1":
        over_rate(request, "documents")
        figures_for_page(unit, period, fresh=True)
        query = request.GET.copy()
        del query[RECOMPUTE]
        return redirect(f"{request.path}?{query.urlencode()}")
    snap = figures_for_page(unit, period)
    reports = scoped(request.user, Report.objects.filter(unit=unit)).select_related(
        "period"
    )
    return render(
        request,
        "reports/dashboard.html",
        {
            "unit": unit,
            "period": period,
            "period_error": error,
            "figures": snap.value,
            "snapshot": snap,
            "picker": _period_picker(period),
            "charts_html": _charts_html(snap, unit),
            "tables": _tables(snap, drill=True),
            "reports": reports[:10],
            "can_report": allows(request.user, Action.CHANGE, unit),
            "quick_periods": _quick_periods(),
        },
    )


def _period_picker(period: Period) -> str:
    """The period picker's HTML (over a hundred choices), drawn once per day,
    chosen period and language in each web process."""
    return _picker_html(timezone.localdate(), period, get_language())


@lru_cache(maxsize=256)
def _picker_html(today: dt.date, period: Period, _language: str) -> str:
    groups = period_choices(today)
    return render_to_string(
        "reports/partials/period_picker.html",
        {
            "period": period,
            "period_groups": groups,
            "period_offered": any(p == period for _y, ps in groups for p in ps),
        },
    )


def _charts_html(snap: Snapshot[Figures], unit: Unit) -> str:
    """The charts and their data tables, drawn as the figures' tables are."""
    figures = snap.value
    address = reverse("reports:dashboard", kwargs={"unit_id": unit.pk})
    return _drawn_once(
        snap,
        "charts-html",
        "reports/partials/charts.html",
        lambda: {
            "charts": charts.for_page(figures),
            "chart_url": f"{address}bieu-do/",
            "chart_query": f"?ky={figures.period.code}",
        },
    )


def _drawn_once(
    snap: Snapshot[Figures],
    kind: str,
    template: str,
    context: Callable[[], dict[str, Any]],
) -> str:
    """A part of a page drawn from the snapshot's figures, rendered once per
    snapshot and language and kept with it."""
    figures = snap.value
    return cached(
        kind,
        figures.unit,
        figures.period,
        lambda: render_to_string(template, context()),
        version=snap.version,
    )


def _quick_periods() -> list[Period]:
    year = timezone.localdate().year
    return [
        parse_period(code)
        for code in (f"{year}", f"{year}H1", f"{year}H2", f"{year - 1}", f"{year - 2}")
    ]


@require_GET
def dashboard_chart(request: HttpRequest, unit_id: int, chart: str) -> HttpResponse:
    unit = get_or_404(request.user, Unit.objects.all(), pk=unit_id)
    drawing = CHART_KEYS.get(chart)
    if drawing is None:
        raise Http404
    period, _error = _period_from(request)
    return _chart(request, drawing, unit, period)


def _tables(snap: Snapshot[Figures], *, drill: bool) -> str:
    """The figures' tables as HTML, rendered once per snapshot and language
    (the per-unit table of a province has about a hundred rows)."""
    figures = snap.value
    return _drawn_once(
        snap,
        f"tables-{int(drill)}",
        "reports/partials/tables.html",
        lambda: {"figures": figures, "period": figures.period, "drill": drill},
    )


def _chart(
    request: HttpRequest, drawing: charts.Chart, unit: Unit, period: Period
) -> HttpResponse:
    """A chart of the figures the page shows (the same snapshot), drawn once
    per snapshot."""
    return _svg(charts.on_page(drawing, figures_for_page(unit, period)))


@require_http_methods(["GET", "POST"])
def report_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    reports = scoped(user, Report.objects.select_related("unit", "period"))
    status = request.GET.get("trang_thai", "")
    if status in Report.Status.values:
        reports = reports.filter(status=status)
    # Drafting starts from the signed-in user's unit and the current period.
    own_unit = user.unit if isinstance(user, User) else None
    initial = {
        "unit": request.GET.get("don_vi", "") or (own_unit.ref if own_unit else ""),
        "period": request.GET.get("ky", "")
        or current_period(timezone.localdate()).code,
    }
    form = ReportCreateForm(
        request.POST or None, initial=initial, units=scoped(user, Unit.objects.all())
    )
    if request.method == "POST" and form.is_valid():
        unit = form.cleaned_data["unit"]
        require(user, Action.CHANGE, unit)
        assert isinstance(user, User)
        try:
            report = report_create(
                unit=unit,
                period=form.cleaned_data["period"],
                kind=form.cleaned_data["kind"] or None,
                by=user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã lập dự thảo báo cáo từ số liệu tổng hợp."))
            return redirect("reports:report_detail", report_id=report.pk)
    return render(
        request,
        "reports/report_list.html",
        {
            "page": paginate(request, reports),
            "form": form,
            "statuses": Report.Status.choices,
            "status": status,
        },
    )


def _report(request: HttpRequest, report_id: int) -> Report:
    return get_or_404(
        request.user,
        Report.objects.select_related(
            "unit", "period", "lock", "lock__reopened_by", "submitted_by", "decided_by"
        ),
        pk=report_id,
    )


@require_http_methods(["GET", "POST"])
def report_detail(request: HttpRequest, report_id: int) -> HttpResponse:
    report = _report(request, report_id)
    user = request.user
    form = ReportEditForm(
        request.POST or None,
        instance=report,
        initial={"version": report.version},
        sections=sections_of(report),
        signatures=signatures(
            report.issuer, report.unit, report_day(report.issued_on, report.issuer)
        ),
    )
    if request.method == "POST":
        require(user, Action.CHANGE, report.unit)
        assert isinstance(user, User)
        if form.is_valid():
            try:
                report_update(
                    report=Report.objects.get(pk=report.pk),
                    data=form.changes(),
                    expected_version=form.cleaned_data["version"],
                    by=user,
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Đã lưu báo cáo."))
                return redirect("reports:report_detail", report_id=report.pk)
    can_decide = (
        isinstance(user, User)
        and allows(user, Action.APPROVE, report.unit)
        and (user.unit_id != report.unit_id or report.unit.depth == 1)
    )
    if request.method == "GET" and request.GET.get(RECOMPUTE) == "1":
        over_rate(request, "documents")
        figures_for_page(report.unit, report.period.value, fresh=True)
        return redirect("reports:report_detail", report_id=report.pk)
    snap = figures_for_page(report.unit, report.period.value)
    figures = snap.value
    ready = scoped(user, Job.objects.filter(kind="report-file")).filter(
        pk=request.GET.get("viec") or 0,
        params__report_id=report.pk,
        status=Job.Status.DONE,
    )
    return render(
        request,
        "reports/report_detail.html",
        {
            "report": report,
            "ready": ready.first() if request.GET.get("viec", "").isdigit() else None,
            "form": form,
            "figures": figures,
            "snapshot": snap,
            "tables": _tables(snap, drill=False),
            "charts": charts.for_page(figures),
            # The unit may edit and submit while the report is a draft, returned,
            # or approved with its lock reopened.
            "can_edit": allows(user, Action.CHANGE, report.unit)
            and (report.editable or report_reopened(report)),
            "can_make_files": allows(user, Action.CHANGE, report.unit),
            "can_decide": can_decide and report.status == Report.Status.SUBMITTED,
            "reopened": report_reopened(report),
            "decision_form": DecisionForm(),
            "history": history_of(report)[:50],
        },
    )


def _decide(request: HttpRequest, report_id: int, action: str) -> HttpResponse:
    report = _report(request, report_id)
    user = request.user
    require(user, Action.APPROVE if action != "submit" else Action.CHANGE, report.unit)
    assert isinstance(user, User)
    form = DecisionForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        if action == "submit":
            report_submit(report=report, by=user)
            messages.success(request, _("Đã trình báo cáo lên cấp trên."))
        elif action == "approve":
            report_approve(report=report, by=user, note=note)
            messages.success(
                request, _("Đã phê duyệt báo cáo; số liệu của kỳ đã được khóa.")
            )
        else:
            report_return(report=report, by=user, note=note)
            messages.success(request, _("Đã trả lại báo cáo để đơn vị sửa."))
    except PermissionDenied:
        raise
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    return redirect("reports:report_detail", report_id=report.pk)


@require_POST
def report_submit_view(request: HttpRequest, report_id: int) -> HttpResponse:
    return _decide(request, report_id, "submit")


@require_POST
def report_approve_view(request: HttpRequest, report_id: int) -> HttpResponse:
    return _decide(request, report_id, "approve")


@require_POST
def report_return_view(request: HttpRequest, report_id: int) -> HttpResponse:
    return _decide(request, report_id, "return")


@require_http_methods(["GET", "POST"])
@rate_limited("documents")
def report_download(request: HttpRequest, report_id: int, fmt: str) -> HttpResponse:
    """DOCX and XLSX come at once; PDF is converted by a background job."""
    report = _report(request, report_id)
    if fmt not in {"docx", "xlsx", "pdf"}:
        raise Http404
    if fmt == "pdf":
        if request.method != "POST":
            return redirect("reports:report_detail", report_id=report.pk)
        # A PDF job writes a file on the server: an editor's action, as every
        # write is (a viewer downloads the DOCX).
        require(request.user, Action.CHANGE, report.unit)
        user = request.user
        job = job_start(
            kind="report-file",
            title=_("PDF: %(report)s") % {"report": report},
            unit=report.unit,
            by=user if isinstance(user, User) else None,
            params={"report_id": report.pk, "format": "pdf"},
            return_url=reverse("reports:report_detail", args=[report.pk]),
        )
        return redirect("jobs:job_detail", job_id=job.pk)
    content, name, content_type = report_file(report, fmt)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
def report_chart(request: HttpRequest, report_id: int, chart: str) -> HttpResponse:
    report = _report(request, report_id)
    drawing = CHART_KEYS.get(chart)
    if drawing is None:
        raise Http404
    return _chart(request, drawing, report.unit, report.period.value)


@require_GET
def conference_news(request: HttpRequest, conference_id: int) -> HttpResponse:
    """A news-article draft for a conference, from its record."""
    conference = selectors.conference_page(request.user, conference_id)
    user = request.user
    article = conference_article(
        conference, by=user if isinstance(user, User) else None
    )
    if request.GET.get("tai") == "docx":
        over_rate(request, "documents")
        response = HttpResponse(article_docx(article), content_type=DOCX_TYPE)
        response["Content-Disposition"] = (
            f'attachment; filename="ban-tin-hoi-nghi-{conference.pk}.docx"'
        )
        return response
    return render(
        request,
        "reports/news.html",
        {"conference": conference, "article": article},
    )


@require_http_methods(["GET", "POST"])
def layout_edit(request: HttpRequest) -> HttpResponse:
    """The layout profile of documents. Everyone signed in may read it; only
    an administrator of the top unit may change it."""
    layout = DocumentLayout.objects.filter(in_force=True).first()
    if layout is None:
        raise Http404
    user = request.user
    top = Unit.objects.filter(depth=1).order_by("path").first()
    may_edit = top is not None and allows(user, Action.ADMINISTER, top)
    form = LayoutForm(request.POST or None, instance=layout)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if form.is_valid():
            try:
                layout_update(
                    layout=form.instance, expected_version=form.cleaned_data["version"]
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Đã lưu thể thức văn bản."))
                return redirect("reports:layout")
    return render(
        request,
        "reports/layout.html",
        {"form": form, "layout": layout, "may_edit": may_edit},
    )
