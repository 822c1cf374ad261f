"""Reading rules one sentence at a time (the project's own sentences), for
shapes real articles use: each case fails if its rule is taken out."""

from __future__ import annotations

from ingest.extract import extract
from ingest.extract.text import level_of


def people(text: str) -> dict[str, str | None]:
    return {p["name"]: p["position"] for p in extract(text)["attendees"]}


def test_a_position_that_runs_into_the_next_persons_is_parted_at_the_last_comma():
    found = people(
        "Dự hội nghị có Thượng tá Lê Văn Bình, Chỉ huy trưởng Ban CHQS huyện, "
        "Bí thư Huyện ủy Tân Lập Phan Thị Mai Hoa; Trần Văn Tư, Phó Chủ tịch "
        "UBND huyện."
    )
    assert found["Lê Văn Bình"] == "Chỉ huy trưởng Ban CHQS huyện"
    assert found["Phan Thị Mai Hoa"] == "Bí thư Huyện ủy Tân Lập"


def test_two_positions_of_one_person_stay_together():
    found = people(
        "Dự hội nghị có đồng chí Nguyễn Văn Sáu, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh."
    )
    assert found["Nguyễn Văn Sáu"] == "Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh"


def test_the_new_bodys_name_with_va_is_one_position():
    found = people(
        "Phát biểu chỉ đạo, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tuyên giáo "
        "và Dân vận Tỉnh ủy Hà Thị Sen khẳng định kết quả đã đạt được."
    )
    assert found["Hà Thị Sen"] == (
        "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy"
    )


def test_less_common_family_names_are_read():
    found = people(
        "Phát biểu tại hội nghị, Phó Chủ tịch UBND huyện Đầu Văn Khoa nhấn mạnh "
        "vai trò của Nhân dân."
    )
    assert found == {"Đầu Văn Khoa": "Phó Chủ tịch UBND huyện"}


def test_cac_to_chuc_is_a_noun_not_the_verb_that_held_the_event():
    event = extract(
        "Ban Chỉ đạo phối hợp giữa lực lượng vũ trang với Ủy ban MTTQ và các tổ "
        "chức chính trị – xã hội huyện Tân Lập vừa tổ chức hội nghị tổng kết "
        "năm 2024."
    )["event"]
    assert event["organizer"] == (
        "Ban Chỉ đạo phối hợp giữa lực lượng vũ trang với Ủy ban MTTQ và các tổ "
        "chức chính trị – xã hội huyện Tân Lập"
    )
    assert event["locality"] == "huyện Tân Lập"


def test_xa_hoi_is_not_the_commune_level():
    assert level_of("Ủy ban MTTQ và các tổ chức chính trị – xã hội huyện A") == ()
    assert level_of("Đảng ủy xã An Hòa") == ("xã",)


def test_a_medal_goes_to_individuals_even_uncounted():
    awards = extract(
        "Huyện Tân Lập tổng kết công tác dân vận năm 2024.\n\nDịp này, Ban Dân vận Huyện ủy trao Kỷ niệm chương “Vì sự nghiệp Dân "
        "vận” cho các cá nhân có nhiều đóng góp."
    )["awards"]
    assert [(a["form"], a["collectives"], a["individuals"]) for a in awards] == [
        ("Kỷ niệm chương Vì sự nghiệp Dân vận", 0, None)
    ]


def test_a_long_headline_that_opens_with_its_place_is_the_title():
    title = (
        "Tân Lập: Khen thưởng 12 tập thể, 20 cá nhân trong phong trào “Dân vận "
        "khéo” giai đoạn 2020 – 2025; 8 tập thể, 15 cá nhân tiêu biểu năm 2025 "
        "được biểu dương tại hội nghị tổng kết của huyện."
    )
    facts = extract(f"{title}\n\nSáng ngày 12/10, Huyện ủy Tân Lập tổ chức hội nghị.")
    assert facts["source"]["title"] == title


def test_a_headline_run_into_the_lead_is_parted_at_the_agencys_mark():
    facts = extract(
        "Ký kết phối hợp công tác dân vận với lực lượng vũ trang thành phố "
        "TLO - Ban Tuyên giáo và Dân vận Thành ủy Tân Lập vừa ký kết kế hoạch "
        "phối hợp công tác dân vận năm 2025 với Bộ Chỉ huy Quân sự thành phố."
    )
    assert facts["source"]["title"] == (
        "Ký kết phối hợp công tác dân vận với lực lượng vũ trang thành phố"
    )
    assert facts["event"]["organizer"] == "Ban Tuyên giáo và Dân vận Thành ủy Tân Lập"


def test_a_numbered_district_is_named_once():
    event = extract(
        "Quận ủy tổng kết phong trào\n\nSáng ngày 11/10, Quận ủy Quận 9 đã tổ chức "
        "hội nghị tổng kết phong trào thi đua “Dân vận khéo” năm 2024."
    )["event"]
    assert event["locality"] == "quận 9"
