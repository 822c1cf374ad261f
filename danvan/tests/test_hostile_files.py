"""Crafted uploads are refused by what they declare, before a parser reads
them, with a Vietnamese message naming the limit; each is opened in a fresh
process whose peak resident memory must stay under 300 MB. The largest files
still under every limit are read within the same bound."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from danvan.tests import hostile_files as crafted

BOUND_MB = 300

REFUSED: list[tuple[str, Callable[[Path], Path], str]] = [
    # (read as, file, words of the message)
    ("article", crafted.docx_empty_paragraphs, "nén bất thường"),
    ("article", crafted.docx_zero_member, "chỉ nhận đến 40 MB mỗi thành phần"),
    ("article", crafted.docx_many_varied_paragraphs, "Văn bản quá dài"),
    ("import", crafted.xlsx_declared_cells, "Tệp khai báo 16.384 cột"),
    ("import", crafted.xlsx_far_cells_undeclared, "hơn 20.000 dòng"),
    ("import", crafted.xlsx_million_rows, "chỉ nhận đến 16 MB mỗi thành phần"),
    ("import", crafted.xlsx_shared_strings, "chỉ nhận đến 16 MB mỗi thành phần"),
    ("import", crafted.xlsx_varied_shared_strings, "chỉ nhận đến 16 MB"),
    # PDFs are read in a child process stopped after PDF_READ_SECONDS (3 s in
    # these tests) and held to PDF_READ_MEGABYTES.
    ("article", crafted.pdf_endless_text, "Đọc tệp PDF quá 3 giây"),
    ("article", crafted.pdf_inflate_bomb, "PDF bị hỏng"),
    # A template is held to 2 MB of XML, so the same file fails that first.
    ("template", crafted.docx_empty_paragraphs, "chỉ nhận đến 2 MB mỗi thành phần"),
]


@pytest.mark.parametrize(
    ("what", "build", "words"),
    REFUSED,
    ids=[f"{what}-{build.__name__}" for what, build, _ in REFUSED],
)
def test_a_crafted_file_is_refused_within_the_memory_bound(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    what: str,
    build: Callable[[Path], Path],
    words: str,
) -> None:
    monkeypatch.setenv("PDF_READ_SECONDS", "3")
    suffix = ".xlsx" if what == "import" else ".pdf" if "pdf" in build.__name__ else ""
    path = build(tmp_path / f"upload{suffix or '.docx'}")
    result = crafted.read_in_fresh_process(what, path, tmp_path)
    print(
        f"{what} {build.__name__}: {result['file_kb']:.0f} KB, "
        f"peak {result['peak_mb']:.0f} MB, child {result['child_peak_mb']:.0f} MB: "
        f"{result['message']}"
    )
    assert result["outcome"] == "refused"
    assert words in str(result["message"])
    assert float(str(result["peak_mb"])) < BOUND_MB
    # A PDF's reading process, counted from before it replaced the copy of
    # its parent (so this includes the parent's memory at the time).
    assert float(str(result["child_peak_mb"])) < BOUND_MB


def test_the_largest_accepted_files_are_read_within_the_memory_bound(
    tmp_path: Path,
) -> None:
    cases = [
        # 15 MB of the shortest shared strings: under the import's 16 MB.
        ("import", crafted.xlsx_varied_shared_strings(tmp_path / "s.xlsx", 15)),
        # 1.9 MB of short paragraphs: under the template's 2 MB.
        ("template", crafted.docx_many_varied_paragraphs(tmp_path / "t.docx", 1.9)),
        # 300 pages of text: the most pages a PDF may have.
        ("article", crafted.pdf_text_pages(tmp_path / "p.pdf")),
    ]
    for what, path in cases:
        result = crafted.read_in_fresh_process(what, path, tmp_path)
        print(
            f"{what} {path.name}: peak {result['peak_mb']:.0f} MB, "
            f"child {result['child_peak_mb']:.0f} MB"
        )
        assert result["outcome"] == "accepted", result["message"]
        assert float(str(result["peak_mb"])) < BOUND_MB
        assert float(str(result["child_peak_mb"])) < BOUND_MB
