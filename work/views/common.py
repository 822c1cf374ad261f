"""The list page every kind of work record shares."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.scope import scoped
from danvan.web import over_rate, paginate
from danvan.workcontext import as_list_filters
from org.models import Unit
from work.listing import Cell, ListFilterForm, export_rows, xlsx_response


def list_page(
    request: HttpRequest,
    *,
    form_class: type[ListFilterForm],
    select: Callable[[Any, dict[str, Any]], QuerySet[Any]],
    template: str,
    partial: str,
    export: tuple[str, Sequence[str], Callable[[Any], Sequence[Cell]]],
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    """Filter, search, paginate; ``?xuat=xlsx`` exports every matching row."""
    form = form_class(
        as_list_filters(request.GET) if request.GET else None,
        units=scoped(request.user, Unit.objects.all()),
    )
    data = form.cleaned_data if form.is_valid() else {}
    records = select(request.user, data)
    if request.GET.get("xuat") == "xlsx":
        over_rate(request, "documents")
        filename, headers, row = export
        return xlsx_response(
            filename=filename,
            title=filename,
            headers=headers,
            rows=export_rows(records, row),
        )
    context = {"form": form, "page": paginate(request, records), **(extra or {})}
    if request.htmx and not request.htmx.boosted:  # type: ignore[attr-defined]
        return render(request, partial, context)
    return render(request, template, context)
