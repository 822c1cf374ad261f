"""Reference data every installation starts with: levels, unit kinds, body kinds.

Loaded by a data migration; a province may add body kinds of its own later.
"""

from __future__ import annotations

from typing import Any

LEVELS = [
    ("trung-uong", "Trung ương", 0),
    ("tinh", "Cấp tỉnh", 1),
    ("huyen", "Cấp huyện", 2),
    ("xa", "Cấp xã", 3),
    ("thon", "Thôn, tổ dân phố", 4),
]

UNIT_KINDS = [
    ("quoc-gia", "quốc gia", "trung-uong"),
    ("tinh", "tỉnh", "tinh"),
    ("thanh-pho-tw", "thành phố trực thuộc trung ương", "tinh"),
    ("huyen", "huyện", "huyen"),
    ("quan", "quận", "huyen"),
    ("thi-xa", "thị xã", "huyen"),
    ("thanh-pho-thuoc-tinh", "thành phố thuộc tỉnh", "huyen"),
    ("thanh-pho-thuoc-tp", "thành phố thuộc thành phố trực thuộc trung ương", "huyen"),
    ("xa", "xã", "xa"),
    ("phuong", "phường", "xa"),
    ("thi-tran", "thị trấn", "xa"),
    ("dac-khu", "đặc khu", "xa"),
    ("thon", "thôn", "thon"),
    ("ap", "ấp", "thon"),
    ("khu-pho", "khu phố", "thon"),
    ("to-dan-pho", "tổ dân phố", "thon"),
]

# (code, name, abbreviation, category)
BODY_KINDS = [
    ("dang-uy", "Cấp ủy Đảng (Tỉnh ủy, Huyện ủy, Thị ủy, Đảng ủy)", "", "party"),
    ("ban-dan-van", "Ban Dân vận", "BDV", "party"),
    ("ban-tuyen-giao-dan-van", "Ban Tuyên giáo và Dân vận", "BTGDV", "party"),
    ("khoi-dan-van", "Khối dân vận", "KDV", "party"),
    ("ubnd", "Ủy ban nhân dân", "UBND", "state"),
    ("hdnd", "Hội đồng nhân dân", "HĐND", "state"),
    ("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam", "UBMTTQVN", "front"),
    ("hoi-lhpn", "Hội Liên hiệp Phụ nữ", "Hội LHPN", "front"),
    ("hoi-nong-dan", "Hội Nông dân", "HND", "front"),
    ("doan-thanh-nien", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn TN", "front"),
    ("hoi-ccb", "Hội Cựu chiến binh", "Hội CCB", "front"),
    ("lien-doan-lao-dong", "Liên đoàn Lao động", "LĐLĐ", "front"),
    ("cong-an", "Công an", "CA", "security"),
    ("ban-chqs", "Ban Chỉ huy Quân sự", "BCHQS", "security"),
    (
        "bcd-quy-che-dan-chu",
        "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở",
        "BCĐ QCDC",
        "steering",
    ),
    (
        "bcd-dan-van-kheo",
        "Ban Chỉ đạo phong trào thi đua “Dân vận khéo”",
        "BCĐ DVK",
        "steering",
    ),
    (
        "bcd-van-dong-quan-chung",
        "Ban Chỉ đạo phối hợp hoạt động vận động quần chúng",
        "BCĐ VĐQC",
        "steering",
    ),
    (
        "trung-tam-vhtt",
        "Trung tâm Văn hóa - Thông tin và Thể thao",
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
