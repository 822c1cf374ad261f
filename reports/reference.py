"""The default outline of a báo cáo sơ kết/tổng kết công tác dân vận.

Loaded by a data migration and by ``ensure_outline`` (tests that flush the
tables call it again). An administrator edits it, or gives a level an outline
of its own, on the page "Đề cương báo cáo".
"""

from __future__ import annotations

from typing import Any

# (key, title, prompt, required, children)
DEFAULT_OUTLINE: list[tuple[str, str, str, bool, list[tuple[str, str, str, bool]]]] = [
    (
        "ket-qua",
        "Kết quả thực hiện công tác dân vận {ky}",
        "",
        False,
        [
            (
                "lanh-dao",
                "Công tác lãnh đạo, chỉ đạo",
                "Việc cấp ủy quán triệt, ban hành văn bản, tổ chức hội nghị, kiểm "
                "tra, giám sát về công tác dân vận trong kỳ.",
                False,
            ),
            (
                "chinh-quyen",
                "Công tác dân vận của cơ quan nhà nước, chính quyền",
                "Tiếp công dân, đối thoại với Nhân dân, giải quyết kiến nghị; cải "
                "cách hành chính; tác phong, thái độ của cán bộ, công chức.",
                False,
            ),
            (
                "mat-tran",
                "Hoạt động của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội",
                "Phát triển hội viên, đoàn viên; các cuộc vận động, phong trào; "
                "giám sát, phản biện xã hội; kết quả các chỉ tiêu.",
                False,
            ),
            (
                "dan-van-kheo",
                "Phong trào thi đua “Dân vận khéo”",
                "Số mô hình, điển hình theo lĩnh vực, so với cùng kỳ; các mô hình "
                "tiêu biểu; khen thưởng.",
                False,
            ),
            (
                "dan-chu",
                "Thực hiện dân chủ ở cơ sở",
                "Kết quả thực hiện Luật Thực hiện dân chủ ở cơ sở; hoạt động của "
                "Ban Chỉ đạo; những nơi còn vướng mắc.",
                False,
            ),
            (
                "phoi-hop",
                "Phối hợp với lực lượng vũ trang và các ngành",
                "Các chương trình phối hợp đã ký (với công an, quân sự, các ngành) "
                "và kết quả thực hiện.",
                False,
            ),
            (
                "chien-dich",
                "Các đợt ra quân, chiến dịch và chỉ tiêu",
                "Các đợt ra quân, chiến dịch công tác dân vận; chỉ tiêu đề ra và "
                "kết quả đạt được.",
                False,
            ),
        ],
    ),
    (
        "danh-gia",
        "Đánh giá chung",
        "",
        False,
        [
            (
                "uu-diem",
                "Ưu điểm",
                "Những kết quả nổi bật, chuyển biến so với cùng kỳ.",
                True,
            ),
            (
                "han-che",
                "Hạn chế",
                "Những việc chưa đạt, chỉ tiêu chưa hoàn thành, đơn vị còn chậm.",
                True,
            ),
            (
                "nguyen-nhan",
                "Nguyên nhân",
                "Nguyên nhân khách quan, chủ quan của ưu điểm và hạn chế.",
                False,
            ),
            (
                "bai-hoc",
                "Bài học kinh nghiệm",
                "Những bài học rút ra từ thực tiễn lãnh đạo, chỉ đạo trong kỳ.",
                False,
            ),
        ],
    ),
    (
        "phuong-huong",
        "Phương hướng, nhiệm vụ {ky_toi}",
        "Các nhiệm vụ trọng tâm, chỉ tiêu, đợt ra quân của kỳ tới.",
        True,
        [],
    ),
    (
        "de-xuat",
        "Đề xuất, kiến nghị",
        "Đề xuất, kiến nghị với cấp trên (nếu có).",
        False,
        [],
    ),
]


def ensure_outline(outline_section: Any) -> None:
    """Create the default outline if it is not there (``outline_section`` is
    the model, historical in migrations)."""
    if outline_section.objects.filter(level__isnull=True).exists():
        return
    order = 0
    for key, title, prompt, required, children in DEFAULT_OUTLINE:
        order += 1
        part = outline_section.objects.create(
            level=None,
            key=key,
            title=title,
            prompt=prompt,
            required=required,
            order=order,
        )
        for child_key, child_title, child_prompt, child_required in children:
            order += 1
            outline_section.objects.create(
                level=None,
                parent=part,
                key=child_key,
                title=child_title,
                prompt=child_prompt,
                required=child_required,
                order=order,
            )
