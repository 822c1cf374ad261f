"""A province's own DOCX template, and the XLSX of the figures."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from docx import Document
from openpyxl import load_workbook

from org import services as org_services
from org.models import BodyKind
from reports.documents import report_docx, report_xlsx
from reports.documents.sheets import sheet_name
from reports.documents.templates import starting_template, template_for
from reports.periods import parse_period
from reports.services import report_create, report_template_upload, report_template_use
from reports.tests.test_rollup import build

D = dt.date


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _docx(*paragraphs: str) -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    return "\n".join(p.text for p in document.paragraphs)


def test_a_province_template_is_used_for_its_communes_only(world):
    build(world)
    data = _docx(
        "MẪU RIÊNG CỦA TỈNH THỬ NGHIỆM",
        "{{ report.issuer_name }} — {{ report.subject }}",
        "{{p body }}",
        "Người ký: {{ report.signer_title }}",
    )
    template = report_template_upload(
        owner=world.province,
        name="Mẫu tỉnh",
        data=data,
        file_name="mau.docx",
        by=world.province_officer,
    )
    assert template_for(world.commune) == template
    assert template_for(world.other_province) is None
    report = report_create(unit=world.commune, period=parse_period("2023"), by=None)
    text = _text(report_docx(report))
    assert "MẪU RIÊNG CỦA TỈNH THỬ NGHIỆM" in text
    assert "Tổng kết công tác dân vận năm 2023" in text
    assert "1. Công tác lãnh đạo, chỉ đạo" in text  # the body, in the built-in style
    elsewhere = report_create(
        unit=world.other_province, period=parse_period("2023"), by=None
    )
    assert "MẪU RIÊNG" not in _text(report_docx(elsewhere))
    # No longer in use: the built-in layout again.
    report_template_use(template=template, in_use=False, by=world.province_officer)
    assert "MẪU RIÊNG" not in _text(report_docx(report))


def test_the_starting_template_renders(world):
    build(world)
    report_template_upload(
        owner=world.province,
        name="Mẫu khởi đầu",
        data=starting_template(),
        file_name="mau.docx",
        by=world.province_officer,
    )
    report = report_create(unit=world.province, period=parse_period("2023"), by=None)
    document = Document(io.BytesIO(report_docx(report)))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC DÂN VẬN NĂM 2023" in text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in cells and "Nơi nhận:" in cells
    assert "{{ report.subject }}" in text  # the list of placeholders, kept raw


def test_a_broken_template_is_refused_with_its_line(world):
    data = _docx("Dòng một", "{{ report.subject }}", "{%p for s in sections %}", "Hết")
    with pytest.raises(ValidationError) as caught:
        report_template_upload(
            owner=world.province,
            name="Mẫu lỗi",
            data=data,
            file_name="mau.docx",
            by=world.province_officer,
        )
    message = " ".join(caught.value.messages)
    assert "Mẫu có lỗi ở dòng 3 (“{%p for s in sections %}”): thiếu thẻ đóng" in message
    with pytest.raises(ValidationError, match="DOCX"):
        report_template_upload(
            owner=world.province,
            name="Không phải DOCX",
            data=b"PK\x03\x04 not a docx",
            file_name="mau.docx",
            by=world.province_officer,
        )
    # Only an administrator of the unit uploads a template for it.
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        report_template_upload(
            owner=world.commune,
            name="Mẫu",
            data=starting_template(),
            file_name="mau.docx",
            by=world.commune_officer,
        )


def test_sheet_names_are_cut_at_a_word_and_unique():
    used: set[str] = set()
    first = sheet_name("Mô hình, điển hình “Dân vận khéo” theo lĩnh vực", used)
    assert first == "Mô hình, điển hình “Dân vận"
    second = sheet_name("Mô hình, điển hình “Dân vận khéo” theo cấp", used)
    assert second == "Mô hình, điển hình “Dân vận (2)"
    assert len(second) <= 31 and sheet_name("A/B: C?", used) == "A-B- C-"


def test_the_xlsx_cells_are_numbers_and_dates_with_formats(world):
    build(world)
    body = world.commune.bodies.first() or org_services.body_create(
        unit=world.commune, kind=BodyKind.objects.get(code="khoi-dan-van"), name="K"
    )
    assert body is not None
    report = report_create(unit=world.province, period=parse_period("2023"), by=None)
    book = load_workbook(io.BytesIO(report_xlsx(report)))
    names = book.sheetnames
    assert len(names) == len(set(names)) and all(len(n) <= 31 for n in names)
    for sheet in book.worksheets:
        assert sheet.max_row > 1, sheet.title  # no empty sheet
    info = book["Thông tin"]
    assert info["B4"].value.date() == D(2023, 1, 1)
    assert info["B4"].number_format == "DD/MM/YYYY"
    by_field = book[names[1]]
    total = next(r for r in by_field.iter_rows(min_row=3) if r[0].value == "Tổng số")
    assert isinstance(total[1].value, int) and total[1].number_format == "#,##0"
    assert isinstance(total[3].value, int)  # the increase is a number
    assert total[3].number_format == "+#,##0;-#,##0;0"
    indicators = book["Kết quả các chỉ số"]
    families = next(r for r in indicators.iter_rows(min_row=3))
    assert isinstance(families[3].value, float) and families[3].number_format == "0.00%"
    assert isinstance(families[5].value, float)  # last year's rate, a number too
