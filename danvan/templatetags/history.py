"""The change history as staff read it: actions in Vietnamese, empty values
as a dash, stored JSON (facts read from an article) as readable text."""

from __future__ import annotations

import json
from typing import Any

from django import template
from django.utils.translation import gettext as _

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
