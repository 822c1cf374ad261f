"""The national benchmark data, shared by the benchmarks: Django set up on
the database DATABASE_URL names, migrated, and filled with ``danvan
bench_data`` when it holds fewer initiatives than asked for."""

from __future__ import annotations

import argparse
import os
import time


def add_size_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--initiatives", type=int, default=500_000)
    parser.add_argument("--conferences", type=int, default=100_000)
    parser.add_argument("--values", type=int, default=1_000_000)
    parser.add_argument("--awards", type=int, default=50_000)


def ensure_national_data(args: argparse.Namespace) -> None:
    """Set Django up (production settings: DEBUG off) and build the data if
    it is not there yet; the planner's statistics are refreshed after."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    os.environ.setdefault("DEBUG", "false")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from work.models import Initiative

    call_command("migrate", verbosity=0)
    if Initiative.objects.count() >= args.initiatives:
        return
    started = time.perf_counter()
    call_command(
        "bench_data",
        initiatives=args.initiatives,
        conferences=args.conferences,
        values=args.values,
        awards=args.awards,
    )
    print(f"data built in {time.perf_counter() - started:.0f} s", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
