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


def test_a_quarterly_report_reviews_its_quarter_and_plans_the_next():
    facts = extract(
        "Đồng chí Lê Văn Bình - UVBTV - Trưởng Ban Dân vận Huyện ủy báo cáo kết "
        "quả công tác dân vận qúy II, triển khai nhiệm vụ qúy III\n"
        "Quý II/2024, Ban Dân vận đã bám sát cơ sở, nắm chắc tình hình Nhân dân."
    )
    event = facts["event"]
    assert event["kind"] == "midyear_review"
    assert event["review_period"] == {"start": "2024-04-01", "end": "2024-06-30"}
    assert event["plan_period"] == {"start": "2024-07-01", "end": "2024-09-30"}
    assert event["organizer"] is None  # a person reports; no body held it
    assert {p["name"]: p["position"] for p in facts["attendees"]} == {
        "Lê Văn Bình": "UVBTV - Trưởng Ban Dân vận Huyện ủy"
    }


def test_a_sentence_cut_off_at_the_end_is_not_the_byline():
    text = (
        "Sáng 12-3, Đảng ủy xã Tân Hưng tổ chức hội nghị tổng kết công tác dân "
        "vận năm 2024.\nHội nghị đã biểu dương các mô hình tiêu biểu.\nTại "
    )
    assert extract(text)["source"]["author"] is None
    assert extract(text.replace("\nTại ", "\nHoàng Lan"))["source"]["author"] == (
        "Hoàng Lan"
    )


def test_a_unit_misspelt_once_takes_the_spelling_the_text_uses_most():
    event = extract(
        "Sáng 12-3, Đảng ủy xã Tân Hừng tổ chức hội nghị tổng kết công tác dân "
        "vận năm 2024.\nNăm qua, Nhân dân xã Tân Hưng đã góp nhiều ngày công.\n"
        "Bí thư Đảng ủy xã Tân Hưng phát biểu tại hội nghị."
    )["event"]
    assert event["locality"] == "xã Tân Hưng"
    assert event["organizer"] == "Đảng ủy xã Tân Hưng"


def test_the_clauses_subject_gave_the_award_its_verb_ends():
    found = extract(
        "Xã Tân Hưng kỷ niệm ngày truyền thống công tác dân vận\n"
        "Tại buổi lễ, Ủy ban MTTQ xã đã cùng các đại biểu ôn lại truyền thống, "
        "phát động thi đua năm 2025 và tuyên dương 12 tập thể, 20 cá nhân.\n"
        "Ông Trần Văn Tư, Bí thư Đảng ủy xã, khen thưởng các tập thể tiêu biểu"
    )["awards"]
    assert found == [
        {
            "issuer": "Ủy ban MTTQ xã",
            "form": "Tuyên dương",
            "collectives": 12,
            "individuals": 20,
        }
    ]


def test_a_day_without_its_year_takes_it_from_the_anniversary():
    spelled = extract(
        "Ngày 15-10, Ban Dân vận Huyện ủy tổ chức họp mặt kỷ niệm 90 năm Ngày "
        "truyền thống công tác Dân vận của Đảng (15/10/1930 - 15/10/2020)."
    )["event"]
    assert spelled["date"] == "2020-10-15"
    counted = extract(
        "Sáng 15/10, Ban Dân vận Thị ủy tổ chức họp mặt kỷ niệm 94 năm Ngày "
        "truyền thống công tác dân vận của Đảng."
    )["event"]
    assert counted["date"] == "2024-10-15"


def test_a_visiting_delegation_is_the_organizer_and_its_visit_the_locality():
    event = extract(
        " date 2024-09 Chiều 5/9, đoàn kiểm tra của Ban Dân vận Tỉnh ủy do Phó "
        "Trưởng ban Lê Thị Hoa làm trưởng đoàn, kiểm tra việc thực hiện Quy chế "
        "dân vận năm 2024 tại TP Tân Lập."
    )["event"]
    assert event["kind"] == "other"
    assert event["date"] == "2024-09-05"  # the year of the page's month
    assert event["organizer"] == "đoàn kiểm tra của Ban Dân vận Tỉnh ủy"
    assert event["place"] == "TP Tân Lập"
    assert event["locality"] == "thành phố Tân Lập"


def test_a_portals_section_name_is_not_part_of_the_headline():
    title = "Ký kết chương trình phối hợp công tác dân vận giữa hai lực lượng"
    found = extract(
        f"Quốc phòng {title}\n\nBan Dân vận Huyện ủy Tân Lập vừa ký kết chương "
        "trình phối hợp với Ban CHQS huyện."
    )
    assert found["source"]["title"] == title
    # … and the headline's line, section name and all, is not read as the lead
    assert found["event"]["organizer"] == "Ban Dân vận Huyện ủy Tân Lập"
    kept = "Quốc phòng toàn dân vững mạnh trên địa bàn huyện Tân Lập"
    assert extract(f"{kept}\n\nSáng 3-4, …")["source"]["title"] == kept


def test_models_built_until_now_are_the_running_total_and_a_fields_share_no_total():
    initiatives = extract(
        "Đến nay, trên địa bàn xã đã xây dựng được 41 mô hình “Dân vận khéo”. "
        "Trên lĩnh vực kinh tế có 17 mô hình, lĩnh vực văn hóa – xã hội có 24 mô hình."
    )["initiatives"]
    assert initiatives["cumulative_total"] == 41
    assert initiatives["total"] is None
    assert initiatives["by_field"]["economy"] == 17


def test_a_share_of_a_group_is_an_indicator_with_the_group_as_its_unit():
    found = extract(
        "Năm qua, 100% chi bộ đều đăng ký xây dựng mô hình dân vận khéo, gần 85% "
        "hội viên, đoàn viên là điển hình tiêu biểu."
    )["indicators"]
    assert {(i["label"], i["percent"], i["unit"]) for i in found} == {
        ("chi bộ đăng ký xây dựng mô hình dân vận khéo", 100, "chi bộ"),
        ("hội viên, đoàn viên là điển hình tiêu biểu", 85, "hội viên, đoàn viên"),
    }


def test_money_spelt_ti_is_billions():
    found = extract(
        "Các đơn vị đã sửa chữa 40 căn nhà với tổng kinh phí hơn 3 tỉ đồng."
    )["indicators"]
    assert [i["value"] for i in found if i["unit"] == "VND"] == [3_000_000_000]


def test_a_long_chain_of_positions_before_the_name_is_read_whole():
    found = people(
        "Phát biểu khai mạc, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng "
        "Ban Tuyên giáo và Dân vận Trung ương Hoàng Văn Sơn khẳng định ý nghĩa của "
        "hội nghị."
    )
    assert found == {
        "Hoàng Văn Sơn": "Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban "
        "Tuyên giáo và Dân vận Trung ương"
    }


def test_a_speaker_at_the_meeting_named_without_a_position_attended():
    found = people(
        "Sáng 5/3, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết năm 2024.\n"
        "Phát biểu chỉ đạo tại hội nghị, ông Lê Văn Tám lưu ý các cấp cần đổi mới."
    )
    assert found == {"Lê Văn Tám": None}
    # not someone quoted outside the meeting
    assert people("Ông Lê Văn Tám đề nghị xã sớm làm đường.") == {}


def test_money_given_by_dong_gop_and_a_share_after_a_fraction_are_read():
    found = extract(
        "Năm qua, Nhân dân đã hiến 900 m² đất mở đường, đóng góp hơn 1,5 tỷ đồng "
        "làm đường điện chiếu sáng. Các tổ hòa giải đã hòa giải thành công 20/25 "
        "vụ việc, đạt 80%."
    )["indicators"]
    rows = {(i["value"], i["of"], i["percent"], i["unit"]): i["label"] for i in found}
    assert rows[(900, None, None, "m2")] == "Nhân dân hiến đất mở đường"
    assert (1_500_000_000, None, None, "VND") in rows
    assert (20, 25, 80, "vụ việc") in rows


def test_a_byline_name_with_an_apostrophe_is_read():
    text = (
        "Sáng 12-3, Đảng ủy xã Ea Tân tổ chức hội nghị tổng kết công tác dân vận "
        "năm 2024.\nHội nghị đã biểu dương các mô hình tiêu biểu.\nH’Nhi"
    )
    assert extract(text)["source"]["author"] == "H’Nhi"


def test_a_results_label_does_not_reach_back_over_va_into_the_last_result():
    found = extract(
        "Nhân dân đã làm mới 3 km đường giao thông nông thôn và xây tặng 6 căn nhà "
        "đại đoàn kết cho hộ nghèo."
    )["indicators"]
    assert [i["label"] for i in found if i["unit"] == "căn"] == [
        "xây tặng nhà đại đoàn kết cho hộ nghèo"
    ]


def test_a_target_with_its_own_each_keeps_it_and_its_dashed_name():
    found = extract(
        "Theo kế hoạch, mỗi thôn ra quân ít nhất 3 buổi tổng vệ sinh, mỗi chi đoàn "
        "nhận ít nhất 1 tuyến đường xanh – sạch – đẹp."
    )["targets"]
    assert [t["label"] for t in found] == [
        "mỗi thôn ra quân buổi tổng vệ sinh",
        "mỗi chi đoàn nhận tuyến đường xanh – sạch – đẹp",
    ]


def test_the_new_bodys_name_with_va_signs_beside_its_partner():
    found = extract(
        "Chiều 4-2, Ban Tuyên giáo và Dân vận Đảng ủy xã Tân Lộc và Công an xã Tân "
        "Lộc tổ chức hội nghị ký kết chương trình phối hợp giai đoạn 2026 – 2030."
    )
    assert found["coordination_partners"] == ["Công an xã Tân Lộc"]


def test_a_count_before_another_loses_the_words_that_led_to_it_and_guns_are_counted():
    found = extract(
        "Kết quả phối hợp công tác dân vận giữa hai đơn vị\n"
        "Hai đơn vị đã phối hợp tổ chức 30 buổi tuyên truyền pháp luật cho "
        "hơn 2.000 lượt người, vận động Nhân dân giao nộp 9 khẩu súng tự chế."
    )["indicators"]
    labels = {i["unit"]: i["label"] for i in found}
    assert labels["buổi"] == "buổi tuyên truyền pháp luật"
    assert labels["khẩu"].startswith("khẩu súng tự chế")


def test_a_target_counted_in_models_keeps_the_models_quoted_name():
    found = extract(
        "Theo chương trình, hai bên phối hợp xây dựng ít nhất 4 mô hình “Dân vận "
        "khéo” về an ninh trật tự."
    )["targets"]
    assert found == [
        {
            "label": "hai bên phối hợp xây dựng mô hình “Dân vận khéo” về an ninh trật tự",
            "at_least": 4,
            "unit": "mô hình",
        }
    ]


def test_a_count_of_places_after_tai_is_where_not_a_result():
    found = extract(
        "Kết quả công tác dân vận chính quyền trong quý III\n"
        "Trong quý, các cấp ủy đã tổ chức 120 cuộc đối thoại trực tiếp giữa người "
        "đứng đầu cấp ủy, chính quyền với Nhân dân tại 40 xã, phường."
    )["indicators"]
    assert [(i["value"], i["unit"]) for i in found] == [(120, "cuộc")]
    assert found[0]["label"].startswith(
        "cuộc đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền"
    )


def test_a_houses_label_does_not_take_the_money_before_it():
    found = extract(
        "Kết quả vận động xây dựng nhà đại đoàn kết năm 2025\n"
        "Nhân dân đã đóng góp 2,1 tỷ đồng xây dựng 40 căn nhà đại đoàn kết."
    )["indicators"]
    assert [i["label"] for i in found if i["unit"] == "căn"] == [
        "xây dựng nhà đại đoàn kết"
    ]


def test_an_online_meetings_points_are_not_its_place_and_a_targets_period_is_no_label():
    found = extract(
        "Sơ kết công tác dân vận 6 tháng đầu năm 2026 của phường\n"
        "Sáng 30/6/2026, Đảng ủy phường Tân Hưng tổ chức hội nghị trực tuyến sơ kết "
        "công tác dân vận 6 tháng đầu năm với 20 điểm cầu tại các chi bộ.\n"
        "Hội nghị đề ra chỉ tiêu 6 tháng cuối năm: mỗi chi bộ xây dựng ít nhất 1 "
        "mô hình “Dân vận khéo”."
    )
    assert found["event"]["place"] is None
    assert found["targets"] == [
        {
            "label": "mỗi chi bộ xây dựng mô hình Dân vận khéo",
            "at_least": 1,
            "unit": "mô hình",
        }
    ]


def test_millions_of_square_metres_are_an_area_not_money():
    found = extract(
        "Kết quả vận động Nhân dân hiến đất trong năm 2026\n"
        "Nhân dân đã hiến hơn 1,2 triệu m² đất, đóng góp trên 300 tỷ đồng làm đường."
    )["indicators"]
    assert {(i["value"], i["unit"]) for i in found} == {
        (1_200_000, "m2"),
        (300_000_000_000, "VND"),
    }


def test_a_fraction_of_communes_and_wards_keeps_its_unit_and_the_share_after_its_label():
    found = extract(
        "Kết quả thực hiện dân chủ ở cơ sở năm 2026\n"
        "Có 45/52 xã, phường thành lập tổ hòa giải, tổ tự quản về an ninh trật "
        "tự, đạt 86,5%."
    )["indicators"]
    assert [(i["value"], i["of"], i["percent"], i["unit"]) for i in found] == [
        (45, 52, 86.5, "xã, phường")
    ]
    assert found[0]["label"].startswith("xã, phường thành lập tổ hòa giải")


def test_a_fraction_of_households_with_a_quoted_title_is_one_row_with_its_share():
    found = extract(
        "Kết quả xây dựng đời sống văn hóa ở thôn Bắc\n"
        "Thôn Bắc có 230/251 hộ đạt danh hiệu “Gia đình văn hóa”, đạt 91,6%."
    )["indicators"]
    assert [(i["value"], i["of"], i["percent"], i["unit"]) for i in found] == [
        (230, 251, 91.6, "hộ")
    ]


def test_money_and_workdays_given_together_share_what_they_built():
    found = extract(
        "Kết quả vận động làm đường năm 2026\n"
        "Bà con đóng góp gần 150 triệu đồng và 640 ngày công nâng cấp 1,8 km "
        "đường liên thôn."
    )["indicators"]
    by_unit = {i["unit"]: i for i in found}
    assert by_unit["VND"]["value"] == 150_000_000
    assert "nâng cấp đường liên thôn" in by_unit["VND"]["label"]
    assert by_unit["ngày công"]["value"] == 640
    assert "đường liên thôn" in by_unit["ngày công"]["label"]
    assert by_unit["km"]["value"] == 1.8


def test_the_people_who_turned_out_and_what_they_did_are_two_results():
    found = extract(
        "Ra quân trồng cây xanh ở xã Tân Hòa\n"
        "Hơn 250 đoàn viên, hội viên và Nhân dân đã trồng 1.200 cây xanh."
    )["indicators"]
    assert {(i["value"], i["unit"]) for i in found} == {
        (250, "đoàn viên, hội viên"),
        (1200, "cây"),
    }


def test_models_recognised_by_a_named_body_are_recognised():
    found = extract(
        "Kết quả phong trào Dân vận khéo năm 2026\n"
        "Có 12 mô hình được UBND xã Tân Hòa công nhận là mô hình “Dân vận khéo” "
        "tiêu biểu."
    )
    assert found["initiatives"]["recognized"] == 12
    assert not [i for i in found["indicators"] if i["value"] == 12]


def test_a_festival_of_great_national_unity_is_an_event():
    event = extract(
        "Tối 20/11/2026, Ban Công tác Mặt trận khu phố 4, phường Tân Hòa tổ chức "
        "Ngày hội Đại đoàn kết toàn dân tộc."
    )["event"]
    assert (event["kind"], event["date"], event["organizer"]) == (
        "other",
        "2026-11-20",
        "Ban Công tác Mặt trận khu phố 4",
    )


def test_the_issuer_follows_the_occasion_that_opens_the_clause():
    found = extract(
        "Họp mặt kỷ niệm Ngày truyền thống Mặt trận ở phường Tân Hòa\n"
        "Tại lễ kỷ niệm, Ủy ban MTTQ Việt Nam phường Tân Hòa tặng Giấy khen cho 3 "
        "tập thể và 5 cá nhân."
    )["awards"]
    assert found == [
        {
            "issuer": "Ủy ban MTTQ Việt Nam phường Tân Hòa",
            "form": "Giấy khen",
            "collectives": 3,
            "individuals": 5,
        }
    ]


def test_a_communes_party_committee_signs_as_the_dan_van_side():
    found = extract(
        "Ký kết quy chế phối hợp giữa Đảng ủy phường và Công an phường\n"
        "Sáng 2/3/2026, Đảng ủy phường Tân Hòa (tỉnh Đồng Nai) và Công an phường "
        "tổ chức ký kết quy chế phối hợp công tác dân vận giai đoạn 2026 – 2030."
    )
    assert found["coordination_partners"] == ["Công an phường"]
    assert found["event"]["organizer"] == "Đảng ủy phường Tân Hòa và Công an phường"


def test_a_campaigns_days_count_from_the_dated_lead():
    found = extract(
        "Sáng 10/8/2026, Đoàn Thanh niên xã Tân Hòa tổ chức lễ ra quân chiến dịch "
        "tình nguyện hè, diễn ra trong 10 ngày."
    )["event"]
    assert found["plan_period"] == {"start": "2026-08-10", "end": "2026-08-19"}


def test_a_central_highlands_name_opening_with_a_is_a_person():
    found = people(
        "Dự hội nghị có các đồng chí: A Pớt, Phó Chủ tịch UBND tỉnh; Lê Văn Hòa, "
        "Giám đốc Sở Nội vụ."
    )
    assert found["A Pớt"] == "Phó Chủ tịch UBND tỉnh"
    assert found["Lê Văn Hòa"] == "Giám đốc Sở Nội vụ"


def test_models_recognised_by_two_levels_are_recognised():
    found = extract(
        "Kết quả phong trào Dân vận khéo năm 2026\n"
        "Có 240 mô hình được cấp xã và cấp tỉnh công nhận."
    )
    assert found["initiatives"]["recognized"] == 240


def test_poor_and_near_poor_households_stay_in_one_label():
    found = extract(
        "Kết quả công tác an sinh xã hội năm 2026\n"
        "Hội Chữ thập đỏ trao 200 suất quà cho hộ nghèo, hộ cận nghèo."
    )["indicators"]
    assert [i["value"] for i in found] == [200]
    assert "cho hộ nghèo, hộ cận nghèo" in found[0]["label"]


def test_a_sentence_opening_with_nam_qua_reports_results():
    found = extract(
        "Kết quả công tác bảo đảm an ninh trật tự ở phường Tân Hòa\n"
        "Năm qua, phường đã thành lập 14 tổ tự quản về an ninh trật tự."
    )["indicators"]
    assert [(i["value"], i["unit"]) for i in found] == [(14, "tổ")]


def test_tips_and_rounds_are_counted_but_civil_servants_are_not_rounds():
    found = extract(
        "Kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2026\n"
        "Nhân dân cung cấp 31 nguồn tin có giá trị, giao nộp 45 viên đạn. "
        "Xã có 5 viên chức làm công tác văn hóa."
    )["indicators"]
    assert {(i["value"], i["unit"]) for i in found} == {(31, "nguồn tin"), (45, "viên")}
    assert "đạn" in next(i["label"] for i in found if i["unit"] == "viên")


def test_the_people_a_work_reached_are_a_result_labelled_with_the_work():
    found = extract(
        "Kết quả công tác tuyên truyền năm 2026\n"
        "Các đoàn thể tổ chức 24 buổi nói chuyện chuyên đề cho 1.500 lượt hội viên. "
        "Đoàn Thanh niên tổ chức 12 buổi chiếu phim với 2.100 lượt người tham dự."
    )["indicators"]
    by_value = {i["value"]: i for i in found}
    assert (by_value[24]["unit"], by_value[12]["unit"]) == ("buổi", "buổi")
    assert by_value[1500]["unit"] == by_value[2100]["unit"] == "lượt"
    assert by_value[1500]["label"].startswith("lượt hội viên nói chuyện chuyên đề")
    assert by_value[2100]["label"].startswith("lượt người tham dự chiếu phim")


def test_how_many_communes_a_province_has_is_no_result():
    found = extract(
        "Tỉnh sau sắp xếp đơn vị hành chính\n"
        "Sau sắp xếp, toàn tỉnh có 124 xã, phường. Có 98/124 xã, phường ra mắt "
        "mô hình Dân vận khéo, đạt 79%."
    )["indicators"]
    assert [(i["value"], i["of"]) for i in found] == [(98, 124)]


def test_bodies_named_bare_before_the_last_hold_the_event_together():
    event = extract(
        "Ngày 5/9/2026, Đảng ủy, UBND, Ủy ban MTTQ Việt Nam xã Tân Hòa tổ chức "
        "hội nghị đối thoại với Nhân dân."
    )["event"]
    assert event["organizer"] == "Đảng ủy, UBND, Ủy ban MTTQ Việt Nam xã Tân Hòa"
    assert event["locality"] == "xã Tân Hòa"


def test_names_under_the_headline_are_the_byline():
    found = extract(
        "Phường Tân Hòa tổng kết công tác dân vận năm 2026\n"
        "Lan Anh - Quốc Bảo\n"
        "Sáng 12/12/2026, Đảng ủy phường Tân Hòa tổ chức hội nghị tổng kết công "
        "tác dân vận năm 2026.\n"
        "Hội nghị đã đánh giá kết quả đạt được trong năm."
    )["source"]
    assert found["author"] == "Lan Anh - Quốc Bảo"
    # One name alone under the headline may be a place, not a person.
    place = extract(
        "Phường Tân Hòa tổng kết công tác dân vận năm 2026\n"
        "Tân Hòa\n"
        "Sáng 12/12/2026, Đảng ủy phường Tân Hòa tổ chức hội nghị tổng kết công "
        "tác dân vận năm 2026.\n"
        "Hội nghị đã đánh giá kết quả đạt được trong năm."
    )["source"]
    assert place["author"] is None


def test_nine_months_are_reviewed_and_the_last_three_planned():
    event = extract(
        "Sáng 3/10/2026, Ủy ban MTTQ Việt Nam xã Tân Hòa tổ chức hội nghị sơ kết "
        "công tác 9 tháng đầu năm, triển khai nhiệm vụ 3 tháng cuối năm 2026."
    )["event"]
    assert event["review_period"] == {"start": "2026-01-01", "end": "2026-09-30"}
    assert event["plan_period"] == {"start": "2026-10-01", "end": "2026-12-31"}


def test_a_share_of_villages_holding_something_is_read():
    found = extract(
        "Kết quả thực hiện dân chủ ở cơ sở năm 2026\n"
        "100% thôn, tổ dân phố tổ chức hội nghị nhân dân đầu năm; 95% cơ quan, "
        "đơn vị, trường học ban hành quy chế dân chủ."
    )["indicators"]
    assert {(i["percent"], i["unit"]) for i in found} == {
        (100.0, "thôn, tổ dân phố"),
        (95.0, "cơ quan, đơn vị, trường học"),
    }


def test_a_share_right_after_a_count_is_its_share():
    found = extract(
        "Kết quả tiếp nhận, giải quyết đơn thư năm 2026\n"
        "Ủy ban MTTQ xã đã tiếp nhận 86 đơn thư; đã giải quyết 80 đơn thư, đạt 93%."
    )["indicators"]
    assert {(i["value"], i["percent"]) for i in found} == {(86, None), (80, 93.0)}


def test_an_event_over_two_days_is_held_from_the_first():
    event = extract(
        "Hội thi tuyên truyền viên giỏi tỉnh Tân Lập\n"
        "Trong 2 ngày 15 và 16/7, Ủy ban MTTQ Việt Nam tỉnh Tân Lập tổ chức hội "
        "thi tuyên truyền viên giỏi năm 2026."
    )["event"]
    assert event["date"] == "2026-07-15"


def test_models_introduced_and_replicated_are_replicated_not_the_total():
    found = extract(
        "Kết quả hội thi Dân vận khéo năm 2026\n"
        "Qua hội thi đã có 21 mô hình, cách làm hay được giới thiệu, nhân rộng."
    )["initiatives"]
    assert (found["replicated"], found["total"]) == (21, None)


def test_den_nay_after_a_reporting_verb_is_the_running_total():
    found = extract(
        "Đoàn công tác khảo sát phong trào Dân vận khéo ở xã Tân Hòa\n"
        "Lãnh đạo xã cho biết, đến nay toàn xã có 39 mô hình “Dân vận khéo”. "
        "Từ năm 2021 đến nay có 12 mô hình mới."
    )["initiatives"]
    assert (found["cumulative_total"], found["total"]) == (39, None)


def test_fields_abbreviated_in_a_bracket_after_the_count():
    found = extract(
        "Kết quả phong trào Dân vận khéo năm 2026\n"
        "Năm 2026, toàn xã xây dựng được 19 mô hình (KT: 8, VH-XH: 6, QP-AN: 3, "
        "XDHTCT: 2)."
    )["initiatives"]
    assert found["total"] == 19
    assert found["by_field"] == {
        "economy": 8,
        "culture_society": 6,
        "defense_security": 3,
        "political_system": 2,
    }


def test_models_added_this_year_are_new_even_with_their_quoted_name():
    found = extract(
        "Kết quả phong trào Dân vận khéo ở phường Tân Hòa\n"
        "Trong năm 2026, phường có thêm 5 mô hình “Dân vận khéo” mới, lũy kế đến "
        "nay có 31 mô hình."
    )["initiatives"]
    assert (found["new"], found["cumulative_total"]) == (5, 31)


def test_kilograms_bags_and_lines_of_street_are_counted():
    found = extract(
        "Kết quả ra quân bảo vệ môi trường ở phường Tân Hòa\n"
        "Các hội viên thu gom 180 kg rác thải nhựa, phát 90 túi vải và duy trì 6 "
        "tuyến phố văn minh."
    )["indicators"]
    assert {(i["value"], i["unit"]) for i in found} == {
        (180, "kg"),
        (90, "túi"),
        (6, "tuyến"),
    }


def test_what_a_speaker_asks_for_is_no_result():
    found = extract(
        "Lễ ra mắt mô hình dân vận khéo ở phường Tân Hòa\n"
        "Phát biểu tại buổi lễ, bà Lê Thị Hoa, Chủ tịch Ủy ban MTTQ phường đề nghị "
        "nhân rộng mô hình ra 12 tổ dân phố còn lại."
    )["indicators"]
    assert found == []


def test_the_day_before_the_tradition_day_takes_the_anniversarys_year():
    event = extract(
        "Họp mặt kỷ niệm Ngày truyền thống công tác dân vận ở tỉnh Tân Lập\n"
        "Sáng 13/10, Ban Tuyên giáo và Dân vận Tỉnh ủy Tân Lập tổ chức họp mặt kỷ "
        "niệm 96 năm Ngày truyền thống công tác dân vận của Đảng."
    )["event"]
    assert event["date"] == "2026-10-13"


def test_workdays_given_to_a_purpose_are_labelled_with_it():
    found = extract(
        "Kết quả làm đường giao thông ở xã Tân Hòa\n"
        "Bà con đóng góp 2.800 ngày công để nâng cấp 4,2 km đường liên xã."
    )["indicators"]
    workdays = next(i for i in found if i["unit"] == "ngày công")
    assert workdays["value"] == 2800
    assert workdays["label"] == "Bà con đóng góp ngày công để nâng cấp đường liên xã"


def test_a_clause_opening_with_its_verb_takes_the_sentences_subject():
    found = extract(
        "Kết quả công tác dân vận của lực lượng vũ trang năm 2026\n"
        "Bộ đội Biên phòng tỉnh phối hợp chặt chẽ với địa phương, giúp Nhân dân "
        "5.100 ngày công, nạo vét 12 km kênh mương."
    )["indicators"]
    by_unit = {i["unit"]: i["label"] for i in found}
    assert by_unit["ngày công"].startswith("ngày công Bộ đội Biên phòng tỉnh giúp")
    assert "Bộ đội Biên phòng tỉnh" in by_unit["km"]


def test_a_worth_names_what_the_clause_before_counted():
    found = extract(
        "Kết quả vận động xây nhà năm 2026\n"
        "Mặt trận vận động xây dựng 64 căn nhà Đại đoàn kết, tổng trị giá trên "
        "3,2 tỷ đồng."
    )["indicators"]
    money = next(i for i in found if i["unit"] == "VND")
    assert money["value"] == 3_200_000_000
    assert money["label"] == "tổng trị giá nhà Đại đoàn kết"


def test_the_places_that_did_it_are_not_a_result():
    found = extract(
        "Kết quả đối thoại với Nhân dân năm 2026\n"
        "Người đứng đầu cấp ủy, chính quyền 58 xã, phường đã tổ chức 140 cuộc đối "
        "thoại trực tiếp với Nhân dân."
    )["indicators"]
    assert [(i["value"], i["unit"]) for i in found] == [(140, "cuộc")]


def test_a_training_course_over_days_is_an_event_from_its_first_day():
    event = extract(
        "Bồi dưỡng nghiệp vụ cho cán bộ Mặt trận cơ sở\n"
        "Từ ngày 9 đến 11/9/2026, Ủy ban MTTQ Việt Nam tỉnh Tân Lập tổ chức lớp "
        "bồi dưỡng nghiệp vụ công tác Mặt trận cho 150 cán bộ của 60 xã, phường."
    )
    assert (event["event"]["kind"], event["event"]["date"]) == ("other", "2026-09-09")
    assert event["event"]["organizer"] == "Ủy ban MTTQ Việt Nam tỉnh Tân Lập"
    # where those trained came from is no result
    assert not [i for i in event["indicators"] if i["unit"] == "xã, phường"]


def test_meetings_held_are_counted():
    found = extract(
        "Kết quả giám sát, phản biện xã hội năm 2026\n"
        "Mặt trận các cấp đã tổ chức 215 cuộc giám sát và 48 hội nghị phản biện "
        "xã hội."
    )["indicators"]
    assert {(i["value"], i["unit"]) for i in found} == {(215, "cuộc"), (48, "hội nghị")}


def test_a_year_followed_by_phan_dau_is_planned():
    event = extract(
        "Đảng ủy phường Tân Hòa tổng kết phong trào Dân vận khéo\n"
        "Ngày 20/11/2026, Đảng ủy phường Tân Hòa tổ chức hội nghị tổng kết phong "
        "trào thi đua “Dân vận khéo” năm 2026.\n"
        "Đồng chí Lê Văn Nam, Bí thư Đảng ủy phường cho biết, năm 2027, phường "
        "phấn đấu mỗi tổ dân phố có ít nhất 1 mô hình."
    )["event"]
    assert event["plan_period"] == {"start": "2027-01-01", "end": "2027-12-31"}


def test_a_long_recognising_body_and_a_long_group_are_read():
    found = extract(
        "Kết quả phong trào Dân vận khéo của Đảng bộ các cơ quan Đảng\n"
        "Năm 2026, 100% chi bộ, đảng bộ cơ sở trực thuộc đăng ký thi đua; có 27 "
        "mô hình được Đảng ủy các cơ quan Đảng tỉnh Tân Lập công nhận."
    )
    assert found["initiatives"]["recognized"] == 27
    assert [(i["percent"], i["unit"]) for i in found["indicators"]] == [
        (100.0, "chi bộ, đảng bộ cơ sở")
    ]


def test_the_party_committee_of_a_provinces_agencies_is_of_the_province():
    event = extract(
        "Ngày 25/11/2026, Đảng ủy các cơ quan Đảng tỉnh Tân Lập tổ chức hội nghị "
        "tổng kết năm 2026."
    )["event"]
    assert event["locality"] == "tỉnh Tân Lập"


def test_people_who_turned_out_then_did_a_longer_verb_phrase():
    found = extract(
        "Ra quân làm thủy lợi ở xã Tân Hòa\n"
        "Sáng nay, 120 hội viên đã ra quân nạo vét 1,5 km kênh mương và sửa chữa "
        "3 cầu dân sinh."
    )["indicators"]
    assert {(i["value"], i["unit"]) for i in found} == {
        (120, "hội viên"),
        (1.5, "km"),
        (3, "cầu"),
    }


def test_a_target_counted_in_works_keeps_the_whole_unit():
    found = extract(
        "Kế hoạch Tháng Thanh niên năm 2026\n"
        "Theo kế hoạch, mỗi chi đoàn thực hiện ít nhất 2 công trình thanh niên."
    )["targets"]
    assert [(t["at_least"], t["unit"]) for t in found] == [(2, "công trình")]


def test_an_award_that_names_who_gave_it_is_theirs_not_the_hands_over():
    found = extract(
        "Biểu dương điển hình Dân vận khéo ở xã Tân Hòa\n"
        "Dịp này, UBND xã trao Bằng khen của Chủ tịch UBND tỉnh cho 2 tập thể và "
        "3 cá nhân."
    )["awards"]
    assert found == [
        {
            "issuer": "Chủ tịch UBND tỉnh",
            "form": "Bằng khen",
            "collectives": 2,
            "individuals": 3,
        }
    ]


def test_a_congress_opens_its_term_and_reviews_the_one_before():
    event = extract(
        "Đại hội đại biểu Hội Nông dân xã Tân Hòa lần thứ I\n"
        "Ngày 5/8/2025, Hội Nông dân xã Tân Hòa tổ chức Đại hội đại biểu lần thứ I, "
        "nhiệm kỳ 2025 – 2030.\n"
        "Nhiệm kỳ 2020 – 2025, Hội đã vận động hội viên hiến 2.000 m² đất làm "
        "đường giao thông."
    )["event"]
    assert (event["kind"], event["date"]) == ("other", "2025-08-05")
    assert event["organizer"] == "Hội Nông dân xã Tân Hòa"
    assert event["plan_period"] == {"start": "2025-01-01", "end": "2030-12-31"}
    assert event["review_period"] == {"start": "2020-01-01", "end": "2025-12-31"}


def test_who_a_meeting_is_made_of_is_no_result():
    found = extract(
        "Xã Tân Hòa tổ chức đối thoại với Nhân dân\n"
        "Thành phần gồm lãnh đạo xã và khoảng 150 người dân đại diện 9 thôn."
    )["indicators"]
    assert found == []


def test_two_sums_in_one_sentence_are_two_results():
    found = extract(
        "Bàn giao nhà Đại đoàn kết ở xã Tân Hòa\n"
        "Mỗi căn nhà trị giá 90 triệu đồng, trong đó Quỹ “Vì người nghèo” tỉnh hỗ "
        "trợ 50 triệu đồng."
    )["indicators"]
    sums = {i["value"]: i["label"] for i in found if i["unit"] == "VND"}
    assert set(sums) == {90_000_000, 50_000_000}
    assert sums[50_000_000].startswith("Quỹ “Vì người nghèo” tỉnh hỗ trợ")


def test_setting_a_peak_month_going_launches_a_plan_over_its_days():
    event = extract(
        "Phát động Tháng cao điểm Vì người nghèo ở phường Tân Hòa\n"
        "Chiều 17/10, Ủy ban MTTQ Việt Nam phường Tân Hòa tổ chức lễ phát động "
        "Tháng cao điểm “Vì người nghèo”, từ ngày 17/10 đến ngày 18/11/2026."
    )["event"]
    assert event["kind"] == "plan_launch"
    assert event["plan_period"] == {"start": "2026-10-17", "end": "2026-11-18"}


def test_models_added_and_recognised_are_recognised_not_new():
    found = extract(
        "Kết quả phong trào Dân vận khéo quý III\n"
        "Trong quý III, toàn tỉnh có thêm 96 mô hình “Dân vận khéo” được công nhận."
    )["initiatives"]
    assert (found["recognized"], found["new"]) == (96, None)


def test_a_worth_alone_is_money_too():
    found = extract(
        "Kết quả công tác dân vận của lực lượng vũ trang\n"
        "Lực lượng vũ trang tỉnh giúp Nhân dân xây dựng 14 căn nhà, trị giá hơn "
        "700 triệu đồng."
    )["indicators"]
    assert {(i["value"], i["unit"]) for i in found} == {
        (14, "căn"),
        (700_000_000, "VND"),
    }


def test_a_co_host_joined_without_voi_is_left_out_of_the_organizer():
    event = extract(
        "Ra mắt mô hình Khu dân cư an toàn ở xã Tân Hòa\n"
        "Ngày 15/9/2026, Ủy ban MTTQ Việt Nam xã Tân Hòa phối hợp Công an xã tổ "
        "chức ra mắt mô hình “Khu dân cư an toàn”.\n"
        "Mô hình gồm 2 tổ tự quản."
    )
    assert event["event"]["organizer"] == "Ủy ban MTTQ Việt Nam xã Tân Hòa"
    assert event["indicators"] == []  # what a model is made of is no result


def test_each_item_of_a_planned_list_is_a_target():
    found = extract(
        "Khối Dân vận tỉnh Tân Lập tổng kết năm 2026\n"
        "Năm 2027, Khối phấn đấu: mỗi xã có ít nhất 2 mô hình “Dân vận khéo”; "
        "vận động xây dựng ít nhất 300 nhà Đại đoàn kết."
    )["targets"]
    assert [(t["at_least"], t["unit"]) for t in found] == [(2, "mô hình"), (300, "nhà")]


def test_a_headline_run_into_a_dated_lead_is_parted_at_the_date():
    found = extract(
        "Phường Tân Hòa sơ kết công tác dân vận, triển khai nhiệm vụ 6 tháng cuối "
        "năm Sáng 27/6/2026, Đảng ủy phường Tân Hòa tổ chức hội nghị sơ kết công "
        "tác dân vận 6 tháng đầu năm 2026."
    )
    assert found["source"]["title"] == (
        "Phường Tân Hòa sơ kết công tác dân vận, triển khai nhiệm vụ 6 tháng cuối năm"
    )
    assert found["event"]["organizer"] == "Đảng ủy phường Tân Hòa"
    assert found["event"]["date"] == "2026-06-27"


def test_models_registered_anew_with_their_quoted_name_are_new():
    found = extract(
        "Kết quả phong trào Dân vận khéo 6 tháng đầu năm\n"
        "Sáu tháng đầu năm, phường có 11 mô hình “Dân vận khéo” đăng ký mới."
    )["initiatives"]
    assert (found["new"], found["total"]) == (11, None)


def test_hien_toan_xa_co_is_the_running_total_unless_they_are_new():
    running = extract(
        "Phong trào Dân vận khéo ở xã Tân Hòa\n"
        "Hiện toàn xã Tân Hòa có 23 mô hình “Dân vận khéo”."
    )["initiatives"]
    assert (running["cumulative_total"], running["total"]) == (23, None)
    new = extract(
        "Phong trào Dân vận khéo ở huyện Tân Lập\n"
        "Hiện nay, toàn huyện có 57 mô hình được xây dựng mới."
    )["initiatives"]
    assert (new["cumulative_total"], new["new"]) == (None, 57)


def test_a_speaker_heading_a_womens_branch_and_a_model_in_single_quotes():
    found = extract(
        "Bà Lò Thị Hương, Chi hội trưởng Chi hội Phụ nữ bản Nà Hẩu cho biết: “Nhờ "
        "mô hình ‘Nuôi gà giúp nhau thoát nghèo’, chị em đã giúp nhau 80 ngày công "
        "và cho vay không lãi 40 triệu đồng”."
    )
    assert {p["name"]: p["position"] for p in found["attendees"]} == {
        "Lò Thị Hương": "Chi hội trưởng Chi hội Phụ nữ bản Nà Hẩu"
    }
    assert found["named_initiatives"] == ["Nuôi gà giúp nhau thoát nghèo"]
    money = [i for i in found["indicators"] if i["unit"] == "VND"]
    assert [(m["value"], m["label"]) for m in money] == [
        (40_000_000, "cho vay không lãi")
    ]


def test_an_emulation_flag_to_one_body_is_an_uncounted_award():
    found = extract(
        "Tổng kết công tác dân vận năm 2026 ở xã Tân Hòa\n"
        "Tại hội nghị, Đảng ủy xã tặng Giấy khen cho 4 tập thể; UBND tỉnh tặng Cờ "
        "thi đua cho Hội Nông dân xã."
    )["awards"]
    assert {
        "issuer": "UBND tỉnh",
        "form": "Cờ thi đua",
        "collectives": None,
        "individuals": None,
    } in found


def test_villages_and_residential_groups_are_counted_but_not_their_heads():
    found = extract(
        "Kết quả thực hiện dân chủ ở cơ sở năm 2026\n"
        "Có 11/12 thôn tổ chức hội nghị đối thoại; 5/5 tổ dân phố ra mắt tổ tự "
        "quản. Dự hội nghị có các trưởng 12 thôn."
    )["indicators"]
    assert {(i["value"], i["of"], i["unit"]) for i in found} == {
        (11, 12, "thôn"),
        (5, 5, "tổ dân phố"),
    }


def test_a_list_of_activities_stays_in_one_label():
    found = extract(
        "Kết quả công tác hội năm 2026\n"
        "Hội Nông dân xã vận động 640 hội viên tham gia các lớp tập huấn, hội thảo "
        "về nông nghiệp hữu cơ."
    )["indicators"]
    assert [i["value"] for i in found] == [640]
    assert "tập huấn, hội thảo về nông nghiệp" in found[0]["label"]


def test_how_many_there_are_now_is_no_result():
    found = extract(
        "Biểu dương người có uy tín năm 2026\n"
        "Toàn tỉnh hiện có 930 người có uy tín. Năm 2026, người có uy tín tham gia "
        "hòa giải thành 74 vụ việc."
    )["indicators"]
    assert [(i["value"], i["unit"]) for i in found] == [(74, "vụ việc")]


def test_a_space_typed_before_a_comma_changes_nothing():
    found = extract(
        "Giao ban công tác dân vận quý III năm 2026\n"
        "Trong quý III , các cấp đã vận động Nhân dân đóng góp trên 3 tỷ đồng ; "
        "100% xã , phường tổ chức hội nghị đối thoại ."
    )["indicators"]
    assert {(i["value"], i["percent"], i["unit"]) for i in found} == {
        (3_000_000_000, None, "VND"),
        (None, 100.0, "xã, phường"),
    }
