"""Benchmark: the roll-up for the nation, one province and one commune.

Run:
    uv run python bench/rollup.py                       # SQLite file under var/bench/
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/danvan_bench \
        uv run python bench/rollup.py

The first run builds the data with ``danvan bench_data`` (national hierarchy,
ten years: 500,000 initiatives, 100,000 conferences, 50,000 awards, 1,000,000
indicator values); later runs reuse it (``--rebuild`` to start again). Sizes
can be lowered with --initiatives/--conferences/--values for a quick look.

For each scope and period it times ``reports.rollup.rollup`` (median of
--repeat runs) and, in the same run, one hand-written SQL statement that
computes the same totals, checks that both give the same numbers, and prints
time, ratio to the hand-written query and peak memory (Python allocations
during one roll-up, by tracemalloc, and the process's peak RSS). The table is
also written as JSON to bench/results/.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
import tracemalloc
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from national import add_size_arguments, ensure_national_data  # noqa: E402


def setup(args: argparse.Namespace) -> None:
    bench_dir = ROOT / "var" / "bench"
    bench_dir.mkdir(parents=True, exist_ok=True)
    if "DATABASE_URL" not in os.environ:
        path = bench_dir / "rollup.sqlite3"
        if args.rebuild and path.exists():
            path.unlink()
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DANVAN_VAR_DIR", str(bench_dir))
    os.environ.setdefault("SECRET_KEY", "bench-only")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    ensure_national_data(args)


HAND_SQL = """
WITH scope AS (SELECT id FROM org_unit WHERE path LIKE %(prefix)s)
SELECT 'i', f.code || '|' || i.status || '|' || i.holder_kind || '|' || i.origin,
       COUNT(*), 0, 0
  FROM work_initiative i JOIN work_field f ON f.id = i.field_id
 WHERE i.unit_id IN (SELECT id FROM scope)
   AND i.registered_on BETWEEN %(start)s AND %(end)s
 GROUP BY f.code, i.status, i.holder_kind, i.origin
UNION ALL
SELECT 'c', c.kind, COUNT(*), 0, 0 FROM work_conference c
 WHERE c.unit_id IN (SELECT id FROM scope) AND c.date BETWEEN %(start)s AND %(end)s
 GROUP BY c.kind
UNION ALL
SELECT 'a', a.form, COUNT(*), SUM(a.collective_count), SUM(a.individual_count)
  FROM work_award a
 WHERE a.unit_id IN (SELECT id FROM scope) AND a.date BETWEEN %(start)s AND %(end)s
 GROUP BY a.form
UNION ALL
SELECT 'l', COALESCE(lv.name, ''), COUNT(*), SUM(a.collective_count),
       SUM(a.individual_count)
  FROM work_award a
  LEFT JOIN org_body b ON b.id = a.issuer_id
  LEFT JOIN org_unit bu ON bu.id = b.unit_id
  LEFT JOIN org_unitkind k ON k.id = bu.kind_id
  LEFT JOIN org_level lv ON lv.id = k.level_id
 WHERE a.unit_id IN (SELECT id FROM scope) AND a.date BETWEEN %(start)s AND %(end)s
 GROUP BY lv.name
UNION ALL
SELECT 'v', ind.code, COUNT(*), SUM(v.value), SUM(v.denominator)
  FROM work_indicatorvalue v JOIN work_indicator ind ON ind.id = v.indicator_id
 WHERE v.unit_id IN (SELECT id FROM scope) AND v.initiative_id IS NULL
   AND v.period_start >= %(start)s AND v.period_end <= %(end)s
 GROUP BY ind.code
"""


def hand_written(prefix: str, start: Any, end: Any) -> dict[str, Any]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(HAND_SQL, {"prefix": prefix + "%", "start": start, "end": end})
        rows = cursor.fetchall()
    field: Counter[str] = Counter()
    conferences: Counter[str] = Counter()
    values: dict[str, Decimal] = {}
    for kind, key, count, a, _b in rows:
        if kind == "i":
            field[key.split("|")[0]] += count
        elif kind == "c":
            conferences[key] += count
        elif kind == "v":
            values[key] = Decimal(str(a))
    return {"fields": dict(field), "conferences": dict(conferences), "values": values}


def timed(function: Any, repeat: int) -> tuple[float, Any]:
    times = []
    result = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    add_size_arguments(parser)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    setup(args)

    from django.db import connection
    from django.db.models import Count
    from django.db.models.functions import Substr

    from org.models import Unit
    from reports.periods import parse_period
    from reports.rollup import rollup
    from work.models import Initiative

    root = Unit.objects.get(depth=1)
    # The commune of today whose subtree (its own and its predecessors'
    # records) holds the most initiatives.
    width = 3 * Unit.steplen
    biggest = (
        Initiative.objects.filter(unit__depth__gte=3)
        .annotate(commune=Substr("unit__path", 1, width))
        .values("commune")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    assert biggest is not None, "no data: run with --rebuild"
    commune = Unit.objects.get(path=biggest["commune"])
    province = Unit.objects.get(path=commune.path[: 2 * Unit.steplen])
    periods = [parse_period("2024"), parse_period("2016-01-01..2025-12-31")]
    counts = {
        "initiatives": Initiative.objects.count(),
        "units": Unit.objects.count(),
    }
    print(f"database: {connection.vendor}; {counts}")
    results = []
    header = (
        f"{'scope':<30} {'period':<24} {'roll-up':>9} {'hand SQL':>9} "
        f"{'ratio':>6} {'py peak':>8} {'same':>5}"
    )
    print(header)
    print("-" * len(header))
    for unit in (root, province, commune):
        for period in periods:
            seconds, totals = timed(lambda u=unit, p=period: rollup(u, p), args.repeat)
            hand_seconds, hand = timed(
                lambda u=unit, p=period: hand_written(u.path, p.start, p.end),
                args.repeat,
            )
            tracemalloc.start()
            rollup(unit, period)
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            same = (
                totals.initiatives_by_field == hand["fields"]
                and totals.conferences_by_kind == hand["conferences"]
                and {k: v.value for k, v in totals.indicators.items()} == hand["values"]
            )
            row = {
                "scope": unit.name,
                "depth": unit.depth,
                "period": period.code,
                "initiatives": totals.initiatives,
                "rollup_ms": round(seconds * 1000, 1),
                "hand_sql_ms": round(hand_seconds * 1000, 1),
                "ratio": round(seconds / hand_seconds, 2),
                "python_peak_mb": round(peak / 2**20, 2),
                "same_totals": same,
            }
            results.append(row)
            print(
                f"{unit.name[:30]:<30} {period.code:<24} {row['rollup_ms']:>7} ms "
                f"{row['hand_sql_ms']:>6} ms {row['ratio']:>6} "
                f"{row['python_peak_mb']:>5} MB {'yes' if same else 'NO':>5}"
            )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS: {rss:.0f} MB")
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"rollup-{connection.vendor}.json"
    target.write_text(
        json.dumps(
            {
                "database": connection.vendor,
                "counts": counts,
                "peak_rss_mb": rss,
                "rows": results,
            },
            ensure_ascii=False,
            indent=2,
        )
    )
    print(f"written to {target}")


if __name__ == "__main__":
    main()
