"""The report as documents: an editable DOCX in the layout of Party documents
(or a province's own template), its figures as XLSX, and a PDF converted from
the DOCX by LibreOffice."""

from __future__ import annotations

from reports.documents.pdf import PDF_TYPE, ConversionError, docx_to_pdf, soffice
from reports.documents.sheets import report_xlsx
from reports.documents.word import report_docx
from reports.models import Report

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

__all__ = [
    "DOCX_TYPE",
    "PDF_TYPE",
    "XLSX_TYPE",
    "ConversionError",
    "docx_to_pdf",
    "file_name",
    "report_docx",
    "report_file",
    "report_xlsx",
    "soffice",
]


def file_name(report: Report, fmt: str) -> str:
    stem = f"bao-cao-{report.kind}-{report.unit.code}-{report.period.value.code}"
    return stem.replace("..", "_").replace("/", "-") + f".{fmt}"


def report_file(report: Report, fmt: str) -> tuple[bytes, str, str]:
    """(content, file name, content type) of the report in ``fmt``."""
    if fmt == "docx":
        return report_docx(report), file_name(report, fmt), DOCX_TYPE
    if fmt == "xlsx":
        return report_xlsx(report), file_name(report, fmt), XLSX_TYPE
    if fmt == "pdf":
        return docx_to_pdf(report_docx(report)), file_name(report, fmt), PDF_TYPE
    raise ValueError(fmt)
