"""Background jobs: in-process by default, and a real Celery worker over Redis."""

from __future__ import annotations

import os
import socket
import time

import pytest

from jobs.models import Job
from jobs.registry import JobError, handler
from jobs.services import job_start
from jobs.tasks import run_job
from reports.documents import soffice
from reports.models import Report
from reports.periods import parse_period
from reports.services import report_create

REDIS = os.environ.get("DANVAN_TEST_REDIS", "redis://127.0.0.1:6379/15")


@handler("test-count")
def _count(job: Job, progress):
    steps = int(job.params["steps"])
    for step in range(steps):
        progress(int(step * 100 / steps), f"Bước {step + 1}/{steps}")
    return (f"{steps} bước".encode(), "ket-qua.txt", "text/plain")


@handler("test-refuse")
def _refuse(job: Job, progress):
    raise JobError("Tệp nguồn không đọc được.")


@handler("test-crash")
def _crash(job: Job, progress):
    raise ZeroDivisionError


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_a_job_runs_in_process_when_the_request_commits(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        job = job_start(
            kind="test-count",
            title="Đếm",
            unit=world.commune,
            by=None,
            params={"steps": 4},
        )
        assert Job.objects.get(pk=job.pk).status == Job.Status.QUEUED
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.progress == 100
    assert job.result.read() == "4 bước".encode()


def test_failures_are_reported_in_vietnamese(world):
    refused = Job.objects.create(kind="test-refuse", title="x", unit=world.commune)
    crashed = Job.objects.create(kind="test-crash", title="x", unit=world.commune)
    run_job(refused.pk)
    run_job(crashed.pk)
    refused.refresh_from_db()
    crashed.refresh_from_db()
    assert refused.status == Job.Status.FAILED
    assert refused.message == "Tệp nguồn không đọc được."
    assert crashed.status == Job.Status.FAILED
    assert crashed.message == "Có lỗi khi xử lý; hãy thử lại sau."


def test_a_finished_job_is_not_run_twice(world):
    job = Job.objects.create(kind="test-count", title="x", unit=world.commune)
    job.params = {"steps": 1}
    job.save()
    run_job(job.pk)
    Job.objects.filter(pk=job.pk).update(message="giữ nguyên")
    run_job(job.pk)
    assert Job.objects.get(pk=job.pk).message == "giữ nguyên"


def test_the_progress_page_polls_until_done_and_hides_other_units(
    world, client_as, django_capture_on_commit_callbacks
):
    job = Job.objects.create(
        kind="test-count", title="Đếm", unit=world.commune, params={"steps": 2}
    )
    client = client_as(world.commune_officer)
    page = client.get(f"/viec-nen/{job.pk}/").content.decode()
    assert 'hx-trigger="every 1s"' in page and "<progress" in page
    run_job(job.pk)
    partial = client.get(f"/viec-nen/{job.pk}/", HTTP_HX_REQUEST="true")
    html = partial.content.decode()
    assert "every 1s" not in html and "ket-qua.txt" in html
    assert client.get(f"/viec-nen/{job.pk}/tai/").status_code == 200
    other = client_as(world.sibling_officer)
    assert other.get(f"/viec-nen/{job.pk}/").status_code == 404
    assert other.get(f"/viec-nen/{job.pk}/tai/").status_code == 404


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_the_report_pdf_is_made_by_a_job(
    world, client_as, django_capture_on_commit_callbacks
):
    report = report_create(unit=world.commune, period=parse_period("2023"), by=None)
    client = client_as(world.commune_officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/bao-cao/{report.pk}/tai/pdf/")
    job = Job.objects.get()
    assert response["Location"] == f"/viec-nen/{job.pk}/"
    job.refresh_from_db()
    assert job.status == Job.Status.DONE, job.message
    download = client.get(f"/viec-nen/{job.pk}/tai/")
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert Report.objects.count() == 1


def _redis_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


def _forget_connections(app) -> None:
    """Drop the app's cached broker connections so a changed broker_url is
    used (what Celery itself does after a fork)."""
    app._pool = None
    app.amqp._producer_pool = None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_celery_worker_runs_a_job_over_redis(reference_data, world):
    """The production path: the job goes through Redis to a Celery worker."""
    if not _redis_up():
        if os.environ.get("DANVAN_REQUIRE_REDIS"):
            pytest.fail("Redis is not running at 127.0.0.1:6379")
        pytest.skip("Redis is not running at 127.0.0.1:6379")
    from celery.contrib.testing.worker import start_worker

    from danvan.celery_app import app

    app.conf.update(
        broker_url=REDIS, task_always_eager=False, broker_connection_retry=False
    )
    _forget_connections(app)
    try:
        with start_worker(
            app, perform_ping_check=False, pool="solo", loglevel="WARNING"
        ):
            job = job_start(
                kind="test-count",
                title="Đếm",
                unit=world.commune,
                by=None,
                params={"steps": 3},
            )  # outside a transaction: sent at once
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                job.refresh_from_db()
                if job.finished:
                    break
                time.sleep(0.1)
    finally:
        app.conf.update(broker_url="memory://", task_always_eager=True)
        _forget_connections(app)
    assert job.status == Job.Status.DONE, job.message
    assert job.result.read() == "3 bước".encode()


_SEEN: list[tuple[str, dict[str, int]]] = []


@handler("test-progress-words")
def _progress_words(job: Job, progress):
    from django.utils.translation import gettext_noop

    progress(50, gettext_noop("Đã đọc %(done)s/%(total)s tệp"), {"done": 2, "total": 4})
    stored = Job.objects.get(pk=job.pk)
    _SEEN.append((stored.message, stored.message_args))
    raise JobError("dừng ở giữa")


def test_a_progress_line_is_shown_in_the_readers_language(world):
    """The message is kept as its Vietnamese msgid with its numbers apart, so
    an English reader sees English and a Vietnamese reader Vietnamese."""
    from django.utils import translation

    job = Job.objects.create(
        kind="x",
        title="Đọc tệp",
        unit=world.commune,
        message="Đã đọc %(done)s/%(total)s tệp",
        message_args={"done": 3, "total": 7},
    )
    assert job.shown_message == "Đã đọc 3/7 tệp"
    with translation.override("en"):
        assert job.shown_message == "Read 3/7 files"
    # A job handler's progress callback stores both parts; the end clears them.
    run_job.run(
        Job.objects.create(kind="test-progress-words", title="t", unit=world.commune).pk
    )
    assert _SEEN[-1] == ("Đã đọc %(done)s/%(total)s tệp", {"done": 2, "total": 4})
    stored = Job.objects.get(kind="test-progress-words")
    assert stored.status == Job.Status.FAILED and stored.message == "dừng ở giữa"
    assert stored.message_args == {}
