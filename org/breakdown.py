"""The units under a unit during a period, as they were then.

"The children of X during P" are the units that were direct children of X at
any time within P, each with the dates it was one. When X did not exist for
part of P (today's Thành phố Đà Nẵng, formed on 1 July 2025, asked about
2023), the units X was formed from stand in for it over that part, as they
were. X's own records are one more row. Every record of X's roll-up falls in
exactly one row: a record belongs to the row whose unit held the record's unit,
directly or further down, on the record's date.

``breakdown`` answers this from the units' versions (names and parents over
time) and the primary links of reorganizations, in a handful of queries
whatever the size of the subtree. Roll-ups, dashboards and reports all read
it, so that every per-unit table adds up to its total.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from django.db.models import F, Q

from org.models import Reorganization, ReorganizationLink, Unit, UnitVersion

ONE_DAY = dt.timedelta(days=1)
# Keeps IN lists far below every database's limit on parameters.
_CHUNK = 2000

Window = tuple[dt.date, dt.date]


@dataclass
class Row:
    """One row of a per-unit table: a unit as it was within ``start``–``end``.

    ``own`` marks the unit's own records (held by the province itself, not by
    one of its communes); ``formed_from`` marks a unit that the asked unit was
    formed from, standing in for it before it existed.
    """

    unit: Unit
    name: str
    start: dt.date
    end: dt.date
    own: bool = False
    formed_from: bool = False


@dataclass
class Breakdown:
    unit: Unit
    start: dt.date
    end: dt.date
    rows: list[Row]
    # For every unit whose records count: when, and in which row.
    members: dict[int, list[tuple[dt.date, dt.date, int]]] = field(default_factory=dict)
    # Units whose every record in the period falls in one row.
    simple: dict[int, int] = field(default_factory=dict)
    # The lifetime of every member unit.
    lifetimes: dict[int, tuple[dt.date | None, dt.date | None]] = field(
        default_factory=dict
    )
    # True when the lineage subtree of the unit (one prefix match on the path,
    # records dated within their unit's lifetime) selects exactly the members:
    # the roll-up can then use the prefix match.
    lineage_exact: bool = False

    @property
    def existed(self) -> bool:
        """Whether the unit itself existed at some time within the period."""
        return any(row.own for row in self.rows)

    def row_of(self, unit_id: int, day: dt.date) -> int | None:
        """The row that a record of ``unit_id`` dated ``day`` belongs to."""
        for start, end, row in self.members.get(unit_id, ()):
            if start <= day <= end:
                return row
        return None

    def windows(self) -> dict[Window, list[int]]:
        """Member units grouped by the dates within which their records count."""
        grouped: dict[Window, list[int]] = defaultdict(list)
        for unit_id, spans in self.members.items():
            for start, end, _row in spans:
                grouped[(start, end)].append(unit_id)
        return grouped

    def records(self, date_field: str, unit_field: str = "unit") -> Q:
        """A filter selecting the records of every row: records of member units
        dated within their windows (which lie within the period)."""
        if self.lineage_exact:
            return (
                Q(**{f"{unit_field}__path__startswith": self.unit.path})
                & Q(
                    **{f"{date_field}__gte": self.start, f"{date_field}__lte": self.end}
                )
                & lifetime_covers(date_field, unit_field)
            )
        condition = Q(pk__in=[])  # matches nothing when there are no members
        for (start, end), ids in sorted(self.windows().items()):
            for chunk in _chunks(sorted(ids)):
                condition |= Q(
                    **{
                        f"{unit_field}_id__in": chunk,
                        f"{date_field}__gte": start,
                        f"{date_field}__lte": end,
                    }
                )
        return condition


def lifetime_covers(date_field: str, unit_field: str = "unit") -> Q:
    """Records dated within their unit's lifetime."""
    return (
        Q(**{f"{unit_field}__valid_from__isnull": True})
        | Q(**{f"{unit_field}__valid_from__lte": F(date_field)})
    ) & (
        Q(**{f"{unit_field}__valid_to__isnull": True})
        | Q(**{f"{unit_field}__valid_to__gte": F(date_field)})
    )


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def _meet(*windows: tuple[dt.date | None, dt.date | None]) -> Window | None:
    """The intersection of closed date intervals (None: unbounded). Written
    out by hand: it runs once per unit and version of a national roll-up."""
    start: dt.date | None = None
    end: dt.date | None = None
    for first, last in windows:
        if first is not None and (start is None or first > start):
            start = first
        if last is not None and (end is None or last < end):
            end = last
    assert start is not None and end is not None  # the period bounds both
    return (start, end) if start <= end else None


def _life(unit: Unit) -> tuple[dt.date | None, dt.date | None]:
    return (unit.valid_from, unit.valid_to)


def _overlapping(start: dt.date, end: dt.date) -> Q:
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=end)) & (
        Q(valid_to__isnull=True) | Q(valid_to__gte=start)
    )


def _name_within(unit: Unit, versions: list[UnitVersion], end: dt.date) -> str:
    """The name ``unit`` had on the last day of a window ending ``end``."""
    started = [v for v in versions if v.valid_from is None or v.valid_from <= end]
    if not started:
        return unit.name
    return max(started, key=lambda v: v.valid_from or dt.date.min).name


# How long a computed breakdown is kept; it is also dropped by any change of
# the units' history (``structure_version``).
CACHE_SECONDS = 24 * 3600


def structure_version() -> tuple[int, int, int]:
    """A key that moves with every change of the units' history: the newest
    audit entry of units, their versions and reorganizations (every change
    through the platform writes one), and the newest version and link rows
    (which moves with loads that write no audit entry)."""
    from django.db.models import Max

    from danvan.audit import data_version

    audited = data_version(
        models=(Unit, UnitVersion, Reorganization, ReorganizationLink)
    )
    newest_version = UnitVersion.objects.aggregate(n=Max("pk"))["n"] or 0
    newest_link = ReorganizationLink.objects.aggregate(n=Max("pk"))["n"] or 0
    return (audited, newest_version, newest_link)


def breakdown(unit: Unit, start: dt.date, end: dt.date) -> Breakdown:
    """``compute_breakdown``, kept in the cache until the units' history changes.

    A nation's breakdown walks every unit of the country (half a second on
    PostgreSQL); the history of units changes rarely, the records counted with
    it every minute. The result is shared: callers must not change it."""
    from django.core.cache import cache

    key = "breakdown:{}:{}:{}:{}".format(
        unit.pk,
        start.isoformat(),
        end.isoformat(),
        "-".join(map(str, structure_version())),
    )
    found = cache.get(key)
    if isinstance(found, Breakdown) and found.unit.path == unit.path:
        return found
    made = compute_breakdown(unit, start, end)
    cache.set(key, made, timeout=CACHE_SECONDS)
    return made


def compute_breakdown(unit: Unit, start: dt.date, end: dt.date) -> Breakdown:
    """The rows of ``unit``'s per-unit table for ``start``–``end``, as it was.

    Rows are, in order: the units whose records live on in ``unit`` (those it
    was formed from or that merged into it), for the part of the period they
    existed; its direct children during the period; its own row, when it
    existed within the period.
    """
    result = Breakdown(unit=unit, start=start, end=end, rows=[])
    roots: list[tuple[Unit, Window, int]] = []
    _predecessor_rows(unit, result, roots)
    life = _meet((start, end), _life(unit))
    if life is not None:
        # The unit's own versions (for its name) and its children's, at once.
        versions = list(
            UnitVersion.objects.filter(
                Q(unit=unit) | (Q(parent=unit) & _overlapping(*life))
            )
            .select_related("unit", "unit__kind")
            .order_by("valid_from", "pk")
        )
        own_versions = [v for v in versions if v.unit_id == unit.pk]
        by_child: dict[int, list[tuple[UnitVersion, Window]]] = defaultdict(list)
        for version in versions:
            if version.parent_id != unit.pk or version.unit_id == unit.pk:
                continue
            window = _meet(
                life, (version.valid_from, version.valid_to), _life(version.unit)
            )
            if window is not None:
                by_child[version.unit_id].append((version, window))
        # In the official order of codes, as lists of units are printed.
        children = sorted(
            by_child.values(),
            key=lambda spans: (spans[0][0].unit.code, spans[-1][0].name),
        )
        for spans in children:
            child = spans[0][0].unit
            index = len(result.rows)
            result.rows.append(
                Row(
                    unit=child,
                    name=spans[-1][0].name,
                    start=min(w[0] for _v, w in spans),
                    end=max(w[1] for _v, w in spans),
                )
            )
            roots.extend((child, window, index) for _v, window in spans)
        index = len(result.rows)
        result.rows.append(
            Row(
                unit=unit,
                name=_name_within(unit, own_versions, life[1]),
                start=life[0],
                end=life[1],
                own=True,
            )
        )
        result.members.setdefault(unit.pk, []).append((life[0], life[1], index))
        result.lifetimes[unit.pk] = _life(unit)
    _descend(result, roots)
    lineage = _lineage(result)
    _fill_from_lineage(result, lineage)
    _classify(result, lineage)
    return result


def _predecessor_rows(
    unit: Unit, result: Breakdown, roots: list[tuple[Unit, Window, int]]
) -> None:
    """Rows for the units whose records live on in ``unit`` (through the
    primary links of reorganizations, transitively), for the part of the
    period each existed; except those that were, at the time, under ``unit``
    or under another of them (they are counted there)."""
    period = (result.start, result.end)
    candidates: list[tuple[Unit, Window]] = []
    seen = {unit.pk}
    frontier = [unit.pk]
    while frontier:
        # Most units have none: ask for ids first, the units only if any.
        found = (
            set(
                ReorganizationLink.objects.filter(
                    successor_id__in=frontier, is_primary=True
                ).values_list("predecessor_id", flat=True)
            )
            - seen
        )
        frontier = []
        if not found:
            break
        seen |= found
        for predecessor in (
            Unit.objects.filter(pk__in=found)
            .select_related("kind")
            .prefetch_related("versions")
            .order_by("name", "pk")
        ):
            window = _meet(period, _life(predecessor))
            if window is not None:
                candidates.append((predecessor, window))
                frontier.append(predecessor.pk)
    nested = _under_one_another([(p.pk, w[1]) for p, w in candidates], also=unit.pk)
    for predecessor, window in candidates:
        if predecessor.pk in nested:
            continue
        index = len(result.rows)
        result.rows.append(
            Row(
                unit=predecessor,
                name=_name_within(
                    predecessor, list(predecessor.versions.all()), window[1]
                ),
                start=window[0],
                end=window[1],
                formed_from=True,
            )
        )
        roots.append((predecessor, window, index))


def _under_one_another(units: list[tuple[int, dt.date]], *, also: int) -> set[int]:
    """Those of ``units`` that, on their given day, were under another of them
    or under the unit ``also``."""
    wanted = {pk for pk, _day in units} | {also}
    nested: set[int] = set()
    # (unit reached, the candidate it started from, the candidate's day)
    frontier = [(pk, pk, day) for pk, day in units]
    for _level in range(12):
        if not frontier:
            break
        versions = UnitVersion.objects.filter(
            unit_id__in={pk for pk, _o, _d in frontier}
        ).values_list("unit_id", "parent_id", "valid_from", "valid_to")
        parents: dict[int, list[tuple[int, dt.date | None, dt.date | None]]] = (
            defaultdict(list)
        )
        for unit_id, parent_id, valid_from, valid_to in versions:
            if parent_id is not None:
                parents[unit_id].append((parent_id, valid_from, valid_to))
        following = []
        for current, origin, day in frontier:
            for parent_id, valid_from, valid_to in parents[current]:
                if _meet((day, day), (valid_from, valid_to)) is None:
                    continue
                if parent_id in wanted:
                    nested.add(origin)
                else:
                    following.append((parent_id, origin, day))
        frontier = following
    return nested


def _descend(result: Breakdown, roots: list[tuple[Unit, Window, int]]) -> None:
    """Every unit under the roots, level by level, with the dates it was there."""
    frontier: list[tuple[int, Window, int]] = []
    for root, window, index in roots:
        result.members.setdefault(root.pk, []).append((window[0], window[1], index))
        result.lifetimes[root.pk] = _life(root)
        frontier.append((root.pk, window, index))
    for _level in range(12):
        if not frontier:
            break
        by_parent: dict[int, list[tuple[Window, int]]] = defaultdict(list)
        for unit_id, window, index in frontier:
            by_parent[unit_id].append((window, index))
        following: list[tuple[int, Window, int]] = []
        for chunk in _chunks(sorted(by_parent)):
            versions = UnitVersion.objects.filter(
                _overlapping(result.start, result.end), parent_id__in=chunk
            ).values_list(
                "unit_id",
                "parent_id",
                "valid_from",
                "valid_to",
                "unit__valid_from",
                "unit__valid_to",
            )
            for unit_id, parent_id, start, end, born, ended in versions:
                for window, index in by_parent[parent_id]:
                    inside = _meet(window, (start, end), (born, ended))
                    if inside is None:
                        continue
                    result.members.setdefault(unit_id, []).append(
                        (inside[0], inside[1], index)
                    )
                    result.lifetimes[unit_id] = (born, ended)
                    following.append((unit_id, inside, index))
        frontier = following


def _merged(spans: list[tuple[dt.date, dt.date, int]]) -> list[Window]:
    ordered = sorted((s, e) for s, e, _r in spans)
    if not ordered:
        return []
    out: list[Window] = [ordered[0]]
    for start, end in ordered[1:]:
        last = out[-1]
        if start <= last[1] + ONE_DAY:
            out[-1] = (last[0], max(last[1], end))
        else:
            out.append((start, end))
    return out


def _lineage(result: Breakdown) -> dict[int, tuple[dt.date | None, dt.date | None]]:
    """The lineage subtree of the unit (one prefix match on the path): units
    that existed within the period, with their lifetimes."""
    unit = result.unit
    if unit.numchild == 0:  # the tree's cached count, kept by every change
        life = _life(unit)
        return {unit.pk: life} if _meet((result.start, result.end), life) else {}
    return {
        pk: (valid_from, valid_to)
        for pk, valid_from, valid_to in Unit.objects.filter(
            _overlapping(result.start, result.end),
            path__startswith=result.unit.path,
        ).values_list("pk", "valid_from", "valid_to")
    }


def _uncovered(
    whole: Window, spans: list[tuple[dt.date, dt.date, int]]
) -> list[Window]:
    """The parts of ``whole`` that no span covers."""
    gaps: list[Window] = []
    cursor = whole[0]
    for start, end in _merged(spans):
        if end < cursor:
            continue
        if start > whole[1]:
            break
        if start > cursor:
            gaps.append((cursor, start - ONE_DAY))
        cursor = max(cursor, end + ONE_DAY)
    if cursor <= whole[1]:
        gaps.append((cursor, whole[1]))
    return gaps


def _fill_from_lineage(
    result: Breakdown, lineage: dict[int, tuple[dt.date | None, dt.date | None]]
) -> None:
    """Units of the lineage subtree that the history did not reach (a commune
    merged in from elsewhere, say) join the row of the unit they live on in."""
    gaps: dict[int, list[Window]] = {}
    for pk, life in lineage.items():
        whole = _meet((result.start, result.end), life)
        if whole is None:
            continue
        missing = _uncovered(whole, result.members.get(pk, []))
        if missing:
            gaps[pk] = missing
    if not gaps:
        return
    successor: dict[int, int] = dict(
        ReorganizationLink.objects.filter(is_primary=True)
        .exclude(predecessor_id=F("successor_id"))
        .filter(
            predecessor__path__startswith=result.unit.path,
        )
        .values_list("predecessor_id", "successor_id")
    )
    for pk, missing in gaps.items():
        current, row = pk, None
        for _step in range(20):
            following = successor.get(current)
            if following is None:
                break
            spans = result.members.get(following)
            if spans:
                row = min(spans)[2]
                break
            current = following
        if row is None:
            continue
        result.lifetimes[pk] = lineage[pk]
        for start, end in missing:
            result.members.setdefault(pk, []).append((start, end, row))


def _classify(
    result: Breakdown, lineage: dict[int, tuple[dt.date | None, dt.date | None]]
) -> None:
    """Find the units whose records all go to one row, and whether the lineage
    subtree selects exactly the members."""
    exact = lineage.keys() == result.members.keys()
    period = (result.start, result.end)
    for unit_id, spans in result.members.items():
        whole = _meet(period, result.lifetimes[unit_id])
        if len(spans) == 1:  # most units: one span, one row
            start, end, row = spans[0]
            if whole is not None and (start, end) == whole:
                result.simple[unit_id] = row
            else:
                exact = False
            continue
        # Overlapping spans of one unit would count a record twice: never
        # expected from consistent versions, but a sum must not silently double.
        ordered = sorted(spans)
        for (_s1, e1, _r1), (s2, _e2, _r2) in pairwise(ordered):
            if s2 <= e1:
                raise ValueError(f"overlapping versions in the unit history: {ordered}")
        rows = {row for _s, _e, row in spans}
        if len(rows) != 1 or whole is None or _merged(spans) != [whole]:
            exact = False
            continue
        result.simple[unit_id] = next(iter(rows))
    result.lineage_exact = exact


def formed_from(unit: Unit) -> list[Unit]:
    """The units ``unit`` was formed from or that merged into it, without those
    that were part of another of them (a new province's former provinces, not
    their districts)."""
    links = (
        ReorganizationLink.objects.filter(successor=unit, is_primary=True)
        .exclude(predecessor=unit)
        .select_related("predecessor")
        .order_by("predecessor__name")
    )
    units = [link.predecessor for link in links if link.predecessor.valid_to]
    nested = _under_one_another(
        [(u.pk, u.valid_to) for u in units if u.valid_to], also=unit.pk
    )
    return [u for u in units if u.pk not in nested]
