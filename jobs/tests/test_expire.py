"""Finished jobs and their files expire; recent and running ones stay."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from jobs.models import Job

pytestmark = pytest.mark.django_db


def _job(world, finished_days_ago, status=Job.Status.DONE):
    job = Job.objects.create(kind="pdf", title="PDF", unit=world.commune, status=status)
    job.result.save("bao-cao.pdf", ContentFile(b"%PDF-1.4"), save=False)
    if finished_days_ago is not None:
        job.finished_at = timezone.now() - dt.timedelta(days=finished_days_ago)
    job.save()
    return job


def test_old_finished_jobs_and_their_files_are_removed(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.JOB_FILES_DAYS = 7
    old = _job(world, 8)
    recent = _job(world, 2)
    running = _job(world, None, Job.Status.RUNNING)
    old_file = tmp_path / old.result.name
    assert old_file.exists()
    call_command("expire_jobs")
    assert not Job.objects.filter(pk=old.pk).exists()
    assert not old_file.exists()
    assert set(Job.objects.values_list("pk", flat=True)) == {recent.pk, running.pk}
    assert (tmp_path / recent.result.name).exists()
