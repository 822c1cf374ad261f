from __future__ import annotations

import datetime as dt
from decimal import Decimal

from vn.prose import (
    change,
    count,
    date_range,
    doubled_words,
    join,
    lower_first,
    position,
    tidy_position,
    unit_in_sentence,
    without_doubled_words,
)


def test_unit_names_inside_a_sentence():
    assert unit_in_sentence("Thành phố Đà Nẵng") == "thành phố Đà Nẵng"
    assert unit_in_sentence("Thị xã Điện Bàn") == "thị xã Điện Bàn"
    assert unit_in_sentence("Đặc khu Vân Đồn") == "đặc khu Vân Đồn"
    assert unit_in_sentence("Huyện Gia Viễn") == "huyện Gia Viễn"
    assert unit_in_sentence("Việt Nam") == "Việt Nam"
    assert lower_first("UBND xã") == "UBND xã" and lower_first("Xây nhà") == "xây nhà"


def test_lists_counts_and_changes():
    assert join(["A"]) == "A" and join(["A", "B", "C"]) == "A, B và C"
    assert join(["A", "", "B"]) == "A và B"
    assert count(0, "mô hình") == "" and count(1250, "mô hình") == "1.250 mô hình"
    assert change(78, 73, compared="năm 2022") == "tăng 5 so với năm 2022"
    assert change(Decimal(3), 5, compared="năm 2022") == "giảm 2 so với năm 2022"
    assert change(4, 4, compared="năm 2022") == "bằng năm 2022"


def test_date_ranges_say_the_year_once():
    assert date_range(dt.date(2025, 7, 17), dt.date(2025, 7, 31)) == (
        "từ ngày 17/7 đến ngày 31/7/2025"
    )
    assert date_range(dt.date(2024, 12, 15), dt.date(2025, 1, 5)) == (
        "từ ngày 15/12/2024 đến ngày 5/1/2025"
    )


def test_positions_and_doubled_words():
    assert position("Trưởng ban", "Ban Dân vận Huyện ủy") == (
        "Trưởng Ban Dân vận Huyện ủy"
    )
    assert position("Phó Chủ tịch", "Ủy ban nhân dân huyện") == (
        "Phó Chủ tịch Ủy ban nhân dân huyện"
    )
    assert tidy_position("Trưởng ban Ban Dân vận Tỉnh ủy") == (
        "Trưởng Ban Dân vận Tỉnh ủy"
    )
    assert without_doubled_words("đã ký cam kết ký cam kết thi đua") == (
        "đã ký cam kết thi đua"
    )
    assert doubled_words("Trưởng ban Ban Dân vận") == ["ban"]
    assert doubled_words("Sáng ngày 10/01/2024, hội nghị") == []
