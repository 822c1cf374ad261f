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
        gettext_noop("Số mô hình “Dân vận khéo” thực hiện trong kỳ"),
        gettext_noop("mô hình"),
        "sum",
        True,
        "",
    ),
    (
        "dvk-kinh-te",
        gettext_noop("Mô hình “Dân vận khéo” lĩnh vực kinh tế"),
        gettext_noop("mô hình"),
        "sum",
        True,
        "",
    ),
    (
        "dvk-van-hoa-xa-hoi",
        gettext_noop("Mô hình “Dân vận khéo” lĩnh vực văn hóa - xã hội"),
        gettext_noop("mô hình"),
        "sum",
        True,
        "",
    ),
    (
        "dvk-quoc-phong-an-ninh",
        gettext_noop("Mô hình “Dân vận khéo” lĩnh vực quốc phòng - an ninh"),
        gettext_noop("mô hình"),
        "sum",
        True,
        "",
    ),
    (
        "dvk-xay-dung-he-thong-chinh-tri",
        gettext_noop("Mô hình “Dân vận khéo” lĩnh vực xây dựng hệ thống chính trị"),
        gettext_noop("mô hình"),
        "sum",
        True,
        "",
    ),
    (
        "dvk-moi",
        gettext_noop("Mô hình “Dân vận khéo” mới"),
        gettext_noop("mô hình"),
        "sum",
        True,
        "",
    ),
    (
        "dvk-nhan-rong",
        gettext_noop("Mô hình “Dân vận khéo” nhân rộng"),
        gettext_noop("mô hình"),
        "sum",
        True,
        "",
    ),
    (
        "dvk-tieu-bieu",
        gettext_noop("Mô hình “Dân vận khéo” được khảo sát, công nhận tiêu biểu"),
        gettext_noop("mô hình"),
        "sum",
        True,
        "",
    ),
    (
        "dvk-luy-ke",
        gettext_noop("Tổng số mô hình “Dân vận khéo” hiện có (lũy kế)"),
        gettext_noop("mô hình"),
        "sum",
        True,
        "",
    ),
    (
        "gia-dinh-van-hoa",
        gettext_noop("Gia đình đạt danh hiệu “Gia đình văn hóa”"),
        gettext_noop("gia đình"),
        "ratio",
        True,
        gettext_noop("gia đình đăng ký"),
    ),
    (
        "khu-dan-cu-van-hoa",
        gettext_noop("Khu dân cư (thôn, khu phố) đạt chuẩn văn hóa"),
        gettext_noop("khu dân cư"),
        "ratio",
        True,
        gettext_noop("khu dân cư"),
    ),
    (
        "co-quan-van-hoa",
        gettext_noop("Cơ quan, trường học đạt chuẩn văn hóa"),
        gettext_noop("cơ quan"),
        "ratio",
        True,
        gettext_noop("cơ quan, trường học"),
    ),
    (
        "hoi-vien-moi",
        gettext_noop("Hội viên, đoàn viên phát triển mới"),
        gettext_noop("người"),
        "sum",
        True,
        "",
    ),
    (
        "kinh-phi-ho-tro",
        gettext_noop("Kinh phí hỗ trợ, giải ngân cho mô hình"),
        gettext_noop("đồng"),
        "sum",
        True,
        "",
    ),
    (
        "nha-dai-doan-ket",
        gettext_noop("Nhà tình nghĩa, đại đoàn kết xây mới, sửa chữa"),
        gettext_noop("căn"),
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
