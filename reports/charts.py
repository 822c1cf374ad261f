"""Charts of the figures, drawn by matplotlib on the server.

The same function draws a chart for the page (SVG) and for the documents
(PNG), so they look the same everywhere and nothing loads from a CDN. The
object API (no pyplot) keeps it free of global state, safe in threads.
matplotlib is imported on first use, not when the site starts; documents
draw their charts in their own font.
"""

from __future__ import annotations

import functools
import io
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.functional import Promise
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from reports.figures import Figures, Snapshot, row_label
from vn.numbers import format_percent, format_quantity

if TYPE_CHECKING:
    from matplotlib.figure import Figure

_BLUE = "#1f4e79"
_GREY = "#9aa7b4"
_RED = "#b3261e"
_GREEN = "#2e7d32"


def _figure(height: float = 3.2, *, left: float = 0.08, bottom: float = 0.12) -> Figure:
    """A figure with fixed margins: a layout engine would cost more time than
    drawing the chart."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(6.4, height), dpi=100)
    inch = 1 / height  # margins in inches, whatever the height
    figure.subplots_adjust(
        left=left, right=0.97, top=1 - 0.45 * inch, bottom=max(bottom, 0.45 * inch)
    )
    figure.patch.set_facecolor("white")
    return figure


def _wrap(label: str, width: int = 18) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


def _counts(axis: Any, top: float) -> None:
    """A count axis: whole numbers only, from 0 (never 0.2 or -0.04)."""
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))
    axis.set_view_interval(0, max(top, 1) * 1.15, ignore=True)


def by_field(figures: Figures) -> Figure:
    table = figures.table("initiatives_by_field")
    rows = [r for r in table.rows if r[0] != gettext("Tổng số")]
    figure = _figure(bottom=0.2)
    axes = figure.subplots()
    labels = [_wrap(str(r[0])) for r in rows]
    positions = range(len(rows))
    now = [int(r[1] or 0) for r in rows]
    before = [int(r[2] or 0) for r in rows]
    axes.bar(
        [p - 0.2 for p in positions], before, 0.4, color=_GREY, label=gettext("Cùng kỳ")
    )
    bars = axes.bar(
        [p + 0.2 for p in positions], now, 0.4, color=_BLUE, label=gettext("Kỳ này")
    )
    axes.bar_label(bars, fontsize=8)
    _counts(axes.yaxis, max([*now, *before, 1]))
    axes.set_xticks(list(positions), labels, fontsize=8)
    axes.set_title(gettext("Mô hình, điển hình theo lĩnh vực"), fontsize=10)
    axes.legend(fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    return figure


SHOWN_CHILDREN = 15


def child_bars(figures: Figures) -> list[tuple[str, int, bool]]:
    """The per-unit chart's bars: the units with the most models, then the
    others together, so that 94 wards stay readable; (name, models,
    reported)."""
    children = sorted(figures.children, key=lambda c: -c.initiatives)
    bars = [
        (row_label(c, figures.period), c.initiatives, c.reported)
        for c in children[:SHOWN_CHILDREN]
    ]
    rest = children[SHOWN_CHILDREN:]
    if rest:
        bars.append(
            (
                ngettext(
                    "%(count)d đơn vị còn lại", "%(count)d đơn vị còn lại", len(rest)
                )
                % {"count": len(rest)},
                sum(c.initiatives for c in rest),
                all(c.reported for c in rest),
            )
        )
    return bars


def by_child(figures: Figures) -> Figure:
    bars_shown = child_bars(figures)
    figure = _figure(max(2.4, 0.28 * len(bars_shown) + 1), left=0.36)
    axes = figure.subplots()
    names = [_wrap(name, 28) for name, _n, _r in bars_shown]
    values = [n for _name, n, _r in bars_shown]
    colours = [_BLUE if reported else _RED for _name, _n, reported in bars_shown]
    positions = list(range(len(bars_shown)))
    bars = axes.barh(positions, values, color=colours)
    axes.set_yticks(positions, names)
    axes.bar_label(bars, fontsize=7)
    _counts(axes.xaxis, max([*values, 1]))
    axes.invert_yaxis()
    axes.tick_params(axis="y", labelsize=7)
    axes.set_title(gettext("Mô hình, điển hình theo đơn vị trực thuộc"), fontsize=10)
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def trend(figures: Figures) -> Figure:
    labels = [year for year, _n in figures.trend]
    totals = [n for _year, n in figures.trend]
    figure = _figure(2.8)
    axes = figure.subplots()
    # Positions, not the year labels themselves: matplotlib would take strings
    # that look like numbers for categories and say so on every chart.
    positions = list(range(len(labels)))
    axes.plot(positions, totals, marker="o", color=_BLUE)
    axes.set_xticks(positions, labels)
    for position, total in zip(positions, totals, strict=True):
        axes.annotate(
            str(total),
            (position, total),
            textcoords="offset points",
            xytext=(0, 6),
            ha="center",
            fontsize=8,
        )
    period = figures.period.display
    axes.set_title(
        gettext("Mô hình, điển hình qua các năm (%(period)s)")
        % {"period": period[:1].lower() + period[1:]},
        fontsize=10,
    )
    _counts(axes.yaxis, max([*totals, 1]) * 1.05)
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def targets(figures: Figures) -> Figure:
    results = figures.now.targets[:20]
    figure = _figure(max(2.0, 0.3 * len(results) + 1), left=0.45)
    axes = figure.subplots()
    if not results:
        axes.text(
            0.5, 0.5, gettext("Không có chỉ tiêu trong kỳ"), ha="center", va="center"
        )
        axes.set_axis_off()
        return figure
    names = [_wrap(f"{t.unit}: {t.description}", 36) for t in results]
    percents = [float(t.percent or 0) for t in results]
    colours = [_GREEN if t.met else _RED for t in results]
    positions = list(range(len(results)))
    bars = axes.barh(positions, percents, color=colours)
    axes.set_yticks(positions, names)
    axes.bar_label(bars, labels=[f"{p:.0f}%" for p in percents], fontsize=7)
    axes.axvline(100, color="black", linewidth=0.8, linestyle="--")
    axes.invert_yaxis()
    axes.tick_params(axis="y", labelsize=7)
    axes.set_title(
        gettext("Chỉ tiêu đạt %(met)d/%(all)d")
        % {"met": figures.now.targets_met, "all": len(figures.now.targets)},
        fontsize=10,
    )
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def _field_table(figures: Figures) -> tuple[list[Any], list[list[Any]]]:
    table = figures.table("initiatives_by_field")
    return table.header[:3], [row[:3] for row in table.text_rows()]


def _child_table(figures: Figures) -> tuple[list[Any], list[list[Any]]]:
    return [_("Đơn vị"), _("Mô hình, điển hình"), _("Đã báo cáo")], [
        [name, format_quantity(n), _("Có") if reported else _("Chưa")]
        for name, n, reported in child_bars(figures)
    ]


def _trend_table(figures: Figures) -> tuple[list[Any], list[list[Any]]]:
    return [_("Năm"), _("Mô hình, điển hình")], [
        [year, format_quantity(n)] for year, n in figures.trend
    ]


def _targets_table(figures: Figures) -> tuple[list[Any], list[list[Any]]]:
    return [_("Đơn vị"), _("Chỉ tiêu"), _("Tỷ lệ"), _("Đánh giá")], [
        [
            str(t.unit),
            t.description,
            format_percent(t.percent),
            _("Đạt") if t.met else _("Chưa đạt"),
        ]
        for t in figures.now.targets[:20]
    ]


@dataclass(frozen=True)
class Chart:
    key: str
    title: str | Promise
    draw: Callable[[Figures], Figure]
    # The same numbers as a table: for screen readers and for reading exact
    # values (pages show it under the chart).
    data: Callable[[Figures], tuple[list[Any], list[list[Any]]]]
    # Whether the figures have anything for this chart to show.
    has_data: Callable[[Figures], bool]

    def table(self, figures: Figures) -> dict[str, Any]:
        header, rows = self.data(figures)
        return {"header": header, "rows": rows}


CHARTS = [
    Chart(
        "by-field",
        _("Mô hình, điển hình theo lĩnh vực"),
        by_field,
        _field_table,
        lambda f: bool(f.now.initiatives or f.before.initiatives),
    ),
    Chart(
        "by-child",
        _("Mô hình, điển hình theo đơn vị trực thuộc"),
        by_child,
        _child_table,
        lambda f: any(c.initiatives for c in f.children),
    ),
    Chart(
        "trend",
        _("Mô hình, điển hình qua các năm"),
        trend,
        _trend_table,
        lambda f: any(n for _year, n in f.trend),
    ),
    Chart(
        "targets",
        _("Thực hiện chỉ tiêu"),
        targets,
        _targets_table,
        lambda f: bool(f.now.targets),
    ),
]


def render(figure: Figure, fmt: str) -> bytes:
    """The chart as SVG (for pages) or PNG (for documents)."""
    buffer = io.BytesIO()
    # 120 dpi: a 6.4-inch chart printed 150 mm wide stays sharp.
    options = {"metadata": {"Date": None}} if fmt == "svg" else {"dpi": 120}
    figure.savefig(buffer, format=fmt, **options)
    return buffer.getvalue()


# Fonts with every Vietnamese letter, tried after the document's own font:
# Times New Roman is replaced by Liberation Serif (same metrics) where it
# is not installed, and DejaVu comes with matplotlib.
_FALLBACK_FONTS = ("Liberation Serif", "DejaVu Serif", "DejaVu Sans")


@functools.cache
def _families(font: str) -> tuple[str, ...]:
    """The installed families among ``font`` and the fallbacks, in order."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    wanted = (font, *_FALLBACK_FONTS)
    return tuple(f for f in wanted if f in installed) or ("DejaVu Sans",)


def drawn(chart: Chart, figures: Figures, fmt: str, *, font: str = "") -> bytes:
    """``chart`` drawn from ``figures`` (computed once by the caller) and
    rendered, in ``font`` when it is installed. Figures that know their data
    version have their drawings kept for it: a chart takes about 150 ms."""
    if figures.version is None:
        return _drawn(chart, figures, fmt, font)
    from reports.figures import cached

    return cached(
        f"chart-{chart.key}-{fmt}-{font.replace(' ', '_')}",
        figures.unit,
        figures.period,
        lambda: _drawn(chart, figures, fmt, font),
        version=figures.version,
    )


def on_page(chart: Chart, snap: Snapshot[Figures]) -> bytes:
    """``chart`` as the dashboard shows it (SVG), drawn once per snapshot."""
    from reports.figures import cached

    figures = snap.value
    return cached(
        f"chart-{chart.key}",
        figures.unit,
        figures.period,
        lambda: drawn(chart, figures, "svg"),
        version=snap.version,
    )


def _drawn(chart: Chart, figures: Figures, fmt: str, font: str) -> bytes:
    import matplotlib

    families = list(_families(font)) if font else list(_FALLBACK_FONTS[1:])
    # In SVG, text stays text (the browser draws it, screen readers and search
    # read it): four times smaller and a quarter faster than glyph outlines.
    with matplotlib.rc_context({"font.family": families, "svg.fonttype": "none"}):
        return render(chart.draw(figures), fmt)


def shown(figures: Figures) -> list[Chart]:
    """The charts that have something to show (the page says in words when
    none has)."""
    return [chart for chart in CHARTS if chart.has_data(figures)]


def for_page(figures: Figures) -> list[dict[str, Any]]:
    """The charts a page shows, each with its numbers as a table."""
    return [
        {"key": chart.key, "title": chart.title, **chart.table(figures)}
        for chart in shown(figures)
    ]
