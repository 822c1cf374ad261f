"""Which units made up a unit at a date, and where a former unit lives on.

These two questions are how records survive reorganizations: later issues build
the roll-up on them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from org.breakdown import formed_from
from org.models import ReorganizationLink, Unit, UnitKind, UnitVersion
from vn.text import nfc


@dataclass(frozen=True)
class UnitAtDate:
    """A unit as it was on a given day: its name, kind and parent then."""

    unit: Unit
    name: str
    short_name: str
    kind: UnitKind
    parent_id: int | None


@dataclass(frozen=True)
class Successor:
    unit: Unit
    is_primary: bool


def _covering(day: dt.date) -> Q:
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=day)) & (
        Q(valid_to__isnull=True) | Q(valid_to__gte=day)
    )


def _as_of(version: UnitVersion) -> UnitAtDate:
    return UnitAtDate(
        unit=version.unit,
        name=version.name,
        short_name=version.short_name,
        kind=version.kind,
        parent_id=version.parent_id,
    )


def composition_at(
    unit: Unit, day: dt.date, *, as_today: bool | None = None
) -> list[UnitAtDate]:
    """The units, under the names they had on ``day``, that made up ``unit``.

    With ``as_today`` (the default for a unit that still exists), the answer is
    the unit as it is today: every unit that existed on ``day`` and whose
    records now roll up into ``unit`` (its predecessors included). Otherwise
    (the default for a unit that no longer exists) it is the unit as it was on
    ``day``: itself and its descendants then. The list is ordered top-down.
    """
    if as_today is None:
        as_today = unit.is_active
    if as_today:
        versions = list(
            UnitVersion.objects.filter(_covering(day), unit__path__startswith=unit.path)
            .select_related("unit", "kind")
            .order_by("kind__level__rank", "name")
        )
        return [_as_of(v) for v in versions]
    found: list[UnitVersion] = []
    frontier = list(
        UnitVersion.objects.filter(_covering(day), unit=unit).select_related(
            "unit", "kind"
        )
    )
    while frontier:
        found.extend(frontier)
        frontier = list(
            UnitVersion.objects.filter(
                _covering(day), parent_id__in=[v.unit_id for v in frontier]
            )
            .select_related("unit", "kind")
            .order_by("name")
        )
    return [_as_of(v) for v in found]


def ancestors_on(unit: Unit, day: dt.date) -> set[int]:
    """The units ``unit`` was under on ``day``, following its versions."""
    found: set[int] = set()
    current = unit.pk
    for _level in range(12):
        parent = (
            UnitVersion.objects.filter(_covering(day), unit_id=current)
            .values_list("parent_id", flat=True)
            .first()
        )
        if parent is None or parent in found:
            break
        found.add(parent)
        current = parent
    return found


def ancestor_paths(unit: Unit) -> list[str]:
    """Paths of ``unit`` and of every unit above it, today and in its past: its
    lineage ancestors, and for a unit that changed parents or has ended, the
    units it was under while it existed (a former district's province)."""
    paths = {unit.path[: i * Unit.steplen] for i in range(1, unit.depth + 1)}
    frontier = {unit.pk}
    seen = set(frontier)
    for _level in range(12):
        parents = (
            set(
                UnitVersion.objects.filter(unit_id__in=frontier, parent__isnull=False)
                .filter(
                    Q(valid_from__isnull=True)
                    | Q(valid_from__lte=unit.valid_to or dt.date.max)
                )
                .filter(
                    Q(valid_to__isnull=True)
                    | Q(valid_to__gte=unit.valid_from or dt.date.min)
                )
                .values_list("parent_id", flat=True)
            )
            - seen
        )
        if not parents:
            break
        seen |= parents
        frontier = parents
    paths |= set(Unit.objects.filter(pk__in=seen).values_list("path", flat=True))
    return sorted(paths)


def name_on(unit: Unit, day: dt.date) -> str:
    """The name ``unit`` had on ``day`` (its last name if it did not exist then)."""
    version = (
        UnitVersion.objects.filter(_covering(day), unit=unit).only("name").first()
        or unit.versions.order_by("-valid_from").only("name").first()
    )
    return version.name if version else unit.name


def version_on(unit: Unit, day: dt.date) -> UnitVersion | None:
    """The version of ``unit`` on ``day`` (its last one if it did not exist then)."""
    version: UnitVersion | None = (
        UnitVersion.objects.filter(_covering(day), unit=unit)
        .select_related("parent", "kind")
        .first()
        or unit.versions.select_related("parent", "kind")
        .order_by("-valid_from")
        .first()
    )
    return version


def living_successors(unit: Unit) -> list[Successor]:
    """Today's units that ``unit`` lives on in; the primary one first.

    A unit that still exists lives on in itself. A split unit lives on in all
    its parts; only the chain of primary successors carries its records.
    """
    if unit.is_active:
        return [Successor(unit, True)]
    result: dict[int, Successor] = {}
    frontier: list[tuple[int, bool]] = [(unit.pk, True)]
    seen = {unit.pk}
    while frontier:
        links = (
            ReorganizationLink.objects.filter(
                predecessor_id__in=[pk for pk, _ in frontier]
            )
            .exclude(successor_id__in=[pk for pk, _ in frontier])
            .select_related("successor")
        )
        primary_of = dict(frontier)
        next_frontier: list[tuple[int, bool]] = []
        for link in links:
            primary = primary_of[link.predecessor_id] and link.is_primary
            succ = link.successor
            if succ.pk in seen:
                continue
            seen.add(succ.pk)
            if succ.is_active:
                result[succ.pk] = Successor(succ, primary)
            else:
                next_frontier.append((succ.pk, primary))
        frontier = next_frontier
    return sorted(result.values(), key=lambda s: (not s.is_primary, s.unit.name))


def direct_predecessors(unit: Unit) -> list[ReorganizationLink]:
    """Links from the units that became ``unit`` (excluding renames of itself)."""
    return list(
        ReorganizationLink.objects.filter(successor=unit)
        .exclude(predecessor=unit)
        .select_related("predecessor", "reorganization")
        .order_by("-reorganization__effective_date", "predecessor__name")
    )


def direct_successors(unit: Unit) -> list[ReorganizationLink]:
    return list(
        ReorganizationLink.objects.filter(predecessor=unit)
        .exclude(successor=unit)
        .select_related("successor", "reorganization")
        .order_by("-reorganization__effective_date", "successor__name")
    )


def _day(value: dt.date) -> str:
    return date_format(value, "d/m/Y")


def lifetime_label(unit: Unit) -> str:
    """The dates a unit existed, as the pages write them ("đến 30/06/2025")."""
    if unit.valid_from and unit.valid_to:
        return f"{_day(unit.valid_from)} – {_day(unit.valid_to)}"
    if unit.valid_to:
        return _("đến %(day)s") % {"day": _day(unit.valid_to)}
    if unit.valid_from:
        return _("từ %(day)s") % {"day": _day(unit.valid_from)}
    return ""


def _names(units: list[Unit]) -> str:
    return ", ".join(u.name for u in units)


def lifetime_error(
    unit: Unit, first: dt.date, last: dt.date | None = None, *, overlap: bool = False
) -> str | None:
    """Why a record of ``unit`` dated ``first`` (or spanning ``first``–``last``)
    cannot be kept: the unit did not exist then. None when it did.

    With ``overlap``, a span touching the unit's lifetime is enough (a report
    of 2025 for a ward formed on 1 July 2025); otherwise the whole span must
    lie within it. The message names the unit's dates and, for a unit that has
    ended, the units it lives on in; for a unit that did not exist yet, the
    units it was formed from.
    """
    last = last or first
    start, end = unit.valid_from, unit.valid_to
    if overlap:
        too_early = start is not None and last < start
        too_late = end is not None and first > end
    else:
        too_early = start is not None and first < start
        too_late = end is not None and last > end
    if not (too_early or too_late):
        return None
    when = (
        _("ngày %(day)s") % {"day": _day(first)}
        if first == last
        else _("kỳ từ ngày %(first)s đến ngày %(last)s")
        % {"first": _day(first), "last": _day(last)}
    )
    if too_late:
        assert end is not None
        successors = [s.unit for s in living_successors(unit)]
        if successors:
            return _(
                "“%(unit)s” chỉ tồn tại đến ngày %(end)s, nay là %(successors)s: "
                "không ghi nhận được số liệu %(when)s cho đơn vị này. Hãy chọn "
                "đơn vị có hiệu lực vào thời gian đó."
            ) % {
                "unit": unit.name,
                "end": _day(end),
                "successors": _names(successors),
                "when": when,
            }
        return _(
            "“%(unit)s” chỉ tồn tại đến ngày %(end)s: không ghi nhận được số liệu "
            "%(when)s cho đơn vị này."
        ) % {"unit": unit.name, "end": _day(end), "when": when}
    assert start is not None
    predecessors = formed_from(unit)
    if predecessors:
        return _(
            "“%(unit)s” được thành lập từ ngày %(start)s, trước đó là "
            "%(predecessors)s: không ghi nhận được số liệu %(when)s cho đơn vị "
            "này. Hãy chọn đơn vị có hiệu lực vào thời gian đó."
        ) % {
            "unit": unit.name,
            "start": _day(start),
            "predecessors": _names(predecessors),
            "when": when,
        }
    return _(
        "“%(unit)s” được thành lập từ ngày %(start)s: không ghi nhận được số liệu "
        "%(when)s cho đơn vị này."
    ) % {"unit": unit.name, "start": _day(start), "when": when}


def ensure_existed(
    unit: Unit,
    first: dt.date,
    last: dt.date | None = None,
    *,
    field: str | None = None,
    overlap: bool = False,
) -> None:
    """Raise ValidationError (on ``field`` when given) if ``unit`` did not exist
    on ``first`` (or throughout ``first``–``last``; with ``overlap``, at some
    time within it). See ``lifetime_error``."""
    message = lifetime_error(unit, first, last, overlap=overlap)
    if message is None:
        return
    if field is None:
        raise ValidationError(message, code="outside_lifetime")
    raise ValidationError({field: ValidationError(message, code="outside_lifetime")})


_REF = re.compile(
    r"^\s*(?P<code>[^\s()]+)\s*(?:\(\s*(?:đến|den)\s+"
    r"(?P<to>\d{1,2}/\d{1,2}/\d{4})\s*\))?\s*$",
    re.IGNORECASE,
)


def parse_unit_ref(text: str) -> tuple[str, dt.date | None]:
    """Read a unit reference as ``Unit.ref`` writes it: "731" or
    "731 (đến 30/06/2025)". Raises ValueError for anything else."""
    match = _REF.match(nfc(text))
    if match is None:
        raise ValueError(text)
    if not match["to"]:
        return match["code"], None
    day, month, year = (int(p) for p in match["to"].split("/"))
    return match["code"], dt.date(year, month, day)
