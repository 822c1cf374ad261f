from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.scope import Action, get_or_404, require
from danvan.web import add_service_errors
from org.models import Unit
from org.selectors import bodies_at_or_above, history_of, people_at_or_above
from work import selectors
from work.forms import (
    AttendanceForm,
    CommitmentForm,
    ConferenceFilterForm,
    ConferenceForm,
    TaskForm,
    TaskStatusForm,
)
from work.listing import Cell
from work.models import Conference, FollowUpTask
from work.services import conferences as services
from work.views.common import list_page

EXPORT_HEADERS = [
    "Số hiệu",
    "Tên hội nghị",
    "Loại",
    "Ngày",
    "Địa điểm",
    "Đơn vị",
    "Cơ quan tổ chức",
    "Kỳ đánh giá từ",
    "Kỳ đánh giá đến",
    "Số đại biểu",
]


def _row(conference: Conference) -> Sequence[Cell]:
    return [
        conference.pk,
        conference.title,
        conference.get_kind_display(),
        conference.date,
        conference.place,
        conference.unit.name,
        conference.organizer.name,
        conference.review_start,
        conference.review_end,
        getattr(conference, "attendee_count", None),
    ]


def conference_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        form_class=ConferenceFilterForm,
        select=selectors.conference_list,
        template="work/conference_list.html",
        partial="work/partials/conference_results.html",
        export=("hoi-nghi", EXPORT_HEADERS, _row),
    )


def _sub_forms(request: HttpRequest, conference: Conference) -> dict[str, forms.Form]:
    bodies = bodies_at_or_above(request.user, conference.unit)
    return {
        "attendance_form": AttendanceForm(
            people=people_at_or_above(request.user, conference.unit)
        ),
        "task_form": TaskForm(bodies=bodies),
        "commitment_form": CommitmentForm(bodies=bodies),
    }


def conference_detail(request: HttpRequest, conference_id: int) -> HttpResponse:
    conference = selectors.conference_page(request.user, conference_id)
    return render(
        request,
        "work/conference_detail.html",
        {
            "conference": conference,
            "history": history_of(conference)[:50],
            "task_statuses": FollowUpTask.Status.choices,
            **_sub_forms(request, conference),
        },
    )


def _data(unit: Unit, form: ConferenceForm) -> services.ConferenceData:
    data = dict(form.cleaned_data)
    data.pop("version", None)
    return services.ConferenceData(unit=unit, **data)


@require_http_methods(["GET", "POST"])
def conference_create(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = get_or_404(request.user, Unit.objects.all(), pk=unit_id)
    require(request.user, Action.CHANGE, unit)
    form = ConferenceForm(
        request.POST or None, bodies=bodies_at_or_above(request.user, unit)
    )
    if request.method == "POST" and form.is_valid():
        try:
            conference = services.conference_create(data=_data(unit, form))
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi nhận hội nghị."))
            return redirect("work:conference_detail", conference_id=conference.pk)
    return render(request, "work/conference_form.html", {"form": form, "unit": unit})


@require_http_methods(["GET", "POST"])
def conference_edit(request: HttpRequest, conference_id: int) -> HttpResponse:
    conference = get_or_404(
        request.user, Conference.objects.select_related("unit"), pk=conference_id
    )
    require(request.user, Action.CHANGE, conference.unit)
    initial = {name: getattr(conference, name) for name in ConferenceForm.base_fields}
    initial["organizer"] = conference.organizer_id
    form = ConferenceForm(
        request.POST or None,
        initial=initial,
        bodies=bodies_at_or_above(request.user, conference.unit),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.conference_update(
                conference=conference,
                data=_data(conference.unit, form),
                expected_version=form.cleaned_data["version"] or 0,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("work:conference_detail", conference_id=conference.pk)
    return render(
        request,
        "work/conference_form.html",
        {"form": form, "unit": conference.unit, "conference": conference},
    )


def _part(
    request: HttpRequest,
    conference_id: int,
    make_form: Callable[[Conference], forms.Form],
    save: Callable[[Conference, dict[str, Any]], object],
    done: str,
) -> HttpResponse:
    """Add a part of a conference (attendee, task, commitment) and come back."""
    conference = get_or_404(
        request.user, Conference.objects.select_related("unit"), pk=conference_id
    )
    require(request.user, Action.CHANGE, conference.unit)
    form = make_form(conference)
    if form.is_valid():
        try:
            save(conference, form.cleaned_data)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, done)
    else:
        for errors in form.errors.as_data().values():
            for error in errors:
                messages.error(request, " ".join(error.messages))
    return redirect("work:conference_detail", conference_id=conference.pk)


@require_POST
def attendance_add(request: HttpRequest, conference_id: int) -> HttpResponse:
    return _part(
        request,
        conference_id,
        lambda c: AttendanceForm(
            request.POST, people=people_at_or_above(request.user, c.unit)
        ),
        lambda c, data: services.attendance_add(conference=c, **data),
        _("Đã thêm đại biểu."),
    )


@require_POST
def task_add(request: HttpRequest, conference_id: int) -> HttpResponse:
    return _part(
        request,
        conference_id,
        lambda c: TaskForm(
            request.POST, bodies=bodies_at_or_above(request.user, c.unit)
        ),
        lambda c, data: services.task_create(conference=c, **data),
        _("Đã thêm nhiệm vụ."),
    )


@require_POST
def commitment_add(request: HttpRequest, conference_id: int) -> HttpResponse:
    return _part(
        request,
        conference_id,
        lambda c: CommitmentForm(
            request.POST, bodies=bodies_at_or_above(request.user, c.unit)
        ),
        lambda c, data: services.commitment_add(conference=c, **data),
        _("Đã thêm cam kết thi đua."),
    )


@require_POST
def task_update(request: HttpRequest, task_id: int) -> HttpResponse:
    task = get_or_404(
        request.user,
        FollowUpTask.objects.select_related("conference__unit"),
        pk=task_id,
    )
    require(request.user, Action.CHANGE, task.conference.unit)
    form = TaskStatusForm(request.POST)
    if form.is_valid():
        try:
            services.task_update(
                task=task,
                status=form.cleaned_data["status"],
                deadline=task.deadline,
                done_on=form.cleaned_data["done_on"],
                expected_version=form.cleaned_data["version"] or 0,
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Đã cập nhật tình trạng nhiệm vụ."))
    else:
        messages.error(request, _("Tình trạng chưa hợp lệ."))
    return redirect("work:conference_detail", conference_id=task.conference_id)
