"""A unit's own fields of work and indicators, beside the national ones."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from accounts.scope import Action, get_or_404, require
from danvan.web import add_service_errors
from org.models import Unit
from work import selectors
from work.models import Field, Indicator
from work.services import indicators as services


class FieldForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Field
        fields = ["code", "name"]
        help_texts = {
            "code": gettext_lazy("Chữ thường không dấu, nối bằng gạch ngang.")
        }


class IndicatorForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Indicator
        fields = [
            "code",
            "name",
            "measure",
            "aggregation",
            "whole_numbers",
            "denominator_label",
            "allows_over",
        ]
        help_texts = {
            "code": gettext_lazy("Chữ thường không dấu, nối bằng gạch ngang.")
        }


@require_http_methods(["GET", "POST"])
def catalogue(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = get_or_404(request.user, Unit.objects.all(), pk=unit_id)
    require(request.user, Action.VIEW, unit)
    field_form = FieldForm(request.POST if "add_field" in request.POST else None)
    indicator_form = IndicatorForm(
        request.POST if "add_indicator" in request.POST else None
    )
    if request.method == "POST":
        require(request.user, Action.ADMINISTER, unit)
        try:
            if "add_field" in request.POST and field_form.is_valid():
                services.field_add(owner=unit, **field_form.cleaned_data)
                messages.success(request, _("Đã thêm lĩnh vực."))
                return redirect("work:catalogue", unit_id=unit.pk)
            if "add_indicator" in request.POST and indicator_form.is_valid():
                services.indicator_define(owner=unit, **indicator_form.cleaned_data)
                messages.success(request, _("Đã thêm chỉ số."))
                return redirect("work:catalogue", unit_id=unit.pk)
        except ValidationError as exc:
            add_service_errors(
                field_form if "add_field" in request.POST else indicator_form, exc
            )
    return render(
        request,
        "work/catalogue.html",
        {
            "unit": unit,
            "fields": selectors.fields_for(unit).select_related("owner"),
            "indicators": selectors.indicators_for(unit).select_related("owner"),
            "field_form": field_form,
            "indicator_form": indicator_form,
        },
    )
