"""The roll-up as JSON, for other systems (the same selector as the pages)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from accounts.scope import get_or_404
from org.models import Unit
from reports.periods import PeriodError, parse_period
from reports.rollup import Rollup, RowTotals, children_totals, rollup


def _number(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def rollup_data(totals: Rollup) -> dict[str, Any]:
    return {
        "unit": {"code": totals.unit.code, "name": totals.unit.name},
        "period": {
            "code": totals.period.code,
            "label": totals.period.label,
            "start": totals.period.start.isoformat(),
            "end": totals.period.end.isoformat(),
        },
        "initiatives": {
            "total": totals.initiatives,
            "by_field": totals.initiatives_by_field,
            "by_status": totals.initiatives_by_status,
            "by_holder": totals.initiatives_by_holder,
            "new": totals.initiatives_new,
            "replicated": totals.initiatives_replicated,
            "recognized": totals.recognized,
        },
        "conferences": totals.conferences,
        "conferences_by_kind": totals.conferences_by_kind,
        "awards_by_form": {
            form: {"collectives": c, "individuals": i}
            for form, (c, i) in totals.awards_by_form.items()
        },
        "awards_by_level": [
            {
                "level": level.level,
                "collectives": level.collectives,
                "individuals": level.individuals,
            }
            for level in totals.awards_by_level
        ],
        "indicators": {
            code: {
                "name": total.name,
                "measure": total.measure,
                "value": _number(total.value),
                "denominator": _number(total.denominator),
                "percent": _number(total.percent),
            }
            for code, total in totals.indicators.items()
        },
        "targets": [
            {
                "campaign": t.campaign,
                "unit": t.unit,
                "target": t.description,
                "comparison": t.comparison,
                "quantity": _number(t.quantity),
                "achieved": _number(t.achieved),
                "percent": _number(t.percent),
                "met": t.met,
            }
            for t in totals.targets
        ],
    }


def row_data(row: RowTotals) -> dict[str, Any]:
    """One row of the per-unit roll-up: a unit as it was within its dates."""
    data: dict[str, Any] = {
        "code": row.unit.code,
        "name": row.name,
        "from": row.row.start.isoformat(),
        "to": row.row.end.isoformat(),
        "initiatives": row.initiatives,
        "conferences": row.conferences,
        "indicator_values": row.indicator_values,
        "indicators": {
            code: {"value": _number(value), "denominator": _number(denominator)}
            for code, (value, denominator) in sorted(row.indicators.items())
        },
        "awards": {"collectives": row.collectives, "individuals": row.individuals},
        "targets": {
            "total": row.targets,
            "met": row.targets_met,
            "with_progress": row.targets_progressed,
        },
        "reported": row.reported,
    }
    if row.row.own:
        data["own"] = True
    if row.row.formed_from:
        data["formed_from"] = True
    return data


@require_GET
def rollup_json(request: HttpRequest, unit_id: int) -> JsonResponse:
    """GET /api/don-vi/<id>/tong-hop/?ky=2023[&truoc=1][&con=1]

    ``ky`` defaults to the current year; ``truoc=1`` adds the same period a
    year before, ``con=1`` the figures per child unit."""
    unit = get_or_404(request.user, Unit.objects.all(), pk=unit_id)
    spelled = request.GET.get("ky", "").strip() or str(timezone.localdate().year)
    try:
        period = parse_period(spelled)
    except PeriodError as exc:
        return JsonResponse({"error": str(exc)}, status=400)
    data = rollup_data(rollup(unit, period))
    if request.GET.get("truoc") == "1":
        data["year_before"] = rollup_data(rollup(unit, period.year_before()))
    if request.GET.get("con") == "1":
        data["children"] = [row_data(row) for row in children_totals(unit, period)]
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
