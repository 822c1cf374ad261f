"""The progress of a background job, and its result."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from accounts.scope import get_or_404
from jobs.models import Job


@require_GET
def job_detail(request: HttpRequest, job_id: int) -> HttpResponse:
    """The job's page; htmx polls it for the progress bar until the job ends."""
    job = get_or_404(request.user, Job.objects.select_related("unit"), pk=job_id)
    if request.htmx and job.finished and job.return_url:  # type: ignore[attr-defined]
        # Done: back to the page it was started from, which offers the file.
        response = HttpResponse("")
        response["HX-Redirect"] = f"{job.return_url}?viec={job.pk}#viec"
        return response
    template = "jobs/partials/progress.html" if request.htmx else "jobs/job_detail.html"  # type: ignore[attr-defined]
    return render(request, template, {"job": job})


@require_GET
def job_download(request: HttpRequest, job_id: int) -> FileResponse:
    job = get_or_404(request.user, Job.objects.all(), pk=job_id)
    if job.status != Job.Status.DONE or not job.result:
        raise Http404
    return FileResponse(
        job.result.open("rb"),
        as_attachment=True,
        filename=job.result_name,
        content_type=job.result_type or "application/octet-stream",
    )
