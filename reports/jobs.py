"""Background jobs of the reports: documents that take time to produce."""

from __future__ import annotations

from django.utils.translation import gettext_noop

from danvan.i18n import in_vietnamese
from jobs.models import Job
from jobs.registry import JobError, Progress, Result, handler
from reports.documents import (
    PDF_TYPE,
    ConversionError,
    docx_to_pdf,
    file_name,
    report_docx,
    report_file,
)
from reports.figures import figures_now
from reports.models import Report


@handler("report-file")
@in_vietnamese
def report_file_job(job: Job, progress: Progress) -> Result:
    report = (
        Report.objects.select_related("unit", "period")
        .filter(pk=job.params.get("report_id"))
        .first()
    )
    if report is None:
        raise JobError("Không tìm thấy báo cáo.")
    fmt = job.params.get("format", "pdf")
    if fmt != "pdf":
        return report_file(report, fmt)
    progress(10, gettext_noop("Đang tổng hợp số liệu…"))
    figures = figures_now(report.unit, report.period.value)
    progress(40, gettext_noop("Đang dựng văn bản DOCX…"))
    docx = report_docx(report, figures=figures)
    progress(60, gettext_noop("Đang chuyển sang PDF bằng LibreOffice…"))
    try:
        pdf = docx_to_pdf(docx)
    except ConversionError as exc:
        raise JobError(str(exc)) from exc
    progress(95, gettext_noop("Đang lưu tệp…"))
    return pdf, file_name(report, "pdf"), PDF_TYPE
