"""Benchmark: a report's documents against the roll-up alone, on the demo data.

Run:
    uv run python bench/documents.py                    # SQLite under var/bench/
    DATABASE_URL=postgres://…/danvan_docs uv run python bench/documents.py

The first run builds the demo (five provinces, 2021 to today) in its own
database. For a province (Thành phố Đà Nẵng) and a ward (Phường Điện Bàn) it
times, in one run and as medians of --repeat runs: the roll-up alone (the
baseline), the figures (roll-up now and a year before, per-unit rows,
five-year trend), the drafted text, and the DOCX (figures, charts, built-in
layout) in the three ways it is asked for: "Tải DOCX" on the report's page,
whose figures the page has just computed from the same data; cold, with
nothing computed (cache cleared before each run); a new draft and its DOCX
from nothing; and the same download again (charts kept for the unchanged
data). Then the XLSX (cold), the news draft of a conference, and once the
PDF (LibreOffice). Each is printed with its ratio to the roll-up. Results
also go to bench/results/documents-<db>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup() -> None:
    bench_dir = ROOT / "var" / "bench"
    bench_dir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault(
        "DATABASE_URL", f"sqlite:///{bench_dir / 'documents.sqlite3'}"
    )
    os.environ.setdefault("DANVAN_VAR_DIR", str(bench_dir))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECRET_KEY", "bench-only")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    import django

    django.setup()
    from django.core.management import call_command

    from danvan.demo import build_demo, demo_loaded

    call_command("migrate", verbosity=0)
    if not demo_loaded():
        started = time.perf_counter()
        build_demo(national=False, say=lambda _text: None)
        print(f"demo built in {time.perf_counter() - started:.0f} s")


def timed(
    function: Callable[[], Any],
    repeat: int,
    before: Callable[[], Any] | None = None,
) -> float:
    """The median time of ``function``; ``before`` runs untimed before each."""
    times = []
    for _ in range(repeat):
        if before is not None:
            before()
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-pdf", action="store_true")
    args = parser.parse_args()
    setup()
    from django.core.cache import cache
    from django.db import connection

    from org.models import Unit
    from reports.documents import docx_to_pdf, report_docx, report_xlsx, soffice
    from reports.figures import figures_for_page, report_figures
    from reports.news import conference_article
    from reports.periods import parse_period
    from reports.rollup import rollup
    from reports.services import drafted_sections, report_draft
    from work.models import Conference

    cases = [
        (Unit.objects.get(code="48", valid_to__isnull=True), "2023"),
        (Unit.objects.get(code="48", valid_to__isnull=True), "2025"),
        (Unit.objects.get(name="Phường Điện Bàn", valid_to__isnull=True), "2026H1"),
    ]
    results = []
    print(f"database: {connection.vendor}; median of {args.repeat} runs")
    print(f"{'unit':<22} {'period':<7} {'what':<20} {'time':>10} {'× roll-up':>10}")
    for unit, code in cases:
        period = parse_period(code)
        report = report_draft(unit=unit, period=period)
        conference = Conference.objects.filter(unit=unit).order_by("-date").first()

        def whole_docx(u: Unit = unit, p: Any = period) -> bytes:
            return report_docx(report_draft(unit=u, period=p))

        def page_viewed(u: Unit = unit, p: Any = period) -> None:
            cache.clear()
            figures_for_page(u, p)

        # (what, function, untimed set-up before each run)
        steps: list[tuple[str, Callable[[], Any], Callable[[], Any] | None]] = [
            ("roll-up (baseline)", partial(rollup, unit, period, rows=True), None),
            ("figures", partial(report_figures, unit, period), None),
            ("drafted text", partial(drafted_sections, unit, period), None),
            # "Tải DOCX" on a report's page: the page has just computed the
            # figures from the data as it is, so the document takes them.
            ("DOCX after its page", partial(report_docx, report), page_viewed),
            # The same download with nothing computed before (cache cleared).
            ("DOCX, cold", partial(report_docx, report), cache.clear),
            # A new draft and its DOCX, from nothing.
            ("new draft + DOCX", whole_docx, cache.clear),
            ("DOCX again", partial(report_docx, report), None),
            ("XLSX, cold", partial(report_xlsx, report), cache.clear),
        ]
        if conference is not None:
            steps.append(("news draft", partial(conference_article, conference), None))
        baseline = None
        for name, function, before in steps:
            seconds = timed(function, args.repeat, before)
            baseline = baseline or seconds
            ratio = seconds / baseline
            results.append(
                {"unit": unit.name, "period": code, "what": name, "seconds": seconds}
            )
            print(
                f"{unit.name:<22} {code:<7} {name:<20} "
                f"{seconds * 1000:>8.1f} ms {ratio:>9.1f}"
            )
        if not args.no_pdf and soffice() is not None:
            docx = report_docx(report)
            seconds = timed(partial(docx_to_pdf, docx), 1)
            results.append(
                {"unit": unit.name, "period": code, "what": "PDF", "seconds": seconds}
            )
            print(
                f"{unit.name:<22} {code:<7} {'PDF (LibreOffice)':<20} "
                f"{seconds * 1000:>8.1f} ms {seconds / (baseline or 1):>9.1f}"
            )
    out = ROOT / "bench" / "results" / f"documents-{connection.vendor}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=1))
    print(f"written to {out}")


if __name__ == "__main__":
    main()
