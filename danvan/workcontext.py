"""The unit and period a user works in, chosen once and kept across pages.

Any page may carry ``?don_vi=<unit code>&ky=<period code>`` (a shared link
does); a valid choice is remembered in the session, and the menu's links
carry it on, so lists, the dashboard, reports and exports start from it.
Without a choice: the user's own unit and the current period. A unit outside
the user's scope is never taken (it is ignored as if not given).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.http import HttpRequest, QueryDict
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from org.models import Unit
from reports.periods import Period, PeriodError, current_period, parse_period

UNIT = "don_vi"
PERIOD = "ky"
SESSION_KEY = "_work_context"


@dataclass(frozen=True)
class WorkContext:
    unit: Unit | None
    period: Period
    # Whether the user chose them (in this request or earlier in the session).
    chosen: bool = False

    def query(self) -> str:
        """The context as a query string for links (without "?")."""
        values = {PERIOD: self.period.code}
        if self.unit is not None:
            values = {UNIT: self.unit.ref, **values}
        return urlencode(values)


def _unit(user: Any, text: str) -> Unit | None:
    from accounts.scope import scoped
    from org.forms import UnitCodeField

    field = UnitCodeField(
        units=scoped(user, Unit.objects.select_related("kind")),
        active_only=False,
        required=False,
    )
    try:
        return field.clean(text)
    except ValidationError:  # not a code, or a unit outside the user's scope
        return None


def _period(text: str) -> Period | None:
    try:
        return parse_period(text) if text else None
    except PeriodError:
        return None


def work_context(request: HttpRequest) -> WorkContext:
    """The context of this request (see the module's description); a choice
    carried by the request is remembered."""
    cached = getattr(request, "_work_context", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    user = request.user
    session = getattr(request, "session", None)
    stored = session.get(SESSION_KEY, {}) if session is not None else {}
    unit = _unit(user, request.GET.get(UNIT, "").strip()[:40])
    period = _period(request.GET.get(PERIOD, "").strip()[:40])
    if (unit or period) and session is not None:
        choice = {
            "unit": unit.pk if unit else stored.get("unit"),
            "period": period.code if period else stored.get("period"),
        }
        if choice != stored:  # a page view writes the session only on a change
            session[SESSION_KEY] = choice
        stored = choice
    if unit is None and stored.get("unit"):
        from accounts.scope import scoped

        unit = (
            scoped(user, Unit.objects.select_related("kind"))
            .filter(pk=stored["unit"])
            .first()
        )
    if period is None and stored.get("period"):
        period = _period(str(stored["period"]))
    chosen = bool(unit or period)
    if unit is None:
        unit = getattr(user, "unit", None)
    context = WorkContext(
        unit=unit,
        period=period or current_period(timezone.localdate()),
        chosen=chosen,
    )
    request._work_context = context  # type: ignore[attr-defined]
    return context


def as_list_filters(query: QueryDict) -> QueryDict:
    """A list's filters with the context a link carries: ``don_vi`` as the
    unit and ``ky`` as the date range, unless the filters name their own."""
    data = query.copy()
    unit = str(data.get(UNIT) or "")
    if unit and not data.get("unit"):
        data["unit"] = unit
    period = _period(str(data.get(PERIOD) or "").strip()[:40])
    if period is not None and not (data.get("date_from") or data.get("date_to")):
        data["date_from"] = f"{period.start:%d/%m/%Y}"
        data["date_to"] = f"{period.end:%d/%m/%Y}"
    return data


def context_bar(request: HttpRequest) -> dict[str, Any]:
    """What the page's context bar shows: the unit and period, and the
    controls to change them (the unit picker, and the periods by year)."""
    from django.utils.translation import get_language

    context = work_context(request)
    language = get_language() or ""
    return {
        "context": context,
        "unit_input": _unit_input(language, context.unit.ref if context.unit else ""),
        "period_select": _period_select(
            language, timezone.localdate(), context.period.code
        ),
    }


# Both controls depend only on the language, the day and the choice: they are
# built once per process for each, not on every page.
@functools.lru_cache(maxsize=256)
def _unit_input(language: str, ref: str) -> str:
    from org.forms import UnitPickerWidget

    with translation.override(language):
        picker = UnitPickerWidget()
        picker.former = True
        picker.search_label = str(_("hoặc gõ tên đơn vị làm việc"))
        return picker.render(UNIT, ref, attrs={"id": "ctx-don-vi"})


@functools.lru_cache(maxsize=256)
def _period_select(language: str, today: dt.date, chosen_code: str) -> str:
    from django.utils.html import format_html, format_html_join

    from reports.periods import period_choices

    with translation.override(language):
        chosen = parse_period(chosen_code)
        groups = period_choices(today, years=4)
        offered = any(p == chosen for _y, ps in groups for p in ps)
        options = format_html_join(
            "",
            '<optgroup label="{}">{}</optgroup>',
            (
                (
                    year,
                    format_html_join(
                        "",
                        '<option value="{}"{}>{}</option>',
                        (
                            (p.code, " selected" if p == chosen else "", p.display)
                            for p in periods
                        ),
                    ),
                )
                for year, periods in groups
            ),
        )
        if not offered:
            options = format_html(
                '<option value="{}" selected>{}</option>{}',
                chosen.code,
                chosen.display,
                options,
            )
        return format_html('<select id="ctx-ky" name="{}">{}</select>', PERIOD, options)
