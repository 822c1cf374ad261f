"""Starting background jobs."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from accounts.models import User
from jobs.models import Job
from jobs.registry import HANDLERS
from org.models import Unit


def job_start(
    *, kind: str, title: str, unit: Unit, by: User | None, params: dict[str, Any]
) -> Job:
    """Queue a job; it is sent to the workers once the current transaction
    commits, so a worker never looks for a row it cannot see yet."""
    if kind not in HANDLERS:
        raise LookupError(kind)
    job = Job.objects.create(
        kind=kind, title=title, unit=unit, created_by=by, params=params
    )
    from jobs.tasks import run_job

    transaction.on_commit(lambda: run_job.delay(job.pk))
    return job
