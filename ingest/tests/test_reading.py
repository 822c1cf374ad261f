"""Reading files: formats, encodings, and bad input that must be refused cleanly."""

from __future__ import annotations

import io
import unicodedata
import zipfile

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.cleaning import clean_text
from ingest.extract import extract
from ingest.reading import MAX_BYTES, ReadError, read_bytes

SENTENCE = "Ban Dân vận Huyện ủy Gia Viễn tổng kết công tác dân vận năm 2023"
_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}


def cp1258(text: str) -> bytes:
    """Windows-1258 keeps letter shapes precomposed and tones as combining marks."""
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in _TONES)
        base = unicodedata.normalize(
            "NFC", "".join(c for c in parts if c not in _TONES)
        )
        out.append(base + tones)
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SENTENCE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"), "utf-8"),
        (SENTENCE.encode("utf-16"), "utf-16"),  # with a byte-order mark
        (SENTENCE.encode("utf-16-le"), "utf-16"),
        (SENTENCE.encode("utf-16-be"), "utf-16"),
        (unicodedata.normalize("NFD", SENTENCE).encode("utf-8"), "utf-8"),
        (cp1258(SENTENCE), "windows-1258"),
    ],
)
def test_unicode_and_windows_1258_are_read_as_nfc(data, encoding):
    source = read_bytes(data, "bai.txt")
    assert source.text == SENTENCE
    assert source.encoding == encoding
    assert unicodedata.is_normalized("NFC", source.text)


@pytest.mark.parametrize(
    ("legacy", "encoding"),
    [
        ("Ban D©n vËn HuyÖn ñy Gia ViÔn tæng kÕt c«ng t¸c d©n vËn n¨m 2023", "tcvn3"),
        ("Céng hßa x· héi chñ nghÜa ViÖt Nam", "tcvn3"),
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "vni"),
    ],
)
def test_legacy_font_encodings_are_converted(legacy, encoding):
    source = read_bytes(legacy.encode("cp1252"), "cu.txt")
    assert source.encoding == encoding
    assert source.text in {SENTENCE, "Cộng hòa xã hội chủ nghĩa Việt Nam"}


def test_a_legacy_text_saved_as_utf8_is_converted_too():
    source = read_bytes("Céng hßa x· héi chñ nghÜa ViÖt Nam".encode(), "cu.txt")
    assert source.text == "Cộng hòa xã hội chủ nghĩa Việt Nam"


def test_html_keeps_the_article_and_never_runs_scripts():
    page = """<!doctype html><html><head><meta charset="utf-8">
    <title>Phường An Khê tổng kết công tác dân vận năm 2024 - Cổng thông tin điện tử</title>
    <script>alert('x'); document.write('Số lượt truy cập: 99');</script></head>
    <body><nav><a href="/">Trang chủ</a> | <a href="/tin">Tin tức</a> | <a>Liên hệ</a></nav>
    <article><h1>Phường An Khê tổng kết công tác dân vận năm 2024</h1>
    <p>Sáng ngày 08/01/2025, Khối dân vận phường An Khê tổ chức hội nghị tổng kết
    công tác dân vận năm 2024, triển khai nhiệm vụ năm 2025.</p>
    <p>Tham dự hội nghị có đồng chí Nguyễn Thị Lan, Phó Bí thư Thường trực Đảng ủy phường.</p>
    <p>Năm 2024, toàn phường đăng ký 12 mô hình “Dân vận khéo”.</p></article>
    <aside><h3>Tin mới nhất</h3><ul><li>Ông Trần Văn Tư được bầu làm Chủ tịch</li></ul></aside>
    <footer>Đang truy cập: 12 · Tổng lượt truy cập: 1.234.567</footer></body></html>"""
    source = read_bytes(page.encode(), "trang.html")
    assert source.kind == "html"
    assert "alert" not in source.text and "document.write" not in source.text
    assert "Tổng lượt truy cập" not in source.text
    facts = extract(source.text, source.metadata)
    assert (
        facts["source"]["title"] == "Phường An Khê tổng kết công tác dân vận năm 2024"
    )
    assert facts["initiatives"]["total"] == 12
    assert [a["name"] for a in facts["attendees"]] == ["Nguyễn Thị Lan"]


def _docx(paragraphs: list[str]) -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_is_read():
    source = read_bytes(_docx([SENTENCE, "Năm 2023 có 78 mô hình."]), "bc.docx")
    assert source.kind == "docx"
    assert SENTENCE in source.text


def test_docx_tables_are_read_in_place_with_merged_cells_once():
    document = Document()
    document.add_paragraph("Kết quả như sau:")
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Mô hình"
    table.cell(0, 2).text = "Số lượng"
    table.cell(1, 0).text = "Kinh tế"
    table.cell(1, 1).text = "xã An Phú"
    table.cell(1, 2).text = "21"
    document.add_paragraph("Sau bảng.\tHết.")
    buffer = io.BytesIO()
    document.save(buffer)
    source = read_bytes(buffer.getvalue(), "bang.docx")
    assert source.text.splitlines() == [
        "Kết quả như sau:",
        "Mô hình | Số lượng",
        "Kinh tế | xã An Phú | 21",
        "Sau bảng.\tHết.",
    ]


def test_pdf_with_a_text_layer_is_read(tmp_path):
    from reports.documents import docx_to_pdf, soffice

    if soffice() is None:
        pytest.skip("LibreOffice is not installed: no PDF to read")
    pdf = docx_to_pdf(_docx([SENTENCE]))
    source = read_bytes(pdf, "bc.pdf")
    assert source.kind == "pdf"
    assert "Gia Viễn" in source.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "rỗng"),
        (b"   \n\n  ", "rỗng"),
        (bytes(range(256)) * 40, "không phải văn bản"),
        (_docx([SENTENCE])[:700], "DOCX bị hỏng"),
        (b"PK\x03\x04" + b"\x00" * 200, "DOCX bị hỏng"),
        (b"%PDF-1.4\n%%EOF", "PDF"),
    ],
)
def test_bad_files_get_a_clear_message(data, message):
    with pytest.raises(ReadError, match=message):
        read_bytes(data, "x")


def test_a_pdf_without_a_text_layer_is_refused():
    """A scanned page: an image and no text, as a scanner would produce."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(2, 2))
    import numpy

    figure.figimage(numpy.linspace(0, 1, 400).reshape(20, 20), resize=True)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="pdf")
    with pytest.raises(ReadError, match="không có lớp chữ"):
        read_bytes(buffer.getvalue(), "scan.pdf")


def test_a_zip_that_is_not_a_docx_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "xin chào")
    with pytest.raises(ReadError, match="không phải văn bản DOCX"):
        read_bytes(buffer.getvalue(), "a.zip")


def test_a_file_over_the_limit_is_refused_before_reading():
    with pytest.raises(ReadError, match="quá lớn"):
        read_bytes(b"a" * (MAX_BYTES + 1), "lon.txt")


def test_site_chrome_is_removed_from_plain_text():
    text = "\n".join(
        [
            "0235.3867334",
            "A- A A+ | Tăng tương phản Giảm tương phản",
            "Trang chủ | Giới thiệu | Tin tức | Liên hệ",
            "Tiêu đề bài viết về công tác dân vận",
            "Nội dung bài viết.",
            "Tác giả: Minh An",
            "Tổng số điểm của bài viết là: 5 trong 1 đánh giá",
            "Click để đánh giá bài viết",
            "Bài viết khác",
            "Ông Nguyễn Văn Khác dự lễ ở nơi khác",
            "Số lượt truy cập: 123456",
            "Bạn đã không sử dụng Site, Bấm vào đây để duy trì trạng thái đăng nhập. "
            "Thời gian chờ: 60 giây",
        ]
    )
    assert clean_text(text) == (
        "Tiêu đề bài viết về công tác dân vận\nNội dung bài viết.\nTác giả: Minh An"
    )


@settings(
    max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.binary(max_size=3000))
def test_any_bytes_are_read_or_refused_never_crash(data):
    try:
        source = read_bytes(data, "x")
    except ReadError as exc:
        message = str(exc)
    else:
        facts = extract(source.text, source.metadata)
        assert set(facts) >= {"source", "event", "attendees", "initiatives"}
        message = "đọc được"
    assert message


_GENRE = st.sampled_from(
    [
        "Sáng ngày ",
        "10/01",
        "/2024",
        ", ",
        "Ban Dân vận Huyện ủy ",
        "tổ chức hội nghị tổng kết ",
        "năm 2023",
        ". ",
        "Tham dự có đồng chí ",
        "Nguyễn Văn A",
        " - Phó Bí thư",
        "; đ/c ",
        "ông ",
        "bà ",
        "52 mô hình ",
        "lĩnh vực kinh tế 21 mô hình",
        "tặng giấy khen cho 02 tập thể và 02 cá nhân",
        "“Dân vận khéo”",
        "“",
        "”",
        "3.374",
        "96,99%",
        "90 triệu",
        "\n",
        "\n\n",
        "Tác giả: ",
        "7/7 khu phố đạt",
        "từ ngày 17/7 đến ngày 31/7/2023",
        "chỉ tiêu xây nhà từ 01 căn trở lên",
        "ký kết chương trình phối hợp giữa A và B, C",
    ]
)


@settings(
    max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.lists(st.one_of(_GENRE, st.text(max_size=20)), max_size=60))
def test_extraction_never_crashes_on_genre_like_text(parts):
    facts = extract("".join(parts))
    for attendee in facts["attendees"]:
        assert attendee["name"]
    for award in facts["awards"]:
        assert award["collectives"] >= 0 and award["individuals"] >= 0


def test_a_utf8_file_with_a_few_broken_bytes_stays_utf8():
    text = "Hội nghị tổng kết công tác dân vận năm 2024 của xã Hòa Tiến. " * 20
    data = text.encode("utf-8")
    broken = data.replace(b". ", b".\xff ", 2)  # two stray bytes, between words
    source = read_bytes(broken, "bai.txt")
    assert source.encoding == "utf-8 (2 byte lỗi)"
    assert "Hội nghị tổng kết công tác dân vận" in source.text
    assert source.text.count("\ufffd") == 2


def test_a_text_longer_than_the_limit_is_refused_with_its_length():
    from ingest.reading import MAX_CHARS

    data = ("Hội nghị tổng kết công tác dân vận. " * (MAX_CHARS // 30)).encode()
    with pytest.raises(ReadError, match=r"Văn bản quá dài \([\d.]+ ký tự\); chỉ nhận"):
        read_bytes(data, "dai.txt")


def test_hard_wrapped_text_is_joined_where_sentences_carry_on():
    """Text copied from a PDF or an e-mail, broken inside sentences, reads as
    its sentences; a date line under the headline stays a line of its own."""
    wrapped = (
        "Khối Dân vận xã Hòa Bình giao ban công tác dân vận quý II, triển khai\n"
        "nhiệm vụ quý III.2024\n"
        "15/7/2024\n"
        "Chiều 12/7, Khối Dân vận xã Hòa Bình tổ chức hội nghị giao ban công\n"
        "tác dân vận quý II, triển khai nhiệm vụ trọng tâm quý III năm 2024 với\n"
        "sự tham dự của đại diện các đoàn thể và trưởng các thôn trên địa bàn\n"
        "xã. Trong quý, các đoàn thể đã vận động nhân dân hiến đất làm đường\n"
        "giao thông, sửa chữa nhà văn hóa thôn và dọn vệ sinh môi trường chung.\n"
    )
    text = read_bytes(wrapped.encode(), "bai.txt").text
    lines = text.splitlines()
    assert lines[0].endswith("triển khai nhiệm vụ quý III.2024")
    assert lines[1] == "15/7/2024"
    assert "hội nghị giao ban công tác dân vận quý II" in lines[2]
    assert "trên địa bàn xã. Trong quý" in lines[2]


def test_text_with_a_paragraph_a_line_is_left_as_it_is():
    plain = (
        "Khối Dân vận xã Hòa Bình tổng kết công tác dân vận năm 2024\n"
        "Ngày 10/01/2025, Khối Dân vận xã Hòa Bình tổ chức hội nghị tổng kết.\n"
        "các đoàn thể báo cáo kết quả vận động nhân dân trong năm vừa qua\n"
        "Hội nghị biểu dương 5 tập thể và 7 cá nhân có thành tích xuất sắc.\n"
        "Đồng chí Bí thư Đảng ủy xã phát biểu chỉ đạo nhiệm vụ năm 2025.\n"
        "Hội nghị kết thúc trong không khí phấn khởi của các đại biểu dự họp.\n"
    )
    assert read_bytes(plain.encode(), "bai.txt").text.splitlines() == (
        plain.splitlines()
    )
