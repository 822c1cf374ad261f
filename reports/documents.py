"""The report as documents: an editable DOCX in the layout of Party documents,
its figures as XLSX, and a PDF converted from the DOCX by LibreOffice.

Font, sizes and margins come from the DocumentLayout in force, never from
constants here; the text of the header, title and signature block from the
report itself.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from reports import charts
from reports.figures import Figures, Table, report_figures, row_label
from reports.models import DocumentLayout, Report
from reports.periods import next_label
from vn.numbers import official_date

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_TYPE = "application/pdf"


class ConversionError(RuntimeError):
    """LibreOffice could not produce the PDF; the message is for the user."""


def _pt(value: Decimal) -> Pt:
    return Pt(float(value))


class _Writer:
    def __init__(self, layout: DocumentLayout) -> None:
        self.layout = layout
        self.document = Document()
        section = self.document.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = Mm(layout.margin_top_mm)
        section.bottom_margin = Mm(layout.margin_bottom_mm)
        section.left_margin = Mm(layout.margin_left_mm)
        section.right_margin = Mm(layout.margin_right_mm)
        normal = self.document.styles["Normal"]
        normal.font.name = layout.font_name
        normal.font.size = _pt(layout.body_pt)
        fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), layout.font_name)
        self._page_numbers(section)

    def _page_numbers(self, section: object) -> None:
        """Page numbers at the top centre, from the second page on."""
        section.different_first_page_header_footer = True  # type: ignore[attr-defined]
        paragraph = section.header.paragraphs[0]  # type: ignore[attr-defined]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run()
        for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
            if kind:
                element = OxmlElement("w:fldChar")
                element.set(qn("w:fldCharType"), kind)
            else:
                element = OxmlElement("w:instrText")
                element.set(qn("xml:space"), "preserve")
                element.text = text
            run._r.append(element)

    def line(
        self,
        text: str,
        *,
        size: Decimal,
        bold: bool = False,
        italic: bool = False,
        underline: bool = False,
        align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
        container: object | None = None,
        after: float = 0,
    ) -> Paragraph:
        target = container if container is not None else self.document
        paragraph: Paragraph = target.add_paragraph()  # type: ignore[attr-defined]
        paragraph.alignment = align
        paragraph.paragraph_format.space_after = Pt(after)
        paragraph.paragraph_format.space_before = Pt(0)
        run = paragraph.add_run(text)
        run.font.size = _pt(size)
        run.bold, run.italic, run.underline = bold, italic, underline
        return paragraph

    def body(self, text: str) -> None:
        """Body paragraphs: justified, first-line indent, spacing from the layout."""
        for chunk in [p.strip() for p in text.splitlines() if p.strip()]:
            paragraph = self.document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            fmt = paragraph.paragraph_format
            fmt.first_line_indent = Mm(self.layout.first_line_indent_mm)
            fmt.line_spacing = float(self.layout.line_spacing)
            fmt.space_after = _pt(self.layout.paragraph_after_pt)
            paragraph.add_run(chunk).font.size = _pt(self.layout.body_pt)

    def heading(self, text: str) -> None:
        paragraph = self.line(
            text,
            size=self.layout.body_pt,
            bold=True,
            align=WD_ALIGN_PARAGRAPH.JUSTIFY,
            after=float(self.layout.paragraph_after_pt),
        )
        paragraph.paragraph_format.first_line_indent = Mm(
            self.layout.first_line_indent_mm
        )
        paragraph.paragraph_format.keep_with_next = True

    def table(self, number: int, table: Table) -> None:
        caption = self.line(
            f"Bảng {number}. {table.title}",
            size=self.layout.table_pt,
            italic=True,
            after=2,
        )
        caption.paragraph_format.keep_with_next = True
        grid = self.document.add_table(rows=1, cols=len(table.header))
        grid.style = "Table Grid"
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, label in zip(grid.rows[0].cells, table.header, strict=True):
            self._cell(cell, label, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        for row in table.text_rows():
            cells = grid.add_row().cells
            for i, (cell, text) in enumerate(zip(cells, row, strict=True)):
                align = WD_ALIGN_PARAGRAPH.LEFT if i == 0 else WD_ALIGN_PARAGRAPH.RIGHT
                self._cell(cell, text, bold=row[0] == "Tổng số", align=align)
        self.document.add_paragraph().paragraph_format.space_after = Pt(0)

    def _cell(
        self, cell: object, text: str, *, bold: bool, align: WD_ALIGN_PARAGRAPH
    ) -> None:
        paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
        paragraph.alignment = align
        run = paragraph.add_run(text)
        run.font.size = _pt(self.layout.table_pt)
        run.bold = bold

    def picture(self, png: bytes) -> None:
        self.document.add_picture(io.BytesIO(png), width=Mm(150))
        self.document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def _borderless(table: DocxTable) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _date_line(report: Report) -> str:
    if report.issued_on:
        return f"{report.place}, {official_date(report.issued_on)}"
    year = report.period.end.year if report.kind != Report.Kind.YEAR_END else ""
    spaces = "\u00a0" * 5
    return f"{report.place}, ngày{spaces}tháng{spaces}năm {year or spaces}".rstrip()


def _header(writer: _Writer, report: Report) -> None:
    layout = writer.layout
    grid = writer.document.add_table(rows=1, cols=2)
    _borderless(grid)
    left, right = grid.rows[0].cells
    left.width, right.width = Mm(75), Mm(90)
    left.paragraphs[0].text = ""
    if report.superior_name:
        writer.line(
            report.superior_name.upper(), size=layout.superior_pt, container=left
        )
    writer.line(
        report.issuer_name.upper(), size=layout.issuer_pt, bold=True, container=left
    )
    writer.line("*", size=layout.issuer_pt, container=left)
    writer.line(report.number_line, size=layout.number_pt, container=left)
    right.paragraphs[0].text = ""
    writer.line(
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        size=layout.party_header_pt,
        bold=True,
        underline=True,
        container=right,
        after=6,
    )
    writer.line(
        _date_line(report), size=layout.date_line_pt, italic=True, container=right
    )
    for cell in (left, right):
        first = cell.paragraphs[0]
        first._element.getparent().remove(first._element)


def _signature(writer: _Writer, report: Report) -> None:
    layout = writer.layout
    writer.document.add_paragraph()
    grid = writer.document.add_table(rows=1, cols=2)
    _borderless(grid)
    left, right = grid.rows[0].cells
    left.paragraphs[0].text = ""
    writer.line(
        "Nơi nhận:",
        size=layout.recipients_heading_pt,
        underline=True,
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
    right.paragraphs[0].text = ""
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
    for cell in (left, right):
        first = cell.paragraphs[0]
        first._element.getparent().remove(first._element)


def _subject(report: Report) -> str:
    subject = report.subject.strip()
    return subject[:1].upper() + subject[1:]


def report_docx(
    report: Report,
    *,
    figures: Figures | None = None,
    layout: DocumentLayout | None = None,
) -> bytes:
    """The report in the official layout, as an editable DOCX."""
    layout = layout or DocumentLayout.current()
    figures = figures or report_figures(report.unit, report.period.value)
    writer = _Writer(layout)
    writer.document.core_properties.title = f"Báo cáo {report.subject}"
    writer.document.core_properties.language = "vi-VN"
    _header(writer, report)
    writer.line("", size=layout.body_pt)
    writer.line("BÁO CÁO", size=layout.doc_type_pt, bold=True)
    writer.line(_subject(report), size=layout.subject_pt, bold=True)
    writer.line("-----", size=layout.subject_pt, after=12)

    period = report.period.value
    writer.heading(f"I. KẾT QUẢ CÔNG TÁC DÂN VẬN {period.label.upper()}")
    writer.heading("1. Kết quả đạt được")
    writer.body(report.results)
    number = 0
    for table in figures.tables:
        if not table.rows:
            continue
        number += 1
        writer.table(number, table)
    for chart in charts.CHARTS:
        if chart.key == "by-child" and not figures.children:
            continue
        if chart.key == "targets" and not figures.now.targets:
            continue
        writer.picture(charts.render(chart.draw(figures), "png"))
    if figures.not_reported:
        writer.body(
            "Đơn vị chưa có số liệu trong kỳ: "
            + ", ".join(row_label(r, period) for r in figures.not_reported)
            + "."
        )
    for number_text, title, text in (
        ("2", "Ưu điểm", report.strengths),
        ("3", "Hạn chế", report.shortcomings),
        ("4", "Nguyên nhân", report.causes),
        ("5", "Bài học kinh nghiệm", report.lessons),
    ):
        writer.heading(f"{number_text}. {title}")
        writer.body(text or "…")
    writer.heading(f"II. PHƯƠNG HƯỚNG, NHIỆM VỤ {next_label(period).upper()}")
    writer.body(report.next_tasks or "…")
    _signature(writer, report)
    return writer.save()


def report_xlsx(report: Report, *, figures: Figures | None = None) -> bytes:
    """The report's figures, one sheet per table, numbers as numbers."""
    figures = figures or report_figures(report.unit, report.period.value)
    workbook = Workbook()
    summary = workbook.active
    assert summary is not None
    summary.title = "Thông tin"
    info: list[list[Any]] = [
        ["Báo cáo", _subject(report)],
        ["Đơn vị", report.unit.name],
        ["Kỳ báo cáo", report.period.value.label],
        ["Từ ngày", report.period.start],
        ["Đến ngày", report.period.end],
        ["Trạng thái", report.get_status_display()],
    ]
    for line in info:
        summary.append(line)
    summary.column_dimensions["A"].width = 16
    summary.column_dimensions["B"].width = 80
    for table in figures.tables:
        sheet = workbook.create_sheet(table.title[:31].replace("/", "-"))
        sheet.append([table.title])
        sheet["A1"].font = Font(bold=True)
        sheet.append(table.header)
        for cell in sheet[2]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True)
        for row in table.rows:
            sheet.append(
                [
                    (float(c) / 100 if i in table.percent_columns else float(c))
                    if isinstance(c, Decimal)
                    else c
                    for i, c in enumerate(row)
                ]
            )
        for column in table.percent_columns:
            for (cell,) in sheet.iter_rows(
                min_row=3, min_col=column + 1, max_col=column + 1
            ):
                cell.number_format = "0.00%"
        sheet.column_dimensions["A"].width = 40
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: bytes, *, timeout: int = 120) -> bytes:
    """Convert with LibreOffice headless, each run in its own profile directory
    (parallel conversions sharing one profile silently produce nothing)."""
    program = soffice()
    if program is None:
        raise ConversionError(
            _(
                "Máy chủ chưa cài LibreOffice nên chưa chuyển được sang PDF; "
                "hãy tải bản DOCX."
            )
        )
    with tempfile.TemporaryDirectory(prefix="danvan-pdf-") as work:
        folder = Path(work)
        source = folder / "bao-cao.docx"
        source.write_bytes(docx)
        profile = (folder / "profile").as_uri()
        try:
            completed = subprocess.run(
                [
                    program,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(folder),
                    str(source),
                ],
                capture_output=True,
                timeout=timeout,
                check=False,
                env={**os.environ, "HOME": work},
            )
        except subprocess.TimeoutExpired as exc:
            raise ConversionError(
                _("Chuyển sang PDF quá thời gian cho phép; hãy thử lại sau.")
            ) from exc
        target = folder / "bao-cao.pdf"
        if completed.returncode != 0 or not target.exists():
            raise ConversionError(_("LibreOffice không chuyển được báo cáo sang PDF."))
        return target.read_bytes()


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
