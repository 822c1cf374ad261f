"""axe-core in Chromium on every page of the URL walk, the sign-in page
included: no serious or critical accessibility violation."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, ViewportSize

from danvan.tests.test_browser_layout import _html_pages, _signed_in
from danvan.tests.test_every_url import hidden_records

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
DESKTOP: ViewportSize = {"width": 1366, "height": 800}


def _violations(axe: Axe, page) -> list[str]:
    found = axe.run(page).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(n["target"][0] for n in v["nodes"][:3])
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


def test_no_serious_accessibility_violation_on_any_page(
    world, live_server, browser: Browser
):
    axe = Axe()
    context = browser.new_context(viewport=DESKTOP)
    login = context.new_page()
    login.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    problems = {"/tai-khoan/dang-nhap/": _violations(axe, login)}
    objects = hidden_records(world.commune)
    page = _signed_in(browser, live_server.url, world.commune_officer.username, DESKTOP)
    urls = _html_pages(page, live_server.url, objects)
    assert len(urls) > 40
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        problems[url.removeprefix(live_server.url)] = _violations(axe, page)
    found = {url: v for url, v in problems.items() if v}
    assert not found, "\n".join(f"{url}: {v}" for url, v in found.items())
