"""End to end in Debian's Chromium, driven by Playwright."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from accounts.models import Role
from accounts.services import user_create
from org.models import BodyKind, Level, Unit, UnitKind
from org.reference import ensure_reference_data
from org.unitdata import load_official_units

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "mat-khau-trinh-duyet-2024"


@pytest.fixture
def da_nang(db):
    # Transactional tests flush the tables that the data migration filled.
    ensure_reference_data(Level, UnitKind, BodyKind)
    load_official_units(provinces={"48"})
    ward = Unit.objects.get(name="Phường Điện Bàn", valid_to__isnull=True)
    other = Unit.objects.get(name="Phường Hải Châu", valid_to__isnull=True)
    for username, unit in [("bientap.dienban", ward), ("bientap.haichau", other)]:
        user_create(
            actor=None,
            username=username,
            password=PASSWORD,
            full_name=username,
            unit=unit,
            role=Role.EDITOR,
        )
    return ward, other


def login(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


def test_commune_editor_finds_dien_ban_only_inside_scope(
    page: Page, live_server, da_nang
):
    _ward, other = da_nang
    # Every page works under the Content-Security-Policy: Chromium reports
    # each refused script or style on the console.
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    login(page, live_server.url, "bientap.dienban")
    expect(page.get_by_role("heading", level=1)).to_have_text("Phường Điện Bàn")
    expect(page.get_by_text("Hình thành từ")).to_be_visible()

    page.get_by_role("link", name="Tìm đơn vị").click()
    page.get_by_label("Tìm đơn vị").press_sequentially("dien ban", delay=20)
    results = page.locator("#unit-results")
    expect(results.get_by_role("link", name="Phường Điện Bàn")).to_be_visible()
    # A former ward that lives on in Điện Bàn is in scope too.
    page.get_by_label("Tìm đơn vị").fill("vinh dien")
    page.get_by_label("Tìm đơn vị").press("Enter")
    expect(
        page.locator("#unit-results").get_by_role("link", name="Phường Vĩnh Điện")
    ).to_be_visible()

    response = page.goto(f"{live_server.url}/don-vi/{other.pk}/")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Không tìm thấy trang hoặc dữ liệu"
    )
    # The language menu submits itself through site script, not an inline handler.
    page.goto(f"{live_server.url}/don-vi/{_ward.pk}/")
    page.get_by_label("Ngôn ngữ").select_option("en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert refused == []


def test_editor_of_another_ward_does_not_find_dien_ban(
    page: Page, live_server, da_nang
):
    login(page, live_server.url, "bientap.haichau")
    page.goto(f"{live_server.url}/don-vi/?q=dien+ban")
    expect(
        page.get_by_text("Không tìm thấy đơn vị nào trong phạm vi của bạn.")
    ).to_be_visible()


def test_contrast_and_font_size_switches_persist(page: Page, live_server, da_nang):
    login(page, live_server.url, "bientap.dienban")
    page.get_by_role("button", name="Tương phản cao").click()
    page.get_by_role("button", name="Tăng cỡ chữ").click()
    page.reload()
    assert page.evaluate("document.documentElement.classList.contains('high-contrast')")
    assert page.evaluate("document.documentElement.style.fontSize") == "112.5%"


def test_session_warning_appears_before_expiry(
    page: Page, live_server, da_nang, settings
):
    settings.SESSION_COOKIE_AGE = 4
    settings.SESSION_WARNING_SECONDS = 3
    login(page, live_server.url, "bientap.dienban")
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible(timeout=5000)
    expect(dialog).to_contain_text("Phiên làm việc sắp hết hạn")


def test_reorganization_with_the_unit_picker(page: Page, live_server):
    from conftest import PASSWORD as WORLD_PASSWORD
    from conftest import build_world

    ensure_reference_data(Level, UnitKind, BodyKind)
    world = build_world()
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("can.bo.tinh")
    page.get_by_label("Mật khẩu").fill(WORLD_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.goto(f"{live_server.url}/don-vi/{world.sibling.pk}/sap-xep/")
    page.get_by_label("Hình thức").select_option("merge")
    page.get_by_label("Ngày hiệu lực").fill("01/07/2025")
    page.get_by_label("hoặc tìm theo tên").press_sequentially("an phu", delay=20)
    page.get_by_role("button", name="Xã An Phú").click()
    expect(page.get_by_label("Mã đơn vị liên quan")).to_have_value("X01")
    page.get_by_role("button", name="Ghi nhận").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sáp nhập")
    expect(page.get_by_role("link", name="Xã Bình Minh")).to_be_visible()
