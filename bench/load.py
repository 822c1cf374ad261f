"""Load benchmark: staff of a province at work against the production server.

Run (PostgreSQL with the national benchmark data; built on first use):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/danvan_bench \\
        uv run python bench/load.py [--users 20] [--minutes 5] [--workers 4]

It builds the data with ``danvan bench_data`` when the database has none
(sizes: --initiatives/--conferences/--values/--awards), creates one editor
account per simulated user in a province, starts ``danvan serve`` (gunicorn,
--workers sync workers, the cache in Redis as a province runs it:
BENCH_CACHE_URL, redis://127.0.0.1:6379/13 by default, emptied first) on a
free port, then runs locust headless
(bench/locustfile.py) three times in the same run:

1. ``paced``: --users staff each waiting 1-3 s between pages, --minutes long;
2. ``flat out``: the same staff with no wait and no document downloads
   (the throughput of pages);
3. ``trivial``: the health check with no wait, the baseline for (2);
4. ``shell``: signed-in staff opening a page that draws only the site's shell,
   a second baseline printed for information (the criterion is (2) / (3)).

It prints, per page, requests, failures, median, p95 and p99 (ms), with the
p95 over all pages except document downloads (reported apart), the ratio of
(2)'s throughput to (3)'s, the CPU milliseconds each request cost the web
server, the database and the load generator in (2) and (3), and writes
everything as JSON to bench/results/.
Nothing is asserted: the figures are for the reader.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from national import add_size_arguments, ensure_national_data  # noqa: E402

DOCUMENTS = {"report DOCX", "conferences XLSX"}
CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/13")
# Signing in hashes the password on purpose slowly (PBKDF2); once a session.
NOT_PAGES = DOCUMENTS | {"login", "login page", "Aggregated"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def prepare(args: argparse.Namespace, password: str) -> dict[str, str]:
    """The data, the accounts and a report; what the locustfile needs."""
    # The production settings, as `danvan serve` demands them.
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    os.environ.setdefault("DANVAN_VAR_DIR", str(ROOT / "var" / "bench"))
    ensure_national_data(args)
    from accounts.models import Role, User
    from accounts.services import user_create, user_set_password
    from org.models import Unit
    from reports.models import Report
    from reports.periods import parse_period
    from reports.services import report_create

    province = Unit.objects.get(code="48", valid_to__isnull=True)  # Đà Nẵng
    names = []
    for n in range(1, args.users + 1):
        name = f"bench.danang.{n}"
        user = User.objects.filter(username=name).first()
        if user is None:
            user = user_create(
                actor=None,
                username=name,
                password=password,
                full_name=f"Cán bộ thử tải {n}",
                unit=province,
                role=Role.EDITOR,
            )
        else:
            user_set_password(user=user, password=password)
        names.append(name)
    report = Report.objects.filter(unit=province).order_by(
        "-pk"
    ).first() or report_create(unit=province, period=parse_period("2025"), by=None)
    return {
        "LOAD_USERS": ",".join(names),
        "LOAD_PASSWORD": password,
        "LOAD_PROVINCE": str(province.pk),
        "LOAD_REPORT": str(report.pk),
    }


def serve(port: int, workers: int) -> subprocess.Popen[str]:
    env = dict(os.environ)
    env.update(
        WEB_CONCURRENCY=str(workers),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        # Every simulated user is a separate account, but all come from one
        # address: the sign-in throttle must not count them together.
        AXES_FAILURE_LIMIT="1000",
        # As a province runs it: the cache (figures, rate limits) in Redis,
        # shared by the web processes (emptied first: a cold start).
        CACHE_URL=CACHE_URL,
    )
    import redis

    redis.Redis.from_url(CACHE_URL).flushdb()
    server = subprocess.Popen(
        [sys.executable, "-m", "danvan.manage", "serve", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            if server.poll() is not None:
                message = server.stderr.read() if server.stderr else ""
                raise SystemExit(message) from None
            time.sleep(0.5)
    raise SystemExit("the server did not start")


def run_locust(
    name: str, host: str, users: int, seconds: int, env: dict[str, str], kind: str
) -> list[dict[str, Any]]:
    out = ROOT / "bench" / "results" / f"load-{name.replace(' ', '-')}"
    out.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "locust",
            "-f",
            str(ROOT / "bench" / "locustfile.py"),
            kind,
            "--headless",
            "--users",
            str(users),
            "--spawn-rate",
            str(users),
            "--run-time",
            f"{seconds}s",
            "--host",
            host,
            "--csv",
            str(out),
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )
    if done.returncode not in (0, 1):  # 1: some requests failed (reported)
        raise SystemExit(done.stderr)
    with open(f"{out}_stats.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        {
            "page": row["Name"],
            "requests": int(row["Request Count"]),
            "failures": int(row["Failure Count"]),
            "median_ms": float(row["Median Response Time"]),
            "p95_ms": float(row["95%"]),
            "p99_ms": float(row["99%"]),
            "rps": float(row["Requests/s"]),
        }
        for row in rows
    ]


def _cpu_seconds(server: subprocess.Popen[str]) -> dict[str, Any]:
    """CPU seconds used so far by the web server (master and workers), the
    PostgreSQL server's processes (by process: its backends come and go) and
    this script's finished children (the load generator)."""
    import resource

    import psutil

    def used(process: psutil.Process) -> float:
        try:
            times = process.cpu_times()
        except psutil.Error:
            return 0.0
        return float(times.user + times.system)

    web = psutil.Process(server.pid)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "web": used(web) + sum(used(p) for p in web.children(recursive=True)),
        "database": {
            p.pid: used(p)
            for p in psutil.process_iter(["name"])
            if p.info["name"] == "postgres"
        },
        "load generator": children.ru_utime + children.ru_stime,
    }


def cpu_split(
    before: dict[str, Any], after: dict[str, Any], requests: int
) -> dict[str, float]:
    """Milliseconds of CPU per request, by process group (a database process
    that ended in between is not counted: its last reading is lost)."""
    used = {
        "web": after["web"] - before["web"],
        "database": sum(
            cpu - before["database"].get(pid, 0.0)
            for pid, cpu in after["database"].items()
        ),
        "load generator": after["load generator"] - before["load generator"],
    }
    split = {k: v * 1000 / max(1, requests) for k, v in used.items()}
    split["total"] = sum(split.values())
    return split


def print_split(title: str, split: dict[str, float]) -> None:
    parts = ", ".join(f"{k} {v:.1f}" for k, v in split.items())
    print(f"CPU per request, {title} (ms): {parts}")


def table(title: str, rows: list[dict[str, Any]]) -> None:
    print(f"\n{title}")
    heads = ("requests", "failures", "median", "p95", "p99")
    print(f"{'page':26} " + " ".join(f"{h:>9}" for h in heads))
    for row in rows:
        print(
            f"{row['page']:26} {row['requests']:9d} {row['failures']:9d} "
            f"{row['median_ms']:9.0f} {row['p95_ms']:9.0f} {row['p99_ms']:9.0f}"
        )


def pages_p95(stats_file: Path) -> tuple[float, float]:
    """p95 over every request except document downloads, from locust's
    history of response times (the per-page CSV rows)."""
    with open(stats_file, newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["Name"] not in NOT_PAGES]
    # Weighted by request count: the largest per-page p95 bounds it above,
    # the count-weighted mean below; both are printed.
    weights = [int(r["Request Count"]) for r in rows]
    p95s = [float(r["95%"]) for r in rows]
    return max(p95s) if p95s else 0.0, (
        sum(w * p for w, p in zip(weights, p95s, strict=True)) / max(1, sum(weights))
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--minutes", type=float, default=5)
    parser.add_argument("--flat-seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4)
    add_size_arguments(parser)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("set DATABASE_URL to a PostgreSQL database (see the top)")
    env = prepare(args, secrets.token_urlsafe(16))
    port = _free_port()
    host = f"http://127.0.0.1:{port}"
    server = serve(port, args.workers)
    results: dict[str, Any] = {"args": vars(args)}
    try:
        paced = run_locust(
            "paced",
            host,
            args.users,
            int(args.minutes * 60),
            env | {"LOAD_WAIT": "1"},
            "Staff",
        )
        table(
            f"paced: {args.users} staff, 1-3 s between pages, {args.minutes} min", paced
        )
        worst, weighted = pages_p95(ROOT / "bench" / "results" / "load-paced_stats.csv")
        print(
            f"pages p95 (documents and sign-in excluded): worst page {worst:.0f} ms, "
            f"mean over requests {weighted:.0f} ms"
        )
        before = _cpu_seconds(server)
        flat = run_locust(
            "flat out",
            host,
            args.users,
            args.flat_seconds,
            env | {"LOAD_WAIT": "0"},
            "Pages",
        )
        flat_cpu = cpu_split(
            before,
            _cpu_seconds(server),
            next(r for r in flat if r["page"] == "Aggregated")["requests"],
        )
        table(
            f"flat out: {args.users} staff, no wait, no documents, "
            f"{args.flat_seconds} s",
            flat,
        )
        before = _cpu_seconds(server)
        trivial = run_locust(
            "trivial", host, args.users, args.flat_seconds, env, "Trivial"
        )
        trivial_cpu = cpu_split(
            before,
            _cpu_seconds(server),
            next(r for r in trivial if r["page"] == "Aggregated")["requests"],
        )
        table(f"trivial: /healthz, {args.users} clients, no wait", trivial)
        shell = run_locust("shell", host, args.users, args.flat_seconds, env, "Shell")
        table(f"signed-in shell: {args.users} staff, no wait", shell)
        # Where the time goes: the ratio is bounded by the pages' CPU per
        # request against the health check's, on the same cores.
        print()
        print_split("staff pages", flat_cpu)
        print_split("health check", trivial_cpu)
        total = next(r for r in flat if r["page"] == "Aggregated")["rps"]
        base = next(r for r in trivial if r["page"] == "Aggregated")["rps"]
        print(
            f"\nthroughput: staff pages {total:.1f} req/s, trivial view {base:.1f} "
            f"req/s, ratio {total / base:.2f}"
        )
        # Informative: against a signed-in page that draws only the shell,
        # counted as the pages are (their sign-ins included in both).
        shell_rps = next(r for r in shell if r["page"] == "Aggregated")["rps"]
        print(
            f"beside it: the signed-in shell {shell_rps:.1f} req/s, "
            f"pages / shell {total / shell_rps:.2f} (not the criterion)"
        )
        results.update(
            paced=paced,
            flat_out=flat,
            trivial=trivial,
            pages_p95_worst_ms=worst,
            pages_p95_weighted_ms=weighted,
            throughput_ratio=total / base,
            shell=shell,
            pages_to_shell_ratio=total / shell_rps,
            cpu_ms_per_request={"pages": flat_cpu, "trivial": trivial_cpu},
        )
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = ROOT / "bench" / "results" / f"load-{stamp}.json"
    path.write_text(json.dumps(results, indent=1, ensure_ascii=False))
    print(f"written to {path}")


if __name__ == "__main__":
    main()
