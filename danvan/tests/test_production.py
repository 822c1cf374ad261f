"""The production server: gunicorn started by `danvan serve` with only the
five production variables, against PostgreSQL; a staff member logs in, opens
the dashboard and downloads a report as DOCX. Also: `check --deploy` is clean
under those variables, and /healthz reports the database and the broker."""

from __future__ import annotations

import http.client
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest
from django.contrib.auth.hashers import make_password
from django.db import connection

from conftest import PASSWORD
from reports.periods import parse_period
from reports.services import report_create

ROOT = Path(__file__).resolve().parents[2]


def _production_env(database_url: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DANVAN_", "CELERY_"))
        and key not in {"DEBUG", "DATABASE_URL", "SECRET_KEY"}
    }
    env.update(
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="dv.example.vn,127.0.0.1",
        CSRF_TRUSTED_ORIGINS="https://dv.example.vn",
        DATABASE_URL=database_url,
    )
    return env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_check_deploy_is_clean_with_the_five_variables(tmp_path):
    env = _production_env(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    env["DANVAN_VAR_DIR"] = str(tmp_path)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "danvan.manage",
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues (1 silenced)." in done.stdout


class _Browser:
    """A client that speaks to the server as a browser behind the province's
    TLS proxy would (X-Forwarded-Proto: https), keeping its cookies."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, path: str, form: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {
            "Host": "dv.example.vn",
            "X-Forwarded-Proto": "https",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = "https://dv.example.vn/tai-khoan/dang-nhap/"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        result = {k.lower(): v for k, v in response.getheaders()}
        conn.close()
        return response.status, result, data


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="needs PostgreSQL: a province runs the production server on it",
)
# A transactional test: the server process must see the data, so it is
# committed; the data the migrations load (unit kinds…) is restored first,
# since an earlier transactional test on this worker may have flushed it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_production_server_serves_a_staff_member(world, tmp_path):
    period = parse_period("2023")
    report = report_create(unit=world.province, period=period, by=None)
    # The server hashes as production does (tests use a fast hasher).
    type(world.province_officer).objects.filter(pk=world.province_officer.pk).update(
        password=make_password(PASSWORD, hasher="pbkdf2_sha256")
    )
    settings = connection.settings_dict
    database_url = (
        f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:"
        f"{settings['PORT'] or 5432}/{settings['NAME']}"
    )
    env = _production_env(database_url)
    env.update(
        DANVAN_VAR_DIR=str(tmp_path), WEB_CONCURRENCY="2", JOBS_IN_THREAD="false"
    )
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "danvan.manage", "serve", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        browser = _Browser(port)
        for _ in range(120):
            try:
                status, _, body = browser.request("GET", "/healthz")
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(server.stdout.read() if server.stdout else "")
                time.sleep(0.5)
        else:
            pytest.fail("the server did not start")
        assert status == 200 and b'"database": "ok"' in body

        status, headers, body = browser.request("GET", "/tai-khoan/dang-nhap/")
        assert status == 200
        assert "default-src 'self'" in headers["content-security-policy"]
        assert headers["strict-transport-security"].startswith("max-age=31536000")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        assert token is not None
        status, headers, _ = browser.request(
            "POST",
            "/tai-khoan/dang-nhap/",
            {
                "csrfmiddlewaretoken": token.group(1).decode(),
                "username": world.province_officer.username.upper(),
                "password": PASSWORD,
            },
        )
        assert status == 302, "login refused"

        status, _, body = browser.request(
            "GET", f"/don-vi/{world.province.pk}/tong-quan/?ky=2023"
        )
        assert status == 200 and "Tỉnh Thử Nghiệm".encode() in body
        status, _, body = browser.request("GET", "/static/danvan/site.css")
        assert status == 200
        status, headers, body = browser.request(
            "GET", f"/bao-cao/{report.pk}/tai/docx/"
        )
        assert status == 200
        assert body[:2] == b"PK"  # a DOCX is a ZIP
        assert "wordprocessingml" in headers["content-type"]

        status, _, body = browser.request("GET", "/khong-co-trang-nay/")
        assert status == 404
        assert "Không tìm thấy".encode() in body
        assert b"Traceback" not in body and b"urlpatterns" not in body
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
