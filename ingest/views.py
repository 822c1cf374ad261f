"""Uploading articles and reports, and reviewing what was read from them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from accounts.models import User
from accounts.scope import Action, allows, get_or_404, require, scoped
from danvan.web import add_service_errors, paginate, rate_limited
from ingest.locate import propose_unit
from ingest.models import Document
from ingest.reading import MAX_BYTES, MAX_CHARS, ReadError
from ingest.review import FactsForm, highlighted
from ingest.services import (
    RowMatch,
    by_unit_matches,
    document_accept,
    document_queue,
    document_read,
)
from jobs.services import job_start
from org.forms import UnitCodeField
from org.models import Unit
from org.selectors import history_of


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (the pattern Django's documentation gives).
    Empty files pass here so that the reader refuses them with its message."""

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"multiple": True}))
        super().__init__(allow_empty_file=True, **kwargs)  # type: ignore[arg-type]

    def clean(self, data: object, initial: object = None) -> list[object]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class UploadForm(forms.Form):
    unit = UnitCodeField(
        label=gettext_lazy("Mã đơn vị ghi nhận"),
        active_only=False,
        help_text=gettext_lazy(
            "Đơn vị tổ chức sự kiện vào thời điểm đó; bài viết về một huyện, xã "
            "trước ngày 01/7/2025 ghi nhận cho chính đơn vị cũ."
        ),
    )
    documents = MultipleFileField(
        label=gettext_lazy("Tệp (TXT, HTML, DOCX, PDF; có thể chọn nhiều tệp)"),
        required=False,
    )
    text = forms.CharField(
        label=gettext_lazy("Hoặc dán nội dung bài viết"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=MAX_CHARS,
    )

    def __init__(self, *args: object, units: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["unit"]
        assert isinstance(field, UnitCodeField)
        field.units = units  # type: ignore[assignment]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        files = data.get("documents") or []
        if not files and not (data.get("text") or "").strip():
            raise forms.ValidationError(_("Hãy chọn tệp hoặc dán nội dung bài viết."))
        for upload in files:
            if upload.size and upload.size > MAX_BYTES:
                raise forms.ValidationError(
                    _("Tệp “%(name)s” quá lớn; chỉ nhận tệp đến %(mb)d MB.")
                    % {"name": upload.name, "mb": MAX_BYTES // 2**20}
                )
        data["uploads"] = files
        return data


@require_http_methods(["GET", "POST"])
@rate_limited("uploads", methods=("POST",))
def document_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    documents = scoped(user, Document.objects.select_related("unit")).defer(
        "text", "cleaned"
    )
    initial = {"unit": user.unit.code if isinstance(user, User) and user.unit else ""}
    form = UploadForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        units=scoped(user, Unit.objects.all()),
    )
    if request.method == "POST" and form.is_valid():
        unit = form.cleaned_data["unit"]
        require(user, Action.CHANGE, unit)
        assert isinstance(user, User)
        uploads = form.cleaned_data["uploads"]
        if len(uploads) > 1:
            ids = []
            for upload in uploads:
                document, _created = document_queue(
                    unit=unit, name=upload.name, data=upload.read(), by=user
                )
                ids.append(document.pk)
            job = job_start(
                kind="ingest-batch",
                title=_("Đọc %(n)d tệp") % {"n": len(ids)},
                unit=unit,
                by=user,
                params={"documents": ids},
            )
            return redirect("jobs:job_detail", job_id=job.pk)
        if uploads:
            name, data = uploads[0].name, uploads[0].read()
        else:
            name, data = _("văn bản dán vào"), form.cleaned_data["text"].encode("utf-8")
        try:
            document, created = document_read(unit=unit, name=name, data=data, by=user)
        except ReadError as exc:
            form.add_error("documents" if uploads else "text", str(exc))
        else:
            if not created:
                messages.info(
                    request, _("Tài liệu này đã được đọc trước đây; mở lại bản đã có.")
                )
            return redirect("ingest:document_review", document_id=document.pk)
    return render(
        request,
        "ingest/document_list.html",
        {"form": form, "page": paginate(request, documents)},
    )


@require_http_methods(["GET", "POST"])
def document_review(request: HttpRequest, document_id: int) -> HttpResponse:
    user = request.user
    document = get_or_404(
        user,
        Document.objects.select_related("unit", "conference__unit"),
        pk=document_id,
    )
    facts = document.accepted_facts or document.facts
    can_accept = (
        allows(user, Action.CHANGE, document.unit)
        and document.status == Document.Status.READ
    )
    initial = FactsForm.initial_from(facts) if facts else {}
    if document.conference is not None:
        initial["unit"] = document.conference.unit.ref
    form = FactsForm(
        request.POST or None,
        initial=initial or None,
        units=scoped(user, Unit.objects.all()),
    )
    if request.method == "POST":
        require(user, Action.CHANGE, document.unit)
        assert isinstance(user, User)
        if form.is_valid():
            unit = form.cleaned_data["unit"] or document.unit
            try:
                if not allows(user, Action.CHANGE, unit):
                    raise ValidationError(
                        {
                            "unit": _(
                                "Bạn không có quyền ghi nhận kết quả cho %(unit)s."
                            )
                            % {"unit": unit.name}
                        }
                    )
                conference = document_accept(
                    document=document, facts=form.facts(), by=user, unit=unit
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("Đã ghi nhận hội nghị và các kết quả từ bài viết cho %(unit)s.")
                    % {"unit": unit.name},
                )
                return redirect("work:conference_detail", conference_id=conference.pk)
    # The unit the article names, proposed only where the page is drawn
    # (an accepted save has redirected above).
    proposal = (
        propose_unit(user, facts, document.unit)
        if facts and document.conference is None
        else None
    )
    if proposal is not None:
        form.fields["unit"].help_text = proposal.reason
        form.initial.setdefault("unit", proposal.unit.ref)
    recorded_unit = (
        document.conference.unit
        if document.conference
        else (proposal.unit if proposal else document.unit)
    )
    return render(
        request,
        "ingest/document_review.html",
        {
            "document": document,
            "form": form,
            "proposal": proposal,
            "rows": _row_matches(recorded_unit, facts),
            "recorded_unit": recorded_unit,
            "text": highlighted(document.cleaned or document.text, facts)
            if facts
            else "",
            "can_accept": can_accept,
            "history": history_of(document)[:50],
        },
    )


def _row_matches(unit: Unit, facts: dict[str, Any]) -> list[RowMatch]:
    """Which unit each row of a report's table by unit goes to."""
    rows = ((facts or {}).get("initiatives") or {}).get("by_unit") or []
    review = ((facts or {}).get("event") or {}).get("review_period") or {}
    try:
        start = dt.date.fromisoformat(review.get("start") or "")
        end = dt.date.fromisoformat(review.get("end") or "")
    except ValueError:
        return []
    return by_unit_matches(unit, rows, start, end) if rows else []
