"""A job whose worker is killed in the middle is run again and finishes
once: a real Celery worker (prefork, one child) over Redis reads a batch of
uploaded articles and is killed with SIGKILL while the batch is half read.

- Its child process alone killed: the task goes back to the queue at once,
  a new child takes it.
- The whole worker killed (the machine or container lost): the task stays
  unacknowledged in Redis; another worker started later gives it again once
  the visibility timeout has passed, and finishes it.

Either way every document ends read exactly once."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.db.models import QuerySet

from ingest.models import Document
from ingest.services import document_queue
from jobs.models import Job
from jobs.services import job_start

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
ROOT = Path(__file__).resolve().parents[2]
REDIS = os.environ.get("DANVAN_TEST_REDIS", "redis://127.0.0.1:6379/14")
ARTICLE = (ROOT / "ingest" / "tests" / "articles" / "a02.txt").read_text(
    encoding="utf-8"
)


def _redis_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


def _forget_connections(app: Any) -> None:
    """Drop the app's cached broker connections, so a changed broker_url is
    used (what Celery itself does after a fork)."""
    app._pool = None
    app.amqp._producer_pool = None


def _database_url() -> str:
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    host = f"{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}"
    return f"postgres://{s['USER']}@{host}/{s['NAME']}"


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found += [int(p) for p in text]
    return found


def _wait(predicate, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


def _celery_worker(env: dict[str, str]) -> subprocess.Popen[str]:
    """A real worker (prefork, one child) in a session of its own, so that
    the worker and its child can be killed together."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "danvan.celery_app",
            "worker",
            "--pool=prefork",
            "--concurrency=1",
            "--loglevel=WARNING",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )


def _stop(worker: subprocess.Popen[str]) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait(timeout=30)


@contextmanager
def _batch_on_a_broker(world, settings, tmp_path) -> Iterator[Batch]:
    """40 queued articles, the environment of a worker over Redis, and this
    process's Celery app sending to the same broker for the test's length."""
    if not _redis_up():
        if os.environ.get("DANVAN_REQUIRE_REDIS"):
            pytest.fail("Redis is not running at 127.0.0.1:6379")
        pytest.skip("Redis is not running at 127.0.0.1:6379")
    import redis

    redis.Redis.from_url(REDIS).flushdb()
    settings.MEDIA_ROOT = tmp_path / "media"
    ids = []
    for n in range(40):
        document, _ = document_queue(
            unit=world.commune,
            name=f"bai-{n}.txt",
            data=f"{ARTICLE}\n\nBài số {n}.\n".encode() * 6,
            by=world.commune_officer,
        )
        ids.append(document.pk)
    env = dict(os.environ)
    env.update(
        DATABASE_URL=_database_url(),
        CELERY_BROKER_URL=REDIS,
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        DANVAN_VAR_DIR=str(tmp_path),
    )
    from danvan.celery_app import app

    app.conf.update(broker_url=REDIS, task_always_eager=False)
    _forget_connections(app)
    workers: list[subprocess.Popen[str]] = []
    try:
        yield Batch(ids, env, workers)
    finally:
        for worker in workers:
            _stop(worker)
        app.conf.update(broker_url="memory://", task_always_eager=True)
        _forget_connections(app)


@dataclass
class Batch:
    ids: list[int]
    env: dict[str, str]
    # Workers started for the test, stopped at its end.
    workers: list[subprocess.Popen[str]]

    def worker(self, **env: str) -> subprocess.Popen[str]:
        started = _celery_worker(self.env | env)
        self.workers.append(started)
        return started

    def start(self, world) -> tuple[Job, QuerySet[Document]]:
        """The batch job, and its documents already read."""
        job = job_start(
            kind="ingest-batch",
            title="Đọc 40 bài",
            unit=world.commune,
            by=world.commune_officer,
            params={"documents": self.ids},
        )
        read = Document.objects.filter(pk__in=self.ids, status=Document.Status.READ)
        _wait(lambda: read.count() >= 5, 120, "the batch to be under way")
        return job, read

    def finished_once(self, job: Job, read: QuerySet[Document], seconds: int) -> None:
        """The job ends done, with every document read once."""
        _wait(
            lambda: Job.objects.get(pk=job.pk).status in {"done", "failed"},
            seconds,
            "the job to finish after the kill",
        )
        job.refresh_from_db()
        assert job.status == Job.Status.DONE, job.message
        assert read.count() == len(self.ids)
        report = job.result.read().decode()
        assert report.count("Chờ duyệt") == len(self.ids)


def test_a_job_survives_its_whole_worker_being_killed(world, settings, tmp_path):
    with _batch_on_a_broker(world, settings, tmp_path) as batch:
        first = batch.worker()
        _wait(lambda: len(_children(first.pid)) == 1, 60, "the worker's child")
        job, read = batch.start(world)
        os.killpg(first.pid, signal.SIGKILL)  # the worker and its child at once
        first.wait(timeout=30)
        killed_at = read.count()
        assert killed_at < len(batch.ids), "the batch finished before the kill"
        assert Job.objects.get(pk=job.pk).status == Job.Status.RUNNING
        # Another worker, started later; a short visibility timeout so that
        # the test does not wait the production hour.
        batch.worker(CELERY_VISIBILITY_TIMEOUT="3")
        batch.finished_once(job, read, 240)
        print(
            f"worker killed with {killed_at}/{len(batch.ids)} read; another finished it"
        )


def test_a_job_survives_its_worker_being_killed(world, settings, tmp_path):
    with _batch_on_a_broker(world, settings, tmp_path) as batch:
        worker = batch.worker()
        _wait(lambda: len(_children(worker.pid)) == 1, 60, "the worker's child")
        job, read = batch.start(world)
        child = _children(worker.pid)[0]
        os.kill(child, signal.SIGKILL)
        killed_at = read.count()
        assert killed_at < len(batch.ids), "the batch finished before the kill"
        batch.finished_once(job, read, 180)
        assert _children(worker.pid) and _children(worker.pid)[0] != child
        print(f"killed with {killed_at}/{len(batch.ids)} read; a new child finished it")
