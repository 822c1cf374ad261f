"""Reference data of the work app: the four fields and the standard indicators."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_noop

FIELDS = [
    ("kinh-te", gettext_noop("Kinh tế"), 1),
    ("van-hoa-xa-hoi", gettext_noop("Văn hóa - xã hội"), 2),
    ("quoc-phong-an-ninh", gettext_noop("Quốc phòng - an ninh"), 3),
    ("xay-dung-he-thong-chinh-tri", gettext_noop("Xây dựng hệ thống chính trị"), 4),
]

# (code, name, measure, aggregation, whole numbers, denominator label)
INDICATORS = [
    (
        "dvk-tong-so",
        "Số mô hình “Dân vận khéo” thực hiện trong kỳ",
        "mô hình",
        "sum",
        True,
        "",
    ),
    (
        "dvk-kinh-te",
        "Mô hình “Dân vận khéo” lĩnh vực kinh tế",
        "mô hình",
        "sum",
        True,
        "",
    ),
    (
        "dvk-van-hoa-xa-hoi",
        "Mô hình “Dân vận khéo” lĩnh vực văn hóa - xã hội",
        "mô hình",
        "sum",
        True,
        "",
    ),
    (
        "dvk-quoc-phong-an-ninh",
        "Mô hình “Dân vận khéo” lĩnh vực quốc phòng - an ninh",
        "mô hình",
        "sum",
        True,
        "",
    ),
    (
        "dvk-xay-dung-he-thong-chinh-tri",
        "Mô hình “Dân vận khéo” lĩnh vực xây dựng hệ thống chính trị",
        "mô hình",
        "sum",
        True,
        "",
    ),
    ("dvk-moi", "Mô hình “Dân vận khéo” mới", "mô hình", "sum", True, ""),
    ("dvk-nhan-rong", "Mô hình “Dân vận khéo” nhân rộng", "mô hình", "sum", True, ""),
    (
        "dvk-tieu-bieu",
        "Mô hình “Dân vận khéo” được khảo sát, công nhận tiêu biểu",
        "mô hình",
        "sum",
        True,
        "",
    ),
    (
        "dvk-luy-ke",
        "Tổng số mô hình “Dân vận khéo” hiện có (lũy kế)",
        "mô hình",
        "sum",
        True,
        "",
    ),
    (
        "gia-dinh-van-hoa",
        "Gia đình đạt danh hiệu “Gia đình văn hóa”",
        "gia đình",
        "ratio",
        True,
        "gia đình đăng ký",
    ),
    (
        "khu-dan-cu-van-hoa",
        "Khu dân cư (thôn, khu phố) đạt chuẩn văn hóa",
        "khu dân cư",
        "ratio",
        True,
        "khu dân cư",
    ),
    (
        "co-quan-van-hoa",
        "Cơ quan, trường học đạt chuẩn văn hóa",
        "cơ quan",
        "ratio",
        True,
        "cơ quan, trường học",
    ),
    ("hoi-vien-moi", "Hội viên, đoàn viên phát triển mới", "người", "sum", True, ""),
    (
        "kinh-phi-ho-tro",
        "Kinh phí hỗ trợ, giải ngân cho mô hình",
        "đồng",
        "sum",
        True,
        "",
    ),
    (
        "nha-dai-doan-ket",
        "Nhà tình nghĩa, đại đoàn kết xây mới, sửa chữa",
        "căn",
        "sum",
        True,
        "",
    ),
]


def ensure_reference_data(field_model: Any, indicator_model: Any) -> None:
    """Create or update the reference rows; the models may be historical ones."""
    from vn.text import fold

    for code, name, order in FIELDS:
        field_model.objects.update_or_create(
            code=code, defaults={"name": name, "order": order}
        )
    for code, name, measure, aggregation, whole, denominator in INDICATORS:
        indicator_model.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "measure": measure,
                "aggregation": aggregation,
                "whole_numbers": whole,
                "denominator_label": denominator,
                "search_key": fold(name),
            },
        )
