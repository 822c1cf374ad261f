"""The change history as staff read it: actions in Vietnamese, empty values
as a dash, stored JSON (facts read from an article) as readable text."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from vn.numbers import format_quantity

register = template.Library()

_EMPTY = {"", "None", "null", "[]", "{}", "none"}


@register.filter
def action_label(action: int) -> str:
    """auditlog's action (0 create, 1 update, 2 delete, 3 access) in words."""
    labels = {0: _("tạo"), 1: _("sửa"), 2: _("xóa"), 3: _("xem")}
    return labels.get(action, str(action))


def _readable(value: Any) -> str:
    if isinstance(value, dict):
        parts = [f"{k}: {_readable(v)}" for k, v in value.items() if _readable(v)]
        return "; ".join(parts)
    if isinstance(value, list):
        return ", ".join(r for r in (_readable(v) for v in value) if r)
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("có") if value else _("không")
    return str(value)


@register.filter
def change_value(value: Any) -> str:
    """One side of a change: a dash for nothing, JSON as readable text."""
    text = "" if value is None else str(value).strip()
    if text in _EMPTY:
        return "—"
    if text[:1] in "[{":
        try:
            return _readable(json.loads(text)) or "—"
        except ValueError:
            pass
    return text


_NUMBERS = {
    "DecimalField",
    "IntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "SmallIntegerField",
    "BigIntegerField",
    "FloatField",
}


def _number(text: str) -> str:
    try:
        return format_quantity(Decimal(text))
    except (InvalidOperation, ValueError):
        return text


@register.filter
def history_changes(entry: Any) -> list[tuple[str, str | None, str]]:
    """The changes of an audit entry as (label, before, after): field labels
    as the forms name them, values as the pages show them (related records
    by name, choices by label, dates dd/mm/yyyy, numbers the Vietnamese
    way), added or removed links in words. A creation lists only what was
    filled in (``before`` is None); nothing unchanged is listed."""
    model = entry.content_type.model_class()
    shown = entry.changes_display_dict
    rows: list[tuple[str, str | None, str]] = []
    for name, values in entry.changes_dict.items():
        if name == "id":
            continue
        field = None
        if model is not None:
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                field = None
        label = capfirst(str(getattr(field, "verbose_name", name)))
        if isinstance(values, dict) and values.get("type") == "m2m":
            operation = {"add": _("thêm"), "delete": _("bỏ"), "clear": _("bỏ hết")}
            verb = operation.get(str(values.get("operation")), "")
            names = ", ".join(str(o) for o in values.get("objects", []))
            rows.append((label, None, f"{verb}: {names}" if names else "—"))
            continue
        pair = shown.get(getattr(field, "verbose_name", name), values)
        if not isinstance(pair, list | tuple) or len(pair) != 2:
            continue
        before, after = (change_value(v) for v in pair)
        internal = getattr(field, "get_internal_type", lambda: "")()
        if internal in _NUMBERS and not getattr(field, "choices", None):
            before, after = _number(before), _number(after)
        if entry.action == 0:
            if after != "—":
                rows.append((label, None, after))
        elif before != after:
            rows.append((label, before, after))
    return rows
