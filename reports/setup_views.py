"""Pages that set up how reports are written: the outline ("Đề cương báo
cáo") per level, and the provinces' own DOCX templates ("Mẫu văn bản")."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import User
from accounts.scope import Action, allows, get_or_404, require, scoped
from danvan.versioning import StaleEditError, stale_message
from danvan.web import add_service_errors
from org.forms import UnitCodeField
from org.models import Level, Unit
from reports.documents import DOCX_TYPE
from reports.documents.templates import starting_template
from reports.models import OutlineSection, ReportTemplate
from reports.services import (
    ensure_outline_unchanged,
    outline_copy_for_level,
    outline_fingerprint,
    outline_section_add,
    outline_section_remove,
    outline_section_save,
    report_template_upload,
    report_template_use,
)


class OutlineSectionForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Tiêu đề"), max_length=300)
    prompt = forms.CharField(
        label=gettext_lazy("Gợi ý cho người viết"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    order = forms.IntegerField(label=gettext_lazy("Thứ tự"), min_value=1)
    required = forms.BooleanField(
        label=gettext_lazy("Bắt buộc trước khi trình"), required=False
    )


class OutlineAddForm(forms.Form):
    parent = forms.ModelChoiceField(
        label=gettext_lazy("Thuộc phần"),
        queryset=OutlineSection.objects.none(),
        required=False,
        empty_label=gettext_lazy("— một phần mới (I, II, …) —"),
    )
    key = forms.SlugField(label=gettext_lazy("Mã"), max_length=40)
    title = forms.CharField(label=gettext_lazy("Tiêu đề"), max_length=300)
    prompt = forms.CharField(
        label=gettext_lazy("Gợi ý cho người viết"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, parts: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = parts  # type: ignore[attr-defined]


def _may_edit_outline(user: Any) -> bool:
    top = Unit.objects.filter(depth=1).order_by("path").first()
    return top is not None and allows(user, Action.ADMINISTER, top)


@require_http_methods(["GET", "POST"])
def outline_edit(request: HttpRequest) -> HttpResponse:
    """The outline of reports: the default one, or a level's own. Everyone
    signed in may read it; an administrator of the top unit changes it."""
    level_code = request.GET.get("cap", "")
    level = Level.objects.filter(code=level_code).first() if level_code else None
    sections = list(
        OutlineSection.objects.filter(level=level)
        .select_related("parent")
        .order_by("order")
    )
    user = request.user
    may_edit = _may_edit_outline(user)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        assert isinstance(user, User)
        try:
            _outline_change(request, user, level, sections)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Đã lưu đề cương."))
        return redirect(f"{reverse('reports:outline')}?cap={level_code}")
    forms_by_section = [
        (
            section,
            OutlineSectionForm(
                prefix=f"s{section.pk}",
                initial={
                    "title": section.title,
                    "prompt": section.prompt,
                    "order": section.order,
                    "required": section.required,
                },
            ),
        )
        for section in sections
    ]
    parts = OutlineSection.objects.filter(level=level, parent__isnull=True)
    return render(
        request,
        "reports/outline.html",
        {
            "level": level,
            "levels": Level.objects.exclude(code="trung-uong").order_by("rank"),
            "sections": forms_by_section,
            "add_form": OutlineAddForm(prefix="them", parts=parts),
            "may_edit": may_edit,
            "fingerprint": outline_fingerprint(level),
        },
    )


def _outline_change(
    request: HttpRequest,
    user: User,
    level: Level | None,
    sections: list[OutlineSection],
) -> None:
    action = request.POST.get("action", "")
    if action == "copy" and level is not None:
        outline_copy_for_level(level=level, by=user)
        return
    if action.startswith("remove-"):
        section = get_object_or_404(
            OutlineSection, pk=action.removeprefix("remove-"), level=level
        )
        outline_section_remove(section=section, by=user)
        return
    if action == "add":
        parts = OutlineSection.objects.filter(level=level, parent__isnull=True)
        added = OutlineAddForm(request.POST, prefix="them", parts=parts)
        if not added.is_valid():
            raise ValidationError(_errors(added))
        outline_section_add(level=level, by=user, **added.cleaned_data)
        return
    with transaction.atomic():
        ensure_outline_unchanged(level, request.POST.get("ban_de_cuong", ""))
        for section in sections:
            form = OutlineSectionForm(request.POST, prefix=f"s{section.pk}")
            if not form.is_valid():
                raise ValidationError(
                    _("“%(title)s”: %(errors)s")
                    % {
                        "title": section.title,
                        "errors": "; ".join(_errors(form)),
                    }
                )
            outline_section_save(section=section, by=user, **form.cleaned_data)


def _errors(form: forms.Form) -> list[str]:
    return [str(e) for errors in form.errors.values() for e in errors]


class TemplateForm(forms.Form):
    unit = UnitCodeField(label=gettext_lazy("Đơn vị dùng mẫu (gồm đơn vị trực thuộc)"))
    name = forms.CharField(label=gettext_lazy("Tên mẫu"), max_length=200)
    file = forms.FileField(
        label=gettext_lazy("Tệp mẫu DOCX"),
        widget=forms.ClearableFileInput(attrs={"accept": ".docx"}),
    )

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["unit"]
        assert isinstance(field, UnitCodeField)
        field.units = units


@require_http_methods(["GET", "POST"])
def template_list(request: HttpRequest) -> HttpResponse:
    """The provinces' own templates in the user's scope, and the upload."""
    user = request.user
    form = TemplateForm(
        request.POST or None,
        request.FILES or None,
        units=scoped(user, Unit.objects.all()),
    )
    if request.method == "POST" and form.is_valid():
        unit = form.cleaned_data["unit"]
        require(user, Action.ADMINISTER, unit)
        assert isinstance(user, User)
        upload = form.cleaned_data["file"]
        try:
            report_template_upload(
                owner=unit,
                name=form.cleaned_data["name"],
                data=upload.read(),
                file_name=upload.name or "mau.docx",
                by=user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu mẫu văn bản."))
            return redirect("reports:templates")
    templates = scoped(user, ReportTemplate.objects.select_related("owner"))
    return render(
        request,
        "reports/templates.html",
        {"form": form, "templates": templates},
    )


@require_POST
def template_use(request: HttpRequest, template_id: int) -> HttpResponse:
    template = get_or_404(
        request.user, ReportTemplate.objects.select_related("owner"), pk=template_id
    )
    require(request.user, Action.ADMINISTER, template.owner)
    user = request.user
    assert isinstance(user, User)
    # The page's button carries the version it was shown with; without one
    # (an old page, a hand-made request) nothing is decided.
    version = request.POST.get("version", "")
    try:
        if not version.isdigit():
            raise StaleEditError(stale_message())
        report_template_use(
            template=template,
            in_use=request.POST.get("in_use") == "1",
            by=user,
            expected_version=int(version),
        )
    except StaleEditError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("Đã cập nhật mẫu văn bản."))
    return redirect("reports:templates")


@require_GET
def template_start(request: HttpRequest) -> HttpResponse:
    """A DOCX to start a province's template from, with its placeholders."""
    response = HttpResponse(starting_template(), content_type=DOCX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="mau-bao-cao.docx"'
    return response
