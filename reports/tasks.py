"""Background work of the reports app."""

from __future__ import annotations

from celery import shared_task
from django.db import connection
from django.utils import translation

from org.models import Unit
from reports.periods import parse_period


@shared_task(name="reports.refresh_figures", ignore_result=True)
def refresh_figures(unit_id: int, period_code: str, language: str) -> None:
    """Compute a dashboard's figures again and keep them (see
    ``reports.figures.snapshot``); run by a worker, or on a thread of the web
    process without a broker."""
    from reports import charts
    from reports.figures import recompute_figures, release_refresh

    try:
        unit = Unit.objects.filter(pk=unit_id).first()
        if unit is None:
            return
        period = parse_period(period_code)
        with translation.override(language):
            try:
                snap = recompute_figures(unit, period)
                # The page's charts too, so the next visit finds them drawn.
                for chart in charts.shown(snap.value):
                    charts.on_page(chart, snap)
            finally:
                release_refresh("figures", unit, period)
    finally:
        if not connection.in_atomic_block:
            connection.close()
