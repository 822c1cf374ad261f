"""The signature and "Nơi nhận" a report starts with, by the issuing body's
kind (Ban, Khối, Đảng ủy), the level and the date (before or after 1 July
2025)."""

from __future__ import annotations

import datetime as dt

import pytest

from org import services as org_services
from org.models import BodyKind, UnitKind
from reports.headers import default_header, recipients, signatures
from reports.periods import parse_period

D = dt.date


def _body(unit, code: str, name: str, *, until=None):
    body = org_services.body_create(
        unit=unit, kind=BodyKind.objects.get(code=code), name=name
    )
    if until:
        org_services.body_update(
            body=body,
            name=body.name,
            short_name="",
            kind=body.kind,
            valid_from=None,
            valid_to=until,
        )
    return body


def _holder(body, title: str, name: str) -> None:
    person = org_services.person_create(home_unit=body.unit, full_name=name)
    org_services.position_assign(
        person=person, body=body, title=title, start_date=D(2020, 1, 1)
    )


@pytest.fixture
def district(world):
    return org_services.unit_create(
        parent=world.province,
        code="H01",
        name="Huyện Thử Nghiệm",
        short_name="Thử Nghiệm",
        kind=UnitKind.objects.get(code="huyen"),
        valid_from=D(2020, 1, 1),
    )


def test_a_district_ban_before_the_reform(world, district):
    ban = _body(district, "ban-dan-van", "Ban Dân vận Huyện ủy Thử Nghiệm")
    _holder(ban, "Trưởng ban", "Nguyễn Văn Một")
    _holder(ban, "Phó Trưởng ban", "Trần Thị Hai")
    header = default_header(district, parse_period("2024"), "tổng kết")
    assert (header.signer_authority, header.signer_title, header.signer_name) == (
        "",
        "TRƯỞNG BAN",
        "Nguyễn Văn Một",
    )
    assert header.recipients.split("\n") == [
        "- Ban Dân vận Tỉnh ủy Thử Nghiệm (để báo cáo),",
        "- Thường trực Huyện ủy Thử Nghiệm (để báo cáo),",
        "- Các đồng chí Ủy viên Ban Thường vụ Huyện ủy Thử Nghiệm,",
        "- Lưu Văn phòng.",
    ]
    assert header.superior_name == "HUYỆN ỦY THỬ NGHIỆM"
    options = signatures(ban, district, D(2024, 6, 1))
    assert [(s.authority, s.title, s.name) for s in options] == [
        ("", "TRƯỞNG BAN", "Nguyễn Văn Một"),
        ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Trần Thị Hai"),
    ]


def test_a_province_ban_before_and_after(world):
    _body(
        world.province,
        "ban-dan-van",
        "Ban Dân vận Tỉnh ủy Thử Nghiệm",
        until=D(2025, 6, 30),
    )
    _body(
        world.province,
        "ban-tuyen-giao-dan-van",
        "Ban Tuyên giáo và Dân vận Tỉnh ủy Thử Nghiệm",
    )
    before = recipients(world.province, parse_period("2024"))
    after = recipients(world.province, parse_period("2025H2"))
    assert before[0] == "- Ban Dân vận Trung ương (để báo cáo),"
    assert after[0] == "- Ban Tuyên giáo và Dân vận Trung ương (để báo cáo),"
    assert before[1] == "- Thường trực Tỉnh ủy Thử Nghiệm (để báo cáo),"
    header = default_header(world.province, parse_period("2025H2"), "sơ kết")
    assert header.issuer_name == "BAN TUYÊN GIÁO VÀ DÂN VẬN"


def test_a_commune_khoi_before_and_after(world, district):
    khoi = _body(world.commune, "khoi-dan-van", "Khối dân vận xã An Phú")
    _holder(khoi, "Trưởng khối", "Lê Văn Ba")
    _body(district, "ban-dan-van", "Ban Dân vận Huyện ủy Thử Nghiệm")
    _body(
        world.province,
        "ban-tuyen-giao-dan-van",
        "Ban Tuyên giáo và Dân vận Tỉnh ủy Thử Nghiệm",
    )
    # Before 1 July 2025 the commune was under the district; after it, the
    # province's committee is the one above.
    org_services.reorganization_reparent(
        unit=world.commune, new_parent=district, effective_date=D(2021, 1, 1)
    )
    org_services.reorganization_reparent(
        unit=world.commune, new_parent=world.province, effective_date=D(2025, 7, 1)
    )
    world.commune.refresh_from_db()
    before = default_header(world.commune, parse_period("2024"), "tổng kết")
    after = default_header(world.commune, parse_period("2025H2"), "sơ kết")
    assert before.recipients.split("\n") == [
        "- Ban Dân vận Huyện ủy Thử Nghiệm (để báo cáo),",
        "- Thường trực Đảng ủy xã An Phú (để báo cáo),",
        "- Lưu Văn phòng.",
    ]
    assert after.recipients.split("\n")[0] == (
        "- Ban Tuyên giáo và Dân vận Tỉnh ủy Thử Nghiệm (để báo cáo),"
    )
    assert (after.signer_authority, after.signer_title, after.signer_name) == (
        "",
        "TRƯỞNG KHỐI",
        "Lê Văn Ba",
    )
    assert [s.title for s in signatures(khoi, world.commune, D(2025, 8, 1))] == [
        "TRƯỞNG KHỐI",
        "PHÓ TRƯỞNG KHỐI",
    ]
    assert signatures(khoi, world.commune, D(2025, 8, 1))[1].authority == (
        "K/T TRƯỞNG KHỐI"
    )


def test_a_party_committee_signs_on_behalf_of_its_standing_committee(world, district):
    commune_committee = _body(world.commune, "dang-uy", "Đảng ủy xã An Phú")
    _holder(commune_committee, "Phó Bí thư", "Phạm Văn Tư")
    district_committee = _body(district, "dang-uy", "Huyện ủy Thử Nghiệm")
    _holder(district_committee, "Bí thư", "Hoàng Văn Năm")
    commune = signatures(commune_committee, world.commune, D(2024, 5, 1))
    assert [(s.authority, s.title, s.name) for s in commune] == [
        ("T/M ĐẢNG ỦY", "BÍ THƯ", ""),
        ("T/M ĐẢNG ỦY", "PHÓ BÍ THƯ", "Phạm Văn Tư"),
    ]
    header = default_header(world.commune, parse_period("2024"), "tổng kết")
    assert header.issuer_name == "ĐẢNG ỦY XÃ AN PHÚ"
    assert header.superior_name == "ĐẢNG BỘ XÃ AN PHÚ"
    district_options = signatures(district_committee, district, D(2024, 5, 1))
    assert district_options[0].authority == "T/M BAN THƯỜNG VỤ"
    assert district_options[0].name == "Hoàng Văn Năm"
