"""Upload an article, correct one fact, accept, find the conference."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from conftest import PASSWORD, build_world
from work.models import Attendance, Conference

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
ARTICLE = Path(__file__).resolve().parent / "articles" / "a01.txt"


@pytest.fixture
def world_in_browser(reference_data, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return build_world()


def _upload_as(page: Page, site: str, username: str, path: Path) -> None:
    """Log in, open "Đọc bài viết" and read one file."""
    page.goto(f"{site}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("link", name="Đọc bài viết").click()
    page.get_by_label(
        "Tệp (TXT, HTML, DOCX, PDF; có thể chọn nhiều tệp):"
    ).set_input_files(str(path))
    page.get_by_role("button", name="Đọc").click()


def test_upload_correct_accept_and_find_the_conference(
    page: Page, live_server, world_in_browser
):
    _upload_as(page, live_server.url, "can.bo.xa", ARTICLE)
    expect(page.locator("mark[data-fact=attendee]").first).to_have_text(
        "Nguyễn Thị Thu Hương"
    )

    # Correct one fact: the place, then accept.
    page.get_by_label("Địa điểm:").fill("Hội trường UBND xã Tân Hưng")
    page.get_by_role("button", name="Ghi nhận").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Khối dân vận xã Tân Hưng tổng kết công tác dân vận năm 2024"
    )
    conference = Conference.objects.get()
    assert conference.place == "Hội trường UBND xã Tân Hưng"
    assert list(
        Attendance.objects.filter(conference=conference).values_list("name", flat=True)
    ) == ["Nguyễn Thị Thu Hương", "Lê Văn Phúc", "Phạm Minh Tuấn"]
    expect(page.get_by_role("link", name="Lê Văn Phúc")).to_be_visible()


def test_a_report_is_proposed_for_its_district_and_its_table_recorded(
    page: Page, live_server, world_in_browser
):
    from ingest.tests.units import unit
    from work.models import IndicatorValue

    world = world_in_browser
    district = unit(world.province, "H01", "Huyện Tân Lập", "huyen")
    unit(district, "X05", "Xã An Hòa", "xa")
    unit(district, "X06", "Xã Bình Minh", "xa")
    unit(district, "X09", "Thị trấn Tân Lập", "thi-tran")

    _upload_as(page, live_server.url, "can.bo.tinh", ARTICLE.parent / "b01.docx")

    # Uploaded for the province, proposed for the district it names, with why.
    expect(page.get_by_label("Đơn vị ghi nhận:")).to_have_value("H01")
    expect(page.locator("#id_unit_helptext")).to_contain_text(
        "Theo địa bàn “huyện Tân Lập”: vào ngày 12/12/2024"
    )
    table = page.get_by_role("table").filter(has_text="Bảng mô hình theo đơn vị")
    expect(table.get_by_role("row")).to_have_count(4)
    expect(table).to_contain_text("Thị trấn Tân Lập")

    page.get_by_role("button", name="Ghi nhận").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Báo cáo kết quả")
    conference = Conference.objects.get()
    assert conference.unit == district
    recorded = {
        v.unit.name: v.value
        for v in IndicatorValue.objects.filter(
            conference=conference, indicator__code="dvk-tong-so"
        ).select_related("unit")
    }
    assert recorded == {"Xã An Hòa": 15, "Xã Bình Minh": 11, "Thị trấn Tân Lập": 14}
