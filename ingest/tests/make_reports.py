"""Writes the project's own official-style reports (b01.docx, b02.pdf,
b03.pdf in ``articles/``): reports hold their figures in tables. The units,
people and figures are invented; the layout follows the Party's (the two-
column header, "BÁO CÁO" and its subject, the recipients and signature).

Run from the project root: ``uv run python ingest/tests/make_reports.py``.
PDFs are converted by LibreOffice (``soffice``), as offices make them.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.document import Document as Docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

ARTICLES = Path(__file__).resolve().parent / "articles"


def _header(doc: Docx, left: list[str], right: list[str]) -> None:
    table = doc.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (left, right), strict=True):
        cell.text = ""
        for i, line in enumerate(lines):
            paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(line)
            run.bold = i < 2


def _title(doc: Docx, subject: str) -> None:
    for text, bold in (("BÁO CÁO", True), (subject, True)):
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold = bold
        run.font.size = Pt(14)


def _table(doc: Docx, rows: list[list[str]]) -> None:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    doc.add_paragraph()


def _signature(doc: Docx, recipients: list[str], title: str, name: str) -> None:
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.text = "Nơi nhận:"
    for line in recipients:
        left.add_paragraph(line)
    right.text = title
    right.add_paragraph("")
    right.add_paragraph(name)


def b01() -> Docx:
    doc = Document()
    _header(
        doc,
        ["HUYỆN ỦY TÂN LẬP", "BAN DÂN VẬN", "*", "Số 52-BC/BDVHU"],
        ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "Tân Lập, ngày 12 tháng 12 năm 2024"],
    )
    _title(doc, "Kết quả thực hiện phong trào thi đua “Dân vận khéo” năm 2024")
    for text in (
        "Thực hiện Kế hoạch số 18-KH/BDVHU ngày 15/01/2024 của Ban Dân vận "
        "Huyện ủy về phong trào thi đua “Dân vận khéo” năm 2024, Ban Dân vận "
        "Huyện ủy Tân Lập báo cáo kết quả như sau:",
        "I. KẾT QUẢ THỰC HIỆN",
        "Năm 2024, các xã, thị trấn trong huyện Tân Lập đăng ký và thực hiện "
        "40 mô hình “Dân vận khéo”, trong đó có 9 mô hình mới. Số mô hình theo "
        "lĩnh vực ở từng xã, thị trấn như sau:",
    ):
        doc.add_paragraph(text)
    _table(
        doc,
        [
            [
                "TT",
                "Đơn vị",
                "Kinh tế",
                "Văn hóa - xã hội",
                "Quốc phòng - an ninh",
                "Xây dựng hệ thống chính trị",
                "Tổng số",
            ],
            ["1", "Xã An Hòa", "5", "7", "2", "1", "15"],
            ["2", "Xã Bình Minh", "4", "6", "1", "0", "11"],
            ["3", "Thị trấn Tân Lập", "3", "8", "2", "1", "14"],
            ["", "Tổng cộng", "12", "21", "5", "2", "40"],
        ],
    )
    for text in (
        "Các mô hình tập trung vào phát triển sản xuất, giữ gìn vệ sinh môi "
        "trường và bảo đảm an ninh trật tự ở khu dân cư.",
        "II. NHIỆM VỤ NĂM 2025",
        "Tiếp tục rà soát, nhân rộng các mô hình có hiệu quả; gắn phong trào "
        "với thực hiện nhiệm vụ chính trị của địa phương.",
    ):
        doc.add_paragraph(text)
    _signature(
        doc,
        ["- Ban Dân vận Tỉnh ủy (b/c),", "- Thường trực Huyện ủy (b/c),", "- Lưu."],
        "TRƯỞNG BAN",
        "Phạm Quang Hiếu",
    )
    return doc


def b02() -> Docx:
    doc = Document()
    _header(
        doc,
        ["ĐẢNG BỘ XÃ AN HÒA", "BAN XÂY DỰNG ĐẢNG", "*", "Số 07-BC/BXDĐ"],
        ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "An Hòa, ngày 15 tháng 6 năm 2026"],
    )
    _title(doc, "Sơ kết công tác dân vận 6 tháng đầu năm 2026")
    for text in (
        "Sáu tháng đầu năm 2026, thực hiện mô hình chính quyền địa phương hai "
        "cấp, Đảng ủy xã An Hòa chỉ đạo các chi bộ, Ủy ban MTTQ và các đoàn thể "
        "đẩy mạnh công tác dân vận, kết quả như sau:",
        "1. Phong trào thi đua “Dân vận khéo”",
        "Các thôn, chi hội đăng ký 20 mô hình “Dân vận khéo”, chia theo lĩnh "
        "vực như sau:",
    ):
        doc.add_paragraph(text)
    _table(
        doc,
        [
            ["Lĩnh vực", "Số mô hình", "Trong đó mô hình mới"],
            ["Kinh tế", "6", "2"],
            ["Văn hóa - xã hội", "9", "3"],
            ["Quốc phòng - an ninh", "3", "1"],
            ["Xây dựng hệ thống chính trị", "2", "0"],
            ["Tổng", "20", "6"],
        ],
    )
    doc.add_paragraph("2. Vận động Nhân dân tham gia các phong trào")
    _table(
        doc,
        [
            ["TT", "Nội dung", "Đơn vị tính", "Kết quả"],
            ["1", "Nhà đại đoàn kết xây mới và sửa chữa", "căn", "14"],
            ["2", "Kinh phí vận động xây nhà", "triệu đồng", "980"],
            ["3", "Ngày công lao động đóng góp", "ngày công", "2.450"],
            ["4", "Đường giao thông nông thôn được bê tông hóa", "km", "6,5"],
        ],
    )
    for text in (
        "3. Nhiệm vụ 6 tháng cuối năm 2026",
        "Tiếp tục nắm tình hình Nhân dân, giải quyết kịp thời kiến nghị chính "
        "đáng của người dân ngay tại cơ sở.",
    ):
        doc.add_paragraph(text)
    _signature(
        doc,
        ["- Ban Tuyên giáo và Dân vận Tỉnh ủy (b/c),", "- Lưu."],
        "T/M BAN XÂY DỰNG ĐẢNG\nTRƯỞNG BAN",
        "Đoàn Thị Thu Hà",
    )
    return doc


def b03() -> Docx:
    doc = Document()
    _header(
        doc,
        ["TỈNH ỦY BÌNH SƠN", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "*", "Số 112-BC/BTGDVTU"],
        ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "Bình Sơn, ngày 22 tháng 12 năm 2025"],
    )
    _title(doc, "Tổng kết phong trào thi đua “Dân vận khéo” năm 2025")
    for text in (
        "Năm 2025 là năm đầu tiên các xã, phường của tỉnh Bình Sơn vận hành "
        "chính quyền địa phương hai cấp sau sắp xếp. Ban Tuyên giáo và Dân vận "
        "Tỉnh ủy Bình Sơn tổng kết phong trào như sau:",
        "Toàn tỉnh có 126 mô hình “Dân vận khéo”; qua khảo sát, đánh giá, 31 "
        "mô hình được công nhận tiêu biểu. Số mô hình ở các xã, phường:",
    ):
        doc.add_paragraph(text)
    _table(
        doc,
        [
            [
                "Xã, phường",
                "Kinh tế",
                "Văn hóa - xã hội",
                "Quốc phòng - an ninh",
                "Xây dựng hệ thống chính trị",
                "Cộng",
            ],
            ["Xã An Hòa", "12", "15", "4", "3", "34"],
            ["Phường Tân Lập", "9", "20", "6", "5", "40"],
            ["Xã Bình Minh", "14", "11", "3", "2", "30"],
            ["Các cơ quan cấp tỉnh", "5", "9", "4", "4", "22"],
            ["Toàn tỉnh", "40", "55", "17", "14", "126"],
        ],
    )
    doc.add_paragraph("Khen thưởng các tập thể, cá nhân có thành tích xuất sắc:")
    _table(
        doc,
        [
            ["Hình thức khen thưởng", "Tập thể", "Cá nhân"],
            ["Bằng khen của Ban Thường vụ Tỉnh ủy", "6", "9"],
            ["Giấy khen của Ban Tuyên giáo và Dân vận Tỉnh ủy", "12", "20"],
        ],
    )
    doc.add_paragraph(
        "Năm 2026, mỗi xã, phường tiếp tục xây dựng mô hình mới gắn với nhiệm "
        "vụ phát triển kinh tế - xã hội của địa phương."
    )
    _signature(
        doc,
        ["- Ban Tuyên giáo và Dân vận Trung ương (b/c),", "- Lưu."],
        "K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN",
        "Lò Văn Thắm",
    )
    return doc


def _pdf(doc: Docx, name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{name}.docx"
        doc.save(str(source))
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, source],
            check=True,
            capture_output=True,
        )
        (ARTICLES / f"{name}.pdf").write_bytes((Path(tmp) / f"{name}.pdf").read_bytes())


if __name__ == "__main__":
    b01().save(str(ARTICLES / "b01.docx"))
    _pdf(b02(), "b02")
    _pdf(b03(), "b03")
