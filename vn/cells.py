"""Values safe to write into an XML document (XLSX, DOCX) and to open.

- Characters XML cannot hold (C0 controls other than tab, line feed and
  carriage return) are removed: one stray "\\x0b" in a title must not break
  an export for everyone above.
- In a spreadsheet, text that starts like a formula ("=", "+", "-", "@",
  tab, carriage return) came from a user: it is written as text, never as a
  formula (formula injection, OWASP "CSV injection").
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.cell import Cell, MergedCell, WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold."""
    return XML_UNSAFE.sub("", text)


def looks_like_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(_FORMULA_START)


def sheet_value(value: Any) -> Any:
    """A value for a spreadsheet cell: strings made XML-safe; others as they are."""
    return xml_safe(value) if isinstance(value, str) else value


def write_only_row(sheet: WriteOnlyWorksheet, values: list[Any]) -> list[Any]:
    """A row for a write-only sheet, with formula-like text kept as text."""
    row: list[Any] = []
    for value in values:
        if isinstance(value, Cell):  # a cell made by the caller (bold header)
            if isinstance(value.value, str):
                text = value.value
                value.value = xml_safe(text)
                if looks_like_formula(text):
                    value.data_type = "s"
            row.append(value)
            continue
        value = sheet_value(value)
        if looks_like_formula(value):
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            row.append(cell)
        else:
            row.append(value)
    return row


def append_row(sheet: Worksheet, values: list[Any]) -> tuple[Cell | MergedCell, ...]:
    """Append to an ordinary sheet, with formula-like text kept as text."""
    sheet.append([sheet_value(v) for v in values])
    cells = tuple(sheet[sheet.max_row])
    for cell, value in zip(cells, values, strict=False):
        if looks_like_formula(value):
            cell.value = sheet_value(value)
            cell.data_type = "s"
    return cells
