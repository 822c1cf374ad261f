"""The Celery task that runs every job.

With a broker configured (CELERY_BROKER_URL, Redis in production) a worker
runs it; without one (the embedded default) Celery runs it in-process when
the request that started it commits.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import timedelta

from celery import Task, shared_task
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import SubmittedForm
from jobs.models import Job
from jobs.registry import HANDLERS, JobError

log = logging.getLogger(__name__)


@shared_task(name="jobs.run", ignore_result=True, bind=True)
def run_job(self: Task[[int], None], job_id: int) -> None:
    # Taken in one statement, so two workers never both run it. A task given
    # again after its worker died (the broker marks it redelivered) takes the
    # job back from "running": the handlers can run twice without harm.
    takeable = [Job.Status.QUEUED]
    if (self.request.delivery_info or {}).get("redelivered"):
        takeable.append(Job.Status.RUNNING)
    taken = Job.objects.filter(pk=job_id, status__in=takeable).update(
        status=Job.Status.RUNNING, started_at=timezone.now(), progress=0
    )
    job = Job.objects.filter(pk=job_id).first() if taken else None
    if job is None:
        return  # already taken by another worker, finished, or deleted

    def progress(
        percent: int, message: str, args: Mapping[str, int | str] | None = None
    ) -> None:
        Job.objects.filter(pk=job_id).update(
            progress=max(0, min(100, percent)),
            message=message[:500],
            message_args=dict(args or {}),
        )

    try:
        handler = HANDLERS.get(job.kind)
        if handler is None:
            raise JobError(_("Không có cách xử lý việc loại “%s”.") % job.kind)
        result = handler(job, progress)
    except JobError as exc:
        _finish(job_id, Job.Status.FAILED, str(exc))
        return
    except Exception:
        log.exception("job %s (%s) failed", job_id, job.kind)
        _finish(job_id, Job.Status.FAILED, _("Có lỗi khi xử lý; hãy thử lại sau."))
        return
    job.refresh_from_db()
    if result is not None:
        content, name, content_type = result
        job.result.save(name, ContentFile(content), save=False)
        job.result_name, job.result_type = name, content_type
    job.status, job.progress = Job.Status.DONE, 100
    job.message, job.message_args = gettext_noop("Đã xong."), {}
    job.finished_at = timezone.now()
    job.save()


def _finish(job_id: int, status: str, message: str) -> None:
    Job.objects.filter(pk=job_id).update(
        status=status,
        message=message[:500],
        message_args={},
        finished_at=timezone.now(),
    )


@shared_task(name="jobs.expire", ignore_result=True)
def expire_jobs() -> int:
    """Delete the files of jobs that finished more than JOB_FILES_DAYS days
    ago, and the jobs themselves (Celery beat runs it every night; `danvan
    expire_jobs` runs it by hand). Returns how many jobs were removed."""
    cutoff = timezone.now() - timedelta(days=settings.JOB_FILES_DAYS)
    removed = 0
    for job in Job.objects.filter(finished_at__lt=cutoff).iterator():
        if job.result:
            job.result.delete(save=False)
        job.delete()
        removed += 1
    # The one-time tokens of forms posted: a page is not resent days later.
    SubmittedForm.objects.filter(
        created_at__lt=timezone.now() - timedelta(days=2)
    ).delete()
    return removed
