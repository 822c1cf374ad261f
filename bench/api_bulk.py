"""Benchmark: importing indicator values through the API in one bulk request.

Run (PostgreSQL; the issue's target is 10,000 values in under 5 s there):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/danvan_docs \\
        uv run python bench/api_bulk.py [--rows 10000] [--repeat 3]

On the demo data (built on first use, as bench/documents.py does), it sends
``POST /api/v1/indicator-values/bulk`` through Django's test client (no
network, no server) with --rows values spread over the communes of the
province and twelve months, and times the request; the baseline, measured in
the same run, is one request of a single value. Each run's values are
deleted afterwards (untimed) so the next run imports the same rows. Nothing
is asserted; results go to bench/results/api-bulk-<db>.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import os

    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    from documents import setup  # the demo database, built on first use

    setup()
    from django.db import connection
    from django.test import Client

    from accounts.models import User
    from api.tokens import token_create
    from org.models import Unit
    from work.models import Indicator, IndicatorValue

    province = Unit.objects.get(code="48", valid_to__isnull=True)
    communes = list(
        Unit.objects.filter(
            path__startswith=province.path,
            valid_to__isnull=True,
            kind__level__code="xa",
        ).order_by("pk")
    )
    user = User.objects.filter(
        unit=province, role__in=["editor", "approver", "administrator"]
    ).first()
    assert user is not None, "no editor at the province in the demo"
    _record, token = token_create(user=user, name="bench")
    indicators = list(Indicator.objects.filter(aggregation="sum", owner__isnull=True))
    year = 2031  # a year the demo leaves empty
    rows: list[dict[str, Any]] = []
    for index in range(args.rows):
        unit = communes[index % len(communes)]
        step = index // len(communes)
        indicator = indicators[step % len(indicators)]
        month = (step // len(indicators)) % 12 + 1
        start = dt.date(year + step // (12 * len(indicators)), month, 1)
        end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        rows.append(
            {
                "indicator": indicator.code,
                "unit": unit.pk,
                "period_start": start.isoformat(),
                "period_end": end.isoformat(),
                "value": str(index % 50),
                "source": "Số liệu nhập qua API (benchmark)",
            }
        )
    client = Client()
    headers: dict[str, Any] = {"HTTP_AUTHORIZATION": f"Bearer {token}"}

    def send(values: list[dict[str, Any]]) -> float:
        body = json.dumps({"values": values})
        started = time.perf_counter()
        answer = client.post(
            "/api/v1/indicator-values/bulk",
            body,
            content_type="application/json",
            **headers,
        )
        seconds = time.perf_counter() - started
        assert answer.status_code == 201, answer.content[:500]
        # Untimed, and without an audit entry per row (a clean-up, not a change).
        IndicatorValue.objects.filter(period_start__year__gte=year)._raw_delete(
            "default"
        )
        return seconds

    one = statistics.median(send(rows[:1]) for _ in range(args.repeat))
    many = statistics.median(send(rows) for _ in range(args.repeat))
    print(f"database: {connection.vendor}; medians of {args.repeat} runs")
    print(f"one value           {one * 1000:9.1f} ms   1.0")
    print(
        f"{args.rows:,} values     {many * 1000:9.1f} ms {many / one:5.1f}"
        f"   ({args.rows / many:,.0f} values/s)"
    )
    out = ROOT / "bench" / "results" / f"api-bulk-{connection.vendor}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"rows": args.rows, "one": one, "many": many}, indent=1))
    print(f"written to {out}")


if __name__ == "__main__":
    main()
