"""Reads of the hierarchy, always through the scope rule."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from auditlog.models import LogEntry
from django.db.models import Case, F, IntegerField, Model, Q, QuerySet, Value, When
from django.db.models.functions import Concat
from django.utils import timezone

from accounts.scope import get_or_404, scoped
from org.lineage import (
    Successor,
    ancestor_paths,
    direct_predecessors,
    direct_successors,
    lifetime_label,
    living_successors,
)
from org.models import (
    Body,
    BodyKind,
    Person,
    Position,
    Reorganization,
    ReorganizationLink,
    Unit,
    UnitVersion,
)
from vn.text import fold

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User


def unit_search(
    user: User | AnonymousUser, query: str, *, active_only: bool = False
) -> QuerySet[Unit]:
    """Units in scope whose name or code matches ``query``, insensitive to
    diacritics, case, Unicode form and tone placement, best first: the unit
    whose short name is the query ("tan phu": Huyện Tân Phú, Xã Tân Phú),
    then the query as whole words in the name, then every word as the start
    of a word ("hon quan" finds Hồng Quang after Hớn Quản), then inside words
    ("phu" in "phường"); at equal rank the higher level first (the district
    Tân Phú before the commune), then current units before former ones, then
    by name."""
    units = scoped(user, Unit.objects.select_related("kind__level"))
    key = " ".join(fold(query).split())
    for word in key.split():
        units = units.filter(search_key__contains=word)
    if active_only:
        units = units.filter(valid_to__isnull=True)
    order: list[Any] = []
    if key:
        # search_key is "name short_name code", folded; spaces around it let
        # a word's start be found as " word".
        padded = Concat(Value(" "), F("search_key"), Value(" "))
        units = units.annotate(_padded=padded).annotate(
            _rank=Case(
                # The short name is the query: "name short code" ends with
                # it twice when the name is the kind and the short name.
                When(
                    search_key__endswith=Concat(Value(f" {key} {key} "), F("code")),
                    then=Value(0),
                ),
                When(_padded__contains=f" {key} ", then=Value(1)),
                When(
                    Q(*[Q(_padded__contains=f" {word}") for word in key.split()]),
                    then=Value(2),
                ),
                default=Value(3),
                output_field=IntegerField(),
            )
        )
        order.append("_rank")
    # Current units first on every database (NULLs sort differently otherwise).
    return units.order_by(
        *order, "kind__level__rank", F("valid_to").desc(nulls_first=True), "name"
    )


@dataclass(frozen=True)
class UnitChoice:
    """A unit offered by the picker: when it existed, where it lives on, and
    whether it existed on the date of the record being entered."""

    unit: Unit
    lifetime: str
    successor: str
    absent: bool


def unit_choices(
    user: User | AnonymousUser,
    query: str,
    *,
    former: bool,
    day: dt.date | None = None,
    limit: int = 15,
) -> list[UnitChoice]:
    """Units for a picker. With ``former``, units that have ended are offered
    too; when ``day`` is given, those that existed on it come first."""
    found = list(unit_search(user, query, active_only=not former)[:limit])
    if day is not None:
        found.sort(key=lambda u: not u.exists_on(day))
    # In the lineage tree a former unit sits under the unit it lives on in.
    homes = {
        u.path: u.name
        for u in Unit.objects.filter(
            path__in=[u.path[: -Unit.steplen] for u in found if not u.is_active]
        ).only("path", "name")
    }
    return [
        UnitChoice(
            unit=unit,
            lifetime=lifetime_label(unit) if unit.valid_from or unit.valid_to else "",
            successor=""
            if unit.is_active
            else homes.get(unit.path[: -Unit.steplen], ""),
            absent=day is not None and not unit.exists_on(day),
        )
        for unit in found
    ]


def history_of(obj: Model) -> QuerySet[LogEntry]:
    """Every recorded change of ``obj``: who, when, before and after."""
    entries: QuerySet[LogEntry] = LogEntry.objects.get_for_object(obj)
    return entries.select_related("actor").order_by("-timestamp")


@dataclass(frozen=True)
class UnitPage:
    unit: Unit
    ancestors: list[Unit]
    children: list[Unit]
    former_units: list[Unit]
    bodies: list[Body]
    positions: list[Position]
    versions: list[UnitVersion]
    predecessors: list[ReorganizationLink]
    successors: list[ReorganizationLink]
    lives_on_in: list[Successor]
    history: QuerySet[LogEntry]


def current_positions(bodies: QuerySet[Body], today: dt.date) -> QuerySet[Position]:
    return (
        Position.objects.filter(body__in=bodies)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
        .select_related("person", "body")
        .order_by("body__name", "title", "person__full_name")
    )


def unit_page(user: User | AnonymousUser, unit_id: int) -> UnitPage:
    unit = get_or_404(user, Unit.objects.select_related("kind__level"), pk=unit_id)
    today = timezone.localdate()
    versions = list(unit.versions.select_related("parent", "kind", "reorganization"))
    if unit.is_active:
        ancestors = list(Unit.objects.get_ancestors(unit).select_related("kind"))
        # Read from the paths: the stored child counts are only a cache.
        below = Unit.objects.filter(
            depth=unit.depth + 1, path__startswith=unit.path
        ).select_related("kind")
        children = list(below.filter(valid_to__isnull=True).order_by("code", "name"))
        former = list(below.filter(valid_to__isnull=False).order_by("name"))
    else:
        ancestors = _historical_ancestors(versions)
        # Its children while it existed, as they were.
        children = list(
            Unit.objects.filter(
                Q(versions__valid_from__isnull=True)
                | Q(versions__valid_from__lte=unit.valid_to),
                versions__parent=unit,
            )
            .select_related("kind")
            .order_by("code", "name")
            .distinct()
        )
        former = []
    bodies = unit.bodies.select_related("kind").order_by("kind__category", "name")
    return UnitPage(
        unit=unit,
        # Ancestors outside the user's scope are shown by name only in the
        # template; links are offered only inside scope.
        ancestors=ancestors,
        children=children,
        former_units=former,
        bodies=list(bodies),
        # A former unit: who held its positions on its last day.
        positions=list(current_positions(bodies, min(today, unit.valid_to or today))),
        versions=versions,
        predecessors=direct_predecessors(unit),
        successors=direct_successors(unit),
        lives_on_in=living_successors(unit),
        history=history_of(unit)[:50],
    )


def _historical_ancestors(versions: list[UnitVersion]) -> list[Unit]:
    chain: list[Unit] = []
    last = versions[-1] if versions else None
    parent = last.parent if last else None
    day = last.valid_to if last else None
    while parent is not None and len(chain) < 10:
        chain.insert(0, parent)
        version = (
            parent.versions.filter(
                Q(valid_from__isnull=True) | Q(valid_from__lte=day),
                Q(valid_to__isnull=True) | Q(valid_to__gte=day),
            )
            .select_related("parent")
            .first()
            if day
            else parent.versions.select_related("parent").last()
        )
        parent = version.parent if version else None
    return chain


def body_page(user: User | AnonymousUser, body_id: int) -> tuple[Body, list[Position]]:
    body = get_or_404(user, Body.objects.select_related("unit", "kind"), pk=body_id)
    positions = list(
        body.positions.select_related("person").order_by("end_date", "title")
    )
    return body, positions


def person_page(
    user: User | AnonymousUser, person_id: int
) -> tuple[Person, list[Position]]:
    person = get_or_404(user, Person.objects.select_related("home_unit"), pk=person_id)
    positions = list(
        scoped(user, person.positions.select_related("body__unit")).order_by(
            "-start_date"
        )
    )
    return person, positions


def body_kinds_for(unit: Unit) -> QuerySet[BodyKind]:
    """Standard kinds plus those added by the unit or one of its ancestors."""
    owner_paths = [unit.path[: i * Unit.steplen] for i in range(1, unit.depth + 1)]
    return (
        BodyKind.objects.filter(Q(owner__isnull=True) | Q(owner__path__in=owner_paths))
        .select_related("owner")
        .order_by("category", "name")
    )


def reorganization_page(
    user: User | AnonymousUser, reorg_id: int
) -> tuple[Reorganization, list[ReorganizationLink]]:
    reorg = get_or_404(user, Reorganization.objects.all(), pk=reorg_id)
    links = list(
        reorg.links.select_related("predecessor", "successor").order_by(
            "successor__name", "predecessor__name"
        )
    )
    return reorg, links


def bodies_at_or_above(user: User | AnonymousUser, unit: Unit) -> QuerySet[Body]:
    """Bodies at ``unit`` or above it, inside the user's scope, that existed
    while the unit did: where a person of the unit may hold a title, or who may
    organize its work. A former district is offered its own bodies and its
    province's of the time; a current unit, bodies still active and those of
    its past."""
    bodies = scoped(user, Body.objects.select_related("unit")).filter(
        unit__path__in=ancestor_paths(unit)
    )
    if unit.valid_from is not None:
        bodies = bodies.filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=unit.valid_from)
        )
    if unit.valid_to is not None:
        bodies = bodies.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=unit.valid_to)
        )
    return bodies.order_by(F("valid_to").desc(nulls_first=True), "-unit__depth", "name")


def people_at_or_above(user: User | AnonymousUser, unit: Unit) -> QuerySet[Person]:
    return (
        scoped(user, Person.objects.select_related("home_unit"))
        .filter(home_unit__path__in=ancestor_paths(unit))
        .order_by("full_name")
    )


def bodies_of_unit(user: User | AnonymousUser, unit_code: str) -> QuerySet[Body]:
    """Active bodies of the active unit with ``unit_code``, inside the user's scope."""
    return (
        scoped(user, Body.objects.select_related("unit"))
        .filter(
            valid_to__isnull=True, unit__code=unit_code, unit__valid_to__isnull=True
        )
        .order_by("name")
    )
