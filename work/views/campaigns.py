from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.scope import Action, get_or_404, require, scoped
from danvan.web import add_service_errors
from org.models import Unit
from org.selectors import bodies_at_or_above, history_of
from work import selectors
from work.forms import (
    CampaignFilterForm,
    CampaignForm,
    DialogueForm,
    ProgramFilterForm,
    ProgramForm,
    ProgressForm,
    TargetForm,
)
from work.listing import Cell, ListFilterForm
from work.models import Campaign, Conference, CoordinationProgram, Dialogue, Target
from work.services import campaigns as campaign_services
from work.services import programmes as program_services
from work.views.common import list_page


def _without(data: dict[str, Any], *names: str) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key not in names}


def _children(request: HttpRequest, unit: Unit) -> QuerySet[Unit]:
    return (
        scoped(request.user, Unit.objects.filter(valid_to__isnull=True))
        .filter(path__startswith=unit.path, depth=unit.depth + 1)
        .order_by("name")
    )


def _campaign_row(campaign: Campaign) -> Sequence[Cell]:
    return [
        campaign.pk,
        campaign.name,
        campaign.get_kind_display(),
        campaign.unit.name,
        campaign.start,
        campaign.end,
        getattr(campaign, "target_count", None),
    ]


def campaign_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        form_class=CampaignFilterForm,
        select=selectors.campaign_list,
        template="work/campaign_list.html",
        partial="work/partials/campaign_results.html",
        export=(
            "cuoc-van-dong",
            [
                "Số hiệu",
                "Tên",
                "Hình thức",
                "Đơn vị phát động",
                "Từ ngày",
                "Đến ngày",
                "Số chỉ tiêu",
            ],
            _campaign_row,
        ),
    )


def campaign_detail(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = selectors.campaign_page(request.user, campaign_id)
    units = scoped(request.user, Unit.objects.all()).filter(
        pk__in=[campaign.unit_id, *[p.pk for p in campaign.participants.all()]]
    )
    return render(
        request,
        "work/campaign_detail.html",
        {
            "campaign": campaign,
            "target_form": TargetForm(units=units),
            "progress_form": ProgressForm(targets=campaign.targets.all()),
            "history": history_of(campaign)[:50],
        },
    )


@require_http_methods(["GET", "POST"])
def campaign_create(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = get_or_404(request.user, Unit.objects.all(), pk=unit_id)
    require(request.user, Action.CHANGE, unit)
    conference = None
    if request.GET.get("hoi_nghi", "").isdigit():
        conference = get_or_404(
            request.user, Conference.objects.all(), pk=int(request.GET["hoi_nghi"])
        )
    form = CampaignForm(
        request.POST or None,
        initial={"start": conference.plan_start, "end": conference.plan_end}
        if conference
        else {},
        bodies=bodies_at_or_above(request.user, unit),
        units=_children(request, unit),
    )
    if request.method == "POST" and form.is_valid():
        try:
            campaign = campaign_services.campaign_create(
                unit=unit,
                conference=conference,
                **_without(form.cleaned_data, "version"),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi nhận cuộc vận động."))
            return redirect("work:campaign_detail", campaign_id=campaign.pk)
    return render(
        request,
        "work/simple_form.html",
        {
            "form": form,
            "unit": unit,
            "heading": _("Thêm cuộc vận động, phong trào, kế hoạch"),
        },
    )


def _campaign_for_change(request: HttpRequest, campaign_id: int) -> Campaign:
    campaign = get_or_404(
        request.user, Campaign.objects.select_related("unit"), pk=campaign_id
    )
    require(request.user, Action.CHANGE, campaign.unit)
    return campaign


def _report(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@require_POST
def target_add(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = _campaign_for_change(request, campaign_id)
    units = scoped(request.user, Unit.objects.all())
    form = TargetForm(request.POST, units=units)
    if form.is_valid():
        try:
            campaign_services.target_set(campaign=campaign, **form.cleaned_data)
        except ValidationError as exc:
            _report(request, exc)
        else:
            messages.success(request, _("Đã thêm chỉ tiêu."))
    else:
        messages.error(request, _("Chỉ tiêu chưa hợp lệ: hãy nhập đủ các trường."))
    return redirect("work:campaign_detail", campaign_id=campaign.pk)


@require_POST
def progress_add(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = _campaign_for_change(request, campaign_id)
    form = ProgressForm(request.POST, targets=Target.objects.filter(campaign=campaign))
    if form.is_valid():
        try:
            campaign_services.progress_record(**form.cleaned_data)
        except ValidationError as exc:
            _report(request, exc)
        else:
            messages.success(request, _("Đã ghi nhận kết quả."))
    else:
        messages.error(request, _("Kết quả chưa hợp lệ: hãy nhập đủ các trường."))
    return redirect("work:campaign_detail", campaign_id=campaign.pk)


# --- coordination programmes ------------------------------------------------------


def _program_row(program: CoordinationProgram) -> Sequence[Cell]:
    return [
        program.pk,
        program.title,
        ", ".join(p.name for p in program.parties.all()),
        program.unit.name,
        program.signed_on,
        program.start,
        program.end,
        program.get_status_display(),
    ]


def program_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        form_class=ProgramFilterForm,
        select=selectors.program_list,
        template="work/program_list.html",
        partial="work/partials/program_results.html",
        export=(
            "chuong-trinh-phoi-hop",
            [
                "Số hiệu",
                "Tên chương trình",
                "Các bên ký",
                "Đơn vị",
                "Ngày ký",
                "Từ ngày",
                "Đến ngày",
                "Tình trạng",
            ],
            _program_row,
        ),
    )


def program_detail(request: HttpRequest, program_id: int) -> HttpResponse:
    program = selectors.program_page(request.user, program_id)
    return render(
        request,
        "work/program_detail.html",
        {"program": program, "history": history_of(program)[:50]},
    )


@require_http_methods(["GET", "POST"])
def program_create(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = get_or_404(request.user, Unit.objects.all(), pk=unit_id)
    require(request.user, Action.CHANGE, unit)
    form = ProgramForm(
        request.POST or None, bodies=bodies_at_or_above(request.user, unit)
    )
    if request.method == "POST" and form.is_valid():
        try:
            program = program_services.program_create(
                unit=unit, **_without(form.cleaned_data, "version", "status")
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi nhận chương trình phối hợp."))
            return redirect("work:program_detail", program_id=program.pk)
    return render(
        request,
        "work/simple_form.html",
        {"form": form, "unit": unit, "heading": _("Thêm chương trình phối hợp")},
    )


# --- dialogues ------------------------------------------------------------------------


def _dialogue_row(dialogue: Dialogue) -> Sequence[Cell]:
    return [
        dialogue.pk,
        dialogue.topic,
        dialogue.unit.name,
        dialogue.host.name,
        dialogue.date,
        dialogue.participants,
        dialogue.issues_raised,
        dialogue.issues_resolved,
    ]


def dialogue_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        form_class=ListFilterForm,
        select=selectors.dialogue_list,
        template="work/dialogue_list.html",
        partial="work/partials/dialogue_results.html",
        export=(
            "doi-thoai",
            [
                "Số hiệu",
                "Chủ đề",
                "Đơn vị",
                "Cơ quan chủ trì",
                "Ngày",
                "Số người tham dự",
                "Số ý kiến",
                "Đã giải quyết",
            ],
            _dialogue_row,
        ),
    )


@require_http_methods(["GET", "POST"])
def dialogue_create(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = get_or_404(request.user, Unit.objects.all(), pk=unit_id)
    require(request.user, Action.CHANGE, unit)
    form = DialogueForm(
        request.POST or None, bodies=bodies_at_or_above(request.user, unit)
    )
    if request.method == "POST" and form.is_valid():
        try:
            program_services.dialogue_record(
                unit=unit, **_without(form.cleaned_data, "version")
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi nhận buổi đối thoại."))
            return redirect("work:dialogue_list")
    return render(
        request,
        "work/simple_form.html",
        {"form": form, "unit": unit, "heading": _("Thêm buổi đối thoại")},
    )


def _initial(obj: Any, form_class: type[forms.Form]) -> dict[str, Any]:
    return {
        name: getattr(obj, f"{name}_id", None) or getattr(obj, name)
        for name in form_class.base_fields
        if hasattr(obj, name) and name not in {"participants", "parties"}
    }


@require_http_methods(["GET", "POST"])
def campaign_edit(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = _campaign_for_change(request, campaign_id)
    initial = _initial(campaign, CampaignForm)
    initial["participants"] = list(campaign.participants.values_list("pk", flat=True))
    form = CampaignForm(
        request.POST or None,
        initial=initial,
        bodies=bodies_at_or_above(request.user, campaign.unit),
        units=_children(request, campaign.unit),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            campaign_services.campaign_update(
                campaign=campaign,
                expected_version=data["version"] or 0,
                **_without(data, "version"),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("work:campaign_detail", campaign_id=campaign.pk)
    return render(
        request,
        "work/simple_form.html",
        {"form": form, "unit": campaign.unit, "heading": campaign.name},
    )


@require_http_methods(["GET", "POST"])
def program_edit(request: HttpRequest, program_id: int) -> HttpResponse:
    program = get_or_404(
        request.user, CoordinationProgram.objects.select_related("unit"), pk=program_id
    )
    require(request.user, Action.CHANGE, program.unit)
    initial = _initial(program, ProgramForm)
    initial["parties"] = list(program.parties.values_list("pk", flat=True))
    form = ProgramForm(
        request.POST or None,
        initial=initial,
        bodies=bodies_at_or_above(request.user, program.unit),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            program_services.program_update(
                program=program,
                expected_version=data["version"] or 0,
                **_without(data, "version", "status"),
                status=data["status"] or CoordinationProgram.Status.ACTIVE,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("work:program_detail", program_id=program.pk)
    return render(
        request,
        "work/simple_form.html",
        {"form": form, "unit": program.unit, "heading": program.title},
    )


def dialogue_detail(request: HttpRequest, dialogue_id: int) -> HttpResponse:
    dialogue = get_or_404(
        request.user,
        Dialogue.objects.select_related("unit", "host", "conference"),
        pk=dialogue_id,
    )
    return render(
        request,
        "work/dialogue_detail.html",
        {"dialogue": dialogue, "history": history_of(dialogue)[:50]},
    )


@require_http_methods(["GET", "POST"])
def dialogue_edit(request: HttpRequest, dialogue_id: int) -> HttpResponse:
    dialogue = get_or_404(
        request.user,
        Dialogue.objects.select_related("unit", "conference"),
        pk=dialogue_id,
    )
    require(request.user, Action.CHANGE, dialogue.unit)
    form = DialogueForm(
        request.POST or None,
        initial=_initial(dialogue, DialogueForm),
        bodies=bodies_at_or_above(request.user, dialogue.unit),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            program_services.dialogue_update(
                dialogue=dialogue,
                expected_version=data["version"] or 0,
                **_without(data, "version"),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("work:dialogue_detail", dialogue_id=dialogue.pk)
    return render(
        request,
        "work/simple_form.html",
        {"form": form, "unit": dialogue.unit, "heading": dialogue.topic},
    )
