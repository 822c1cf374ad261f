"""Template filters of the report pages."""

from __future__ import annotations

from django import template

from reports.figures import row_label as _row_label
from reports.periods import Period
from reports.rollup import RowTotals

register = template.Library()


@register.filter
def row_label(row: RowTotals, period: Period) -> str:
    """A per-unit row's name as it was, with its dates when partial."""
    return _row_label(row, period)
