from __future__ import annotations

from collections.abc import Sequence

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.scope import Action, get_or_404, require, scoped
from danvan.web import add_service_errors
from org.models import Unit
from org.selectors import bodies_at_or_above, history_of, people_at_or_above
from work import selectors
from work.forms import AttachmentForm, InitiativeFilterForm, InitiativeForm, StepForm
from work.listing import Cell
from work.models import Attachment, Initiative
from work.services import initiatives as services
from work.views.common import list_page

EXPORT_HEADERS = [
    "Số hiệu",
    "Tên mô hình, điển hình",
    "Loại",
    "Lĩnh vực",
    "Đơn vị",
    "Chủ thể",
    "Tập thể / cá nhân",
    "Ngày đăng ký",
    "Mới / nhân rộng",
    "Nhân rộng từ",
    "Trạng thái",
]


def _row(initiative: Initiative) -> Sequence[Cell]:
    return [
        initiative.pk,
        initiative.name,
        initiative.get_kind_display(),
        initiative.field.label,
        initiative.unit.name,
        initiative.holder_label,
        initiative.get_holder_kind_display(),
        initiative.registered_on,
        initiative.get_origin_display(),
        initiative.replicates.name if initiative.replicates else None,
        initiative.get_status_display(),
    ]


def initiative_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        form_class=InitiativeFilterForm,
        select=selectors.initiative_list,
        template="work/initiative_list.html",
        partial="work/partials/initiative_results.html",
        export=("mo-hinh-dan-van-kheo", EXPORT_HEADERS, _row),
    )


def initiative_detail(request: HttpRequest, initiative_id: int) -> HttpResponse:
    initiative = selectors.initiative_page(request.user, initiative_id)
    step_form = StepForm(
        initial={"version": initiative.version},
        bodies=bodies_at_or_above(request.user, initiative.unit),
    )
    return render(
        request,
        "work/initiative_detail.html",
        {
            "initiative": initiative,
            "replicas": selectors.replicas_in_scope(request.user, initiative),
            "step_form": step_form,
            "attachment_form": AttachmentForm(),
            "history": history_of(initiative)[:50],
        },
    )


def _form(request: HttpRequest, unit: Unit, **kwargs: object) -> InitiativeForm:
    return InitiativeForm(
        request.POST or None,
        fields=selectors.fields_for(unit),
        bodies=bodies_at_or_above(request.user, unit),
        people=people_at_or_above(request.user, unit),
        initiatives=scoped(request.user, Initiative.objects.all()),
        **kwargs,
    )


def _data(unit: Unit, form: InitiativeForm) -> services.InitiativeData:
    data = dict(form.cleaned_data)
    data.pop("version", None)
    return services.InitiativeData(unit=unit, **data)


@require_http_methods(["GET", "POST"])
def initiative_create(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = get_or_404(request.user, Unit.objects.all(), pk=unit_id)
    require(request.user, Action.CHANGE, unit)
    form = _form(request, unit)
    if request.method == "POST" and form.is_valid():
        try:
            initiative = services.initiative_register(data=_data(unit, form))
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("Đã đăng ký mô hình “%(name)s”.") % {"name": initiative}
            )
            return redirect("work:initiative_detail", initiative_id=initiative.pk)
    return render(request, "work/initiative_form.html", {"form": form, "unit": unit})


@require_http_methods(["GET", "POST"])
def initiative_edit(request: HttpRequest, initiative_id: int) -> HttpResponse:
    initiative = get_or_404(
        request.user, Initiative.objects.select_related("unit"), pk=initiative_id
    )
    require(request.user, Action.CHANGE, initiative.unit)
    initial = {
        name: getattr(initiative, name)
        for name in InitiativeForm.base_fields
        if name not in {"replicates", "field", "holder_body", "holder_person"}
    }
    initial.update(
        field=initiative.field_id,
        holder_body=initiative.holder_body_id,
        holder_person=initiative.holder_person_id,
        replicates=initiative.replicates_id,
    )
    form = _form(request, initiative.unit, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.initiative_update(
                initiative=initiative,
                data=_data(initiative.unit, form),
                expected_version=form.cleaned_data["version"] or 0,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("work:initiative_detail", initiative_id=initiative.pk)
    return render(
        request,
        "work/initiative_form.html",
        {"form": form, "unit": initiative.unit, "initiative": initiative},
    )


@require_POST
def initiative_advance(request: HttpRequest, initiative_id: int) -> HttpResponse:
    initiative = get_or_404(
        request.user, Initiative.objects.select_related("unit"), pk=initiative_id
    )
    require(request.user, Action.CHANGE, initiative.unit)
    form = StepForm(
        request.POST, bodies=bodies_at_or_above(request.user, initiative.unit)
    )
    if form.is_valid():
        try:
            services.initiative_advance(
                initiative=initiative,
                status=form.cleaned_data["status"],
                date=form.cleaned_data["date"],
                decided_by=form.cleaned_data["decided_by"],
                note=form.cleaned_data["note"],
                expected_version=form.cleaned_data["version"] or 0,
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Đã ghi nhận bước mới của mô hình."))
    else:
        for text in form.errors.as_data().values():
            for error in text:
                messages.error(request, " ".join(error.messages))
    return redirect("work:initiative_detail", initiative_id=initiative.pk)


@require_POST
def attachment_upload(request: HttpRequest, initiative_id: int) -> HttpResponse:
    initiative = get_or_404(
        request.user, Initiative.objects.select_related("unit"), pk=initiative_id
    )
    require(request.user, Action.CHANGE, initiative.unit)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attachment_add(
                initiative=initiative,
                upload=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Đã đính kèm tệp."))
    else:
        messages.error(request, _("Hãy chọn tệp để tải lên."))
    return redirect("work:initiative_detail", initiative_id=initiative.pk)


def attachment_download(request: HttpRequest, attachment_id: int) -> FileResponse:
    attachment = get_or_404(request.user, Attachment.objects.all(), pk=attachment_id)
    return FileResponse(
        attachment.file.open("rb"),
        content_type=attachment.content_type,
        as_attachment=attachment.content_type == "application/pdf",
        filename=(attachment.file.name or "tep").rsplit("/", 1)[-1],
    )
