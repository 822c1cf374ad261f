"""The report as an editable DOCX in the layout of Party documents.

Header block, "BÁO CÁO" and the subject; the sections of the report's
outline, each with its text (or, while empty, a highlighted prompt for the
writer); the signature and "Nơi nhận"; then, on a new page, the figures
("Phụ lục số liệu") with their charts. A province that uploaded a template of
its own gets its layout instead (``reports.documents.templates``).
"""

from __future__ import annotations

from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from danvan.i18n import in_vietnamese
from reports import charts
from reports.documents.writer import Writer, borderless
from reports.figures import Figures, figures_now, row_label
from reports.models import DocumentLayout, Report, ReportSection
from reports.services import sections_of
from vn.numbers import official_date
from vn.prose import capitalize


def date_line(report: Report) -> str:
    if report.issued_on:
        return f"{report.place}, {official_date(report.issued_on)}"
    year = report.period.end.year if report.kind != Report.Kind.YEAR_END else ""
    spaces = "\u00a0" * 5
    return f"{report.place}, ngày{spaces}tháng{spaces}năm {year or spaces}".rstrip()


def subject_line(report: Report) -> str:
    return capitalize(report.subject.strip())


def _drop_first_paragraph(*cells: Any) -> None:
    for cell in cells:
        first = cell.paragraphs[0]
        first._element.getparent().remove(first._element)


def header(writer: Writer, report: Report) -> None:
    layout = writer.layout
    grid = writer.document.add_table(rows=1, cols=2)
    borderless(grid)
    left, right = grid.rows[0].cells
    left.width, right.width = Mm(75), Mm(90)
    if report.superior_name:
        writer.line(
            report.superior_name.upper(), size=layout.superior_pt, container=left
        )
    writer.line(
        report.issuer_name.upper(), size=layout.issuer_pt, bold=True, container=left
    )
    writer.line("*", size=layout.issuer_pt, container=left)
    writer.line(report.number_line, size=layout.number_pt, container=left)
    writer.line(
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        size=layout.party_header_pt,
        bold=True,
        underline=True,
        container=right,
        after=6,
    )
    writer.line(
        date_line(report), size=layout.date_line_pt, italic=True, container=right
    )
    _drop_first_paragraph(left, right)
    writer.line("", size=layout.body_pt)
    writer.line("BÁO CÁO", size=layout.doc_type_pt, bold=True)
    writer.line(subject_line(report), size=layout.subject_pt, bold=True)
    writer.line("-----", size=layout.subject_pt, after=12)


def body(writer: Writer, sections: list[ReportSection]) -> None:
    """Every part and section of the outline, in order."""
    for section in sections:
        writer.heading(section.heading, part=section.depth == 0)
        if section.text.strip():
            writer.markup(section.text)
        elif section.prompt:
            writer.prompt(section.prompt)


def signature(writer: Writer, report: Report) -> None:
    layout = writer.layout
    writer.document.add_paragraph()
    grid = writer.document.add_table(rows=1, cols=2)
    borderless(grid)
    left, right = grid.rows[0].cells
    writer.line(
        "Nơi nhận:",
        size=layout.recipients_heading_pt,
        bold=True,
        italic=True,
        align=WD_ALIGN_PARAGRAPH.LEFT,
        container=left,
    )
    for recipient in report.recipient_lines():
        writer.line(
            recipient,
            size=layout.recipients_pt,
            align=WD_ALIGN_PARAGRAPH.LEFT,
            container=left,
        )
    if report.signer_authority:
        writer.line(
            report.signer_authority.upper(),
            size=layout.signature_pt,
            bold=True,
            container=right,
        )
    writer.line(
        report.signer_title.upper(),
        size=layout.signature_pt,
        bold=True,
        container=right,
        after=60,
    )
    if report.signer_name:
        writer.line(
            report.signer_name, size=layout.signature_pt, bold=True, container=right
        )
    _drop_first_paragraph(left, right)


def appendix(writer: Writer, report: Report, figures: Figures) -> None:
    """The figures behind the text: tables, charts, units without data."""
    layout = writer.layout
    writer.line("PHỤ LỤC", size=layout.doc_type_pt, bold=True)
    writer.line(
        f"Số liệu tổng hợp {figures.period.label}",
        size=layout.subject_pt,
        italic=True,
    )
    writer.line(
        f"(Kèm theo Báo cáo số {report.number_line.removeprefix('Số ')})",
        size=layout.table_pt,
        italic=True,
        after=12,
    )
    for table in figures.tables:
        if table.rows:
            writer.table(table)
    for chart in charts.shown(figures):
        writer.picture(charts.drawn(chart, figures, "png", font=layout.font_name))
    if figures.not_reported:
        writer.markup(
            "Đơn vị chưa có số liệu trong kỳ: "
            + ", ".join(row_label(r, figures.period) for r in figures.not_reported)
            + "."
        )


def builtin_docx(report: Report, figures: Figures, layout: DocumentLayout) -> bytes:
    writer = Writer(layout)
    writer.document.core_properties.title = f"Báo cáo {report.subject}"
    header(writer, report)
    body(writer, sections_of(report))
    signature(writer, report)
    if any(t.rows for t in figures.tables):
        writer.page_break()
        appendix(writer, report, figures)
    return writer.save()


@in_vietnamese
def report_docx(
    report: Report,
    *,
    figures: Figures | None = None,
    layout: DocumentLayout | None = None,
) -> bytes:
    """The report as an editable DOCX: the template of its province if one
    was uploaded, else the built-in layout."""
    from reports.documents.templates import render_template, template_for

    layout = layout or DocumentLayout.current()
    figures = figures or figures_now(report.unit, report.period.value)
    template = template_for(report.unit)
    if template is not None:
        return render_template(template, report, figures, layout)
    return builtin_docx(report, figures, layout)
