"""A province's own DOCX layout of reports, with docxtpl (Jinja) placeholders.

An administrator uploads a DOCX whose text holds placeholders; it replaces
the built-in layout for the reports of every unit below the template's unit.
The placeholders, documented in the starting template (``starting_template``):

- ``{{ report.superior_name }}``, ``report.issuer_name``, ``report.number_line``,
  ``report.date_line``, ``report.subject``, ``report.unit``, ``report.period``,
  ``report.signer_authority``, ``report.signer_title``, ``report.signer_name``;
  ``{%p for line in report.recipients %}{{ line }}{%p endfor %}``;
- ``{{p body }}``: every section of the outline in the built-in style; or,
  section by section, ``{%p for s in sections %}{{ s.heading }} …{%p endfor %}``
  with ``s.number``, ``s.title``, ``s.paragraphs``, ``s.prompt``, ``s.is_part``;
- ``{{p appendix }}``: the tables and charts; ``figures.initiatives``,
  ``figures.conferences``.

A template is checked when it is uploaded: one that cannot be read, or whose
placeholders do not parse, is refused with the line (paragraph) of the error.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any
from zipfile import BadZipFile

import jinja2
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate

from danvan.uploads import ArchiveLimits, UploadRefused, check_archive
from org.lineage import ancestor_paths
from org.models import Unit
from reports.documents.word import appendix, body, date_line, subject_line
from reports.documents.writer import Writer
from reports.figures import Figures
from reports.markup import blocks
from reports.models import DocumentLayout, Report, ReportTemplate
from reports.services import sections_of

# docxtpl's own tags ("{%p", "{%tr", "{{r", …) as plain Jinja, for checking.
_DOCXTPL_TAGS = re.compile(r"(\{%|\{\{)(p|tr|tc|r)\s")


def template_for(unit: Unit) -> ReportTemplate | None:
    """The template in use for ``unit``'s reports: the nearest one above it
    (today or at the time), the most recent first."""
    paths = ancestor_paths(unit)
    found: ReportTemplate | None = (
        ReportTemplate.objects.filter(in_use=True, owner__path__in=paths)
        .select_related("owner")
        .order_by("-owner__depth", "-uploaded_at")
        .first()
    )
    return found


# A template is a letterhead and a few pages of placeholders; python-docx and
# docxtpl hold the whole document in memory (about 20 times its XML).
TEMPLATE_LIMITS = ArchiveLimits(member_bytes=2 * 2**20, total_bytes=16 * 2**20)


def _paragraph_texts(data: bytes) -> list[str]:
    """The text of every paragraph, in the body, tables, headers and footers."""
    document = Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts += [p.text for p in cell.paragraphs]
    for section in document.sections:
        for part in (section.header, section.footer):
            texts += [p.text for p in part.paragraphs]
    return texts


def check_template(data: bytes) -> None:
    """Raise ValidationError (in Vietnamese, with the line of the error) when
    ``data`` is not a DOCX whose placeholders docxtpl can render."""
    try:
        check_archive(data, TEMPLATE_LIMITS)
        texts = _paragraph_texts(data)
    except UploadRefused as exc:
        raise ValidationError(str(exc), code="too_large") from exc
    except (PackageNotFoundError, KeyError, ValueError, OSError, BadZipFile) as exc:
        raise ValidationError(
            _("Tệp không phải là văn bản DOCX đọc được."), code="unreadable"
        ) from exc
    source = "\n".join(_DOCXTPL_TAGS.sub(r"\1 ", text) for text in texts)
    try:
        jinja2.Environment(autoescape=False).parse(source)
    except jinja2.TemplateSyntaxError as exc:
        line = exc.lineno or 0
        text = texts[line - 1].strip() if 0 < line <= len(texts) else ""
        raise ValidationError(
            _("Mẫu có lỗi ở dòng %(line)s (“%(text)s”): %(error)s (%(detail)s)")
            % {
                "line": line,
                "text": text[:80],
                "error": _syntax_hint(exc.message or ""),
                "detail": exc.message,
            },
            code="syntax",
        ) from exc
    try:
        _render(DocxTemplate(io.BytesIO(data)), _sample_context())
    except Exception as exc:
        raise ValidationError(
            _("Không dựng được văn bản từ mẫu: %(error)s") % {"error": exc},
            code="render",
        ) from exc


def _syntax_hint(message: str) -> str:
    """What a Jinja syntax error means, in Vietnamese."""
    if "Unexpected end of template" in message:
        return _("thiếu thẻ đóng (endfor, endif…)")
    if "unknown tag" in message:
        return _("thẻ không hợp lệ hoặc thẻ đóng thừa")
    if "unexpected" in message.lower() or "expected" in message.lower():
        return _("chỗ điền viết sai cú pháp")
    return _("sai cú pháp docxtpl/Jinja")


@dataclass(frozen=True)
class _Section:
    number: str
    title: str
    heading: str
    is_part: bool
    paragraphs: list[str]
    prompt: str


def _report_context(report: Report, figures: Figures) -> dict[str, Any]:
    sections = [
        _Section(
            number=s.number,
            title=s.title,
            heading=s.heading.upper() if s.depth == 0 else s.heading,
            is_part=s.depth == 0,
            paragraphs=[("- " if b.bullet else "") + b.text for b in blocks(s.text)],
            prompt=s.prompt if not s.text.strip() else "",
        )
        for s in sections_of(report)
    ]
    return {
        "report": {
            "superior_name": report.superior_name.upper(),
            "issuer_name": report.issuer_name.upper(),
            "number_line": report.number_line,
            "date_line": date_line(report),
            "subject": subject_line(report),
            "unit": report.unit.name,
            "period": report.period.value.label,
            "signer_authority": report.signer_authority.upper(),
            "signer_title": report.signer_title.upper(),
            "signer_name": report.signer_name,
            "recipients": report.recipient_lines(),
        },
        "sections": sections,
        "figures": {
            "initiatives": figures.now.initiatives,
            "conferences": figures.now.conferences,
        },
    }


def _sample_context() -> dict[str, Any]:
    """Values of the right shapes, to check a template without a report."""
    return {
        "report": {
            "superior_name": "HUYỆN ỦY",
            "issuer_name": "BAN DÂN VẬN",
            "number_line": "Số 1-BC/BDVHU",
            "date_line": "ngày 01 tháng 01 năm 2026",
            "subject": "Tổng kết công tác dân vận",
            "unit": "Huyện",
            "period": "năm 2025",
            "signer_authority": "",
            "signer_title": "TRƯỞNG BAN",
            "signer_name": "",
            "recipients": ["- Lưu Văn phòng."],
        },
        "sections": [
            _Section("I", "Kết quả", "I. KẾT QUẢ", True, [], ""),
            _Section("1", "Phần", "1. Phần", False, ["Nội dung."], ""),
        ],
        "figures": {"initiatives": 1, "conferences": 1},
        "body": "",
        "appendix": "",
    }


def _render(template: DocxTemplate, context: dict[str, Any]) -> bytes:
    template.render(context, jinja_env=jinja2.Environment(autoescape=True))
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def render_template(
    template: ReportTemplate, report: Report, figures: Figures, layout: DocumentLayout
) -> bytes:
    """The report laid out by ``template``; the body and the appendix are
    built in the built-in style as sub-documents."""
    with template.file.open("rb") as handle:
        document = DocxTemplate(io.BytesIO(handle.read()))
    context = _report_context(report, figures)
    body_doc = document.new_subdoc()
    body(Writer(layout, body_doc), sections_of(report))
    appendix_doc = document.new_subdoc()
    if any(t.rows for t in figures.tables):
        appendix(Writer(layout, appendix_doc), report, figures)
    context.update(body=body_doc, appendix=appendix_doc)
    return _render(document, context)


PLACEHOLDERS = [
    "{{ report.superior_name }}, {{ report.issuer_name }}, {{ report.number_line }}, "
    "{{ report.date_line }}: phần đầu văn bản.",
    "{{ report.subject }}: trích yếu; {{ report.unit }}, {{ report.period }}: đơn vị "
    "và kỳ báo cáo.",
    "{{p body }}: toàn bộ các phần của đề cương, theo thể thức có sẵn.",
    "Hoặc từng phần: {%p for s in sections %} … {%p endfor %}, với s.heading, "
    "s.number, s.title, s.is_part, s.prompt và {%p for t in s.paragraphs %}{{ t }}"
    "{%p endfor %}.",
    "{{ report.signer_authority }}, {{ report.signer_title }}, "
    "{{ report.signer_name }}: người ký.",
    "{%p for line in report.recipients %}{{ line }}{%p endfor %}: nơi nhận.",
    "{{p appendix }}: phụ lục số liệu (bảng và biểu đồ).",
    "{{ figures.initiatives }}, {{ figures.conferences }}: số mô hình, số hội nghị.",
]


def starting_template() -> bytes:
    """A DOCX to start a province's template from: the built-in layout's
    parts as placeholders, and the list of placeholders on a second page."""
    document = Document()
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].text = "{{ report.superior_name }}"
    left.add_paragraph("{{ report.issuer_name }}")
    left.add_paragraph("*")
    left.add_paragraph("{{ report.number_line }}")
    right.paragraphs[0].text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    right.add_paragraph("{{ report.date_line }}")
    for text in ("BÁO CÁO", "{{ report.subject }}", "-----"):
        paragraph = document.add_paragraph(text)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("{{p body }}")
    signature = document.add_table(rows=1, cols=2)
    recipients, signer = signature.rows[0].cells
    recipients.paragraphs[0].text = "Nơi nhận:"
    recipients.add_paragraph("{%p for line in report.recipients %}")
    recipients.add_paragraph("{{ line }}")
    recipients.add_paragraph("{%p endfor %}")
    signer.paragraphs[0].text = "{{ report.signer_authority }}"
    signer.add_paragraph("{{ report.signer_title }}")
    signer.add_paragraph("")
    signer.add_paragraph("{{ report.signer_name }}")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("{{p appendix }}")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("{% raw %}")
    document.add_paragraph(
        "Các chỗ điền (cú pháp docxtpl/Jinja; trang này có thể xóa):"
    )
    for line in PLACEHOLDERS:
        document.add_paragraph(line, style="List Bullet")
    document.add_paragraph("{% endraw %}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
