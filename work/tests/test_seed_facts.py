"""Every kind of fact a seed article reports fits the records.

The facts below are those of two seed articles (a district's year-end review
with its awards and coordination programmes; a ward's year-end review with its
models by field and cultural-family figures), entered through the services on
the test hierarchy.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from org import services as org_services
from org.models import BodyKind
from work.models import Award, Indicator
from work.services import awards, campaigns, conferences, indicators, programmes

D = dt.date
YEAR_2023 = (D(2023, 1, 1), D(2023, 12, 31))


def body(unit, code, name):
    return org_services.body_create(
        unit=unit, kind=BodyKind.objects.get(code=code), name=name
    )


def count(
    indicator_code, unit, value, conference, start=YEAR_2023[0], end=YEAR_2023[1]
):
    return indicators.value_record(
        indicator=Indicator.objects.get(code=indicator_code),
        unit=unit,
        period_start=start,
        period_end=end,
        value=Decimal(value),
        source="Bài viết về hội nghị",
        conference=conference,
    )


def test_a_district_year_end_review_fits(world):
    district = (
        world.province
    )  # stands in for the district: the level does not matter here
    board = body(district, "ban-dan-van", "Ban Dân vận Thị ủy")
    government = body(district, "ubnd", "UBND thị xã")
    police = body(district, "cong-an", "Công an thị xã")
    military = body(district, "ban-chqs", "BCH Quân sự thị xã")
    conference = conferences.conference_create(
        data=conferences.ConferenceData(
            unit=district,
            kind="year_end_review",
            organizer=board,
            date=D(2024, 1, 10),
            title="Hội nghị tổng kết công tác Dân vận năm 2023",
            review_start=D(2023, 1, 1),
            review_end=D(2023, 12, 31),
            plan_start=D(2024, 1, 1),
            plan_end=D(2024, 12, 31),
        )
    )
    guests = [
        ("Lê Văn Khách", "Phó Trưởng ban Dân vận Tỉnh ủy", True),
        ("Trần Thị Mẫu", "UV.BTV, Phó Chủ tịch UBND thị xã", False),
    ]
    for name, position, guest in guests:
        conferences.attendance_add(
            conference=conference, name=name, position=position, is_guest=guest
        )
    count("dvk-tong-so", district, 52, conference)
    count("dvk-tieu-bieu", district, 28, conference)
    for partner in (government, police, military):
        programmes.program_create(
            unit=district,
            title=f"Chương trình phối hợp với {partner.name}",
            parties=[board, partner],
            signed_on=D(2023, 3, 1),
            start=D(2023, 3, 1),
        )
    rows = [
        (None, "", Award.Form.MEDAL, "", 0, 4),
        (None, "Ban Dân vận Tỉnh ủy Quảng Nam", Award.Form.CERTIFICATE, "", 2, 2),
        (board, "", Award.Form.CERTIFICATE, "", 11, 0),
        (government, "", Award.Form.OTHER, "Khen thưởng", 2, 2),
    ]
    for issuer, issuer_name, form, other, collectives, individuals in rows:
        awards.award_record(
            unit=district,
            issuer=issuer,
            issuer_name=issuer_name,
            form=form,
            form_other=other,
            date=conference.date,
            conference=conference,
            collective_count=collectives,
            individual_count=individuals,
        )

    assert [a.position for a in conference.attendances.all()] == [
        p for _, p, _ in guests
    ]
    assert conference.attendances.filter(is_guest=True).count() == 1
    assert sorted(
        (a.issuer_label, a.form_label, a.collective_count, a.individual_count)
        for a in conference.awards.all()
    ) == sorted(
        [
            (
                "không rõ cơ quan khen thưởng",
                "Kỷ niệm chương “Vì sự nghiệp Dân vận”",
                0,
                4,
            ),
            ("Ban Dân vận Tỉnh ủy Quảng Nam", "Giấy khen", 2, 2),
            ("Ban Dân vận Thị ủy", "Giấy khen", 11, 0),
            ("UBND thị xã", "Khen thưởng", 2, 2),
        ]
    )
    assert board.programs.count() == 3
    assert conference.indicator_values.get(indicator__code="dvk-tong-so").value == 52


def test_a_ward_year_end_review_fits(world, khoi):
    ward = world.commune
    conference = conferences.conference_create(
        data=conferences.ConferenceData(
            unit=ward,
            kind="year_end_review",
            organizer=khoi,
            date=D(2022, 11, 17),
            title="Hội nghị tổng kết công tác Khối vận năm 2022",
            review_start=D(2022, 1, 1),
            review_end=D(2022, 12, 31),
            plan_start=D(2023, 1, 1),
            plan_end=D(2023, 12, 31),
        )
    )
    year = {"start": D(2022, 1, 1), "end": D(2022, 12, 31)}
    figures = {
        "dvk-tong-so": 15,
        "dvk-van-hoa-xa-hoi": 10,
        "dvk-quoc-phong-an-ninh": 3,
        "dvk-xay-dung-he-thong-chinh-tri": 2,
        "dvk-moi": 6,
        "dvk-nhan-rong": 9,
        "dvk-luy-ke": 42,
    }
    for code, value in figures.items():
        count(code, ward, value, conference, **year)
    for code, value, of in [
        ("gia-dinh-van-hoa", 3270, 3374),
        ("khu-dan-cu-van-hoa", 7, 7),
        ("co-quan-van-hoa", 5, 5),
    ]:
        indicators.value_record(
            indicator=Indicator.objects.get(code=code),
            unit=ward,
            period_start=year["start"],
            period_end=year["end"],
            value=Decimal(value),
            denominator=Decimal(of),
            source="Bài viết về hội nghị",
            conference=conference,
        )
    recorded = {v.indicator.code: v for v in conference.indicator_values.all()}
    assert {code: int(recorded[code].value) for code in figures} == figures
    families = recorded["gia-dinh-van-hoa"]
    assert families.value == 3270
    assert families.denominator == 3374


def test_a_phase_with_a_target_per_ward_fits(world, khoi):
    campaign = campaigns.campaign_create(
        unit=world.province,
        kind="phase",
        organizer=None,
        name="Kế hoạch phối hợp liên ngành làm công tác dân vận đợt 1 năm 2023",
        start=D(2023, 7, 17),
        end=D(2023, 7, 31),
        participants=[world.commune, world.sibling],
    )
    for ward in (world.commune, world.sibling):
        campaigns.target_set(
            campaign=campaign,
            unit=ward,
            quantity=Decimal(1),
            measure="căn",
            description="Xây tặng, sửa chữa nhà tình nghĩa, nhà đại đoàn kết",
        )
    assert campaign.targets.count() == 2
    assert (campaign.end - campaign.start).days + 1 == 15
