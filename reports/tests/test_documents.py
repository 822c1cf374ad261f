"""The report's documents, read back and checked against the raw rows."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import Counter
from decimal import Decimal

import pytest
from docx import Document
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph
from openpyxl import load_workbook

from org import services as org_services
from reports.documents import docx_to_pdf, report_docx, report_xlsx, soffice
from reports.models import DocumentLayout
from reports.periods import parse_period
from reports.services import report_create, report_update
from reports.tests.test_rollup import build
from vn.numbers import parse_number
from work.models import Field, IndicatorValue, Initiative
from work.services import campaigns

D = dt.date


def tables_of(content: bytes) -> dict[str, list[list[str]]]:
    """Each table of the DOCX under its caption ("Biểu 1. <title>")."""
    document = Document(io.BytesIO(content))
    found: dict[str, list[list[str]]] = {}
    caption = None
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(element, document).text
            match = re.match(r"Biểu \d+\. (.+)", text)
            caption = match.group(1) if match else None
        elif tag == "tbl" and caption:
            table = DocxTable(element, document)
            found[caption] = [[c.text for c in row.cells] for row in table.rows][1:]
            caption = None
    return found


def text_of(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def number(text: str) -> Decimal:
    value = parse_number(text.rstrip("%"))
    assert value is not None, text
    return value


def test_the_docx_figures_match_the_raw_rows_after_a_2025_merger(world):
    build(world)
    org_services.reorganization_merge(
        predecessors=[world.sibling],
        successor=world.commune,
        effective_date=D(2025, 7, 1),
    )
    period = parse_period("2023")
    report = report_create(unit=world.province, period=period, by=None)
    content = report_docx(report)
    tables = tables_of(content)

    # Every unit of the province's subtree, the merged former commune included.
    rows = [i for i in Initiative.objects.all() if period.contains(i.registered_on)]
    by_field = {
        r[0]: r for r in tables["Mô hình, điển hình “Dân vận khéo” theo lĩnh vực"]
    }
    names = {f.code: f.name for f in Field.objects.all()}
    for code, count in Counter(i.field.code for i in rows).items():
        assert number(by_field[names[code]][1]) == count
    assert number(by_field["Tổng số"][1]) == len(rows)
    before = [i for i in Initiative.objects.all() if i.registered_on.year == 2022]
    assert number(by_field["Tổng số"][2]) == len(before)

    values = [v for v in IndicatorValue.objects.all() if v.period_end.year == 2023]
    numerator = sum((v.value for v in values), Decimal(0))
    denominator = sum((v.denominator or Decimal(0) for v in values), Decimal(0))
    families = next(
        r for r in tables["Kết quả các chỉ số"] if r[0].startswith("Gia đình")
    )
    assert number(families[1]) == numerator
    assert number(families[2]) == denominator
    assert number(families[3]) == (numerator / denominator * 100).quantize(
        Decimal("0.01")
    )
    # Vietnamese spelling of numbers in the document: "1.234", "90,12%".
    if denominator >= 1000:
        assert "." in families[2]
    assert families[3].endswith("%") and "," in families[3]

    # Per child, as in 2023: both communes, each with its own records, the
    # province's own row, and a total that equals the figures above.
    children = {r[0]: r for r in tables["Theo đơn vị trực thuộc"]}
    commune_rows = [
        i for i in rows if i.unit_id in (world.commune.pk, world.village.pk)
    ]
    sibling_rows = [i for i in rows if i.unit_id == world.sibling.pk]
    own_rows = [i for i in rows if i.unit_id == world.province.pk]
    assert number(children["Xã An Phú"][1]) == len(commune_rows)
    assert number(children["Xã Bình Minh"][1]) == len(sibling_rows)
    assert number(children["Tỉnh Thử Nghiệm (trực tiếp)"][1]) == len(own_rows)
    assert number(children["Tổng số"][1]) == len(rows)


def test_a_former_unit_reports_under_its_old_name(world):
    build(world)
    org_services.reorganization_merge(
        predecessors=[world.sibling],
        successor=world.commune,
        effective_date=D(2025, 7, 1),
    )
    world.sibling.refresh_from_db()
    report = report_create(unit=world.sibling, period=parse_period("2023"), by=None)
    content = report_docx(report)
    text = text_of(content)
    assert "Xã Bình Minh" in text
    own = Initiative.objects.filter(
        unit=world.sibling, registered_on__year=2023
    ).count()
    by_field = tables_of(content)["Mô hình, điển hình “Dân vận khéo” theo lĩnh vực"]
    assert number(by_field[-1][1]) == own


def test_the_layout_comes_from_the_profile_in_force(world):
    layout = DocumentLayout.current()
    assert layout.pk is not None and layout.font_name == "Times New Roman"
    layout.margin_left_mm = 35
    layout.body_pt = Decimal("13")
    layout.save()
    report = report_create(unit=world.commune, period=parse_period("2023H1"), by=None)
    document = Document(io.BytesIO(report_docx(report)))
    section = document.sections[0]
    assert section.left_margin is not None
    assert round(section.left_margin.mm) == 35
    assert document.styles["Normal"].font.size.pt == 13
    assert document.styles["Normal"].font.name == "Times New Roman"


def test_header_title_and_signature_follow_the_party_layout(world):
    report = report_create(unit=world.province, period=parse_period("2023"), by=None)
    report_update(
        report=report,
        data={
            "number": 12,
            "symbol": "BC/BDVTU",
            "issued_on": D(2023, 2, 5),
            "place": "Thử Nghiệm",
            "signer_authority": "T/M Ban Thường vụ",
            "signer_title": "Phó Bí thư",
            "signer_name": "Nguyễn Văn An",
            "sections": {"uu-diem": "Công tác dân vận có nhiều chuyển biến."},
        },
        expected_version=report.version,
        by=world.province_officer,
    )
    text = text_of(report_docx(report))
    for expected in (
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Số 12-BC/BDVTU",
        "Thử Nghiệm, ngày 05 tháng 02 năm 2023",
        "BÁO CÁO",
        "Tổng kết công tác dân vận năm 2023, phương hướng, nhiệm vụ năm 2024",
        "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC DÂN VẬN NĂM 2023",
        "II. ĐÁNH GIÁ CHUNG",
        "1. Ưu điểm",
        "Công tác dân vận có nhiều chuyển biến.",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024",
        "T/M BAN THƯỜNG VỤ",
        "PHÓ BÍ THƯ",
        "Nguyễn Văn An",
        "Nơi nhận:",
    ):
        assert expected in text, expected


def test_targets_against_achievements(world):
    campaign = campaigns.campaign_create(
        unit=world.province,
        kind="phase",
        name="Đợt ra quân xây nhà tình nghĩa",
        start=D(2023, 7, 17),
        end=D(2023, 7, 31),
        participants=[world.commune, world.sibling],
    )
    reached = campaigns.target_set(
        campaign=campaign,
        unit=world.commune,
        description="Xây nhà tình nghĩa",
        quantity=Decimal(1),
        measure="căn",
    )
    missed = campaigns.target_set(
        campaign=campaign,
        unit=world.sibling,
        description="Xây nhà tình nghĩa",
        quantity=Decimal(2),
        measure="căn",
    )
    campaigns.progress_record(target=reached, date=D(2023, 7, 20), achieved=Decimal(1))
    campaigns.progress_record(target=missed, date=D(2023, 7, 25), achieved=Decimal(1))
    report = report_create(
        unit=world.province, period=parse_period("2023-07-17..2023-07-31"), by=None
    )
    rows = {r[1]: r for r in tables_of(report_docx(report))["Thực hiện chỉ tiêu"]}
    assert rows["Xã An Phú"][5:] == ["100,00%", "Đạt"]
    assert rows["Xã Bình Minh"][5:] == ["50,00%", "Chưa đạt"]
    campaigns_text = report.sections.get(key="chien-dich").text
    assert "(ít nhất 1 căn mỗi đơn vị): 1/1 đơn vị đạt" in campaigns_text
    assert "(ít nhất 2 căn mỗi đơn vị): chưa đạt" in campaigns_text


def test_the_xlsx_holds_the_same_figures_as_numbers(world):
    build(world)
    period = parse_period("2023")
    report = report_create(unit=world.province, period=period, by=None)
    workbook = load_workbook(io.BytesIO(report_xlsx(report)))
    sheet = workbook["Kết quả các chỉ số"]
    families = next(
        row
        for row in sheet.iter_rows(values_only=True)
        if str(row[0]).startswith("Gia")
    )
    values = [v for v in IndicatorValue.objects.all() if v.period_end.year == 2023]
    assert families[1] == float(sum(v.value for v in values))
    assert isinstance(families[3], float) and 0 < families[3] <= 1


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_the_docx_opens_in_libreoffice_and_converts_to_pdf(world):
    build(world)
    report = report_create(unit=world.province, period=parse_period("2023"), by=None)
    pdf = docx_to_pdf(report_docx(report))
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 10_000
