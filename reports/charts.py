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
from typing import TYPE_CHECKING

from reports.figures import Figures, row_label

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


def by_field(figures: Figures) -> Figure:
    table = figures.table("initiatives_by_field")
    rows = [r for r in table.rows if r[0] != "Tổng số"]
    figure = _figure(bottom=0.2)
    axes = figure.subplots()
    labels = [_wrap(str(r[0])) for r in rows]
    positions = range(len(rows))
    now = [int(r[1] or 0) for r in rows]
    before = [int(r[2] or 0) for r in rows]
    axes.bar([p - 0.2 for p in positions], before, 0.4, color=_GREY, label="Cùng kỳ")
    bars = axes.bar([p + 0.2 for p in positions], now, 0.4, color=_BLUE, label="Kỳ này")
    axes.bar_label(bars, fontsize=8)
    axes.set_xticks(list(positions), labels, fontsize=8)
    axes.set_title("Mô hình, điển hình theo lĩnh vực", fontsize=10)
    axes.legend(fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def by_child(figures: Figures) -> Figure:
    # The 25 with the most initiatives; those without data are listed beside.
    children = sorted(figures.children, key=lambda c: -c.initiatives)[:25]
    figure = _figure(max(2.4, 0.28 * len(children) + 1), left=0.36)
    axes = figure.subplots()
    names = [_wrap(row_label(c, figures.period), 28) for c in children]
    values = [c.initiatives for c in children]
    colours = [_BLUE if c.reported else _RED for c in children]
    positions = list(range(len(children)))
    bars = axes.barh(positions, values, color=colours)
    axes.set_yticks(positions, names)
    axes.bar_label(bars, fontsize=7)
    axes.invert_yaxis()
    axes.tick_params(axis="y", labelsize=7)
    title = "Mô hình, điển hình theo đơn vị trực thuộc"
    if len(figures.children) > len(children):
        title += f" (25/{len(figures.children)} đơn vị nhiều nhất)"
    axes.set_title(title, fontsize=10)
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
    axes.set_title(
        f"Mô hình, điển hình qua các năm ({figures.period.label})", fontsize=10
    )
    axes.set_ylim(bottom=0, top=max([*totals, 1]) * 1.2)
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def targets(figures: Figures) -> Figure:
    results = figures.now.targets[:20]
    figure = _figure(max(2.0, 0.3 * len(results) + 1), left=0.45)
    axes = figure.subplots()
    if not results:
        axes.text(0.5, 0.5, "Không có chỉ tiêu trong kỳ", ha="center", va="center")
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
        f"Chỉ tiêu đạt {figures.now.targets_met}/{len(figures.now.targets)}",
        fontsize=10,
    )
    axes.spines[["top", "right"]].set_visible(False)
    return figure


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    draw: Callable[[Figures], Figure]


CHARTS = [
    Chart("by-field", "Theo lĩnh vực", by_field),
    Chart("by-child", "Theo đơn vị trực thuộc", by_child),
    Chart("trend", "Qua các năm", trend),
    Chart("targets", "Chỉ tiêu", targets),
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
    rendered, in ``font`` when it is installed."""
    import matplotlib

    families = list(_families(font)) if font else list(_FALLBACK_FONTS[1:])
    with matplotlib.rc_context({"font.family": families}):
        return render(chart.draw(figures), fmt)


def shown(figures: Figures) -> list[Chart]:
    """The charts that have something to show."""
    return [
        chart
        for chart in CHARTS
        if not (chart.key == "by-child" and not figures.children)
        and not (chart.key == "targets" and not figures.now.targets)
    ]
