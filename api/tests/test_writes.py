"""Writes through the API: the pages' services and rules, 409 when stale,
bulk indicator values all or nothing, every change recorded with its user."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile

from work.models import Conference, IndicatorValue, Initiative

pytestmark = pytest.mark.django_db


def post(client, url, body, headers):
    return client.post(
        url, json.dumps(body), content_type="application/json", **headers
    )


def patch(client, url, body, headers):
    return client.patch(
        url, json.dumps(body), content_type="application/json", **headers
    )


def test_create_then_a_stale_change_is_refused_and_the_first_kept(
    world, client, bearer
):
    headers = bearer(world.commune_officer)
    made = post(
        client,
        "/api/v1/initiatives",
        {
            "unit_id": world.commune.pk,
            "name": "  Tổ  tự quản đường hoa ",
            "field": "van-hoa-xa-hoi",
            "registered_on": "2024-03-01",
            "holder_name": "Chi hội Phụ nữ thôn Một",
        },
        headers,
    )
    assert made.status_code == 201, made.content
    created = made.json()
    assert created["name"] == "Tổ tự quản đường hoa" and created["version"] == 1
    url = f"/api/v1/initiatives/{created['id']}"
    first = patch(client, url, {"version": 1, "name": "Đường hoa thôn Một"}, headers)
    assert first.status_code == 200 and first.json()["version"] == 2
    stale = patch(client, url, {"version": 1, "name": "Tên cũ ghi đè"}, headers)
    assert stale.status_code == 409
    assert stale["Content-Type"] == "application/problem+json"
    assert "vừa được người khác cập nhật" in stale.json()["detail"]
    assert Initiative.objects.get(pk=created["id"]).name == "Đường hoa thôn Một"
    # Recorded with the token's user.
    entries = LogEntry.objects.get_for_object(Initiative.objects.get(pk=created["id"]))
    assert {e.actor_id for e in entries} == {world.commune_officer.pk}


def test_the_services_rules_come_back_as_field_errors(world, client, bearer):
    headers = bearer(world.commune_officer)
    answer = post(
        client,
        "/api/v1/initiatives",
        {
            "unit_id": world.commune.pk,
            "name": "Mô hình",
            "field": "khong-co",
            "registered_on": "2024-03-01",
        },
        headers,
    )
    assert answer.status_code == 422
    errors = answer.json()["errors"]
    assert errors[0]["field"] == "field" and "Không có lĩnh vực" in errors[0]["message"]
    # A unit of another commune is not found, not written to.
    outside = post(
        client,
        "/api/v1/initiatives",
        {
            "unit_id": world.sibling.pk,
            "name": "Mô hình",
            "field": "kinh-te",
            "registered_on": "2024-03-01",
        },
        headers,
    )
    assert outside.status_code == 404
    assert not Initiative.objects.exists()


def _row(unit, value="5", start="2024-01-01", end="2024-12-31", **extra):
    return {
        "indicator": "dvk-tong-so",
        "unit": unit.pk,
        "period_start": start,
        "period_end": end,
        "value": value,
        "source": "Báo cáo của xã",
        **extra,
    }


def test_a_bulk_import_with_one_bad_row_saves_nothing(world, client, bearer):
    headers = bearer(world.province_officer)
    rows = [
        _row(world.commune),
        _row(world.sibling, value="7"),
        _row(world.commune, start="2023-01-01", end="2023-12-31", source=""),
        _row(world.commune, value="2.5"),  # duplicates the first row's key
    ]
    answer = post(client, "/api/v1/indicator-values/bulk", {"values": rows}, headers)
    assert answer.status_code == 422
    report = answer.json()
    assert report["saved"] is False and report["created"] == 0
    statuses = [r["status"] for r in report["rows"]]
    assert statuses == ["not saved", "not saved", "invalid", "invalid"]
    assert report["rows"][2]["errors"][0]["field"] == "source"
    assert not IndicatorValue.objects.exists()

    good = post(client, "/api/v1/indicator-values/bulk", {"values": rows[:2]}, headers)
    assert good.status_code == 201
    assert good.json()["created"] == 2
    assert IndicatorValue.objects.count() == 2
    assert LogEntry.objects.filter(actor=world.province_officer).count() >= 2


def test_a_bulk_row_outside_scope_is_refused(world, client, bearer):
    headers = bearer(world.commune_officer)
    rows = [_row(world.commune), _row(world.sibling)]
    answer = post(client, "/api/v1/indicator-values/bulk", {"values": rows}, headers)
    assert answer.status_code == 422
    assert answer.json()["rows"][1]["errors"][0]["field"] == "unit"
    assert not IndicatorValue.objects.exists()


ARTICLES = Path(__file__).resolve().parents[2] / "ingest" / "tests" / "articles"


def test_a_file_is_read_then_accepted_into_records(
    world, client, bearer, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    headers = bearer(world.commune_officer)
    data = (ARTICLES / "a02.txt").read_bytes()
    upload = SimpleUploadedFile("a02.txt", data, content_type="text/plain")
    read = client.post(
        "/api/v1/documents", {"unit": world.commune.pk, "file": upload}, **headers
    )
    assert read.status_code == 201, read.content
    document = read.json()
    assert document["status"] == "read"
    assert document["facts"]["event"]["date"] == "2024-01-16"
    again = client.post(
        "/api/v1/documents",
        {"unit": world.commune.pk, "file": SimpleUploadedFile("b.txt", data)},
        **headers,
    )
    assert again.status_code == 200 and again.json()["id"] == document["id"]
    empty = client.post(
        "/api/v1/documents",
        {"unit": world.commune.pk, "file": SimpleUploadedFile("c.txt", b"   ")},
        **headers,
    )
    assert empty.status_code == 422
    assert empty.json()["errors"][0]["message"] == "Tệp rỗng, không có nội dung."

    # Nothing in scope is named by the article: the unit read for is kept.
    proposed = document["proposed_unit"]
    assert proposed["code"] == "X01" and proposed["from_text"] is False
    assert "giữ đơn vị đã chọn khi tải lên" in proposed["reason"]
    url = f"/api/v1/documents/{document['id']}/accept"
    outside = post(client, url, {"unit": world.sibling.pk}, headers)
    assert outside.status_code == 404 and not Conference.objects.exists()
    accepted = post(client, url, {"unit": world.village.pk}, headers)
    assert accepted.status_code == 201, accepted.content
    conference = Conference.objects.get(pk=accepted.json()["conference_id"])
    assert conference.unit == world.village
    assert accepted.json()["document"]["proposed_unit"] is None
    assert accepted.json()["document"]["status"] == "accepted"
    twice = post(client, f"/api/v1/documents/{document['id']}/accept", {}, headers)
    assert twice.status_code == 422
    assert Conference.objects.count() == 1


def test_a_conference_with_attendees_then_a_stale_change(world, client, bearer):
    from org import services as org_services
    from org.models import BodyKind

    body = org_services.body_create(
        unit=world.commune,
        kind=BodyKind.objects.get(code="khoi-dan-van"),
        name="Khối dân vận xã An Phú",
    )
    other = org_services.body_create(
        unit=world.sibling,
        kind=BodyKind.objects.get(code="khoi-dan-van"),
        name="Khối dân vận xã Bình Minh",
    )
    headers = bearer(world.commune_officer)
    conference = {
        "unit_id": world.commune.pk,
        "kind": "year_end_review",
        "title": "Hội nghị tổng kết công tác dân vận năm 2024",
        "date": "2025-01-10",
        "organizer_id": body.pk,
        "start_time": "08:00",
        "attendees": [
            {
                "name": "Trần Văn Hùng",
                "position": "Phó Trưởng Ban Dân vận Huyện ủy",
                "is_guest": True,
            },
            {
                "name": "Lê Thị Hoa",
                "position": "Trưởng khối dân vận xã",
                "speech": "Đề nghị các đoàn thể bám sát cơ sở.",
            },
        ],
    }
    made = post(client, "/api/v1/conferences", conference, headers)
    assert made.status_code == 201, made.content
    detail = made.json()
    assert [a["name"] for a in detail["attendees"]] == ["Trần Văn Hùng", "Lê Thị Hoa"]
    assert detail["attendees"][1]["spoke"] is True
    url = f"/api/v1/conferences/{detail['id']}"
    first = patch(client, url, {"version": 1, "place": "Hội trường xã"}, headers)
    assert first.status_code == 200 and first.json()["place"] == "Hội trường xã"
    stale = patch(client, url, {"version": 1, "place": "Nhà văn hóa"}, headers)
    assert stale.status_code == 409
    assert Conference.objects.get(pk=detail["id"]).place == "Hội trường xã"
    foreign = post(
        client, "/api/v1/conferences", {**conference, "organizer_id": other.pk}, headers
    )
    assert foreign.status_code == 422
    assert foreign.json()["errors"][0]["field"] == "organizer_id"
    assert Conference.objects.count() == 1


def test_an_award_with_named_recipients_and_its_counts(world, client, bearer):
    from work.models import Award

    headers = bearer(world.commune_officer)
    award = {
        "unit_id": world.commune.pk,
        "form": "certificate",
        "date": "2025-01-10",
        "issuer_name": "Ủy ban nhân dân xã An Phú",
        "collective_count": 3,
        "recipients": [
            {"kind": "collective", "name": "Chi hội Phụ nữ thôn Một"},
            {"kind": "individual", "name": "Nguyễn Thị Lan"},
        ],
        "reason": "Hoàn thành tốt công tác dân vận năm 2024",
    }
    made = post(client, "/api/v1/awards", award, headers)
    assert made.status_code == 201, made.content
    body = made.json()
    assert body["collective_count"] == 3 and body["individual_count"] == 1
    assert [r["name"] for r in body["recipients"]] == [
        "Chi hội Phụ nữ thôn Một",
        "Nguyễn Thị Lan",
    ]
    too_few = post(client, "/api/v1/awards", {**award, "collective_count": 0}, headers)
    assert too_few.status_code == 422
    assert too_few.json()["errors"][0]["field"] == "collective_count"
    assert Award.objects.count() == 1


def test_a_programme_and_a_dialogue_then_more_issues_resolved(world, client, bearer):
    from org import services as org_services
    from org.models import BodyKind
    from work.models import CoordinationProgram, Dialogue

    def body(code: str, name: str):
        return org_services.body_create(
            unit=world.commune, kind=BodyKind.objects.get(code=code), name=name
        )

    khoi, police = (
        body("khoi-dan-van", "Khối dân vận xã An Phú"),
        body("cong-an", "Công an xã An Phú"),
    )
    headers = bearer(world.commune_officer)
    programme = post(
        client,
        "/api/v1/programmes",
        {
            "unit_id": world.commune.pk,
            "title": "Chương trình phối hợp công tác dân vận giai đoạn 2025-2030",
            "party_ids": [khoi.pk, police.pk],
            "signed_on": "2025-02-01",
            "start": "2025-02-01",
        },
        headers,
    )
    assert programme.status_code == 201, programme.content
    assert sorted(programme.json()["parties"]) == sorted([khoi.pk, police.pk])
    alone = post(
        client,
        "/api/v1/programmes",
        {
            "unit_id": world.commune.pk,
            "title": "Một bên",
            "party_ids": [khoi.pk, khoi.pk],
            "signed_on": "2025-02-01",
            "start": "2025-02-01",
        },
        headers,
    )
    assert alone.status_code == 422 and alone.json()["errors"][0]["field"] == "parties"
    assert CoordinationProgram.objects.count() == 1

    made = post(
        client,
        "/api/v1/dialogues",
        {
            "unit_id": world.commune.pk,
            "host_id": khoi.pk,
            "topic": "Giải phóng mặt bằng đường liên thôn",
            "date": "2025-03-05",
            "issues_raised": 12,
            "issues_resolved": 4,
        },
        headers,
    )
    assert made.status_code == 201, made.content
    url = f"/api/v1/dialogues/{made.json()['id']}"
    more = patch(client, url, {"version": 1, "issues_resolved": 9}, headers)
    assert more.status_code == 200 and more.json()["issues_resolved"] == 9
    assert (
        patch(client, url, {"version": 1, "issues_resolved": 2}, headers).status_code
        == 409
    )
    over = patch(client, url, {"version": 2, "issues_resolved": 13}, headers)
    assert over.status_code == 422
    assert Dialogue.objects.get().issues_resolved == 9


def test_a_campaign_with_targets_and_progress(world, client, bearer):
    from work.models import Campaign

    headers = bearer(world.province_officer)
    made = post(
        client,
        "/api/v1/campaigns",
        {
            "unit_id": world.province.pk,
            "kind": "phase",
            "name": "Đợt công tác dân vận liên ngành năm 2025",
            "start": "2025-07-17",
            "end": "2025-07-31",
            "participant_ids": [world.commune.pk, world.sibling.pk],
            "targets": [
                {
                    "unit_id": world.commune.pk,
                    "description": "xây tặng nhà đại đoàn kết",
                    "quantity": "1",
                    "measure": "căn",
                }
            ],
        },
        headers,
    )
    assert made.status_code == 201, made.content
    campaign = made.json()
    target = campaign["targets"][0]
    url = f"/api/v1/campaigns/{campaign['id']}/targets/{target['id']}/progress"
    done = post(client, url, {"date": "2025-07-25", "achieved": "2"}, headers)
    assert done.status_code == 201, done.content
    assert done.json()["targets"][0]["progress"][0]["achieved"] == "2.00"
    late = post(client, url, {"date": "2026-01-01", "achieved": "3"}, headers)
    assert late.status_code == 422
    # A target in another province's campaign is not found.
    outsider = bearer(world.outsider)
    assert (
        post(client, url, {"date": "2025-07-25", "achieved": "1"}, outsider).status_code
        == 404
    )
    assert Campaign.objects.count() == 1


def test_bodies_people_and_positions(world, client, bearer):
    from org.models import Body, Person

    headers = bearer(world.commune_officer)
    body = post(
        client,
        "/api/v1/bodies",
        {
            "unit_id": world.commune.pk,
            "kind": "khoi-dan-van",
            "name": "Khối dân vận xã An Phú",
        },
        headers,
    )
    assert body.status_code == 201, body.content
    body_url = f"/api/v1/bodies/{body.json()['id']}"
    renamed = patch(
        client, body_url, {"version": 1, "short_name": "KDV An Phú"}, headers
    )
    assert renamed.status_code == 200 and renamed.json()["short_name"] == "KDV An Phú"
    assert (
        patch(client, body_url, {"version": 1, "name": "Tên khác"}, headers).status_code
        == 409
    )
    assert Body.objects.get(pk=body.json()["id"]).name == "Khối dân vận xã An Phú"
    unknown = post(
        client,
        "/api/v1/bodies",
        {"unit_id": world.commune.pk, "kind": "khong-co", "name": "X"},
        headers,
    )
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "kind"

    person = post(
        client,
        "/api/v1/people",
        {"home_unit_id": world.commune.pk, "full_name": "  Phạm   Thị Thu "},
        headers,
    )
    assert person.status_code == 201, person.content
    assert person.json()["full_name"] == "Phạm Thị Thu"
    person_url = f"/api/v1/people/{person.json()['id']}"
    held = post(
        client,
        f"{person_url}/positions",
        {
            "body_id": body.json()["id"],
            "title": "Trưởng khối",
            "start_date": "2025-07-01",
        },
        headers,
    )
    assert held.status_code == 201, held.content
    assert held.json()["positions"][0]["title"] == "Trưởng khối"
    again = post(
        client,
        f"{person_url}/positions",
        {
            "body_id": body.json()["id"],
            "title": "Trưởng khối",
            "start_date": "2025-08-01",
        },
        headers,
    )
    assert again.status_code == 422  # the same title overlapping in time
    stale = patch(client, person_url, {"version": 5, "phone": "0912"}, headers)
    assert stale.status_code == 409
    assert Person.objects.get(pk=person.json()["id"]).phone == ""
