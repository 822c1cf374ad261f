from __future__ import annotations

from collections.abc import Sequence

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.scope import Action, get_or_404, require
from danvan.web import add_service_errors
from org.models import Unit
from org.selectors import history_of
from work import selectors
from work.forms import ValueFilterForm, ValueForm
from work.listing import Cell
from work.models import Conference, IndicatorValue, Initiative
from work.services import indicators as services
from work.views.common import list_page

EXPORT_HEADERS = [
    "Số hiệu",
    "Chỉ số",
    "Đơn vị",
    "Kỳ từ ngày",
    "Kỳ đến ngày",
    "Giá trị",
    "Mẫu số",
    "Tỷ lệ (%)",
    "Đơn vị tính",
    "Nguồn",
]


def _row(value: IndicatorValue) -> Sequence[Cell]:
    ratio = (
        round(value.value / value.denominator * 100, 2) if value.denominator else None
    )
    return [
        value.pk,
        value.indicator.label,
        value.unit.name,
        value.period_start,
        value.period_end,
        value.value,
        value.denominator,
        ratio,
        value.indicator.measure_label,
        value.source,
    ]


def value_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        form_class=ValueFilterForm,
        select=selectors.value_list,
        template="work/value_list.html",
        partial="work/partials/value_results.html",
        export=("chi-so", EXPORT_HEADERS, _row),
    )


@require_http_methods(["GET", "POST"])
def value_create(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = get_or_404(request.user, Unit.objects.all(), pk=unit_id)
    require(request.user, Action.CHANGE, unit)
    conference = None
    if request.GET.get("hoi_nghi", "").isdigit():
        conference = get_or_404(
            request.user, Conference.objects.all(), pk=int(request.GET["hoi_nghi"])
        )
    initiative = None
    if request.GET.get("mo_hinh", "").isdigit():
        initiative = get_or_404(
            request.user, Initiative.objects.all(), pk=int(request.GET["mo_hinh"])
        )
    initial = (
        {"period_start": conference.review_start, "period_end": conference.review_end}
        if conference
        else {}
    )
    form = ValueForm(
        request.POST or None, initial=initial, indicators=selectors.indicators_for(unit)
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("version", None)
        try:
            services.value_record(
                unit=unit, conference=conference, initiative=initiative, **data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi nhận số liệu."))
            if conference is not None:
                return redirect("work:conference_detail", conference_id=conference.pk)
            if initiative is not None:
                return redirect("work:initiative_detail", initiative_id=initiative.pk)
            return redirect("work:value_list")
    return render(
        request,
        "work/value_form.html",
        {
            "form": form,
            "unit": unit,
            "conference": conference,
            "initiative": initiative,
        },
    )


@require_http_methods(["GET", "POST"])
def value_edit(request: HttpRequest, value_id: int) -> HttpResponse:
    record = get_or_404(
        request.user,
        IndicatorValue.objects.select_related("unit", "indicator"),
        pk=value_id,
    )
    require(request.user, Action.CHANGE, record.unit)
    initial = {name: getattr(record, name) for name in ValueForm.base_fields}
    initial["indicator"] = record.indicator_id
    form = ValueForm(
        request.POST or None,
        initial=initial,
        indicators=selectors.indicators_for(record.unit),
    )
    form.fields["indicator"].disabled = True
    form.fields["period_start"].disabled = True
    form.fields["period_end"].disabled = True
    if request.method == "POST" and form.is_valid():
        try:
            services.value_update(
                record=record,
                value=form.cleaned_data["value"],
                denominator=form.cleaned_data["denominator"],
                source=form.cleaned_data["source"],
                expected_version=form.cleaned_data["version"] or 0,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("work:value_list")
    return render(
        request,
        "work/value_form.html",
        {
            "form": form,
            "unit": record.unit,
            "record": record,
            "history": history_of(record),
        },
    )
