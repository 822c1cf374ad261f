"""The unit an article is about, as it existed on the event's day: proposed on
the review page with its reason, changeable, and where the records go."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from ingest.facts import empty_facts
from ingest.locate import mentions, propose_unit
from ingest.models import Document
from ingest.tests.units import unit
from org import services as org_services
from work.models import Conference

REFORM = dt.date(2025, 7, 1)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def district(world):
    """Huyện Tân Lập (2020 – 30/6/2025) with its Xã An Hòa; a second Xã An Hòa
    directly under the province; a third in the province out of scope. On
    1/7/2025 the two An Hòa of the province merge into a new Xã An Hòa and the
    district is abolished."""
    tan_lap = unit(world.province, "H01", "Huyện Tân Lập", "huyen")
    an_hoa = unit(tan_lap, "X05", "Xã An Hòa", "xa")
    an_hoa_2 = unit(world.province, "X07", "Xã An Hòa", "xa")
    unit(world.other_province, "X08", "Xã An Hòa", "xa")
    reorg = org_services.reorganization_merge(
        predecessors=[an_hoa, an_hoa_2],
        successor=org_services.NewUnit(
            code="X20",
            name="Xã An Hòa",
            short_name="An Hòa",
            kind=an_hoa.kind,
            parent=world.province,
        ),
        effective_date=REFORM,
    )
    tan_lap.refresh_from_db()
    org_services.reorganization_dissolve(
        unit=tan_lap, into=world.province, effective_date=REFORM
    )
    for former in (tan_lap, an_hoa, an_hoa_2):
        former.refresh_from_db()
    return {
        "tan_lap": tan_lap,
        "an_hoa": an_hoa,
        "an_hoa_2": an_hoa_2,
        "merged": reorg.links.first().successor,  # type: ignore[union-attr]
    }


def _facts(*, day, locality=None, organizer=None, title=None):
    facts = empty_facts()
    facts["source"]["title"] = title
    facts["event"].update(
        {
            "kind": "year_end_review",
            "date": day,
            "organizer": organizer,
            "locality": locality,
        }
    )
    return facts


def test_names_of_units_are_found_with_their_kind():
    found = mentions(
        "Đảng ủy xã An Hòa, huyện Tân Lập (tỉnh Bình Sơn) tổ chức hội nghị", "x"
    )
    assert [(m.text, m.name, m.kinds) for m in found] == [
        ("xã An Hòa", "An Hòa", ("xa",)),
        ("huyện Tân Lập", "Tân Lập", ("huyen",)),
        ("tỉnh Bình Sơn", "Bình Sơn", ("tinh",)),
    ]
    # A party committee names its unit's kind; "TP." and numbered wards too.
    assert [m.text for m in mentions("Ban Dân vận Huyện ủy Tân Lập", "x")] == [
        "Huyện ủy Tân Lập"
    ]
    assert [m.name for m in mentions("UBND TP. Hồ Chí Minh và Phường 3", "x")] == [
        "Hồ Chí Minh",
        "3",
    ]
    assert [m.text for m in mentions("quận Quận 9", "x")] == ["Quận 9"]
    # Ordinary words that fold like a kind word are not names of units.
    assert mentions("lĩnh vực văn hóa - xã hội, Quân khu 7, tính đến nay", "x") == []


def test_a_2023_article_is_proposed_for_the_former_district(world, district):
    facts = _facts(
        day="2023-12-20",
        locality="huyện Tân Lập",
        organizer="Ban Dân vận Huyện ủy Tân Lập",
    )
    proposal = propose_unit(world.province_officer, facts, world.province)
    assert proposal.found and proposal.unit == district["tan_lap"]
    assert "“huyện Tân Lập”" in proposal.reason
    assert "20/12/2023" in proposal.reason
    assert "Huyện Tân Lập, Tỉnh Thử Nghiệm" in proposal.reason
    assert "đã kết thúc hoạt động ngày 30/06/2025" in proposal.reason


def test_the_district_named_beside_a_commune_settles_which_commune(world, district):
    facts = _facts(day="2024-05-02", locality="xã An Hòa, huyện Tân Lập")
    proposal = propose_unit(world.province_officer, facts, world.province)
    assert proposal.unit == district["an_hoa"]
    # The organizer alone names two communes of that name in the province:
    # the unit chosen at upload stays, and the reason lists both.
    facts = _facts(day="2024-05-02", organizer="Đảng ủy xã An Hòa")
    proposal = propose_unit(world.province_officer, facts, world.province)
    assert not proposal.found and proposal.unit == world.province
    assert re.search(r"Có 2 đơn vị mang tên “xã An Hòa”", proposal.reason)
    # Uploaded for the district, the one inside it is meant.
    proposal = propose_unit(world.province_officer, facts, district["tan_lap"])
    assert proposal.unit == district["an_hoa"]


def test_after_the_reform_the_merged_commune_is_proposed(world, district):
    facts = _facts(day="2026-01-15", organizer="Đảng ủy xã An Hòa")
    proposal = propose_unit(world.province_officer, facts, world.province)
    assert proposal.unit == district["merged"] and "kết thúc" not in proposal.reason
    # No date of the event: the publication date decides. The locality
    # names the unit whose work is reviewed; the organizer's commune is not it.
    facts = _facts(day=None, organizer="Đảng ủy xã An Hòa")
    facts["source"]["published_on"] = "2024-03-01"
    facts["event"]["locality"] = "huyện Tân Lập"
    proposal = propose_unit(world.province_officer, facts, world.province)
    assert proposal.unit == district["tan_lap"]
    assert "ngày 01/03/2024 (ngày đăng bài)" in proposal.reason
    # No date at all: the only unit of that name at any time.
    facts["source"]["published_on"] = None
    proposal = propose_unit(world.province_officer, facts, world.province)
    assert proposal.unit == district["tan_lap"]
    assert "bài viết không nêu ngày; đơn vị duy nhất" in proposal.reason
    assert "(01/01/2020 – 30/06/2025)" in proposal.reason
    # Without a date, a name that a unit bears today is taken as today's.
    facts["event"]["locality"] = None
    proposal = propose_unit(world.province_officer, facts, world.province)
    assert proposal.unit == district["merged"] and "(hôm nay)" in proposal.reason


def test_units_out_of_scope_are_never_proposed(world, district):
    facts = _facts(day="2026-01-15", organizer="Đảng ủy xã An Hòa")
    proposal = propose_unit(world.commune_officer, facts, world.commune)
    assert not proposal.found and proposal.unit == world.commune
    assert "Không có đơn vị nào trong phạm vi của bạn" in proposal.reason
    facts = _facts(day="2026-01-15", organizer="Ban Dân vận")
    proposal = propose_unit(world.commune_officer, facts, world.commune)
    assert proposal.unit == world.commune and not proposal.found


ARTICLE = (
    "Tân Lập tổng kết công tác dân vận năm 2023\n\n"
    "Ngày 20/12/2023, Ban Dân vận Huyện ủy Tân Lập tổ chức hội nghị tổng kết "
    "công tác dân vận năm 2023 và triển khai nhiệm vụ năm 2024. Năm 2023, toàn "
    "huyện có 25 mô hình “Dân vận khéo”.\n"
)


def _upload(client, world):
    response = client.post(
        "/doc-bai/", {"unit": world.province.code, "text": ARTICLE}, follow=True
    )
    assert response.status_code == 200
    return Document.objects.get()


def test_the_review_page_proposes_the_unit_and_records_there(
    client_as, world, district
):
    client = client_as(world.province_officer)
    document = _upload(client, world)
    assert document.unit == world.province
    page = client.get(f"/doc-bai/{document.pk}/").content.decode()
    assert "Đơn vị ghi nhận" in page
    assert f'value="{district["tan_lap"].ref}"' in page
    assert "Theo địa bàn “huyện Tân Lập”: vào ngày 20/12/2023" in page
    form = client.get(f"/doc-bai/{document.pk}/").context["form"]
    data = {
        name: "" if value is None else value
        for name, value in ((f.name, f.value()) for f in form)
    }
    response = client.post(f"/doc-bai/{document.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    conference = Conference.objects.get()
    assert conference.unit == district["tan_lap"]
    assert conference.date == dt.date(2023, 12, 20)


def test_the_reviewer_can_change_the_unit_but_not_to_one_that_did_not_exist(
    client_as, world, district
):
    client = client_as(world.province_officer)
    document = _upload(client, world)
    form = client.get(f"/doc-bai/{document.pk}/").context["form"]
    data = {
        name: "" if value is None else value
        for name, value in ((f.name, f.value()) for f in form)
    }
    # The merged commune began on 1/7/2025: a conference of 2023 cannot be its.
    response = client.post(
        f"/doc-bai/{document.pk}/", {**data, "unit": district["merged"].ref}
    )
    assert response.status_code == 200
    assert not Conference.objects.exists()
    assert response.context["form"].errors
    # The province itself is a valid choice.
    response = client.post(
        f"/doc-bai/{document.pk}/", {**data, "unit": world.province.code}
    )
    assert response.status_code == 302
    assert Conference.objects.get().unit == world.province
    document.refresh_from_db()
    assert document.status == Document.Status.ACCEPTED
    page = client.get(f"/doc-bai/{document.pk}/").content.decode()
    assert world.province.name in page
