"""Starting background jobs."""

from __future__ import annotations

import threading
from typing import Any

from django.conf import settings
from django.db import connections, transaction

from accounts.models import User
from jobs.models import Job
from jobs.registry import HANDLERS
from org.models import Unit


def job_start(
    *,
    kind: str,
    title: str,
    unit: Unit,
    by: User | None,
    params: dict[str, Any],
    return_url: str = "",
) -> Job:
    """Queue a job; it is sent to the workers once the current transaction
    commits, so a worker never looks for a row it cannot see yet.

    Without a broker (the embedded default) the job runs in a thread of the
    web process, so that the page can show its progress meanwhile
    (``JOBS_IN_THREAD``; off, it runs as the request commits)."""
    if kind not in HANDLERS:
        raise LookupError(kind)
    job = Job.objects.create(
        kind=kind,
        title=title,
        unit=unit,
        created_by=by,
        params=params,
        return_url=return_url,
    )
    from jobs.tasks import run_job

    if settings.CELERY_TASK_ALWAYS_EAGER and settings.JOBS_IN_THREAD:
        transaction.on_commit(lambda: _in_thread(job.pk))
    else:
        transaction.on_commit(lambda: run_job.delay(job.pk))
    return job


def _in_thread(job_id: int) -> None:
    def work() -> None:
        from jobs.tasks import run_job

        try:
            run_job(job_id)
        finally:
            connections.close_all()

    threading.Thread(target=work, name=f"job-{job_id}", daemon=True).start()
