"""In Chromium: a conference of a district abolished in 2025, recorded where
it belongs and found again in the province's roll-up of the time."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from accounts.models import Role
from accounts.services import user_create
from org import services as org_services
from org.models import BodyKind, Level, Unit, UnitKind
from org.reference import ensure_reference_data
from org.unitdata import LAST_DAY_BEFORE_REFORM, load_official_units
from work.models import Conference, Field, Indicator
from work.reference import ensure_reference_data as ensure_work_reference

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "mat-khau-trinh-duyet-2024"
TITLE = "Hội nghị tổng kết công tác dân vận năm 2023"


@pytest.fixture
def dong_nai(db):
    ensure_reference_data(Level, UnitKind, BodyKind)
    ensure_work_reference(Field, Indicator)
    load_official_units(provinces={"75"})
    province = Unit.objects.get(name="Tỉnh Đồng Nai", valid_to__isnull=True)
    district = Unit.objects.get(name="Huyện Tân Phú", valid_to__isnull=False)
    board = org_services.body_create(
        unit=district,
        kind=BodyKind.objects.get(code="ban-dan-van"),
        name="Ban Dân vận Huyện ủy Tân Phú",
    )
    org_services.body_update(
        body=board,
        name=board.name,
        short_name="BDVHU",
        kind=board.kind,
        valid_from=None,
        valid_to=LAST_DAY_BEFORE_REFORM,
    )
    user_create(
        actor=None,
        username="bientap.dongnai",
        password=PASSWORD,
        full_name="Biên tập tỉnh Đồng Nai",
        unit=province,
        role=Role.EDITOR,
    )
    return province, district, board


def _login(page: Page, base: str) -> None:
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("bientap.dongnai")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


def _fill_conference(page: Page, day: str, board_name: str) -> None:
    page.get_by_label("Loại hội nghị").select_option("year_end_review")
    page.get_by_label("Tên hội nghị").fill(TITLE)
    page.get_by_label("Ngày tổ chức").fill(day)
    page.get_by_label("Cơ quan tổ chức").select_option(label=board_name)
    page.get_by_role("button", name="Lưu").click()


def test_a_former_districts_conference_is_recorded_and_rolled_up_as_it_was(
    page: Page, live_server, dong_nai
):
    province, district, board = dong_nai
    base = live_server.url
    _login(page, base)

    # The picker offers the former district, with its dates and successor.
    page.goto(f"{base}/doc-bai/")
    page.get_by_label("hoặc tìm theo tên").fill("tan phu")
    choice = page.get_by_role("button", name="Huyện Tân Phú, đến 30/06/2025")
    expect(choice).to_contain_text("→ Tỉnh Đồng Nai")
    choice.click()
    expect(page.get_by_label("Mã đơn vị ghi nhận")).to_have_value(
        f"{district.code} (đến 30/06/2025)"
    )

    # The conference, through the form, under the district as it was in 2023.
    page.goto(f"{base}/don-vi/{district.pk}/")
    page.get_by_role("link", name="Thêm hội nghị").click()
    _fill_conference(page, "20/12/2023", board.name)
    expect(page.get_by_role("heading", level=1)).to_contain_text(TITLE)

    # Found on the former district's page (its list of conferences)...
    page.goto(f"{base}/don-vi/{district.pk}/")
    page.locator("#main").get_by_role("link", name="Hội nghị", exact=True).click()
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()

    # ...and in today's province's 2023 roll-up, under that district.
    page.goto(f"{base}/don-vi/{province.pk}/tong-quan/?ky=2023")
    table = page.locator("#bang-children")
    expect(
        table.get_by_role("row").filter(has_text="Tỉnh Bình Phước (cũ)")
    ).to_be_visible()
    row = table.get_by_role("row").filter(has_text="– Huyện Tân Phú")
    expect(row.get_by_role("cell").nth(1)).to_have_text("1")  # one conference
    # Drilling into the district opens its own 2023 figures.
    row.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Huyện Tân Phú")
    expect(page.locator("#bang-conferences")).to_contain_text("1")

    # The same form dated 2026 is refused: the district no longer existed.
    page.goto(f"{base}/don-vi/{district.pk}/")
    page.get_by_role("link", name="Thêm hội nghị").click()
    _fill_conference(page, "10/01/2026", board.name)
    # Said beside the date and in the summary at the top, which leads to it.
    expect(
        page.locator(".field-errors").get_by_text(
            "“Huyện Tân Phú” chỉ tồn tại đến ngày 30/06/2025"
        )
    ).to_be_visible()
    summary = page.get_by_role("alert").get_by_role("link", name="Ngày tổ chức:")
    expect(summary).to_contain_text("chỉ tồn tại đến ngày 30/06/2025")
    summary.click()
    expect(page.get_by_label("Ngày tổ chức")).to_be_focused()
    assert Conference.objects.count() == 1
