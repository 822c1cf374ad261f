"""Figures from the tables of reports: models by field and by unit, awards
by form, results by indicator.

A report states in a table what an article states in a sentence. Each table
is read by its header: the columns are recognised by their words ("Đơn vị",
"Kinh tế", "Tổng số", "Tập thể", "Đơn vị tính", "Kết quả"), and the table's
kind follows from the columns it has. A table whose header is not
recognised (the two-column header of the report itself, a signature block)
gives nothing.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from ingest.facts import FIELDS
from vn.numbers import parse_number
from vn.text import fold, nfc

Table = list[list[str]]
Facts = dict[str, Any]

# Column roles by the folded words of the header, the first that matches.
_ROLES: tuple[tuple[str, str], ...] = (
    (r"^(?:s?tt|so tt)$", "index"),
    (r"don vi tinh|^dvt$", "measure"),
    (r"kinh te", "economy"),
    (r"van hoa", "culture_society"),
    (r"quoc phong|an ninh", "defense_security"),
    (r"he thong chinh tri|xay dung dang", "political_system"),
    (r"nhan rong", "replicated"),
    (r"tieu bieu|duoc cong nhan", "recognized"),
    (r"\bmoi\b", "new"),
    (r"tap the", "collectives"),
    (r"ca nhan", "individuals"),
    (r"hinh thuc", "award"),
    (r"linh vuc", "field"),
    (r"mo hinh", "count"),
    (r"^(?:tong|cong|tong so|tong cong)$", "total"),
    (r"don vi|xa,? phuong|co quan|dia phuong|dia ban|^huyen|^xa$", "unit"),
    (r"noi dung|chi tieu|ten chi tieu|hang muc", "label"),
    (r"ket qua|so luong|thuc hien|gia tri|so lieu", "value"),
)
# The row that totals the others: "Tổng cộng", "Cộng", "Toàn huyện".
_TOTAL_ROW = re.compile(r"^(?:tong|cong|toan (?:huyen|tinh|xa|phuong|thanh pho|quan))")
_FIELD_NAMES = (
    ("kinh te", "economy"),
    ("van hoa", "culture_society"),
    ("quoc phong", "defense_security"),
    ("an ninh", "defense_security"),
    ("he thong chinh tri", "political_system"),
    ("xay dung dang", "political_system"),
)
_MONEY = {"dong": 1, "nghin dong": 1_000, "trieu dong": 10**6, "ty dong": 10**9}


def _role(header: str) -> str | None:
    key = fold(header)
    for pattern, role in _ROLES:
        if re.search(pattern, key):
            return role
    return None


def _number(cell: str) -> Decimal | None:
    text = cell.strip()
    if not text or not re.fullmatch(r"[\d.,\s]+", text):
        return None
    return parse_number(text)


def _int(value: Decimal | None) -> int | None:
    return int(value) if value is not None else None


def _rows(table: Table) -> tuple[list[str], list[list[str]]] | None:
    """The header (a two-row header joined column by column) and the body."""
    rows = [
        [" ".join(nfc(cell or "").split()) for cell in row]
        for row in table
        if any((cell or "").strip() for cell in row)
    ]
    if len(rows) < 2:
        return None
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    header, body = rows[0], rows[1:]
    if body and not any(_number(c) is not None for c in body[0]):
        header = [f"{a} {b}".strip() for a, b in zip(header, body[0], strict=True)]
        body = body[1:]
    if any(_number(cell) is not None for cell in header) or not body:
        return None
    return header, body


def read(table: Table) -> Facts:
    """What one table states, as parts of the facts (empty when nothing)."""
    parsed = _rows(table)
    if parsed is None:
        return {}
    header, body = parsed
    roles = [_role(cell) for cell in header]
    column = {role: i for i, role in reversed(list(enumerate(roles))) if role}
    fields = [f for f in FIELDS if f in column]
    if "unit" in column and len(fields) >= 2:
        return _by_unit(body, column, fields)
    if "field" in column or _names_fields(body, column):
        return _by_field(body, column)
    if "award" in column and ("collectives" in column or "individuals" in column):
        return {"awards": _awards(body, column)}
    if "label" in column and "value" in column:
        return {"indicators": _indicators(body, column)}
    return {}


def _name_column(column: dict[str, int]) -> int:
    return column.get("unit", column.get("field", column.get("label", 0)))


def _names_fields(body: list[list[str]], column: dict[str, int]) -> bool:
    """A table without a "Lĩnh vực" column whose rows are the four fields."""
    names = [fold(row[_name_column(column)]) for row in body]
    return sum(any(k in n for k, _ in _FIELD_NAMES) for n in names) >= 3


def _by_unit(body: list[list[str]], column: dict[str, int], fields: list[str]) -> Facts:
    rows: list[dict[str, Any]] = []
    stated_total: dict[str, Any] | None = None
    for row in body:
        name = row[column["unit"]]
        values = {f: _int(_number(row[column[f]])) for f in fields}
        total = _int(_number(row[column["total"]])) if "total" in column else None
        if total is None and all(v is not None for v in values.values()):
            total = sum(v for v in values.values() if v is not None)
        item = {"unit": name, "total": total, **dict.fromkeys(FIELDS), **values}
        if _TOTAL_ROW.match(fold(name)) or (not name and stated_total is None):
            stated_total = item
        elif name:
            rows.append(item)
    totals = stated_total or {
        key: sum(r[key] or 0 for r in rows) for key in ("total", *fields)
    }
    return {
        "by_unit": rows,
        "total": totals.get("total"),
        "by_field": {f: totals.get(f) for f in fields},
    }


def _by_field(body: list[list[str]], column: dict[str, int]) -> Facts:
    name_at = _name_column(column)
    count_at = column.get("count", column.get("value", column.get("total")))
    if count_at is None:
        numeric = [i for i in range(len(body[0])) if _number(body[0][i]) is not None]
        if not numeric:
            return {}
        count_at = numeric[0]
    by_field: dict[str, int | None] = {}
    total = new = None
    new_sum = 0
    for row in body:
        name = fold(row[name_at])
        count = _int(_number(row[count_at]))
        fresh = _int(_number(row[column["new"]])) if "new" in column else None
        if _TOTAL_ROW.match(name):
            total, new = count, fresh
            continue
        field = next((f for k, f in _FIELD_NAMES if k in name), None)
        if field is not None and field not in by_field:
            by_field[field] = count
            new_sum += fresh or 0
    if not by_field:
        return {}
    if new is None and "new" in column:
        new = new_sum
    found: Facts = {"by_field": by_field, "total": total}
    if total is None and all(v is not None for v in by_field.values()):
        found["total"] = sum(v for v in by_field.values() if v is not None)
    if new is not None:
        found["new"] = new
    return found


def _awards(body: list[list[str]], column: dict[str, int]) -> list[dict[str, Any]]:
    found = []
    for row in body:
        text = row[column["award"]]
        if not text or _TOTAL_ROW.match(fold(text)):
            continue
        form, _of, issuer = text.partition(" của ")
        collectives = (
            _int(_number(row[column["collectives"]]))
            if "collectives" in column
            else None
        )
        individuals = (
            _int(_number(row[column["individuals"]]))
            if "individuals" in column
            else None
        )
        if collectives is None and individuals is None:
            continue
        found.append(
            {
                "issuer": issuer.strip() or None,
                "form": form.strip()[:1].upper() + form.strip()[1:],
                "collectives": collectives,
                "individuals": individuals,
            }
        )
    return found


def _indicators(body: list[list[str]], column: dict[str, int]) -> list[dict[str, Any]]:
    found = []
    for row in body:
        label = row[column["label"]]
        value = _number(row[column["value"]])
        if not label or value is None or _TOTAL_ROW.match(fold(label)):
            continue
        measure = row[column["measure"]].strip() if "measure" in column else ""
        if fold(measure) in _MONEY:
            value *= _MONEY[fold(measure)]
            measure = "VND"
        found.append(
            {
                "label": label,
                "value": int(value) if value == int(value) else float(value),
                "of": None,
                "percent": None,
                "unit": measure or None,
            }
        )
    return found


def merge(facts: Facts, tables: list[Table]) -> None:
    """Add what the tables state to what the text stated. The text's counts
    stand; a table fills what the text left out, and its rows by unit are
    kept as ``initiatives.by_unit``."""
    counts = facts["initiatives"]
    counts.setdefault("by_unit", [])
    text_awards = list(facts["awards"])
    table_awards: list[dict[str, Any]] = []
    for table in tables:
        found = read(table)
        if not found:
            continue
        if found.get("by_unit") and not counts["by_unit"]:
            counts["by_unit"] = found["by_unit"]
        for key in ("total", "new"):
            if counts.get(key) is None and found.get(key) is not None:
                counts[key] = found[key]
        for field, value in (found.get("by_field") or {}).items():
            if counts["by_field"].get(field) is None:
                counts["by_field"][field] = value
        table_awards += found.get("awards", [])
        for item in found.get("indicators", []):
            if not any(row["value"] == item["value"] for row in facts["indicators"]):
                facts["indicators"].append(item)
    if table_awards:
        # A sentence that only announces the awards ("Khen thưởng các tập
        # thể, cá nhân…") counts nothing beside the table that lists them.
        facts["awards"] = [
            row
            for row in text_awards
            if row["collectives"] is not None or row["individuals"] is not None
        ] + [row for row in table_awards if row not in text_awards]
