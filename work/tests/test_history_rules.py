"""Records belong to the unit that existed on their date.

Xã Bình Minh merges into a new Xã Hợp Nhất on 1 July 2025. A record of the
former commune dated after 30 June 2025, or of the new one dated before 1 July
2025, is refused on every path that creates records: the services, the forms,
the imports and the acceptance of an article; each time with a Vietnamese
message naming the unit's dates and the unit that succeeded it (or that it was
formed from). The same records within the units' lifetimes are accepted.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from ingest.models import Document
from ingest.services import document_accept, document_read
from org import services as org_services
from org.models import Body, BodyKind, Unit
from reports.periods import parse_period
from reports.services import report_create
from work.models import (
    Award,
    Conference,
    Field,
    Indicator,
    IndicatorValue,
    Initiative,
    Target,
)
from work.services import (
    awards,
    campaigns,
    conferences,
    indicators,
    initiatives,
    programmes,
)
from work.services.common import BatchError, period_lock
from work.tests.test_imports import HEADERS, run, xlsx

D = dt.date
AFTER = "chỉ tồn tại đến ngày 30/06/2025, nay là Xã Hợp Nhất"
BEFORE = "được thành lập từ ngày 01/07/2025, trước đó là Xã Bình Minh"


@pytest.fixture
def reform(world):
    org_services.reorganization_merge(
        predecessors=[world.sibling],
        successor=org_services.NewUnit(
            code="X10",
            name="Xã Hợp Nhất",
            short_name="Hợp Nhất",
            kind=world.sibling.kind,
            parent=world.province,
        ),
        effective_date=D(2025, 7, 1),
    )
    former = Unit.objects.get(code="X02")
    new = Unit.objects.get(code="X10")
    kind = BodyKind.objects.get(code="khoi-dan-van")
    old_body = org_services.body_create(unit=former, kind=kind, name="Khối cũ")
    new_body = org_services.body_create(unit=new, kind=kind, name="Khối mới")
    return former, new, old_body, new_body


def _initiative(unit: Unit, day: dt.date) -> initiatives.InitiativeData:
    return initiatives.InitiativeData(
        unit=unit,
        name="Tổ tự quản",
        field=Field.objects.get(code="kinh-te"),
        registered_on=day,
        holder_name="Hội Nông dân",
    )


def _refused(call, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        call()
    assert any(message in m for m in caught.value.messages), caught.value.messages


def test_every_service_refuses_a_date_outside_the_units_lifetime(reform):
    former, new, old_body, new_body = reform
    late, early = D(2026, 1, 10), D(2024, 3, 5)
    families = Indicator.objects.get(code="gia-dinh-van-hoa")
    for unit, day, message, body in (
        (former, late, AFTER, old_body),
        (new, early, BEFORE, new_body),
    ):
        _refused(
            lambda u=unit, d=day: initiatives.initiative_register(
                data=_initiative(u, d)
            ),
            message,
        )
        with pytest.raises(BatchError) as batch:
            initiatives.initiatives_register_many(
                items=[_initiative(unit, day)], actor=None
            )
        assert message in " ".join(batch.value.errors[0].messages)
        _refused(
            lambda u=unit, d=day, b=body: conferences.conference_create(
                data=conferences.ConferenceData(
                    unit=u,
                    kind="year_end_review",
                    title="Hội nghị",
                    date=d,
                    organizer=b,
                )
            ),
            message,
        )
        _refused(
            lambda u=unit, d=day, b=body: programmes.program_create(
                unit=u,
                title="Chương trình",
                parties=[b, *Body.objects.exclude(pk=b.pk)[:1]],
                signed_on=d,
                start=d,
            ),
            message,
        )
        _refused(
            lambda u=unit, d=day, b=body: programmes.dialogue_record(
                unit=u, host=b, topic="Đất đai", date=d, issues_raised=3
            ),
            message,
        )
        _refused(
            lambda u=unit, d=day: campaigns.campaign_create(
                unit=u, kind="phase", name="Đợt", start=d, end=d + dt.timedelta(14)
            ),
            message,
        )
        _refused(
            lambda u=unit, d=day: indicators.value_record(
                indicator=families,
                unit=u,
                period_start=d.replace(month=1, day=1),
                period_end=d.replace(month=12, day=31),
                value=Decimal(90),
                denominator=Decimal(100),
                source="Báo cáo",
            ),
            message,
        )
        with pytest.raises(BatchError) as batch:
            indicators.values_record_many(
                items=[
                    indicators.ValueData(
                        indicator=families,
                        unit=unit,
                        period_start=day,
                        period_end=day,
                        value=Decimal(1),
                        denominator=Decimal(2),
                        source="Báo cáo",
                    )
                ],
                actor=None,
            )
        assert message in " ".join(batch.value.errors[0].messages)
        _refused(
            lambda u=unit, d=day, b=body: awards.award_record(
                unit=u, form="certificate", date=d, issuer=b, collective_count=1
            ),
            message,
        )
        _refused(
            lambda u=unit, d=day: report_create(
                unit=u, period=parse_period(str(d.year)), by=None
            ),
            message,
        )
        _refused(
            lambda u=unit, d=day: period_lock(
                unit=u,
                start=d.replace(month=1, day=1),
                end=d.replace(month=12, day=31),
                reason="Báo cáo",
                by=None,
            ),
            message,
        )
    assert not Initiative.objects.exists()
    assert not Conference.objects.exists()
    assert not IndicatorValue.objects.exists()
    assert not Award.objects.exists()


def test_lifecycle_steps_targets_and_progress_follow_the_units_lifetime(world, reform):
    former, new, _old_body, _new_body = reform
    initiative = initiatives.initiative_register(
        data=_initiative(former, D(2025, 3, 1))
    )
    _refused(
        lambda: initiatives.initiative_advance(
            initiative=initiative,
            status="surveyed",
            date=D(2025, 8, 1),
            expected_version=initiative.version,
        ),
        AFTER,
    )
    campaign = campaigns.campaign_create(
        unit=world.province,
        kind="phase",
        name="Đợt tháng 8",
        start=D(2025, 8, 1),
        end=D(2025, 8, 15),
        participants=[new],
    )
    # A participant must exist during the campaign.
    _refused(
        lambda: campaigns.campaign_create(
            unit=world.province,
            kind="phase",
            name="Đợt tháng 8",
            start=D(2025, 8, 1),
            end=D(2025, 8, 15),
            participants=[former],
        ),
        "chỉ tồn tại đến ngày 30/06/2025",
    )
    target = campaigns.target_set(
        campaign=campaign,
        unit=new,
        description="Nhà đại đoàn kết",
        quantity=Decimal(1),
        measure="căn",
    )
    campaigns.progress_record(target=target, date=D(2025, 8, 10), achieved=Decimal(1))
    assert Target.objects.count() == 1


def test_records_within_the_lifetime_are_accepted(reform):
    former, new, _old_body, new_body = reform
    initiatives.initiative_register(data=_initiative(former, D(2025, 6, 30)))
    initiatives.initiative_register(data=_initiative(new, D(2025, 7, 1)))
    conferences.conference_create(
        data=conferences.ConferenceData(
            unit=new,
            kind="year_end_review",
            title="Tổng kết năm 2025",
            date=D(2026, 1, 10),
            organizer=new_body,
            # A new unit reviews the whole year, before it existed included.
            review_start=D(2025, 1, 1),
            review_end=D(2025, 12, 31),
        )
    )
    # A report of 2025 for the new unit: the period touches its lifetime.
    report_create(unit=new, period=parse_period("2025"), by=None)
    assert Initiative.objects.count() == 2


def test_the_form_refuses_and_saves_nothing(world, reform, client_as):
    former, _new, _old_body, _new_body = reform
    client = client_as(world.province_officer)
    response = client.post(
        reverse("work:initiative_create", args=[former.pk]),
        {
            "name": "Tổ tự quản",
            "kind": "model",
            "field": Field.objects.get(code="kinh-te").pk,
            "holder_kind": "collective",
            "holder_name": "Hội Nông dân",
            "registered_on": "2026-01-10",
            "origin": "new",
        },
    )
    assert response.status_code == 200
    assert AFTER in response.content.decode()
    assert not Initiative.objects.exists()


def test_an_import_is_refused_whole_naming_each_row(world, reform):
    former, _new, _old_body, _new_body = reform
    rows = [
        ["Đúng hạn", "X02 (đến 30/06/2025)", "Kinh tế", "Hội", "10/03/2025", "mới"],
        ["Quá hạn", "X02 (đến 30/06/2025)", "Kinh tế", "Hội", "10/03/2026", "mới"],
        ["Quá sớm", "X10", "Kinh tế", "Hội", "10/03/2024", "mới"],
    ]
    result = run("mo-hinh", xlsx(rows, HEADERS), world.province_officer)
    assert not result.ok and result.saved == 0
    assert [p.row for p in result.problems] == [3, 4]
    assert AFTER in result.problems[0].messages[0]
    assert BEFORE in result.problems[1].messages[0]
    assert not Initiative.objects.exists()
    # The first row alone is fine: the former commune, while it existed.
    ok = run("mo-hinh", xlsx(rows[:1], HEADERS), world.province_officer)
    assert ok.ok and Initiative.objects.get().unit == former


def test_accepting_an_article_is_refused_outside_the_lifetime(
    world, reform, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    former, _new, _old_body, _new_body = reform
    text = Path(__file__).resolve().parents[2] / "ingest/tests/articles/a02.txt"
    document, _created = document_read(
        unit=former, name="a02.txt", data=text.read_bytes(), by=world.province_officer
    )
    facts = dict(document.facts)
    facts["event"] = {**facts["event"], "date": "2026-01-16"}
    _refused(
        lambda: document_accept(
            document=document, facts=facts, by=world.province_officer
        ),
        AFTER,
    )
    document.refresh_from_db()
    assert document.status == Document.Status.READ
    assert not Conference.objects.exists()
