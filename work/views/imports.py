from __future__ import annotations

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from accounts.models import User
from accounts.scope import Action, require
from danvan.web import rate_limited
from work.imports import (
    KINDS,
    ImportFileError,
    ImportKind,
    run_import,
    template_workbook,
)
from work.listing import XLSX_TYPE


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp Excel (.xlsx, tối đa 5 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )


def _kind(slug: str) -> ImportKind:
    if slug not in KINDS:
        raise Http404
    return KINDS[slug]


def _own_unit_editor(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User) or user.unit is None:
        raise Http404
    require(user, Action.CHANGE, user.unit)
    return user


@require_http_methods(["GET", "POST"])
@rate_limited("uploads", methods=("POST",))
def import_page(request: HttpRequest, kind: str) -> HttpResponse:
    spec = _kind(kind)
    user = _own_unit_editor(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = run_import(kind=spec, upload=upload, size=upload.size, user=user)
        except ImportFileError as exc:
            form.add_error("file", str(exc))
    return render(
        request, "work/import.html", {"spec": spec, "form": form, "result": result}
    )


def import_template(request: HttpRequest, kind: str) -> HttpResponse:
    spec = _kind(kind)
    _own_unit_editor(request)
    response = HttpResponse(template_workbook(spec), content_type=XLSX_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="mau-nhap-{spec.slug}.xlsx"'
    )
    return response
