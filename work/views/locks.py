"""Approved periods: locking one (until report approval does it) and reopening."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import User
from accounts.scope import Action, get_or_404, require, scoped
from danvan.web import add_service_errors, paginate
from org.forms import DATE_WIDGET, UnitCodeField
from org.models import Unit
from work.models import PeriodLock
from work.services.common import period_lock, period_reopen


class LockForm(forms.Form):
    unit = UnitCodeField(
        label=gettext_lazy("Mã đơn vị"), active_only=False, date_field="start"
    )
    start = forms.DateField(label=gettext_lazy("Từ ngày"), widget=DATE_WIDGET)
    end = forms.DateField(label=gettext_lazy("Đến ngày"), widget=DATE_WIDGET)
    reason = forms.CharField(
        label=gettext_lazy("Căn cứ (báo cáo đã phê duyệt)"), max_length=300
    )

    def __init__(self, *args: object, units: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["unit"]
        assert isinstance(field, UnitCodeField)
        field.units = units  # type: ignore[assignment]


class ReopenForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Lý do mở lại"), max_length=1000)


@require_http_methods(["GET", "POST"])
def lock_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    locks = scoped(
        user, PeriodLock.objects.select_related("unit", "locked_by", "reopened_by")
    )
    form = LockForm(request.POST or None, units=scoped(user, Unit.objects.all()))
    if request.method == "POST" and form.is_valid():
        unit = form.cleaned_data["unit"]
        require(user, Action.APPROVE, unit)
        assert isinstance(user, User)
        try:
            period_lock(
                unit=unit,
                start=form.cleaned_data["start"],
                end=form.cleaned_data["end"],
                reason=form.cleaned_data["reason"],
                by=user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã khóa kỳ số liệu."))
            return redirect("work:lock_list")
    return render(
        request,
        "work/locks.html",
        {"page": paginate(request, locks), "form": form, "reopen_form": ReopenForm()},
    )


@require_POST
def lock_reopen(request: HttpRequest, lock_id: int) -> HttpResponse:
    user = request.user
    lock = get_or_404(user, PeriodLock.objects.select_related("unit"), pk=lock_id)
    require(user, Action.APPROVE, lock.unit)
    assert isinstance(user, User)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy nêu lý do mở lại."))
        return redirect("work:lock_list")
    try:
        period_reopen(lock=lock, by=user, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("Đã mở lại kỳ số liệu; việc mở lại đã được ghi nhận.")
        )
    return redirect("work:lock_list")
