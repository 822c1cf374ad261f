"""Every page at a phone's width in Chromium: nothing scrolls sideways, the
menu folds behind its button, lists turn into labelled cards."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from conftest import PASSWORD
from danvan.tests.test_every_url import UNSCOPED, all_routes, fill, hidden_records

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PHONE: ViewportSize = {"width": 390, "height": 844}
DESKTOP: ViewportSize = {"width": 1366, "height": 800}
# Pages reached only by posting a form, or that answer with a file.
NOT_PAGES = {"set_language", "accounts:logout", "healthz"}


def _signed_in(
    browser: Browser, base: str, username: str, viewport: ViewportSize
) -> Page:
    context = browser.new_context(viewport=viewport, locale="vi-VN")
    page = context.new_page()
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda url: "dang-nhap" not in url)
    return page


def _html_pages(page: Page, base: str, objects: dict[str, Any]) -> list[str]:
    """Every page of the URL walk that answers a GET with HTML."""
    urls = []
    for name, route in all_routes():
        if name in NOT_PAGES or (
            name in UNSCOPED and name not in {"home", "api:tokens"}
        ):
            continue
        url = f"{base}{fill(route, objects)}"
        answer = page.request.get(url, max_redirects=0)
        if answer.status == 200 and answer.headers.get("content-type", "").startswith(
            "text/html"
        ):
            urls.append(url)
    return urls


def test_no_page_scrolls_sideways_on_a_phone(world, live_server, browser: Browser):
    objects = hidden_records(world.commune)
    page = _signed_in(browser, live_server.url, world.commune_officer.username, PHONE)
    urls = _html_pages(page, live_server.url, objects)
    assert len(urls) > 40
    too_wide = []
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        width, room = page.evaluate(
            "[document.documentElement.scrollWidth,"
            " document.documentElement.clientWidth]"
        )
        if width > room:
            too_wide.append(f"{url.removeprefix(live_server.url)}: {width} > {room}")
    assert not too_wide, "\n".join(too_wide)


def test_the_menu_folds_on_a_phone_and_lists_become_cards(
    world, live_server, browser: Browser
):
    hidden_records(world.commune)
    page = _signed_in(browser, live_server.url, world.commune_officer.username, PHONE)
    page.goto(f"{live_server.url}/mo-hinh/")
    menu = page.get_by_role("button", name="Danh mục")
    nav = page.get_by_role("navigation", name="Điều hướng chính")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(nav).to_be_hidden()
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(nav).to_be_visible()
    # The current place is marked, in its group.
    expect(nav.locator('[aria-current="page"]')).to_have_text("Mô hình, điển hình")
    page.keyboard.press("Escape")
    expect(nav).to_be_hidden()
    # The list is a card per record, each value under its column's name.
    cell = page.locator("table.cards tbody tr").first.locator("td").nth(1)
    expect(cell).to_have_attribute("data-label", "Tên")
    # Filters are folded away, so results come first.
    expect(page.locator("details.filters")).not_to_have_attribute("open", "")


def test_the_menu_is_beside_the_page_on_a_desktop(world, live_server, browser: Browser):
    page = _signed_in(
        browser,
        live_server.url,
        world.commune_officer.username,
        DESKTOP,
    )
    page.goto(f"{live_server.url}/hoi-nghi/")
    nav = page.get_by_role("navigation", name="Điều hướng chính")
    expect(nav).to_be_visible()
    expect(page.get_by_role("button", name="Danh mục")).to_be_hidden()
    expect(nav.locator('[aria-current="page"]')).to_have_text("Hội nghị")
    box, main = nav.bounding_box(), page.locator("main").bounding_box()
    assert box and main and box["x"] + box["width"] <= main["x"]
