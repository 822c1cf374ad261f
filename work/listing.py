"""What every list of work records shares: filters, search and XLSX export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any, TypeVar

from django import forms
from django.db.models import Model, Q, QuerySet
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from org.breakdown import breakdown
from org.forms import DATE_WIDGET, UnitCodeField
from org.models import Unit
from vn.cells import write_only_row, xml_safe
from vn.text import fold

M = TypeVar("M", bound=Model)
Cell = str | int | Decimal | dt.date | None

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ListFilterForm(forms.Form):
    """Search, unit subtree and date range; subclasses add their own choices."""

    q = forms.CharField(
        label=_("Tìm kiếm"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    unit = UnitCodeField(
        label=_("Đơn vị (gồm cả đơn vị trực thuộc)"),
        required=False,
        active_only=False,
        date_field="date_from",
    )
    date_from = forms.DateField(label=_("Từ ngày"), required=False, widget=DATE_WIDGET)
    date_to = forms.DateField(label=_("Đến ngày"), required=False, widget=DATE_WIDGET)

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unit = self.fields["unit"]
        assert isinstance(unit, UnitCodeField)
        unit.units = units

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("Ngày kết thúc không được trước ngày bắt đầu."))
        return data


def filtered(
    queryset: QuerySet[M],
    data: dict[str, Any],
    *,
    date_field: str,
    unit_path: str = "unit__path",
    choices: Sequence[str] = (),
) -> QuerySet[M]:
    """Apply a valid ListFilterForm's data to ``queryset``.

    The search matches every word of the query, folded like the stored
    ``search_key`` (diacritics, case, Unicode form and tone placement
    ignored); a number also matches the record with that number.
    """
    for word in fold(data.get("q") or "").split():
        match = Q(search_key__contains=word)
        if word.isdigit() and len(word) <= 18:
            # A record's number (the "Số hiệu" lists show) finds it.
            match |= Q(pk=int(word))
        queryset = queryset.filter(match)
    unit: Unit | None = data.get("unit")
    if unit is not None and unit.is_active:
        # Today's unit: its records and those of the units that live on in it.
        queryset = queryset.filter(**{f"{unit_path}__startswith": unit.path})
    elif unit is not None:
        # A former unit: its records and those of its units of the time,
        # dated while they were under it.
        assert unit.valid_to is not None
        held = breakdown(unit, unit.valid_from or dt.date(1945, 1, 1), unit.valid_to)
        queryset = queryset.filter(
            held.records(date_field, unit_path.removesuffix("__path"))
        )
    if data.get("date_from"):
        queryset = queryset.filter(**{f"{date_field}__gte": data["date_from"]})
    if data.get("date_to"):
        queryset = queryset.filter(**{f"{date_field}__lte": data["date_to"]})
    for name in choices:
        value = data.get(name)
        if value not in (None, ""):
            queryset = queryset.filter(**{name: value})
    return queryset


def xlsx_response(
    *,
    filename: str,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Cell]],
) -> HttpResponse:
    """An XLSX file of ``rows`` under bold ``headers``, written row by row."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31])
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=xml_safe(str(header)))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append(write_only_row(sheet, list(row)))
    response = HttpResponse(content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    book.save(response)
    return response


def export_rows(
    queryset: QuerySet[M], row: Callable[[M], Sequence[Cell]]
) -> Iterable[Sequence[Cell]]:
    for obj in queryset.iterator(chunk_size=2000):
        yield row(obj)
