"""The report's figures as XLSX: one sheet per table that has rows.

Every number is a number with a number format (thousands, percent, signed
increases), every date a date; sheet names are cut at a word boundary and
unique. Nothing is written as text that a spreadsheet should compute with.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from danvan.i18n import in_vietnamese
from reports.figures import Figures, Table, figures_now
from reports.models import Report
from vn.cells import append_row
from vn.prose import capitalize

DATE_FORMAT = "DD/MM/YYYY"
WHOLE = "#,##0"
DECIMAL = "#,##0.00"
PERCENT = "0.00%"
SIGNED = "+#,##0;-#,##0;0"
_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_name(title: str, used: set[str]) -> str:
    """At most 31 characters, cut after a whole word, unique in the book."""
    clean = _FORBIDDEN.sub("-", title).strip()
    name = clean
    if len(name) > 31:
        cut = clean[:31]
        name = cut[: cut.rfind(" ")] if " " in cut else cut
        name = name.rstrip(" ,;–-")
    candidate, number = name, 2
    while candidate.lower() in {u.lower() for u in used}:
        suffix = f" ({number})"
        candidate = name[: 31 - len(suffix)].rstrip() + suffix
        number += 1
    used.add(candidate)
    return candidate


def _number_format(table: Table, column: int, value: Any) -> str | None:
    if column in table.percent_columns:
        return PERCENT
    if column in table.signed_columns:
        return SIGNED
    if isinstance(value, int):
        return WHOLE
    if isinstance(value, Decimal):
        return WHOLE if value == value.to_integral_value() else DECIMAL
    return None


def _value(table: Table, column: int, value: Any) -> Any:
    if isinstance(value, Decimal):
        number = float(value)
        return number / 100 if column in table.percent_columns else number
    return value


@in_vietnamese
def report_xlsx(report: Report, *, figures: Figures | None = None) -> bytes:
    figures = figures or figures_now(report.unit, report.period.value)
    workbook = Workbook()
    used: set[str] = set()
    summary = workbook.active
    assert summary is not None
    summary.title = sheet_name("Thông tin", used)
    info: list[list[Any]] = [
        ["Báo cáo", capitalize(report.subject.strip())],
        ["Đơn vị", report.unit.name],
        ["Kỳ báo cáo", report.period.value.label],
        ["Từ ngày", report.period.start],
        ["Đến ngày", report.period.end],
        ["Trạng thái", report.get_status_display()],
    ]
    for line in info:
        append_row(summary, line)
    for (cell,) in summary.iter_rows(min_col=2, max_col=2):
        if isinstance(cell.value, dt.date):
            cell.number_format = DATE_FORMAT
    summary.column_dimensions["A"].width = 16
    summary.column_dimensions["B"].width = 80
    for table in figures.tables:
        if not table.rows:
            continue
        sheet = workbook.create_sheet(sheet_name(table.title, used))
        append_row(sheet, [table.title])
        sheet["A1"].font = Font(bold=True)
        append_row(sheet, list(table.header))
        for cell in sheet[2]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in table.rows:
            cells = append_row(sheet, [_value(table, i, v) for i, v in enumerate(row)])
            for i, (cell, value) in enumerate(zip(cells, row, strict=True)):
                number_format = _number_format(table, i, value)
                if number_format and value is not None:
                    cell.number_format = number_format
                if row[0] == "Tổng số":
                    cell.font = Font(bold=True)
        sheet.column_dimensions["A"].width = 42
        for letter in "BCDEFGHIJ"[: len(table.header) - 1]:
            sheet.column_dimensions[letter].width = 14
        sheet.freeze_panes = "B3"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
