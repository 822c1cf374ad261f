"""Invented Vietnamese names for demo people, in Vietnamese order.

A name is họ (family name), tên đệm (middle name) and tên (given name):
"Bùi Quang Khải". No honorific is ever part of a name. Family names are drawn
with rough real-world weights so that Nguyễn, Trần and Lê are common.
"""

from __future__ import annotations

import random

# (family name, weight)
FAMILY = [
    ("Nguyễn", 30),
    ("Trần", 11),
    ("Lê", 9),
    ("Phạm", 7),
    ("Hoàng", 5),
    ("Huỳnh", 4),
    ("Phan", 4),
    ("Vũ", 4),
    ("Võ", 4),
    ("Đặng", 2),
    ("Bùi", 2),
    ("Đỗ", 2),
    ("Hồ", 2),
    ("Ngô", 2),
    ("Dương", 1),
    ("Lý", 1),
    ("Đinh", 1),
    ("Trương", 1),
    ("Đoàn", 1),
    ("Lương", 1),
    ("Mai", 1),
    ("Tô", 1),
    ("Cao", 1),
    ("Châu", 1),
]
MIDDLE_MALE = [
    "Văn",
    "Hữu",
    "Đức",
    "Quang",
    "Minh",
    "Công",
    "Thanh",
    "Xuân",
    "Ngọc",
    "Đình",
    "Trọng",
    "Tấn",
    "Quốc",
    "Anh",
]
MIDDLE_FEMALE = [
    "Thị",
    "Thị",
    "Thị",
    "Ngọc",
    "Thanh",
    "Thu",
    "Kim",
    "Minh",
    "Hồng",
    "Phương",
    "Bích",
    "Mỹ",
]
GIVEN_MALE = [
    "An",
    "Bảo",
    "Bình",
    "Cường",
    "Dũng",
    "Duy",
    "Đạt",
    "Hải",
    "Hiếu",
    "Hòa",
    "Hùng",
    "Huy",
    "Khải",
    "Khánh",
    "Kiên",
    "Lâm",
    "Long",
    "Minh",
    "Nam",
    "Nghĩa",
    "Phong",
    "Phúc",
    "Quân",
    "Sơn",
    "Tâm",
    "Thắng",
    "Thành",
    "Thịnh",
    "Toàn",
    "Trung",
    "Tuấn",
    "Việt",
    "Vinh",
]
GIVEN_FEMALE = [
    "Anh",
    "Châu",
    "Dung",
    "Giang",
    "Hà",
    "Hạnh",
    "Hằng",
    "Hiền",
    "Hoa",
    "Hồng",
    "Hương",
    "Lan",
    "Liên",
    "Linh",
    "Loan",
    "Mai",
    "Nga",
    "Ngân",
    "Nhung",
    "Oanh",
    "Phượng",
    "Quyên",
    "Tâm",
    "Thảo",
    "Thủy",
    "Trang",
    "Tuyết",
    "Vân",
    "Yến",
]

_FAMILY_NAMES = [name for name, _weight in FAMILY]
_FAMILY_WEIGHTS = [weight for _name, weight in FAMILY]


def vietnamese_name(rng: random.Random, *, female: bool) -> str:
    """A full name in Vietnamese order: họ, đệm, tên."""
    family = rng.choices(_FAMILY_NAMES, weights=_FAMILY_WEIGHTS)[0]
    middle = rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE)
    given = rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)
    return f"{family} {middle} {given}"
