"""Template filters of the report pages."""

from __future__ import annotations

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from reports.figures import row_label as _row_label
from reports.markup import blocks
from reports.periods import Period
from reports.rollup import RowTotals

register = template.Library()


@register.filter
def row_label(row: RowTotals, period: Period) -> str:
    """A per-unit row's name as it was, with its dates when partial."""
    return _row_label(row, period)


@register.filter
def report_markup(text: str) -> str:
    """A section's text as HTML: paragraphs, bullets, bold; all else escaped."""
    parts: list[str] = []
    items: list[str] = []
    for block in blocks(text):
        html = "".join(
            format_html("<strong>{}</strong>", t) if bold else escape(t)
            for t, bold in block.runs
        )
        if block.bullet:
            items.append(f"<li>{html}</li>")
            continue
        if items:
            parts.append(f"<ul>{''.join(items)}</ul>")
            items = []
        parts.append(f"<p>{html}</p>")
    if items:
        parts.append(f"<ul>{''.join(items)}</ul>")
    return mark_safe("".join(parts))  # every piece is escaped above
