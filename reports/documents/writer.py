"""Writing a DOCX in the layout of Party documents, with python-docx.

Font, sizes, margins and spacing come from the DocumentLayout in force. The
document's defaults and every style are marked Vietnamese (vi-VN), and no run
overrides them, so that Word checks the spelling as Vietnamese.
Tables repeat their header row on every page, never leave a header alone at
the foot of a page, and fit their columns to what they hold.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_COLOR_INDEX
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from reports.figures import Table
from reports.markup import blocks
from reports.models import DocumentLayout

LANGUAGE = "vi-VN"
PAGE_WIDTH_MM = 210


def _pt(value: Decimal | float) -> Pt:
    return Pt(float(value))


def _lang(element: Any) -> None:
    """Mark a run's (or style's) properties as Vietnamese."""
    properties = element.get_or_add_rPr()
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)


def set_language(document: DocxDocument) -> None:
    """Vietnamese as the document's default language and every style's."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        run_defaults = defaults.find(qn("w:rPrDefault"))
        if run_defaults is not None:
            properties = run_defaults.find(qn("w:rPr"))
            if properties is not None:
                for old in properties.findall(qn("w:lang")):
                    properties.remove(old)
                lang = OxmlElement("w:lang")
                lang.set(qn("w:val"), LANGUAGE)
                lang.set(qn("w:eastAsia"), LANGUAGE)
                properties.append(lang)
    for style in document.styles:
        element = getattr(style, "element", None)
        if element is not None and hasattr(element, "get_or_add_rPr"):
            _lang(element)
    document.core_properties.language = LANGUAGE


class Writer:
    """The body of a document: headings, paragraphs, bullets, tables, charts.

    It writes into ``document`` (a new one by default, or the sub-document
    of a template)."""

    def __init__(
        self, layout: DocumentLayout, document: DocxDocument | None = None
    ) -> None:
        self.layout = layout
        self.own = document is None
        self.document: DocxDocument = document if document is not None else Document()
        if self.own:
            self._page()
        self._fonts()
        set_language(self.document)
        self.table_count = 0

    @property
    def text_width_mm(self) -> float:
        return float(
            PAGE_WIDTH_MM - self.layout.margin_left_mm - self.layout.margin_right_mm
        )

    def _page(self) -> None:
        layout = self.layout
        section = self.document.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(297)
        section.top_margin = Mm(layout.margin_top_mm)
        section.bottom_margin = Mm(layout.margin_bottom_mm)
        section.left_margin = Mm(layout.margin_left_mm)
        section.right_margin = Mm(layout.margin_right_mm)
        self._page_numbers(section)

    def _fonts(self) -> None:
        layout = self.layout
        normal = self.document.styles["Normal"]
        normal.font.name = layout.font_name
        normal.font.size = _pt(layout.body_pt)
        fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), layout.font_name)

    def _page_numbers(self, section: Any) -> None:
        """Page numbers at the top centre, from the second page on."""
        section.different_first_page_header_footer = True
        paragraph = section.header.paragraphs[0]
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

    # --- runs and paragraphs --------------------------------------------------

    def run(
        self,
        paragraph: Paragraph,
        text: str,
        *,
        size: Decimal | None = None,
        bold: bool = False,
        italic: bool = False,
        underline: bool = False,
    ) -> Run:
        run = paragraph.add_run(text)
        run.font.size = _pt(size if size is not None else self.layout.body_pt)
        run.bold, run.italic, run.underline = bold, italic, underline
        return run

    def line(
        self,
        text: str,
        *,
        size: Decimal,
        bold: bool = False,
        italic: bool = False,
        underline: bool = False,
        align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
        container: Any = None,
        after: float = 0,
    ) -> Paragraph:
        target = container if container is not None else self.document
        paragraph: Paragraph = target.add_paragraph()
        paragraph.alignment = align
        paragraph.paragraph_format.space_after = Pt(after)
        paragraph.paragraph_format.space_before = Pt(0)
        self.run(
            paragraph, text, size=size, bold=bold, italic=italic, underline=underline
        )
        return paragraph

    def _body_paragraph(self) -> Paragraph:
        paragraph = self.document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt = paragraph.paragraph_format
        fmt.first_line_indent = Mm(self.layout.first_line_indent_mm)
        fmt.line_spacing = float(self.layout.line_spacing)
        fmt.space_after = _pt(self.layout.paragraph_after_pt)
        return paragraph

    def markup(self, text: str) -> None:
        """A section's text: paragraphs, bullets ("- " as in official
        documents, indented like a paragraph) and bold."""
        for block in blocks(text):
            paragraph = self._body_paragraph()
            if block.bullet:
                self.run(paragraph, "- ")
            for text_run, bold in block.runs:
                self.run(paragraph, text_run, bold=bold)

    def prompt(self, text: str) -> None:
        """What the writer still has to write: highlighted, so it is seen and
        replaced before signing."""
        paragraph = self._body_paragraph()
        run = self.run(paragraph, f"[Cần viết: {text}]", italic=True)
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW

    def heading(self, text: str, *, part: bool = False) -> None:
        paragraph = self.line(
            text.upper() if part else text,
            size=self.layout.body_pt,
            bold=True,
            align=WD_ALIGN_PARAGRAPH.JUSTIFY,
            after=float(self.layout.paragraph_after_pt),
        )
        paragraph.paragraph_format.first_line_indent = Mm(
            self.layout.first_line_indent_mm
        )
        paragraph.paragraph_format.keep_with_next = True

    def page_break(self) -> None:
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # --- tables and charts ----------------------------------------------------

    def table(self, table: Table) -> None:
        """A table with its caption. The table's XML is written in one piece
        (cell by cell through python-docx takes most of a document's time):
        grid borders, fixed column widths, the header row repeated on every
        page and kept with the first row, rows never split across pages,
        names left and numbers right, "Tổng số" in bold."""
        self.table_count += 1
        caption = self.line(
            f"Biểu {self.table_count}. {table.title}",
            size=self.layout.table_pt,
            bold=True,
            after=2,
        )
        caption.paragraph_format.keep_with_next = True
        rows = table.text_rows()
        widths = self._widths(table.header, rows)
        twips = [round(w * 56.7) for w in widths]
        size = round(float(self.layout.table_pt) * 2)
        lines = [_row_xml(table.header, twips, size, header=True, keep=True)]
        for index, row in enumerate(rows):
            lines.append(
                _row_xml(row, twips, size, bold=row[0] == "Tổng số", keep=index == 0)
            )
        borders = "".join(
            f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
            for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        xml = (
            f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{sum(twips)}" '
            'w:type="dxa"/><w:jc w:val="center"/>'
            f"<w:tblBorders>{borders}</w:tblBorders>"
            '<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>'
            + "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
            + "</w:tblGrid>"
            + "".join(lines)
            + "</w:tbl>"
        )
        paragraph = self.document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph._p.addprevious(parse_xml(xml))

    def _widths(self, header: list[str], rows: list[list[str]]) -> list[float]:
        """Columns fitted to their content: the first (names) as wide as it
        needs, numbers as narrow as their header's longest word allows."""
        total = self.text_width_mm
        char = float(self.layout.table_pt) * 0.19  # mm per character, roughly
        needs = []
        for i, label in enumerate(header):
            longest = max([len(r[i]) for r in rows] or [0])
            word = max(len(w) for w in label.split()) if label.split() else 4
            if i == 0:
                needs.append(max(longest, word, 12) * char + 2)
            else:
                needs.append(max(longest, word, 4) * char + 3)
        if sum(needs) <= total:
            needs[0] += total - sum(needs)  # the names take what is left
            return needs
        others = sum(needs[1:])
        first = max(total * 0.3, total - others)
        scale = (total - first) / others if others else 1
        return [first, *[n * scale for n in needs[1:]]]

    def picture(self, png: bytes) -> None:
        width = min(150.0, self.text_width_mm)
        self.document.add_picture(io.BytesIO(png), width=Mm(width))
        self.document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def _row_xml(
    cells: list[str],
    twips: list[int],
    size: int,
    *,
    header: bool = False,
    bold: bool = False,
    keep: bool = False,
) -> str:
    """One row: never split across pages; the header row repeated on every
    page; ``keep`` holds it on the same page as the next row."""
    properties = "<w:cantSplit/>" + ("<w:tblHeader/>" if header else "")
    parts = [f"<w:tr><w:trPr>{properties}</w:trPr>"]
    for column, (text, width) in enumerate(zip(cells, twips, strict=True)):
        align = "center" if header else ("left" if column == 0 else "right")
        keep_next = "<w:keepNext/>" if keep or header else ""
        strong = "<w:b/>" if header or bold else ""
        parts.append(
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
            f'<w:p><w:pPr>{keep_next}<w:spacing w:before="0" w:after="0"/>'
            f'<w:jc w:val="{align}"/></w:pPr>'
            f'<w:r><w:rPr>{strong}<w:sz w:val="{size}"/></w:rPr>'
            f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p></w:tc>'
        )
    parts.append("</w:tr>")
    return "".join(parts)


def borderless(table: DocxTable) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)
