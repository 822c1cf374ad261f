"""Which units made up a unit at a date, and where a former unit lives on.

These two questions are how records survive reorganizations: later issues build
the roll-up on them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from org.models import ReorganizationLink, Unit, UnitKind, UnitVersion


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
