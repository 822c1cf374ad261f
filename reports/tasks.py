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


@shared_task(name="reports.warm_dashboards", ignore_result=True)
def warm_dashboards() -> int:
    """Keep the dashboards that cost most ready: the nation's and every
    province's, for the period pages open on (``current_period``), in the
    site's language. Those not computed yet, or computed from older data, are
    computed now with their charts (Celery beat runs this every 15 minutes,
    and the key of a snapshot changes at midnight). Returns how many."""
    from django.conf import settings
    from django.utils import timezone

    from danvan.audit import FIGURE_APPS, data_version
    from reports.figures import kept_snapshot
    from reports.periods import current_period

    period = current_period(timezone.localdate())
    language = settings.LANGUAGE_CODE
    current = data_version(apps=FIGURE_APPS)
    warmed = 0
    units = Unit.objects.filter(depth__lte=2, valid_to__isnull=True).order_by("path")
    for unit in units:
        with translation.override(language):
            found = kept_snapshot("figures", unit, period)
        if found is not None and found.version == current:
            continue
        refresh_figures(unit.pk, period.code, language)
        warmed += 1
    return warmed
