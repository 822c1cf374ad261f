"""Every list page runs a fixed number of queries, however many rows it shows."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from org import services as org_services
from org.models import BodyKind
from work.models import Field, Indicator
from work.services import (
    awards,
    campaigns,
    conferences,
    indicators,
    initiatives,
    programmes,
)

LISTS = [
    "work:initiative_list",
    "work:conference_list",
    "work:award_list",
    "work:value_list",
    "work:campaign_list",
    "work:program_list",
    "work:dialogue_list",
]


def add_records(unit, body, partner, start: int, count: int) -> None:
    field = Field.objects.get(code="kinh-te")
    members = Indicator.objects.get(code="hoi-vien-moi")
    for i in range(start, start + count):
        day = dt.date(2020, 1, 1) + dt.timedelta(days=i)
        initiatives.initiative_register(
            data=initiatives.InitiativeData(
                unit=unit,
                name=f"Mô hình {i}",
                field=field,
                registered_on=day,
                holder_body=body,
            )
        )
        conference = conferences.conference_create(
            data=conferences.ConferenceData(
                unit=unit,
                kind="briefing",
                title=f"Giao ban {i}",
                date=day,
                organizer=body,
            )
        )
        conferences.attendance_add(conference=conference, name=f"Đại biểu {i}")
        awards.award_record(
            unit=unit, form="certificate", date=day, issuer=body, individual_count=1
        )
        indicators.value_record(
            indicator=members,
            unit=unit,
            period_start=day,
            period_end=day,
            value=Decimal(i),
            source="Báo cáo",
        )
        campaign = campaigns.campaign_create(
            unit=unit, kind="phase", name=f"Đợt {i}", start=day, end=day
        )
        campaigns.target_set(
            campaign=campaign,
            unit=unit,
            description="Nhà",
            quantity=Decimal(1),
            measure="căn",
        )
        programmes.program_create(
            unit=unit,
            title=f"Phối hợp {i}",
            parties=[body, partner],
            signed_on=day,
            start=day,
        )
        programmes.dialogue_record(
            unit=unit, host=body, topic=f"Đối thoại {i}", date=day, issues_raised=2
        )


@pytest.mark.parametrize("name", LISTS)
def test_list_query_count_does_not_grow_with_rows(world, client_as, khoi, name):
    partner = org_services.body_create(
        unit=world.commune, kind=BodyKind.objects.get(code="cong-an"), name="Công an xã"
    )
    client = client_as(world.province_officer)
    add_records(world.commune, khoi, partner, 0, 2)
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse(name)).status_code == 200
    add_records(world.commune, khoi, partner, 2, 12)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse(name))
    assert len(many) == len(few) <= 12, name
