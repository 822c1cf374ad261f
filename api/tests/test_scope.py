"""Every API endpoint walked as users who must not see the data behind it:
a sibling commune, an outsider, a viewer. Endpoints are found from the API's
own URL patterns, so a new one is walked without anyone remembering."""

from __future__ import annotations

import json
from typing import Any

import pytest

from accounts.models import Role
from api.v1 import api
from danvan.tests.test_every_url import MARKER, QUERY, hidden_records, snapshot

pytestmark = pytest.mark.django_db

# The id each path keyword takes from hidden_records().
KEYWORDS = {
    "unit_id": "unit_id",
    "body_id": "body_id",
    "person_id": "person_id",
    "initiative_id": "initiative_id",
    "conference_id": "conference_id",
    "programme_id": "program_id",
    "dialogue_id": "dialogue_id",
    "campaign_id": "campaign_id",
    "award_id": "award_id",
    "report_id": "report_id",
    "document_id": "document_id",
}
FIXED = {"code": "2023", "rest": "khong-co", "fmt": "docx"}


def operations() -> list[tuple[str, str]]:
    """(method, path template) of every operation of the API."""
    found = []
    schema = api.get_openapi_schema()
    for path, methods in schema["paths"].items():
        for method in methods:
            found.append((method.upper(), path))
    return found


def fill(path: str, objects: dict[str, Any]) -> str:
    if "{target_id}" in path:
        target = objects["campaign_id"].targets.first()
        path = path.replace("{target_id}", str(target.pk))
    for keyword, key in KEYWORDS.items():
        path = path.replace("{" + keyword + "}", str(objects[key].pk))
    for keyword, value in FIXED.items():
        path = path.replace("{" + keyword + "}", value)
    assert "{" not in path, f"{path}: add its keyword to KEYWORDS"
    return path


def walk(client: Any, headers: dict[str, str], objects: dict[str, Any]) -> int:
    before = snapshot()
    walked = 0
    wide = {"q": QUERY, "period": "2023", "unit": objects["unit_id"].pk}
    for method, path in operations():
        url = fill(path, objects)
        if method == "GET":
            # The search alone (the scope must hide the records), then the
            # hidden unit named (it must not be found).
            narrow = {"q": QUERY, "period": "2023"}
            answer = client.get(url, narrow, **headers)
            assert MARKER not in answer.content.decode(), f"GET {url} shows hidden data"
            assert answer.status_code < 500, f"GET {url}: {answer.status_code}"
            if answer.status_code == 200 and "count" in answer.json():
                assert answer.json()["count"] == 0, f"{url} lists records out of scope"
            answer = client.get(url, wide, **headers)
        else:
            body = json.dumps(
                {
                    "unit_id": objects["unit_id"].pk,
                    "name": "x",
                    "field": "kinh-te",
                    "registered_on": "2024-01-01",
                    "version": 1,
                    "values": [
                        {
                            "indicator": "dvk-tong-so",
                            "unit": objects["unit_id"].pk,
                            "period_start": "2024-01-01",
                            "period_end": "2024-12-31",
                            "value": "1",
                            "source": "x",
                        }
                    ],
                }
            )
            call = getattr(client, method.lower())
            answer = call(url, body, content_type="application/json", **headers)
        text = answer.content.decode()
        assert MARKER not in text, f"{method} {url} shows hidden data"
        assert answer.status_code < 500, f"{method} {url}: {answer.status_code}"
        if "{" in path and method == "GET" and "periods" not in path:
            assert answer.status_code == 404, f"{method} {url}: {answer.status_code}"
        if method != "GET":
            assert answer.status_code in {403, 404, 422}, f"{method} {url}"
        if answer.status_code == 200 and "count" in answer.json():
            assert answer.json()["count"] == 0, f"{url} lists records out of scope"
        walked += 1
    assert snapshot() == before, "an API request outside scope changed data"
    return walked


@pytest.mark.parametrize("who", ["sibling_officer", "outsider"])
def test_nothing_of_another_commune_is_listed_returned_or_changed(
    world, client, bearer, who
):
    objects = hidden_records(world.commune)
    user = getattr(world, who)
    user.role = Role.ADMINISTRATOR
    user.save()
    assert walk(client, bearer(user), objects) > 25


def test_a_viewer_reads_but_writes_nothing(world, client, bearer):
    objects = hidden_records(world.commune)
    headers = bearer(world.commune_viewer)
    before = snapshot()
    listed = client.get("/api/v1/initiatives", {"q": QUERY}, **headers).json()
    assert listed["count"] == 1 and MARKER in listed["items"][0]["name"]
    initiative = objects["initiative_id"]
    refused = [
        client.post(
            "/api/v1/initiatives",
            json.dumps(
                {
                    "unit_id": world.commune.pk,
                    "name": "Mô hình mới",
                    "field": "kinh-te",
                    "registered_on": "2024-01-01",
                }
            ),
            content_type="application/json",
            **headers,
        ),
        client.patch(
            f"/api/v1/initiatives/{initiative.pk}",
            json.dumps({"version": initiative.version, "name": "Đổi tên"}),
            content_type="application/json",
            **headers,
        ),
        client.post(
            "/api/v1/indicator-values/bulk",
            json.dumps(
                {
                    "values": [
                        {
                            "indicator": "dvk-tong-so",
                            "unit": world.commune.pk,
                            "period_start": "2024-01-01",
                            "period_end": "2024-12-31",
                            "value": "3",
                            "source": "Báo cáo xã",
                        }
                    ]
                }
            ),
            content_type="application/json",
            **headers,
        ),
    ]
    assert [r.status_code for r in refused] == [403, 403, 403]
    assert all(r["Content-Type"] == "application/problem+json" for r in refused)
    assert snapshot() == before


def test_the_unit_itself_sees_every_endpoint_answer(world, client, bearer):
    objects = hidden_records(world.commune)
    headers = bearer(world.province_officer)
    for method, path in operations():
        if method != "GET" or "{rest}" in path:
            continue
        url = fill(path, objects)
        answer = client.get(
            url, {"unit": world.commune.pk, "period": "2023", "year": 2023}, **headers
        )
        assert answer.status_code == 200, (
            f"{url}: {answer.status_code} {answer.content[:200]!r}"
        )
        if "/files/" in url:
            assert answer.content.startswith(b"PK"), url  # a DOCX is a ZIP
            continue
        if "count" in answer.json():
            assert answer.json()["count"] >= 1, url
