"""Official reports: their frame (issuer, date, subject) and their tables
(models by field and by unit, awards, results) read from DOCX and PDF, and a
table by unit recorded in the units it names, so that the roll-up of the
unit that issued the report equals the report's total."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from ingest.extract import tables
from ingest.extract.report import frame
from ingest.services import document_accept, document_read
from ingest.tests.units import unit
from reports.periods import parse_period
from reports.rollup import rollup
from work.models import IndicatorValue

ARTICLES = Path(__file__).resolve().parent / "articles"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def tan_lap(world):
    """Huyện Tân Lập with Xã An Hòa, Xã Bình Minh and Thị trấn Tân Lập."""
    district = unit(world.province, "H01", "Huyện Tân Lập", "huyen")
    unit(district, "X05", "Xã An Hòa", "xa")
    unit(district, "X06", "Xã Bình Minh", "xa")
    unit(district, "X09", "Thị trấn Tân Lập", "thi-tran")
    district.refresh_from_db()
    return district


def test_a_reports_header_gives_its_issuer_date_and_subject():
    found = frame(
        "TỈNH ỦY BÌNH SƠN | ĐẢNG CỘNG SẢN VIỆT NAM\n"
        "BAN TUYÊN GIÁO VÀ DÂN VẬN\n*\nSố 09-BC/BTGDVTU\n"
        "Bình Sơn, ngày 05 tháng 01 năm 2026\n\nBÁO CÁO\n"
        "Kết quả công tác dân vận quý IV năm 2025\n"
        "Trong quý, các cấp ủy…"
    )
    assert found is not None
    assert found.organizer == "Ban Tuyên giáo và Dân vận Tỉnh ủy Bình Sơn"
    assert found.locality == "tỉnh Bình Sơn"
    assert found.date == dt.date(2026, 1, 5)
    assert found.title == "Báo cáo kết quả công tác dân vận quý IV năm 2025"
    # A People's Committee's report, in the State's layout.
    found = frame(
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "XÃ HÒA BÌNH TÂY | Độc lập - Tự do - Hạnh phúc\n"
        "Số: 41/BC-UBND | Hòa Bình Tây, ngày 20 tháng 6 năm 2025\n"
        "BÁO CÁO\nKết quả thực hiện Quy chế dân chủ ở cơ sở 6 tháng đầu năm 2025\n"
    )
    assert found is not None and found.date == dt.date(2025, 6, 20)
    assert found.organizer == "Ủy ban nhân dân xã Hòa Bình Tây"
    found = frame(
        "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH TÂY | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Hòa Bình Tây, ngày 20 tháng 6 năm 2025\nBÁO CÁO\nKết quả năm 2025\n"
    )
    assert found is not None
    assert found.organizer == "Ủy ban nhân dân xã Hòa Bình Tây"
    assert found.locality == "xã Hòa Bình Tây"
    # A news article that mentions a report has no frame.
    assert frame("Ban Dân vận báo cáo kết quả năm 2024.\nBÁO CÁO viên…") is None


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        # Fields as rows, with a total row and a column of new models.
        (
            [
                ["Lĩnh vực", "Số mô hình", "Mô hình mới"],
                ["Kinh tế", "7", "1"],
                ["Văn hoá – xã hội", "5", "2"],
                ["Quốc phòng, an ninh", "2", "0"],
                ["Xây dựng Đảng, hệ thống chính trị", "1", "1"],
                ["Tổng cộng", "15", "4"],
            ],
            {
                "by_field": {
                    "economy": 7,
                    "culture_society": 5,
                    "defense_security": 2,
                    "political_system": 1,
                },
                "total": 15,
                "new": 4,
            },
        ),
        # A two-row header; no total row: the rows are summed.
        (
            [
                ["Đơn vị", "Lĩnh vực", "", "", "", ""],
                ["", "Kinh tế", "Văn hóa - xã hội", "QP-AN", "HTCT", "Tổng"],
                ["Xã Một", "1", "2", "0", "1", "4"],
                ["Xã Hai", "3", "1", "1", "0", "5"],
            ],
            {"total": 9},
        ),
        # The report's own header table and a signature say nothing.
        ([["HUYỆN ỦY TÂN LẬP\nBAN DÂN VẬN", "ĐẢNG CỘNG SẢN VIỆT NAM"]], {}),
        ([["Nơi nhận:\n- Lưu.", "TRƯỞNG BAN\nPhạm Quang Hiếu"]], {}),
    ],
)
def test_tables_are_read_by_their_header(table, expected):
    found = tables.read(table)
    for key, value in expected.items():
        assert found.get(key) == value, found
    if not expected:
        assert found == {}


def test_a_docx_reports_table_by_unit_is_recorded_in_its_communes(world, tan_lap):
    document, _created = document_read(
        unit=tan_lap,
        name="b01.docx",
        data=(ARTICLES / "b01.docx").read_bytes(),
        by=world.province_officer,
    )
    rows = document.facts["initiatives"]["by_unit"]
    assert [r["unit"] for r in rows] == [
        "Xã An Hòa",
        "Xã Bình Minh",
        "Thị trấn Tân Lập",
    ]
    conference = document_accept(
        document=document, facts=document.facts, by=world.province_officer
    )
    assert conference.unit == tan_lap and conference.date == dt.date(2024, 12, 12)
    values = {
        (v.unit.name, v.indicator.code): v.value
        for v in IndicatorValue.objects.filter(conference=conference).select_related(
            "unit", "indicator"
        )
    }
    assert values[("Xã An Hòa", "dvk-tong-so")] == 15
    assert values[("Thị trấn Tân Lập", "dvk-van-hoa-xa-hoi")] == 8
    # The rows add up to the stated total: the district keeps none of it,
    # and the models new this year (stated for the whole district) stay there.
    assert ("Huyện Tân Lập", "dvk-tong-so") not in values
    assert values[("Huyện Tân Lập", "dvk-moi")] == 9
    totals = rollup(tan_lap, parse_period("2024"), rows=True)
    assert totals.indicators["dvk-tong-so"].value == 40
    assert totals.indicators["dvk-kinh-te"].value == 12
    by_row = {
        r.name: r.indicators.get("dvk-tong-so", (0, None))[0] for r in totals.rows
    }
    assert sum(by_row.values()) == 40 and by_row["Xã Bình Minh"] == 11


def test_rows_that_name_no_unit_stay_with_the_issuer_and_too_much_is_refused(
    world, tan_lap
):
    document, _created = document_read(
        unit=tan_lap,
        name="b01.docx",
        data=(ARTICLES / "b01.docx").read_bytes(),
        by=world.province_officer,
    )
    facts = document.facts
    facts["initiatives"]["by_unit"] = [
        {"unit": "Xã An Hòa", "total": 15},
        {"unit": "Các cơ quan huyện", "total": 20},
    ]
    over = {**facts, "initiatives": {**facts["initiatives"], "total": 10}}
    with pytest.raises(ValidationError) as refused:
        document_accept(document=document, facts=over, by=world.province_officer)
    assert "cộng lại 15, nhiều hơn số đã nêu (10)" in str(refused.value)
    assert not IndicatorValue.objects.exists()
    conference = document_accept(
        document=document, facts=facts, by=world.province_officer
    )
    own = IndicatorValue.objects.get(
        conference=conference, unit=tan_lap, indicator__code="dvk-tong-so"
    )
    assert own.value == Decimal(25)  # 40 stated, 15 recorded in Xã An Hòa
    assert rollup(tan_lap, parse_period("2024")).indicators["dvk-tong-so"].value == 40


def test_the_review_page_shows_where_each_row_goes(client_as, world, tan_lap):
    client = client_as(world.province_officer)
    document, _created = document_read(
        unit=tan_lap,
        name="b03.pdf",
        data=(ARTICLES / "b03.pdf").read_bytes(),
        by=world.province_officer,
    )
    page = client.get(f"/doc-bai/{document.pk}/").content.decode()
    assert "Bảng mô hình theo đơn vị" in page
    assert "Các cơ quan cấp tỉnh" in page
    # Xã An Hòa and Xã Bình Minh are communes of the district; "Phường Tân
    # Lập" is not its Thị trấn Tân Lập, and the province's bodies are no unit.
    assert page.count("không khớp đơn vị trực thuộc nào") == 2
    form = client.get(f"/doc-bai/{document.pk}/").context["form"]
    assert form["by_unit"].value().splitlines()[0] == "Xã An Hòa | 34 | 12 | 15 | 4 | 3"
