"""Benchmark: the whole dashboard (page and every chart) for a province and
the nation, beside the roll-up alone.

Run (PostgreSQL with the national benchmark data; built on first use):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/danvan_bench \\
        uv run python bench/dashboard.py [--repeat 3]

For each unit it times, in the same run:

- ``rollup``: ``reports.rollup.rollup`` for the period, with per-unit rows
  (what every figure on the page is made from);
- ``cold``: the dashboard page and then each of its charts, as a browser
  fetches them, with every cache emptied first (the first visit ever, or
  after a restart of the cache server);
- ``changed``: the same after a record somewhere else in the country was
  changed and the page's snapshot is older than FIGURES_MAX_AGE_SECONDS
  (the usual "first visit after a while"). Figures that took less than
  FIGURES_BACKGROUND_SECONDS are made again in the request (the units'
  history, ``org.breakdown``, is still the cached one); slower ones are shown
  as last computed while a background refresh runs, whose own time is
  printed as ``refresh``;
- ``warm``: the same again with the snapshot in the cache.

Times are medians of --repeat runs, through Django's test client in this
process (no network, no server); the ratio is to the roll-up alone. Nothing
is asserted: the figures are for the reader. Written as JSON to
bench/results/.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from national import add_size_arguments, ensure_national_data  # noqa: E402

CHART = re.compile(r'<img src="([^"]+\.svg[^"]*)"')


def _median(runs: list[float]) -> float:
    return statistics.median(runs) * 1000


def _change_a_record() -> None:
    """A change elsewhere: the newest conference's title, through the ORM (an
    audit entry, so the data version moves)."""
    from work.models import Conference

    conference = Conference.objects.order_by("-pk").first()
    assert conference is not None
    conference.title = conference.title.rstrip() + (
        " " if not conference.title.endswith(" ") else ""
    )
    conference.save()


def _refresh_seconds(unit: Any, period: Any) -> float:
    """Wait for a background refresh of the unit's figures, if one was
    started, and return how long the last computation of them took."""
    from django.core.cache import cache

    from reports.figures import kept_snapshot, snapshot_key

    key = snapshot_key("figures", unit, period)
    deadline = time.monotonic() + 120
    while cache.get(f"{key}:refreshing") and time.monotonic() < deadline:
        time.sleep(0.05)
    found = kept_snapshot("figures", unit, period)
    return found.seconds if found is not None else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--period", default="2025")
    add_size_arguments(parser)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("set DATABASE_URL to a PostgreSQL database (see the top)")
    os.environ.setdefault("SECRET_KEY", "bench-only")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("DANVAN_VAR_DIR", str(ROOT / "var" / "bench"))
    ensure_national_data(args)
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client, override_settings

    from accounts.models import Role, User
    from org.models import Unit
    from reports.periods import parse_period
    from reports.rollup import rollup

    call_command("collectstatic", interactive=False, verbosity=0)
    period = parse_period(args.period)
    units = {
        "province (Đà Nẵng)": Unit.objects.get(code="48", valid_to__isnull=True),
        "nation": Unit.objects.get(depth=1),
    }
    results: dict[str, Any] = {"period": args.period, "units": {}}
    print(f"period {period.label}; medians of {args.repeat} runs, in ms")
    print(
        f"{'unit':22} {'rollup':>8} {'cold':>8} {'changed':>8} {'refresh':>8} "
        f"{'warm':>8} {'cold/rollup':>12} {'changed/rollup':>15}"
    )
    for label, unit in units.items():
        user, _new = User.objects.get_or_create(
            username=f"bench.dashboard.{unit.pk}",
            defaults={"unit": unit, "role": Role.VIEWER, "full_name": label},
        )
        client = Client(HTTP_X_FORWARDED_PROTO="https", secure=True)
        client.force_login(user)
        url = f"/don-vi/{unit.pk}/tong-quan/?ky={period.code}"

        def whole_page(client: Client = client, url: str = url) -> int:
            page = client.get(url)
            assert page.status_code == 200, page.status_code
            charts = CHART.findall(page.content.decode())
            for chart in charts:
                answer = client.get(chart.replace("&amp;", "&"))
                assert answer.status_code == 200, (chart, answer.status_code)
            return len(charts)

        timings: dict[str, list[float]] = {
            "rollup": [],
            "cold": [],
            "changed": [],
            "refresh": [],
            "warm": [],
        }
        charts = 0
        for _ in range(args.repeat):
            cache.clear()
            started = time.perf_counter()
            rollup(unit, period, rows=True)
            timings["rollup"].append(time.perf_counter() - started)
            cache.clear()
            started = time.perf_counter()
            charts = whole_page()
            timings["cold"].append(time.perf_counter() - started)
            _change_a_record()
            with override_settings(FIGURES_MAX_AGE_SECONDS=0):
                started = time.perf_counter()
                whole_page()
                timings["changed"].append(time.perf_counter() - started)
                timings["refresh"].append(_refresh_seconds(unit, period))
            started = time.perf_counter()
            whole_page()
            timings["warm"].append(time.perf_counter() - started)
        row = {key: _median(runs) for key, runs in timings.items()}
        row["charts"] = charts
        results["units"][label] = row
        print(
            f"{label:22} {row['rollup']:8.0f} {row['cold']:8.0f} "
            f"{row['changed']:8.0f} {row['refresh']:8.0f} {row['warm']:8.0f} "
            f"{row['cold'] / row['rollup']:12.1f} "
            f"{row['changed'] / row['rollup']:15.1f}   ({charts} charts)"
        )
    out = (
        ROOT / "bench" / "results" / f"dashboard-{time.strftime('%Y%m%d-%H%M%S')}.json"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1, ensure_ascii=False))
    print(f"written to {out}")


if __name__ == "__main__":
    main()
