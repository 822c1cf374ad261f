"""The batch upload job: read each stored file, with progress."""

from __future__ import annotations

from django.utils.translation import gettext_noop

from ingest.models import Document
from ingest.services import document_process
from jobs.models import Job
from jobs.registry import Progress, Result, handler


@handler("ingest-batch")
def read_batch(job: Job, progress: Progress) -> Result:
    ids = list(job.params.get("documents", []))
    documents = Document.objects.filter(pk__in=ids, status=Document.Status.QUEUED)
    total = max(1, len(ids))
    failed = 0
    for done, document in enumerate(documents.iterator(), start=1):
        document = document_process(document)
        failed += document.status == Document.Status.FAILED
        progress(
            int(done * 100 / total),
            gettext_noop("Đã đọc %(done)s/%(total)s tệp"),
            {"done": done, "total": len(ids)},
        )
    report = "\n".join(
        f"{d.name}: {d.get_status_display()}{' – ' + d.error if d.error else ''}"
        for d in Document.objects.filter(pk__in=ids).order_by("pk")
    )
    return (report.encode("utf-8"), "ket-qua-doc-tep.txt", "text/plain; charset=utf-8")
