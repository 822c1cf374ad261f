from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.scope import Action, get_or_404, require, scoped
from danvan.formats.dates import parse_day
from danvan.web import add_service_errors, paginate, rate_limited
from org import selectors, services
from org.forms import (
    MERGE_NEW,
    BodyForm,
    BodyKindForm,
    EndPositionForm,
    PersonForm,
    PositionForm,
    ReorganizationForm,
    UnitSearchForm,
)
from org.models import Body, Person, Position, Reorganization, Unit


@rate_limited("search")
def unit_search(request: HttpRequest) -> HttpResponse:
    form = UnitSearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    page = paginate(request, selectors.unit_search(request.user, query), per_page=20)
    context = {"form": form, "page": page, "query": query}
    if request.htmx and not request.htmx.boosted:  # type: ignore[attr-defined]
        return render(request, "org/partials/unit_results.html", context)
    return render(request, "org/unit_search.html", context)


_PICKER_TARGET = re.compile(r"^[A-Za-z0-9_-]{1,60}$")


@require_GET
def unit_picker(request: HttpRequest) -> HttpResponse:
    """Search results for the unit picker of a form (an htmx partial)."""
    # The picker's search box is named unit_q so that it never collides with a
    # search field of the form it sits in.
    form = UnitSearchForm({"q": request.GET.get("unit_q", "")})
    query = form.cleaned_data["q"] if form.is_valid() else ""
    target = request.GET.get("target", "")
    date_field = request.GET.get("date_field", "")
    if not _PICKER_TARGET.match(target) or (
        date_field and not _PICKER_TARGET.match(date_field)
    ):
        return HttpResponseBadRequest(_("Yêu cầu không hợp lệ."))
    day = _day(request.GET.get(date_field, "")) if date_field else None
    former = request.GET.get("former") == "1"
    units = (
        selectors.unit_choices(request.user, query, former=former, day=day)
        if query.strip()
        else []
    )
    return render(
        request,
        "org/partials/unit_picker_results.html",
        {"units": units, "target": target, "query": query, "day": day},
    )


def _day(text: str) -> dt.date | None:
    return parse_day(text)


def unit_detail(request: HttpRequest, unit_id: int) -> HttpResponse:
    page = selectors.unit_page(request.user, unit_id)
    return render(request, "org/unit_detail.html", {"page": page, "unit": page.unit})


@require_http_methods(["GET", "POST"])
def body_create(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = get_or_404(request.user, Unit.objects.all(), pk=unit_id)
    require(request.user, Action.CHANGE, unit)
    form = BodyForm(request.POST or None, kinds=selectors.body_kinds_for(unit))
    if request.method == "POST" and form.is_valid():
        try:
            body = services.body_create(
                unit=unit,
                kind=form.cleaned_data["kind"],
                name=form.cleaned_data["name"],
                short_name=form.cleaned_data["short_name"],
                valid_from=form.cleaned_data["valid_from"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("Đã thêm cơ quan “%(name)s”.") % {"name": body.name}
            )
            return redirect("org:body_detail", body_id=body.pk)
    return render(request, "org/body_form.html", {"form": form, "unit": unit})


@require_http_methods(["GET", "POST"])
def body_kinds(request: HttpRequest, unit_id: int) -> HttpResponse:
    """The body kinds usable at a unit; its administrators may add their own."""
    unit = get_or_404(request.user, Unit.objects.all(), pk=unit_id)
    require(request.user, Action.VIEW, unit)
    form = BodyKindForm(request.POST or None)
    if request.method == "POST":
        require(request.user, Action.ADMINISTER, unit)
        if form.is_valid():
            try:
                kind = services.body_kind_create(owner=unit, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("Đã thêm loại cơ quan “%(name)s”.") % {"name": kind.label},
                )
                return redirect("org:body_kinds", unit_id=unit.pk)
    return render(
        request,
        "org/body_kinds.html",
        {"unit": unit, "kinds": selectors.body_kinds_for(unit), "form": form},
    )


def body_detail(request: HttpRequest, body_id: int) -> HttpResponse:
    body, positions = selectors.body_page(request.user, body_id)
    return render(
        request,
        "org/body_detail.html",
        {
            "body": body,
            "positions": positions,
            "history": selectors.history_of(body)[:50],
        },
    )


@require_http_methods(["GET", "POST"])
def body_edit(request: HttpRequest, body_id: int) -> HttpResponse:
    body = get_or_404(request.user, Body.objects.select_related("unit"), pk=body_id)
    require(request.user, Action.CHANGE, body.unit)
    form = BodyForm(
        request.POST or None, instance=body, kinds=selectors.body_kinds_for(body.unit)
    )
    if request.method == "POST" and form.is_valid():
        try:
            data = dict(form.cleaned_data)
            services.body_update(
                body=body, expected_version=data.pop("version"), **data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("org:body_detail", body_id=body.pk)
    return render(
        request, "org/body_form.html", {"form": form, "unit": body.unit, "body": body}
    )


@require_http_methods(["GET", "POST"])
def person_create(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = get_or_404(request.user, Unit.objects.all(), pk=unit_id)
    require(request.user, Action.CHANGE, unit)
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.person_create(home_unit=unit, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("Đã thêm cán bộ %(name)s.") % {"name": person.full_name}
            )
            return redirect("org:person_detail", person_id=person.pk)
    return render(request, "org/person_form.html", {"form": form, "unit": unit})


def person_detail(request: HttpRequest, person_id: int) -> HttpResponse:
    person, positions = selectors.person_page(request.user, person_id)
    return render(
        request,
        "org/person_detail.html",
        {
            "person": person,
            "positions": positions,
            "history": selectors.history_of(person)[:50],
        },
    )


@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_or_404(
        request.user, Person.objects.select_related("home_unit"), pk=person_id
    )
    require(request.user, Action.CHANGE, person.home_unit)
    form = PersonForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        try:
            data = dict(form.cleaned_data)
            services.person_update(
                person=person, expected_version=data.pop("version"), **data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("org:person_detail", person_id=person.pk)
    return render(
        request,
        "org/person_form.html",
        {"form": form, "unit": person.home_unit, "person": person},
    )


@require_http_methods(["GET", "POST"])
def position_create(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_or_404(
        request.user, Person.objects.select_related("home_unit"), pk=person_id
    )
    require(request.user, Action.CHANGE, person.home_unit)
    form = PositionForm(
        request.POST or None,
        bodies=selectors.bodies_at_or_above(request.user, person.home_unit),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.position_assign(person=person, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã thêm chức vụ."))
            return redirect("org:person_detail", person_id=person.pk)
    return render(request, "org/position_form.html", {"form": form, "person": person})


@require_POST
def position_end(request: HttpRequest, position_id: int) -> HttpResponse:
    position = get_or_404(
        request.user,
        Position.objects.select_related("person", "body__unit"),
        pk=position_id,
    )
    require(request.user, Action.CHANGE, position.body.unit)
    form = EndPositionForm(request.POST)
    if form.is_valid():
        try:
            services.position_end(
                position=position,
                end_date=form.cleaned_data["end_date"],
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Đã ghi nhận ngày kết thúc chức vụ."))
    else:
        messages.error(request, _("Ngày kết thúc không hợp lệ."))
    return redirect("org:person_detail", person_id=position.person_id)


@require_http_methods(["GET", "POST"])
def reorganization_create(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = get_or_404(request.user, Unit.objects.select_related("kind"), pk=unit_id)
    require(request.user, Action.ADMINISTER, unit)
    form = ReorganizationForm(
        request.POST or None,
        units=scoped(request.user, Unit.objects.all()),
        initial={"version": unit.version},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        common = {
            "effective_date": data["effective_date"],
            "decision": data["decision"],
            "note": data["note"],
        }
        try:
            reorg = _reorganize(unit, data, common)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi nhận việc sắp xếp đơn vị."))
            return redirect("org:reorganization_detail", reorg_id=reorg.pk)
    return render(request, "org/reorganization_form.html", {"form": form, "unit": unit})


@transaction.atomic
def _reorganize(
    unit: Unit, data: dict[str, Any], common: dict[str, Any]
) -> Reorganization:
    """The reorganization the form asks for, refused when ``unit`` was
    reorganized since the form was opened."""
    services.unit_claim(unit, data["version"])
    kind = data["kind"]
    if kind == Reorganization.Kind.RENAME:
        return services.reorganization_rename(
            unit=unit,
            name=data["new_name"],
            short_name=data["new_short_name"],
            **common,
        )
    if kind == Reorganization.Kind.REPARENT:
        return services.reorganization_reparent(
            unit=unit, new_parent=data["target"], **common
        )
    if kind == Reorganization.Kind.MERGE:
        return services.reorganization_merge(
            predecessors=[unit], successor=data["target"], **common
        )
    if kind == MERGE_NEW:
        return services.reorganization_merge(
            predecessors=[unit, *data["others"]],
            successor=data["new_units"][0],
            **common,
        )
    if kind == Reorganization.Kind.SPLIT:
        return services.reorganization_split(
            predecessor=unit, successors=data["new_units"], primary=0, **common
        )
    return services.reorganization_dissolve(unit=unit, into=data["target"], **common)


def reorganization_detail(request: HttpRequest, reorg_id: int) -> HttpResponse:
    reorg, links = selectors.reorganization_page(request.user, reorg_id)
    return render(
        request,
        "org/reorganization_detail.html",
        {"reorg": reorg, "links": links, "history": selectors.history_of(reorg)[:50]},
    )
