"""Reference data every installation starts with: levels, unit kinds, body kinds.

Loaded by a data migration; a province may add body kinds of its own later.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_noop

LEVELS = [
    ("trung-uong", gettext_noop("Trung ương"), 0),
    ("tinh", gettext_noop("Cấp tỉnh"), 1),
    ("huyen", gettext_noop("Cấp huyện"), 2),
    ("xa", gettext_noop("Cấp xã"), 3),
    ("thon", gettext_noop("Thôn, tổ dân phố"), 4),
]

UNIT_KINDS = [
    ("quoc-gia", gettext_noop("quốc gia"), "trung-uong"),
    ("tinh", gettext_noop("tỉnh"), "tinh"),
    ("thanh-pho-tw", gettext_noop("thành phố trực thuộc trung ương"), "tinh"),
    ("huyen", gettext_noop("huyện"), "huyen"),
    ("quan", gettext_noop("quận"), "huyen"),
    ("thi-xa", gettext_noop("thị xã"), "huyen"),
    ("thanh-pho-thuoc-tinh", gettext_noop("thành phố thuộc tỉnh"), "huyen"),
    (
        "thanh-pho-thuoc-tp",
        gettext_noop("thành phố thuộc thành phố trực thuộc trung ương"),
        "huyen",
    ),
    ("xa", gettext_noop("xã"), "xa"),
    ("phuong", gettext_noop("phường"), "xa"),
    ("thi-tran", gettext_noop("thị trấn"), "xa"),
    ("dac-khu", gettext_noop("đặc khu"), "xa"),
    ("thon", gettext_noop("thôn"), "thon"),
    ("ap", gettext_noop("ấp"), "thon"),
    ("khu-pho", gettext_noop("khu phố"), "thon"),
    ("to-dan-pho", gettext_noop("tổ dân phố"), "thon"),
]

# (code, name, abbreviation, category)
BODY_KINDS = [
    (
        "dang-uy",
        gettext_noop("Cấp ủy Đảng (Tỉnh ủy, Huyện ủy, Thị ủy, Đảng ủy)"),
        "",
        "party",
    ),
    ("ban-dan-van", gettext_noop("Ban Dân vận"), "BDV", "party"),
    (
        "ban-tuyen-giao-dan-van",
        gettext_noop("Ban Tuyên giáo và Dân vận"),
        "BTGDV",
        "party",
    ),
    ("khoi-dan-van", gettext_noop("Khối dân vận"), "KDV", "party"),
    ("ubnd", gettext_noop("Ủy ban nhân dân"), "UBND", "state"),
    ("hdnd", gettext_noop("Hội đồng nhân dân"), "HĐND", "state"),
    ("mttq", gettext_noop("Ủy ban Mặt trận Tổ quốc Việt Nam"), "UBMTTQVN", "front"),
    ("hoi-lhpn", gettext_noop("Hội Liên hiệp Phụ nữ"), "Hội LHPN", "front"),
    ("hoi-nong-dan", gettext_noop("Hội Nông dân"), "HND", "front"),
    (
        "doan-thanh-nien",
        gettext_noop("Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
        "Đoàn TN",
        "front",
    ),
    ("hoi-ccb", gettext_noop("Hội Cựu chiến binh"), "Hội CCB", "front"),
    ("lien-doan-lao-dong", gettext_noop("Liên đoàn Lao động"), "LĐLĐ", "front"),
    ("cong-an", gettext_noop("Công an"), "CA", "security"),
    ("ban-chqs", gettext_noop("Ban Chỉ huy Quân sự"), "BCHQS", "security"),
    (
        "bcd-quy-che-dan-chu",
        gettext_noop("Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở"),
        "BCĐ QCDC",
        "steering",
    ),
    (
        "bcd-dan-van-kheo",
        gettext_noop("Ban Chỉ đạo phong trào thi đua “Dân vận khéo”"),
        "BCĐ DVK",
        "steering",
    ),
    (
        "bcd-van-dong-quan-chung",
        gettext_noop("Ban Chỉ đạo phối hợp hoạt động vận động quần chúng"),
        "BCĐ VĐQC",
        "steering",
    ),
    (
        "trung-tam-vhtt",
        gettext_noop("Trung tâm Văn hóa - Thông tin và Thể thao"),
        "TT VHTT&TT",
        "other",
    ),
]


def ensure_reference_data(
    level_model: Any, kind_model: Any, body_kind_model: Any
) -> None:
    """Create or update the reference rows; the models may be historical ones."""
    levels = {}
    for code, name, rank in LEVELS:
        levels[code], _ = level_model.objects.update_or_create(
            code=code, defaults={"name": name, "rank": rank}
        )
    for code, name, level in UNIT_KINDS:
        kind_model.objects.update_or_create(
            code=code, defaults={"name": name, "level": levels[level]}
        )
    for code, name, abbreviation, category in BODY_KINDS:
        body_kind_model.objects.update_or_create(
            code=code,
            defaults={"name": name, "abbreviation": abbreviation, "category": category},
        )
