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
from org.selectors import bodies_at_or_above, history_of
from work import selectors
from work.forms import AwardFilterForm, AwardForm
from work.listing import Cell
from work.models import Award, AwardRecipient, Conference, Initiative
from work.services import awards as services
from work.views.common import list_page

EXPORT_HEADERS = [
    "Số hiệu",
    "Hình thức",
    "Cơ quan khen thưởng",
    "Ngày",
    "Số quyết định",
    "Đơn vị",
    "Số tập thể",
    "Số cá nhân",
    "Lý do",
    "Hội nghị",
]


def _row(award: Award) -> Sequence[Cell]:
    return [
        award.pk,
        award.form_label,
        award.issuer_label,
        award.date,
        award.decision,
        award.unit.name,
        award.collective_count,
        award.individual_count,
        award.reason,
        award.conference.title if award.conference else None,
    ]


def award_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        form_class=AwardFilterForm,
        select=selectors.award_list,
        template="work/award_list.html",
        partial="work/partials/award_results.html",
        export=("khen-thuong", EXPORT_HEADERS, _row),
    )


def award_detail(request: HttpRequest, award_id: int) -> HttpResponse:
    award = selectors.award_page(request.user, award_id)
    return render(
        request,
        "work/award_detail.html",
        {"award": award, "history": history_of(award)[:50]},
    )


def _linked(request: HttpRequest) -> tuple[Conference | None, Initiative | None]:
    """The conference (?hoi_nghi=) or initiative (?mo_hinh=) the award is linked to."""
    conference = initiative = None
    if request.GET.get("hoi_nghi", "").isdigit():
        conference = get_or_404(
            request.user, Conference.objects.all(), pk=int(request.GET["hoi_nghi"])
        )
    if request.GET.get("mo_hinh", "").isdigit():
        initiative = get_or_404(
            request.user, Initiative.objects.all(), pk=int(request.GET["mo_hinh"])
        )
    return conference, initiative


@require_http_methods(["GET", "POST"])
def award_create(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = get_or_404(request.user, Unit.objects.all(), pk=unit_id)
    require(request.user, Action.CHANGE, unit)
    conference, initiative = _linked(request)
    initial = {"date": conference.date} if conference else {}
    form = AwardForm(
        request.POST or None,
        initial=initial,
        bodies=bodies_at_or_above(request.user, unit),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        recipients = [
            services.Recipient(kind=AwardRecipient.Kind.COLLECTIVE, name=name)
            for name in AwardForm.names(data["collective_names"])
        ] + [
            services.Recipient(kind=AwardRecipient.Kind.INDIVIDUAL, name=name)
            for name in AwardForm.names(data["individual_names"])
        ]
        try:
            award = services.award_record(
                unit=unit,
                issuer=data["issuer"],
                issuer_name=data["issuer_name"],
                form=data["form"],
                form_other=data["form_other"],
                date=data["date"],
                decision=data["decision"],
                reason=data["reason"],
                collective_count=data["collective_count"],
                individual_count=data["individual_count"],
                recipients=recipients,
                conference=conference,
                initiative=initiative,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi nhận khen thưởng."))
            return redirect("work:award_detail", award_id=award.pk)
    return render(
        request,
        "work/award_form.html",
        {
            "form": form,
            "unit": unit,
            "conference": conference,
            "initiative": initiative,
        },
    )


@require_http_methods(["GET", "POST"])
def award_edit(request: HttpRequest, award_id: int) -> HttpResponse:
    award = get_or_404(
        request.user, Award.objects.select_related("unit", "conference"), pk=award_id
    )
    require(request.user, Action.CHANGE, award.unit)
    initial = {
        name: getattr(award, name)
        for name in AwardForm.base_fields
        if hasattr(award, name) and name != "issuer"
    }
    initial["issuer"] = award.issuer_id
    form = AwardForm(
        request.POST or None,
        initial=initial,
        bodies=bodies_at_or_above(request.user, award.unit),
    )
    form.fields["collective_names"].disabled = True
    form.fields["individual_names"].disabled = True
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.award_update(
                award=award,
                form=data["form"],
                date=data["date"],
                issuer=data["issuer"],
                issuer_name=data["issuer_name"],
                form_other=data["form_other"],
                collective_count=data["collective_count"],
                individual_count=data["individual_count"],
                reason=data["reason"],
                decision=data["decision"],
                expected_version=data["version"] or 0,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("work:award_detail", award_id=award.pk)
    return render(request, "work/award_form.html", {"form": form, "unit": award.unit})
