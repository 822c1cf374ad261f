"""Tokens: made, used, revoked, expired; errors are problem documents."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from api.models import ApiToken

pytestmark = pytest.mark.django_db
PROBLEM = "application/problem+json"


def test_the_command_prints_the_token_alone_on_its_last_line(world, client):
    out, err = io.StringIO(), io.StringIO()
    call_command("api_token", world.commune_officer.username, stdout=out, stderr=err)
    token = out.getvalue().strip().splitlines()[-1]
    assert token.startswith("dv_") and " " not in token
    assert "chỉ hiện một lần" in err.getvalue()
    stored = ApiToken.objects.get(user=world.commune_officer)
    assert token not in {stored.key_hash, stored.prefix, stored.name}
    answer = client.get("/api/v1/units", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert answer.status_code == 200
    with pytest.raises(CommandError, match="Không có người dùng"):
        call_command("api_token", "khong-co-ai", stdout=io.StringIO())


def test_a_revoked_or_expired_token_is_refused(world, client, bearer):
    headers = bearer(world.commune_officer)
    assert client.get("/api/v1/units", **headers).status_code == 200
    token = ApiToken.objects.get(user=world.commune_officer)
    client.force_login(world.commune_officer)
    page = client.get("/tai-khoan/ma-api/")
    assert token.name in page.content.decode()
    client.post(f"/tai-khoan/ma-api/{token.pk}/thu-hoi/")
    token.refresh_from_db()
    assert token.revoked_at is not None
    client.logout()
    refused = client.get("/api/v1/units", **headers)
    assert refused.status_code == 401
    assert refused["Content-Type"] == PROBLEM
    assert refused.json()["status"] == 401

    expiring = bearer(world.commune_officer, days=1)
    ApiToken.objects.filter(revoked_at__isnull=True).update(
        expires_at=timezone.now() - dt.timedelta(seconds=1)
    )
    assert client.get("/api/v1/units", **expiring).status_code == 401


def test_the_tokens_page_shows_a_new_token_once(world, client):
    client.force_login(world.commune_officer)
    made = client.post(
        "/tai-khoan/ma-api/", {"name": "Ứng dụng hội viên", "days": "30"}
    )
    text = made.content.decode()
    record = ApiToken.objects.get(user=world.commune_officer)
    assert record.expires_at is not None
    assert 'id="ma-moi"' in text and record.prefix in text
    again = client.get("/tai-khoan/ma-api/").content.decode()
    assert 'id="ma-moi"' not in again
    bad = client.post("/tai-khoan/ma-api/", {"name": "", "days": "0"})
    assert ApiToken.objects.count() == 1
    assert (
        "Trường này là bắt buộc" in bad.content.decode()
        or "bắt buộc" in bad.content.decode()
    )
    # Another user's token is not theirs to revoke.
    client.force_login(world.sibling_officer)
    assert client.post(f"/tai-khoan/ma-api/{record.pk}/thu-hoi/").status_code == 404


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("get", "/api/v1/khong-co", 404),
        ("get", "/api/v1/units/abc", 422),
        ("get", "/api/v1/units/999999", 404),
        ("delete", "/api/v1/units", 405),
        ("get", "/api/v1/initiatives?per_page=100000", 422),
        ("get", "/api/v1/periods/0001-01-01..0001-12-31", 422),
        ("post", "/api/v1/initiatives", 422),
        ("post-broken", "/api/v1/initiatives", 400),
    ],
)
def test_errors_are_problem_documents(world, client, bearer, method, url, status):
    headers = bearer(world.commune_officer)
    if method.startswith("post"):
        body = "{" if method == "post-broken" else "{}"
        answer = client.post(url, body, content_type="application/json", **headers)
    else:
        answer = getattr(client, method)(url, **headers)
    assert answer.status_code == status
    assert answer["Content-Type"] == PROBLEM
    body = answer.json()
    assert body["status"] == status and body["title"] and body["detail"]


def test_without_a_token_the_answer_is_401_not_the_login_page(world, client):
    answer = client.get("/api/v1/initiatives")
    assert answer.status_code == 401
    assert answer["Content-Type"] == PROBLEM
    assert answer["WWW-Authenticate"].startswith("Bearer")


def test_a_token_over_its_rate_gets_429_with_retry_after(
    world, client, bearer, settings
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": "3/m"}
    headers = bearer(world.commune_officer)
    codes = [client.get("/api/v1/units", **headers).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    last = client.get("/api/v1/units", **headers)
    assert last["Content-Type"] == PROBLEM
    assert int(last["Retry-After"]) >= 1
    # The limit is per token: another token of the same user still works.
    assert (
        client.get("/api/v1/units", **bearer(world.commune_officer)).status_code == 200
    )


def test_the_documentation_is_served_without_a_cdn(client):
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    text = page.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in text
    assert "cdn" not in text.lower()
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    for path in (
        "/api/v1/units",
        "/api/v1/initiatives",
        "/api/v1/indicator-values/bulk",
    ):
        assert path in schema["paths"]


@pytest.mark.parametrize(
    ("moment", "status"),
    [
        ("2031-05-16T21:45:34.85+23:46", 200),  # an offset PostgreSQL refuses
        ("2024-01-01T00:00:00", 200),  # naive: the platform's time zone
        ("0001-01-01T00:00:00+10:00", 422),  # before year 1 in UTC
    ],
)
def test_updated_since_takes_any_iso_moment(world, client, bearer, moment, status):
    answer = client.get(
        "/api/v1/initiatives",
        {"updated_since": moment},
        **bearer(world.commune_officer),
    )
    assert answer.status_code == status, answer.content
