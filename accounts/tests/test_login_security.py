"""Signing in: usernames without regard to case, throttled failures, and the
health check that needs no login."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.core.exceptions import ValidationError
from django.core.management import call_command

from accounts.models import Role
from accounts.services import user_create
from conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/tai-khoan/dang-nhap/"


def _attempt(client, username, password):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR="10.0.0.7"
    )


def test_a_username_is_taken_whatever_its_case(world):
    with pytest.raises(ValidationError) as error:
        user_create(
            actor=None,
            username=world.commune_officer.username.upper(),
            password=PASSWORD,
            full_name="Quản trị viên",
            unit=world.commune,
            role=Role.VIEWER,
        )
    assert "không phân biệt chữ hoa, chữ thường" in str(error.value)


def test_login_ignores_the_case_of_the_username(client, world):
    response = _attempt(client, world.commune_officer.username.upper(), PASSWORD)
    assert response.status_code == 302
    assert client.get("/").status_code == 302  # signed in: sent to their unit


def test_repeated_failures_lock_the_pair_until_an_administrator_unlocks(
    client, world, settings
):
    settings.AXES_FAILURE_LIMIT = 3
    name = world.commune_officer.username
    for _ in range(3):
        assert _attempt(client, name, "sai-mat-khau").status_code in (200, 429)
    locked = _attempt(client, name, PASSWORD)
    assert locked.status_code == 429
    assert "tạm thời bị khóa" in locked.content.decode()
    # The same user from another address is not locked out.
    other = client.post(
        LOGIN, {"username": name, "password": PASSWORD}, REMOTE_ADDR="10.0.0.8"
    )
    assert other.status_code == 302
    client.logout()
    call_command("axes_reset_username", name)
    assert not AccessAttempt.objects.filter(username=name).exists()
    assert _attempt(client, name, PASSWORD).status_code == 302


def test_health_check_needs_no_login_and_shows_no_data(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["database"] == "ok"
    assert set(body) == {"status", "database", "broker"}
    assert response["Cache-Control"] == "no-store"


def test_pages_carry_the_content_security_policy(client):
    response = client.get(LOGIN)
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "onchange=" not in response.content.decode()


def test_pages_name_their_icon_and_it_exists(client):
    from django.contrib.staticfiles import finders

    page = client.get(LOGIN).content.decode()
    assert '<link rel="icon" href="/static/danvan/favicon.svg"' in page
    assert finders.find("danvan/favicon.svg")


def test_an_administrator_sees_and_unlocks_a_locked_account(world, settings):
    from django.test import Client

    def client_as(user):
        signed_in = Client()
        signed_in.force_login(user)
        return signed_in

    client = Client()  # the locked-out user's browser, never signed in here
    settings.AXES_FAILURE_LIMIT = 3
    name = world.commune_officer.username
    for _ in range(3):
        _attempt(client, name.upper(), "sai-mat-khau")
    assert _attempt(client, name, PASSWORD).status_code == 429
    # The province's administrator sees it; a sibling commune's editor cannot.
    admin = client_as(world.province_officer)
    page = admin.get("/tai-khoan/nguoi-dung/khoa-dang-nhap/").content.decode()
    assert name in page and "10.0.0.7" in page
    sibling = client_as(world.sibling_officer)
    assert sibling.post(
        "/tai-khoan/nguoi-dung/khoa-dang-nhap/",
        {"user": world.commune_officer.pk},
    ).status_code in (403, 404)
    assert _attempt(client, name, PASSWORD).status_code == 429
    outsider = client_as(world.outsider)
    assert (
        outsider.post(
            "/tai-khoan/nguoi-dung/khoa-dang-nhap/",
            {"user": world.commune_officer.pk},
        ).status_code
        == 404
    )
    unlocked = admin.post(
        "/tai-khoan/nguoi-dung/khoa-dang-nhap/",
        {"user": world.commune_officer.pk},
        follow=True,
    )
    assert "Đã mở khóa đăng nhập" in unlocked.content.decode()
    assert name not in unlocked.content.decode().split("<h1>")[1].split("</table>")[0]
    assert _attempt(client, name, PASSWORD).status_code == 302
    # The unlock is in the account's history, with who did it.
    from auditlog.models import LogEntry

    entry = LogEntry.objects.get_for_object(world.commune_officer).first()
    assert entry.actor == world.province_officer
    assert entry.changes_dict == {"đăng nhập": ["tạm khóa", "mở khóa"]}
