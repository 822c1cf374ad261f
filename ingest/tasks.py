"""Nightly clean-up of articles and reports read but never accepted."""

from __future__ import annotations

from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from ingest.models import Document


@shared_task(name="ingest.expire", ignore_result=True)
def expire_documents() -> int:
    """Remove documents uploaded more than UNREVIEWED_DOCUMENT_DAYS days ago
    that nobody accepted (still queued, waiting for review, or unreadable),
    with their stored files: a batch uploaded and left does not stay forever.
    Accepted documents stay (records were made from them). Each removal is
    recorded in the change history. Returns how many were removed."""
    cutoff = timezone.now() - timedelta(days=settings.UNREVIEWED_DOCUMENT_DAYS)
    removed = 0
    stale = Document.objects.filter(uploaded_at__lt=cutoff).exclude(
        status=Document.Status.ACCEPTED
    )
    for document in stale.iterator():
        if document.original:
            document.original.delete(save=False)
        document.delete()
        removed += 1
    return removed
