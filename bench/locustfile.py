"""Staff of a province at work, for locust (run by bench/load.py).

Each simulated user signs in with an account of its own (LOAD_USERS, comma
separated; LOAD_PASSWORD), then, waiting 1-3 s between pages (LOAD_WAIT=0:
no wait), opens the dashboard, lists with filters, a record, a search, saves
a form, exports a list and now and then downloads a report as DOCX. Request
names group the pages for the table bench/load.py prints.
"""

from __future__ import annotations

import itertools
import os
import random
import re
from http.cookiejar import Cookie, DefaultCookiePolicy
from typing import Any

from locust import HttpUser, between, constant, task

USERS = itertools.cycle(os.environ.get("LOAD_USERS", "").split(","))
PASSWORD = os.environ.get("LOAD_PASSWORD", "")
PROVINCE = os.environ.get("LOAD_PROVINCE", "")
REPORT = os.environ.get("LOAD_REPORT", "")
WAIT = float(os.environ.get("LOAD_WAIT", "1"))
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
LINK = re.compile(r'href="/mo-hinh/(\d+)/"')
SEARCHES = ["dien ban", "hai chau", "phu", "an", "quang nam", "dan van"]
PERIODS = ["2025", "2024", "2025H1", "2024H2"]


def _send_secure_cookies_over_http(
    self: DefaultCookiePolicy, cookie: Cookie, request: Any
) -> bool:
    return True


# The server sets its cookies Secure, as behind the province's TLS proxy; this
# client speaks plain HTTP to it on the same machine (with X-Forwarded-Proto:
# https, as the proxy would), so it must send them anyway. requests builds a
# new cookie jar with the default policy for every request, so the policy is
# changed for this benchmark process as a whole.
DefaultCookiePolicy.return_ok_secure = _send_secure_cookies_over_http  # type: ignore[method-assign]


def _https(host: str | None) -> str:
    """The site's address as the browser behind the TLS proxy sees it (the
    CSRF check compares the Referer with it)."""
    return (host or "").replace("http://", "https://", 1)


class Pages(HttpUser):
    """Staff at work on pages (the flat-out throughput run)."""

    wait_time = between(WAIT, 3 * WAIT) if WAIT else constant(0)

    def on_start(self) -> None:
        self.client.headers["X-Forwarded-Proto"] = "https"
        page = self.client.get("/tai-khoan/dang-nhap/", name="login page")
        token = TOKEN.search(page.text)
        self.client.post(
            "/tai-khoan/dang-nhap/",
            {
                "username": next(USERS),
                "password": PASSWORD,
                "csrfmiddlewaretoken": token.group(1) if token else "",
            },
            headers={"Referer": f"{_https(self.host)}/tai-khoan/dang-nhap/"},
            name="login",
            allow_redirects=False,
        )
        self.initiatives: list[str] = []

    @task(4)
    def dashboard(self) -> None:
        self.client.get(
            f"/don-vi/{PROVINCE}/tong-quan/?ky={random.choice(PERIODS)}",
            name="dashboard",
        )

    @task(2)
    def chart(self) -> None:
        self.client.get(
            f"/don-vi/{PROVINCE}/tong-quan/bieu-do/by-field.svg?ky=2025",
            name="dashboard chart",
        )

    @task(3)
    def initiatives_list(self) -> None:
        page = self.client.get(
            "/mo-hinh/?date_from=2025-01-01&date_to=2025-12-31", name="models list"
        )
        self.initiatives = LINK.findall(page.text) or self.initiatives

    @task(2)
    def conferences_list(self) -> None:
        self.client.get("/hoi-nghi/?kind=year_end_review", name="conferences list")

    @task(2)
    def values_list(self) -> None:
        self.client.get("/chi-so/?date_from=2025-01-01", name="indicator values list")

    @task(3)
    def initiative_detail(self) -> None:
        if self.initiatives:
            self.client.get(
                f"/mo-hinh/{random.choice(self.initiatives)}/", name="model detail"
            )

    @task(2)
    def search(self) -> None:
        self.client.get(f"/don-vi/?q={random.choice(SEARCHES)}", name="unit search")

    @task(1)
    def save_form(self) -> None:
        """Open a model's edit form and save it unchanged (a real save: the
        version moves, the history records it)."""
        if not self.initiatives:
            return
        url = f"/mo-hinh/{random.choice(self.initiatives)}/sua/"
        page = self.client.get(url, name="model edit form")
        fields = dict(
            re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page.text)
        )
        for name, value in re.findall(
            r'<select[^>]*name="([^"]+)"[^>]*>.*?<option value="([^"]*)"[^>]*selected',
            page.text,
            re.S,
        ):
            fields[name] = value
        for name, value in re.findall(
            r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', page.text, re.S
        ):
            fields[name] = value
        self.client.post(
            url,
            fields,
            headers={"Referer": f"{_https(self.host)}{url}"},
            name="model save",
        )


class Staff(Pages):
    """Staff at work: the pages, and now and then a document download."""

    @task(1)
    def export(self) -> None:
        self.client.get(
            "/hoi-nghi/?kind=year_end_review&xuat=xlsx", name="conferences XLSX"
        )

    @task(1)
    def report_docx(self) -> None:
        if REPORT and random.random() < 0.3:
            self.client.get(f"/bao-cao/{REPORT}/tai/docx/", name="report DOCX")


class Trivial(HttpUser):
    """The cheapest page there is (the health check), for the baseline."""

    wait_time = constant(0)

    def on_start(self) -> None:
        self.client.headers["X-Forwarded-Proto"] = "https"

    @task
    def health(self) -> None:
        self.client.get("/healthz", name="healthz")


class Shell(HttpUser):
    """Signed in, a page with nothing but the site's shell (the password
    changed notice): what every page costs before its own content. A second,
    informative baseline beside the health check."""

    wait_time = constant(0)
    on_start = Pages.on_start

    @task
    def shell(self) -> None:
        self.client.get("/tai-khoan/doi-mat-khau/xong/", name="signed-in shell")
