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
    # A template is held to 2 MB of XML, so the same file fails that first.
    ("template", crafted.docx_empty_paragraphs, "chỉ nhận đến 2 MB mỗi thành phần"),
]


@pytest.mark.parametrize(
    ("what", "build", "words"),
    REFUSED,
    ids=[f"{what}-{build.__name__}" for what, build, _ in REFUSED],
)
def test_a_crafted_file_is_refused_within_the_memory_bound(
    tmp_path: Path, what: str, build: Callable[[Path], Path], words: str
) -> None:
    path = build(tmp_path / ("upload.xlsx" if what == "import" else "upload.docx"))
    result = crafted.read_in_fresh_process(what, path, tmp_path)
    print(
        f"{what} {build.__name__}: {result['file_kb']:.0f} KB, "
        f"peak {result['peak_mb']:.0f} MB: {result['message']}"
    )
    assert result["outcome"] == "refused"
    assert words in str(result["message"])
    assert float(str(result["peak_mb"])) < BOUND_MB


def test_the_largest_accepted_files_are_read_within_the_memory_bound(
    tmp_path: Path,
) -> None:
    cases = [
        # 15 MB of the shortest shared strings: under the import's 16 MB.
        ("import", crafted.xlsx_varied_shared_strings(tmp_path / "s.xlsx", 15)),
        # 1.9 MB of short paragraphs: under the template's 2 MB.
        ("template", crafted.docx_many_varied_paragraphs(tmp_path / "t.docx", 1.9)),
    ]
    for what, path in cases:
        result = crafted.read_in_fresh_process(what, path, tmp_path)
        print(f"{what} {path.name}: peak {result['peak_mb']:.0f} MB")
        assert result["outcome"] == "accepted", result["message"]
        assert float(str(result["peak_mb"])) < BOUND_MB
