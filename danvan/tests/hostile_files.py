"""Crafted hostile uploads (decompression bombs, oversized declarations) and
a reader that opens one in a fresh process and reports its peak memory.

Shared by the tests in test_hostile_files.py and by bench/hostile_files.py,
which prints the figures."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats'
    '.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def _docx(
    path: Path, body: bytes, extra: Callable[[zipfile.ZipFile], None] | None = None
) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", _DOCX_TYPES)
        z.writestr("_rels/.rels", _DOCX_RELS)
        z.writestr(
            "word/document.xml",
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            + f"<w:document {_W}><w:body>".encode()
            + body
            + b"</w:body></w:document>",
        )
        if extra is not None:
            extra(z)
    return path


def docx_empty_paragraphs(path: Path, count: int = 2_000_000) -> Path:
    """A few kilobytes that declare millions of empty paragraphs."""
    return _docx(path, b"<w:p/>" * count)


def docx_zero_member(path: Path, megabytes: int = 1024) -> Path:
    """A valid document beside a member of zeros that decompresses to
    ``megabytes`` MB (about a thousandth of that stored)."""

    def zeros(z: zipfile.ZipFile) -> None:
        chunk = bytes(2**20)
        with z.open("word/media/zero.bin", "w", force_zip64=True) as member:
            for _ in range(megabytes):
                member.write(chunk)

    return _docx(path, "<w:p><w:r><w:t>Hội nghị</w:t></w:r></w:p>".encode(), zeros)


def _varied(template: str, megabytes: float, seed: int) -> bytes:
    """``template`` filled with six random digits, repeated to ``megabytes``:
    short, all different, compressing about as much as real text does."""
    rng = random.Random(seed)
    parts: list[bytes] = []
    size = 0
    while size < megabytes * 2**20:
        part = template.format(rng.randrange(10**6)).encode()
        parts.append(part)
        size += len(part)
    return b"".join(parts)


def docx_many_varied_paragraphs(path: Path, megabytes: float = 22) -> Path:
    """A document under every archive limit that is as heavy to parse as such
    a document can be: hundreds of thousands of short, different paragraphs."""
    return _docx(path, _varied("<w:p><w:r><w:t>{:06d}</w:t></w:r></w:p>", megabytes, 4))


_XLSX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
_XLSX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats'
    '.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
_SS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WORKBOOK = (
    f'<workbook xmlns="{_SS}" xmlns:r="{_R}"><sheets>'
    '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats'
    '.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)


def _xlsx(path: Path, sheet: bytes, strings: bytes = b"") -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", _XLSX_TYPES)
        z.writestr("_rels/.rels", _XLSX_RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        z.writestr(
            "xl/sharedStrings.xml",
            f'<sst xmlns="{_SS}">'.encode() + strings + b"</sst>",
        )
        z.writestr(
            "xl/worksheets/sheet1.xml",
            f'<worksheet xmlns="{_SS}">'.encode() + sheet + b"</worksheet>",
        )
    return path


# The header of the import of models (work/imports.py), so that reading goes
# on past it to the rows.
_HEADERS = (
    "Tên mô hình",
    "Mã đơn vị",
    "Lĩnh vực",
    "Chủ thể",
    "Ngày đăng ký",
)
_HEADER_ROW = (
    '<row r="1">'
    + "".join(
        f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{h}</t></is></c>'
        for i, h in enumerate(_HEADERS)
    )
    + "</row>"
)


def xlsx_declared_cells(path: Path) -> Path:
    """1.7 KB that declares 20,000 rows × 16,384 columns."""
    sheet = (
        '<dimension ref="A1:XFD20000"/><sheetData>'
        + _HEADER_ROW
        + '<row r="20000"><c r="XFD20000"><v>1</v></c></row></sheetData>'
    )
    return _xlsx(path, sheet.encode())


def xlsx_far_cells_undeclared(path: Path) -> Path:
    """No declared size; a cell in the last column of row 1,000,000."""
    sheet = (
        "<sheetData>"
        + _HEADER_ROW
        + '<row r="1000000"><c r="XFD1000000"><v>1</v></c></row></sheetData>'
    )
    return _xlsx(path, sheet.encode())


def xlsx_million_rows(path: Path, rows: int = 1_000_000) -> Path:
    """A million real rows, their size declared."""
    body = [f'<dimension ref="A1:B{rows}"/><sheetData>'.encode(), _HEADER_ROW.encode()]
    body += [
        f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>'.encode()
        for n in range(2, rows + 1)
    ]
    body.append(b"</sheetData>")
    return _xlsx(path, b"".join(body))


def xlsx_shared_strings(path: Path, count: int = 3_000_000) -> Path:
    """Millions of shared strings in a file of about a megabyte."""
    return _xlsx(
        path,
        ("<sheetData>" + _HEADER_ROW + "</sheetData>").encode(),
        b"<si><t>x</t></si>" * count,
    )


def xlsx_varied_shared_strings(path: Path, megabytes: float = 22) -> Path:
    """Shared strings under every archive limit, as many as fit."""
    return _xlsx(
        path,
        ("<sheetData>" + _HEADER_ROW + "</sheetData>").encode(),
        _varied("<si><t>{:06d}</t></si>", megabytes, 5),
    )


def _pdf(path: Path, content: bytes, *, pages: int = 1) -> Path:
    """A PDF of ``pages`` pages sharing one Flate-compressed content stream
    (objects and cross-reference table written out by hand)."""
    import zlib

    stream = zlib.compress(content, 9)
    kids = " ".join(f"{6 + n} 0 R" for n in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode()
        + stream
        + b"\nendstream",
        b"<< /Font << /F1 3 0 R >> >>",
    ]
    objects += [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources 5 0 R /Contents 4 0 R >>"
    ] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    path.write_bytes(bytes(out))
    return path


def pdf_endless_text(path: Path, operators: int = 3_000_000) -> Path:
    """A page whose few hundred kilobytes inflate to millions of text
    operators: reading it takes minutes."""
    return _pdf(path, b"BT /F1 12 Tf 72 720 Td " + b"(Dan van) Tj " * operators + b"ET")


def pdf_inflate_bomb(path: Path, megabytes: int = 2048) -> Path:
    """A content stream of a few megabytes that inflates to gigabytes."""
    return _pdf(path, b" " * (megabytes * 2**20))


def pdf_text_pages(path: Path, pages: int = 300) -> Path:
    """The largest PDF accepted: 300 pages of ordinary text."""
    line = b"(Hoi nghi tong ket cong tac dan van nam 2025 cua xa) Tj T* "
    return _pdf(path, b"BT /F1 10 Tf 14 TL 40 800 Td " + line * 15 + b"ET", pages=pages)


_READER = r"""
import json, os, sys
import django
django.setup()
what, path = sys.argv[1], sys.argv[2]

def high_water_mb():
    # VmHWM: this process's own peak resident memory (ru_maxrss would carry
    # the peak of the process that started this one).
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM")

base = high_water_mb()
outcome, message = "accepted", ""
try:
    if what == "article":
        from ingest.reading import read_bytes
        with open(path, "rb") as f:
            read_bytes(f.read(), os.path.basename(path))
    elif what == "import":
        from work.imports import KINDS, _read
        with open(path, "rb") as f:
            _read(KINDS["mo-hinh"], f)
    elif what == "template":
        from reports.documents.templates import check_template
        with open(path, "rb") as f:
            check_template(f.read())
except Exception as exc:
    outcome = "refused"
    message = "; ".join(getattr(exc, "messages", None) or [str(exc)])
import resource
# The peak of a child process the reading started (a PDF is read in one).
child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"outcome": outcome, "message": message,
                  "base_mb": base, "peak_mb": high_water_mb(),
                  "child_peak_mb": child}))
"""


def read_in_fresh_process(what: str, path: Path, var_dir: Path) -> dict[str, object]:
    """Open ``path`` as an article, an import or a report template in a new
    Python process; the outcome, the message and the process's peak memory
    (MB, resident) before and after reading."""
    env = dict(os.environ)
    env.update(DJANGO_SETTINGS_MODULE="danvan.settings", DANVAN_VAR_DIR=str(var_dir))
    done = subprocess.run(
        [sys.executable, "-c", _READER, what, str(path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    result["file_kb"] = path.stat().st_size / 1024
    return result
