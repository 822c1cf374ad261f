"""End to end in Chromium: a seed article's facts entered and shown back, and an
import refused whole because of one bad row."""

from __future__ import annotations

import pytest
from openpyxl import Workbook
from playwright.sync_api import Page, expect

from accounts.models import Role
from accounts.services import user_create
from org import services as org_services
from org.models import BodyKind, Level, Unit, UnitKind
from org.reference import ensure_reference_data
from org.unitdata import load_official_units
from work.models import Field, Indicator, Initiative
from work.reference import ensure_reference_data as ensure_work_reference

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "mat-khau-trinh-duyet-2024"


@pytest.fixture
def ninh_binh(db):
    # Transactional tests flush the tables that the data migrations filled.
    ensure_reference_data(Level, UnitKind, BodyKind)
    ensure_work_reference(Field, Indicator)
    load_official_units(provinces={"37"})
    province = Unit.objects.get(name="Tỉnh Ninh Bình", valid_to__isnull=True)
    district = Unit.objects.get(name="Huyện Gia Viễn")
    board = org_services.body_create(
        unit=district,
        kind=BodyKind.objects.get(code="ban-dan-van"),
        name="Ban Dân vận Huyện ủy Gia Viễn",
    )
    user_create(
        actor=None,
        username="bientap.tinh",
        password=PASSWORD,
        full_name="Biên tập tỉnh",
        unit=province,
        role=Role.EDITOR,
    )
    return district, board


def login(page: Page, base: str) -> None:
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("bientap.tinh")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


def test_a_seed_articles_facts_entered_and_shown_back(
    page: Page, live_server, ninh_binh
):
    district, board = ninh_binh
    base = live_server.url
    login(page, base)

    # The conference, under the district as it was in 2024.
    page.goto(f"{base}/don-vi/{district.pk}/")
    page.get_by_role("link", name="Thêm hội nghị").click()
    page.get_by_label("Loại hội nghị").select_option("year_end_review")
    page.get_by_label("Tên hội nghị").fill(
        "Hội nghị tổng kết công tác dân vận và các ban chỉ đạo năm 2023"
    )
    page.get_by_label("Ngày tổ chức").fill("10/01/2024")
    page.get_by_label("Cơ quan tổ chức").select_option(label=board.name)
    page.get_by_label("Kỳ đánh giá từ ngày").fill("01/01/2023")
    page.get_by_label("Kỳ đánh giá đến ngày").fill("31/12/2023")
    page.get_by_label("Kỳ triển khai từ ngày").fill("01/01/2024")
    page.get_by_label("Kỳ triển khai đến ngày").fill("31/12/2024")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hội nghị tổng kết")

    # Attendees with the positions they held that day.
    attendees = [
        ("Dương Thu Hà", "Trưởng phòng Đoàn thể Ban Dân vận Tỉnh uỷ", True),
        ("Lưu Thị Huyền", "Phó Bí thư Thường trực Huyện uỷ", False),
        ("Ngô Hùng Khánh", "UVBTV Huyện ủy, Phó Chủ tịch UBND huyện", False),
    ]
    for name, position, guest in attendees:
        page.get_by_text("Thêm đại biểu", exact=True).first.click()
        page.get_by_label("Họ và tên").fill(name)
        page.get_by_label("Chức vụ khi dự").fill(position)
        if guest:
            page.get_by_label("Khách cấp trên").check()
        page.get_by_role("button", name="Thêm đại biểu").click()
        expect(page.get_by_text("Đã thêm đại biểu.")).to_be_visible()

    # The year's models by field.
    figures = {
        "dvk-tong-so": "78",
        "dvk-kinh-te": "21",
        "dvk-van-hoa-xa-hoi": "41",
        "dvk-quoc-phong-an-ninh": "14",
        "dvk-xay-dung-he-thong-chinh-tri": "2",
    }
    for code, value in figures.items():
        page.get_by_role("link", name="Thêm số liệu").click()
        indicator = Indicator.objects.get(code=code)
        page.get_by_label("Chỉ số:", exact=True).select_option(label=indicator.name)
        page.get_by_label("Giá trị (tử số)").fill(value)
        page.get_by_label("Nguồn số liệu").fill("Báo cáo tổng kết năm 2023")
        page.get_by_role("button", name="Lưu").click()
        expect(page.get_by_text("Đã ghi nhận số liệu.")).to_be_visible()

    # An award given at the conference.
    page.get_by_role("link", name="Thêm khen thưởng").click()
    page.get_by_label("hoặc tên cơ quan khen thưởng").fill(
        "Ban Dân vận Tỉnh ủy Ninh Bình"
    )
    page.get_by_label("Hình thức:", exact=True).select_option("certificate")
    page.get_by_label("Số tập thể").fill("3")
    page.get_by_label("Số cá nhân").fill("5")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_role("link", name="Hội nghị tổng kết công tác dân vận").click()

    # Everything is shown back on the conference page.
    table = page.locator("#attendees")
    for name, position, _guest in attendees:
        row = table.get_by_role("row").filter(has_text=name)
        expect(row).to_contain_text(position)
    expect(table.get_by_role("row").filter(has_text="Dương Thu Hà")).to_contain_text(
        "khách cấp trên"
    )
    for code, value in figures.items():
        expect(
            page.get_by_text(f"{Indicator.objects.get(code=code).name}: {value}")
        ).to_be_visible()
    awards = page.locator("#awards")
    expect(awards).to_contain_text("Ban Dân vận Tỉnh ủy Ninh Bình")
    expect(awards).to_contain_text("Giấy khen")


def test_an_import_with_one_bad_row_is_refused_whole(
    page: Page, live_server, ninh_binh, tmp_path
):
    ward = (
        Unit.objects.filter(valid_to__isnull=True, kind__code="xa")
        .order_by("code")
        .first()
    )
    assert ward is not None
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Tên mô hình", "Mã đơn vị", "Lĩnh vực", "Chủ thể", "Ngày đăng ký"])
    sheet.append(
        [
            "Mô hình tuyến đường hoa",
            ward.code,
            "Văn hóa - xã hội",
            "Hội LHPN",
            "05/03/2024",
        ]
    )
    sheet.append(
        [
            "Mô hình camera an ninh",
            ward.code,
            "Quốc phòng - an ninh",
            "Công an xã",
            "31/02/2024",
        ]
    )
    sheet.append(
        ["Mô hình sinh kế", ward.code, "Kinh tế", "Hội Nông dân", "10/04/2024"]
    )
    path = tmp_path / "mo-hinh.xlsx"
    book.save(path)

    login(page, live_server.url)
    page.goto(f"{live_server.url}/mo-hinh/")
    page.get_by_role("link", name="Nhập từ Excel").click()
    page.get_by_label("Tệp Excel (.xlsx, tối đa 5 MB)").set_input_files(str(path))
    page.get_by_role("button", name="Nhập dữ liệu").click()
    report = page.locator("#import-report")
    expect(report).to_contain_text("Tệp không được nhập")
    expect(report.get_by_role("row").filter(has_text="Dòng 3")).to_contain_text(
        "31/02/2024"
    )
    assert not Initiative.objects.exists()
