"""Benchmark: a report's documents against the roll-up alone, on the demo data.

Run:
    uv run python bench/documents.py                    # SQLite under var/bench/
    DATABASE_URL=postgres://…/danvan_docs uv run python bench/documents.py

The first run builds the demo (five provinces, 2021 to today) in its own
database. For a province (Thành phố Đà Nẵng) and a ward (Phường Điện Bàn) it
times, in one run and as medians of --repeat runs: the roll-up alone (the
baseline), the figures (roll-up now and a year before, per-unit rows,
five-year trend), the drafted text, the DOCX (drafted text, figures, charts,
built-in layout: what the page's "Tải DOCX" serves), the XLSX, the news
draft of a conference, and once the PDF (LibreOffice). Each is printed with
its ratio to the roll-up. Results also go to bench/results/documents-<db>.json.
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


def timed(function: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
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
    from django.db import connection

    from org.models import Unit
    from reports.documents import docx_to_pdf, report_docx, report_xlsx, soffice
    from reports.figures import report_figures
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

        steps: list[tuple[str, Callable[[], Any]]] = [
            ("roll-up (baseline)", partial(rollup, unit, period, rows=True)),
            ("figures", partial(report_figures, unit, period)),
            ("drafted text", partial(drafted_sections, unit, period)),
            ("DOCX (all of it)", whole_docx),
            ("XLSX", partial(report_xlsx, report)),
        ]
        if conference is not None:
            steps.append(("news draft", partial(conference_article, conference)))
        baseline = None
        for name, function in steps:
            seconds = timed(function, args.repeat)
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
