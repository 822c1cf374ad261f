"""The figures of a report, as tables every renderer shares.

The page, the DOCX, the PDF (converted from the DOCX) and the XLSX all draw
from ``report_figures``: one roll-up, formatted once into tables of cells.
Cells keep their raw numbers; each renderer writes them its own way (the
documents the Vietnamese way, the spreadsheet as numbers).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Generic, TypeVar

from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from org.models import Unit
from reports.periods import Period, PeriodKind
from reports.rollup import Rollup, RowTotals, initiatives_totals, rollup
from vn.numbers import format_percent, format_quantity
from work.models import Award, Conference, Field, Initiative, Target

T = TypeVar("T")

Cell = str | int | Decimal | None


@dataclass
class Table:
    key: str
    title: str
    header: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    # Columns holding percentages (written with "%").
    percent_columns: frozenset[int] = frozenset()
    # Columns holding an increase or decrease (written "+5", "−3", "=").
    signed_columns: frozenset[int] = frozenset()
    # For tables by unit: the unit of each row (pages link to its figures).
    row_units: list[int | None] = field(default_factory=list)

    def linked_rows(self) -> list[tuple[int | None, list[str]]]:
        """Each row as the documents write it, with its unit when it has one."""
        units = self.row_units or [None] * len(self.rows)
        return list(zip(units, self.text_rows(), strict=True))

    def text_rows(self) -> list[list[str]]:
        """Every cell as the documents write it."""
        return [[self.text(i, cell) for i, cell in enumerate(row)] for row in self.rows]

    def text(self, column: int, cell: Cell) -> str:
        if column in self.percent_columns and (
            cell is None or isinstance(cell, Decimal)
        ):
            return format_percent(cell)
        if column in self.signed_columns and isinstance(cell, int | Decimal):
            return _signed(cell)
        return _text(cell)


def _text(cell: Cell) -> str:
    if cell is None:
        return "—"
    if isinstance(cell, int | Decimal):
        return format_quantity(cell)
    return cell


@dataclass
class Figures:
    unit: Unit
    period: Period
    now: Rollup
    before: Rollup
    tables: list[Table]
    # Models over the last five years (this period and the same one before),
    # for the chart: (year, count).
    trend: list[tuple[str, int]] = field(default_factory=list)
    # The data version these figures were computed from, when known (then
    # what is drawn from them may be kept for that version).
    version: int | None = None

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)

    @property
    def rows(self) -> list[RowTotals]:
        """Every row of the per-unit table, the unit's own row included."""
        return self.now.rows

    @property
    def children(self) -> list[RowTotals]:
        """The units under this one during the period, as they were."""
        return self.now.children

    @property
    def not_reported(self) -> list[RowTotals]:
        return [c for c in self.children if not c.reported]


def _day(day: dt.date) -> str:
    return date_format(day, "d/m/Y")


def row_label(row: RowTotals, period: Period) -> str:
    """A row's name as it was, with its dates when it existed for only part
    of the period; the unit's own row says so, and a unit that has since
    merged into this one is "(cũ)", as documents after the 2025 reform write."""
    if row.row.own:
        return _("%(name)s (trực tiếp)") % {"name": row.name}
    notes = [_("cũ")] if row.row.formed_from and row.unit.valid_to is not None else []
    start, end = row.row.start, row.row.end
    if start > period.start and end < period.end:
        notes.append(f"{_day(start)} – {_day(end)}")
    elif start > period.start:
        notes.append(_("từ %(day)s") % {"day": _day(start)})
    elif end < period.end:
        notes.append(_("đến %(day)s") % {"day": _day(end)})
    return f"{row.name} ({', '.join(notes)})" if notes else row.name


def _row_cells(label: str, row: RowTotals) -> list[Cell]:
    return [
        label,
        row.initiatives,
        row.conferences,
        row.indicator_values,
        row.collectives,
        row.individuals,
        row.targets,
        row.targets_met,
        _("Có") if row.reported else _("Chưa"),
    ]


def _field_names() -> dict[str, str]:
    return {f.code: f.label for f in Field.objects.all()}


def _signed(difference: Decimal | int) -> str:
    if difference == 0:
        return "="
    sign = "+" if difference > 0 else "−"
    return f"{sign}{format_quantity(abs(Decimal(difference)))}"


def report_figures(unit: Unit, period: Period) -> Figures:
    now = rollup(unit, period, rows=True)
    before = rollup(unit, period.year_before())
    names = _field_names()
    tables: list[Table] = []

    by_field = Table(
        "initiatives_by_field",
        _("Mô hình, điển hình “Dân vận khéo” theo lĩnh vực"),
        [_("Lĩnh vực"), _("Kỳ này"), _("Cùng kỳ năm trước"), _("Tăng, giảm")],
        signed_columns=frozenset({3}),
    )
    codes = sorted(
        set(now.initiatives_by_field) | set(before.initiatives_by_field),
        key=lambda c: list(names).index(c) if c in names else len(names),
    )
    for code in codes:
        a, b = (
            now.initiatives_by_field.get(code, 0),
            before.initiatives_by_field.get(code, 0),
        )
        by_field.rows.append([names.get(code, code), a, b, a - b])
    by_field.rows.append(
        [
            _("Tổng số"),
            now.initiatives,
            before.initiatives,
            now.initiatives - before.initiatives,
        ]
    )
    tables.append(by_field)

    statuses = dict(Initiative.Status.choices)
    detail = Table(
        "initiatives_detail",
        _("Mô hình, điển hình theo nguồn gốc, chủ thể và trạng thái"),
        [_("Nội dung"), _("Số lượng")],
    )
    detail.rows += [
        [_("Mô hình mới"), now.initiatives_new],
        [_("Mô hình nhân rộng"), now.initiatives_replicated],
        [_("Do tập thể thực hiện"), now.initiatives_by_holder.get("collective", 0)],
        [_("Do cá nhân thực hiện"), now.initiatives_by_holder.get("individual", 0)],
    ]
    detail.rows += [
        [str(label), now.initiatives_by_status[code]]
        for code, label in statuses.items()
        if code in now.initiatives_by_status
    ]
    tables.append(detail)

    kinds = dict(Conference.Kind.choices)
    conferences = Table(
        "conferences", _("Hội nghị, đối thoại theo loại"), [_("Loại"), _("Số cuộc")]
    )
    conferences.rows += [
        [str(kinds.get(code, code)), n] for code, n in now.conferences_by_kind.items()
    ]
    conferences.rows.append([_("Tổng số"), sum(now.conferences_by_kind.values())])
    tables.append(conferences)

    forms = dict(Award.Form.choices)
    awards = Table(
        "awards",
        _("Khen thưởng theo hình thức"),
        [_("Hình thức"), _("Tập thể"), _("Cá nhân")],
    )
    awards.rows += [
        [str(forms.get(code, code)), collectives, individuals]
        for code, (collectives, individuals) in now.awards_by_form.items()
    ]
    tables.append(awards)
    levels = Table(
        "awards_by_level",
        _("Khen thưởng theo cấp khen"),
        [_("Cấp khen"), _("Tập thể"), _("Cá nhân")],
    )
    levels.rows += [
        [
            gettext(row.level) if row.level else _("Cơ quan ngoài danh mục"),
            row.collectives,
            row.individuals,
        ]
        for row in now.awards_by_level
    ]
    tables.append(levels)

    indicators = Table(
        "indicators",
        _("Kết quả các chỉ số"),
        [
            _("Chỉ số"),
            _("Kết quả"),
            _("Trên tổng số"),
            _("Tỷ lệ"),
            _("Cùng kỳ: kết quả"),
            _("Cùng kỳ: tỷ lệ"),
        ],
        percent_columns=frozenset({3, 5}),
    )
    for code, total in now.indicators.items():
        earlier = before.indicators.get(code)
        indicators.rows.append(
            [
                gettext(total.name),
                total.value,
                total.denominator,
                total.percent,
                earlier.value if earlier else None,
                earlier.percent if earlier else None,
            ]
        )
    tables.append(indicators)

    comparisons = dict(Target.Comparison.choices)
    targets = Table(
        "targets",
        _("Thực hiện chỉ tiêu"),
        [
            _("Cuộc vận động, phong trào"),
            _("Đơn vị"),
            _("Chỉ tiêu"),
            _("Kế hoạch"),
            _("Đạt"),
            _("Tỷ lệ"),
            _("Đánh giá"),
        ],
        percent_columns=frozenset({5}),
    )
    targets.rows += [
        [
            t.campaign,
            t.unit,
            t.description,
            f"{comparisons.get(t.comparison, '')} {format_quantity(t.quantity)} "
            f"{t.measure}".strip(),
            t.achieved,
            t.percent,
            _("Đạt") if t.met else _("Chưa đạt"),
        ]
        for t in now.targets
    ]
    tables.append(targets)

    tables.append(_by_unit(now, period))
    return Figures(unit, period, now, before, tables, _trend(unit, now, before))


def _trend(
    unit: Unit, now: Rollup, before: Rollup, years: int = 5
) -> list[tuple[str, int]]:
    periods: list[Period] = [now.period]
    for _year in range(years - 1):
        periods.insert(0, periods[0].year_before())
    known = {now.period: now.initiatives, before.period: before.initiatives}
    known |= initiatives_totals(unit, [p for p in periods if p not in known])
    return [(str(p.start.year), known[p]) for p in periods]


def _by_unit(now: Rollup, period: Period) -> Table:
    """Per unit under this one during the period, as they were. The rows add
    up to the totals; a unit this one was formed from is followed by its own
    units of the time ("trong đó")."""
    table = Table(
        "children",
        _("Theo đơn vị trực thuộc"),
        [
            _("Đơn vị"),
            _("Mô hình, điển hình"),
            _("Hội nghị"),
            _("Số liệu chỉ số"),
            _("Tập thể được khen"),
            _("Cá nhân được khen"),
            _("Chỉ tiêu"),
            _("Chỉ tiêu đạt"),
            _("Đã báo cáo"),
        ],
    )
    for row in now.rows:
        table.rows.append(_row_cells(row_label(row, period), row))
        table.row_units.append(row.unit.pk)
        if row.row.formed_from:
            part = Period(PeriodKind.RANGE, row.row.start, row.row.end)
            for sub in rollup(row.unit, part, rows=True).rows:
                if sub.reported or not sub.row.own:
                    table.rows.append(_row_cells(f"– {row_label(sub, part)}", sub))
                    table.row_units.append(sub.unit.pk)
    if now.rows:
        table.rows.append(
            [
                _("Tổng số"),
                now.initiatives,
                now.conferences,
                sum(r.indicator_values for r in now.rows),
                sum(c for c, _i in now.awards_by_form.values()),
                sum(i for _c, i in now.awards_by_form.values()),
                len(now.targets),
                now.targets_met,
                None,
            ]
        )
        table.row_units.append(None)
    return table


def _key(kind: str, unit: Unit, period: Period, *parts: str) -> str:
    from django.utils import timezone
    from django.utils.translation import get_language

    return ":".join(
        [
            "danvan",
            kind,
            str(unit.pk),
            period.code,
            *parts,
            get_language() or "",
            timezone.localdate().isoformat(),
        ]
    )


def cached(
    kind: str, unit: Unit, period: Period, make: Callable[[], T], *, version: int
) -> T:
    """``make()``, kept in the cache for this unit, period, data version,
    language and day. With several web processes the cache is Redis
    (CACHE_URL), so what one computes serves all; the version in the key
    means the entry is used only with the data it was made from."""
    from django.core.cache import cache

    key = _key(kind, unit, period, str(version))
    found = cache.get(key)
    if found is None:
        found = make()
        cache.set(key, found, timeout=CACHE_SECONDS)
    return found  # type: ignore[no-any-return]


CACHE_SECONDS = 3600


@dataclass(frozen=True)
class Snapshot(Generic[T]):
    """Figures as computed from the data at ``version``, at ``computed_at``."""

    value: T
    version: int
    computed_at: float
    # How long computing it took (s): a slow one is computed again in the
    # background while the page shows this one (see ``snapshot``).
    seconds: float = 0.0

    @property
    def at(self) -> dt.datetime:
        from django.utils import timezone

        return timezone.localtime(dt.datetime.fromtimestamp(self.computed_at, dt.UTC))

    @property
    def max_age(self) -> int:
        from django.conf import settings

        return int(settings.FIGURES_MAX_AGE_SECONDS)


def snapshot_key(kind: str, unit: Unit, period: Period) -> str:
    """Where the snapshot of ``kind`` for the unit and period is kept."""
    return _key(f"snapshot-{kind}", unit, period)


def kept_snapshot(kind: str, unit: Unit, period: Period) -> Snapshot[object] | None:
    """The snapshot kept for the unit and period, if any."""
    from django.core.cache import cache

    found = cache.get(snapshot_key(kind, unit, period))
    return found if isinstance(found, Snapshot) else None


def snapshot(
    kind: str,
    unit: Unit,
    period: Period,
    make: Callable[[], T],
    *,
    fresh: bool = False,
    refresh: Callable[[], None] | None = None,
) -> Snapshot[T]:
    """``make()`` as of the data now, or as of a moment ago.

    A province's figures take a few hundred milliseconds of the server to
    compute, and with an office at work the data changes every few seconds:
    recomputing on every change made each dashboard view pay for it. So pages
    show a snapshot: the one in the cache serves while it is younger than
    FIGURES_MAX_AGE_SECONDS, even if the data has changed since; the page
    says when its figures were computed and offers to compute them again
    (``fresh``). With unchanged data the snapshot serves however old it is.

    Older than that, with the data changed, it is computed again; when the
    last computation took FIGURES_BACKGROUND_SECONDS or more (a nation's or a
    large province's figures), ``refresh()`` is asked to compute it in the
    background (once at a time) and the page shows the older one meanwhile,
    with its time: a dashboard appears at once whatever its size.

    Reports' documents do not come through here; they always compute afresh."""
    from django.conf import settings
    from django.core.cache import cache

    from danvan.audit import FIGURE_APPS, data_version

    key = snapshot_key(kind, unit, period)
    current = data_version(apps=FIGURE_APPS)
    found = cache.get(key)
    if isinstance(found, Snapshot) and not fresh:
        young = time.time() - found.computed_at < settings.FIGURES_MAX_AGE_SECONDS
        if found.version == current or young:
            return found
        slow = found.seconds >= settings.FIGURES_BACKGROUND_SECONDS
        if slow and refresh is not None:
            if cache.add(f"{key}:refreshing", 1, timeout=300):
                refresh()
            return found
    elif isinstance(found, Snapshot) and found.version == current:
        return found
    return store_snapshot(kind, unit, period, make, version=current)


def store_snapshot(
    kind: str,
    unit: Unit,
    period: Period,
    make: Callable[[], T],
    *,
    version: int,
    release: bool = True,
) -> Snapshot[T]:
    """``make()`` computed now and kept as the snapshot of ``version``; with
    ``release``, a background refresh may be asked for again."""
    from django.core.cache import cache

    key = snapshot_key(kind, unit, period)
    started = time.perf_counter()
    value = make()
    made = Snapshot(value, version, time.time(), time.perf_counter() - started)
    cache.set(key, made, timeout=CACHE_SECONDS)
    if release:
        release_refresh(kind, unit, period)
    return made


def release_refresh(kind: str, unit: Unit, period: Period) -> None:
    """A background refresh of the snapshot has ended (see ``snapshot``)."""
    from django.core.cache import cache

    cache.delete(f"{snapshot_key(kind, unit, period)}:refreshing")


def figures_for_page(
    unit: Unit, period: Period, *, fresh: bool = False
) -> Snapshot[Figures]:
    """``report_figures`` as a snapshot (see ``snapshot``)."""
    return snapshot(
        "figures",
        unit,
        period,
        lambda: report_figures(unit, period),
        fresh=fresh,
        refresh=lambda: _refresh_in_background(unit, period),
    )


def _refresh_in_background(unit: Unit, period: Period) -> None:
    """Compute the page's figures again away from the request: on a Celery
    worker when there is a broker, else on a thread of this process."""
    from django.conf import settings
    from django.utils.translation import get_language

    from reports.tasks import refresh_figures

    args = (unit.pk, period.code, get_language() or settings.LANGUAGE_CODE)
    if settings.CELERY_TASK_ALWAYS_EAGER:
        import threading

        threading.Thread(
            target=refresh_figures, args=args, name="figures", daemon=True
        ).start()
    else:
        refresh_figures.delay(*args)


def recompute_figures(unit: Unit, period: Period) -> Snapshot[Figures]:
    """The page's figures computed now from the data as it is, and kept (the
    caller ends the refresh with ``release_refresh``)."""
    from danvan.audit import FIGURE_APPS, data_version

    return store_snapshot(
        "figures",
        unit,
        period,
        lambda: report_figures(unit, period),
        version=data_version(apps=FIGURE_APPS),
        release=False,
    )


def figures_now(unit: Unit, period: Period) -> Figures:
    """``report_figures`` of the data as it is now, for documents.

    Computed figures are kept per data version: when the report page (or a
    download a moment ago) has computed them from the data as it still is,
    they are used as they are; otherwise they are computed now (and kept for
    the page). Never older than the data, unlike a page's snapshot."""
    found = figures_for_page(unit, period, fresh=True)
    return replace(found.value, version=found.version)
