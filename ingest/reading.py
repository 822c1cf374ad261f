"""From a file's bytes to Vietnamese text (NFC), whatever the format and encoding.

Formats: plain text, HTML saved from a portal, DOCX, PDF with a text layer.
Encodings: UTF-8, UTF-16 (with or without a byte-order mark), Windows-1258,
and the legacy TCVN3 (ABC) and VNI font encodings, which are detected and
converted by ``viparse``. Anything else is refused with a message in
Vietnamese; nothing here ever executes or renders what it reads.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import viparse
from lxml import etree
from viparse.normalize.detector import detect_encoding_by_content
from viparse.normalize.encodings import get_charmap

from danvan.uploads import UploadRefused, check_archive
from vn.numbers import format_quantity
from vn.text import nfc

MAX_BYTES = 20 * 1024 * 1024
# A report runs to tens of pages; a PDF of hundreds is a book or a scan.
MAX_PDF_PAGES = 300
_HTML = re.compile(r"<\s*(!doctype\s+html|html|body|head|div|p|article)\b", re.I)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


# The legacy encodings Vietnamese offices actually used. viparse's automatic
# detection also weighs VISCII and VPS; on short TCVN3 texts VISCII scores
# close enough that it declines to choose, so the candidates are narrowed here.
_LEGACY = ("tcvn3", "vni")


def detect_legacy(text: str) -> str | None:
    """ "tcvn3", "vni" or None for text read through a single-byte code page."""
    charmaps = {name: get_charmap(name) for name in _LEGACY}
    verdict = detect_encoding_by_content(text, {k: v for k, v in charmaps.items() if v})
    encoding: str | None = verdict.encoding
    return encoding


_LOWER_START = "a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"


class ReadError(ValueError):
    """The file cannot be read; the message (Vietnamese) names the reason."""


@dataclass
class Source:
    name: str
    kind: str  # "text", "html", "docx", "pdf"
    encoding: str | None
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    # The tables of a DOCX or PDF, as rows of cells (ingest.extract.tables).
    tables: list[list[list[str]]] = field(default_factory=list)


# The longest text read: a year-end report of a province runs to about
# 100,000 characters; anything much longer is not one article or report, and
# the review page would be too long to check.
MAX_CHARS = 300_000


def read_bytes(data: bytes, name: str = "") -> Source:
    """Read ``data`` (the content of file ``name``) into text."""
    source = _read_bytes(data, name)
    if len(source.text) > MAX_CHARS:
        raise ReadError(
            f"Văn bản quá dài ({format_quantity(Decimal(len(source.text)))} ký tự); "
            f"chỉ nhận văn bản đến {format_quantity(Decimal(MAX_CHARS))} ký tự. "
            "Hãy tách thành nhiều tệp."
        )
    return source


def _read_bytes(data: bytes, name: str) -> Source:
    if not data or not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise ReadError("Tệp rỗng, không có nội dung.")
    if len(data) > MAX_BYTES:
        raise ReadError(
            f"Tệp quá lớn ({len(data) / 2**20:.0f} MB); chỉ nhận tệp đến "
            f"{MAX_BYTES // 2**20} MB."
        )
    if data.startswith(b"%PDF"):
        return _pdf(data, name)
    if data.startswith(b"PK\x03\x04"):
        return _docx(data, name)
    text, encoding = decode(data)
    if _HTML.search(text[:5000]):
        return _html(text, name, encoding)
    return Source(name, "text", encoding, _unwrapped(text))


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was in; legacy encodings converted to Unicode."""
    text, encoding = _decode_unicode(data)
    if text is None:
        html_charset = _CHARSET.search(data[:4096])
        declared = (
            html_charset.group(1).decode("ascii", "ignore").lower()
            if html_charset
            else ""
        )
        if declared in {"windows-1258", "cp1258"}:
            text, encoding = data.decode("cp1258", errors="replace"), "windows-1258"
        else:
            text, encoding = _decode_legacy(data)
    if len(_CONTROL.findall(text)) > max(8, len(text) // 50):
        raise ReadError("Tệp không phải văn bản (có quá nhiều ký tự điều khiển).")
    return nfc(text.replace("\r\n", "\n").replace("\r", "\n")), encoding


def _decode_unicode(data: bytes) -> tuple[str | None, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    sample = data[:4000]
    if len(sample) >= 4 and sample.count(b"\x00") > len(sample) // 4:
        odd_zeros = sample[1::2].count(b"\x00")
        codec = "utf-16-le" if odd_zeros > sample[0::2].count(b"\x00") else "utf-16-be"
        return data.decode(codec, errors="replace"), "utf-16"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _mostly_utf8(data)
    if _only_single_byte(text):
        # Legacy-font text pasted into a UTF-8 file ("ViÖt Nam"): genuine
        # Vietnamese has letters (ơ, ư, ạ, ế …) that no single-byte page holds.
        legacy = detect_legacy(text)
        if legacy:
            return viparse.fix(text, encoding=legacy), legacy
    return text, "utf-8"


def _mostly_utf8(data: bytes) -> tuple[str | None, str]:
    """A UTF-8 file with a few broken bytes stays UTF-8: the broken bytes
    become "�" and the encoding says how many there were ("utf-8 (3 byte
    lỗi)", shown on the review page). Only when broken sequences are common
    is it a legacy file."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if broken and multibyte >= 4 * broken:
        return text, f"utf-8 ({min(broken, 999)} byte lỗi)"
    return None, ""


def _only_single_byte(text: str) -> bool:
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Not UTF-8: TCVN3 or VNI (single-byte fonts read as Windows-1252), or
    Windows-1258."""
    as_latin = data.decode("cp1252", errors="replace")
    legacy = detect_legacy(as_latin)
    if legacy:
        return viparse.fix(as_latin, encoding=legacy), legacy
    return data.decode("cp1258", errors="replace"), "windows-1258"


def _html(text: str, name: str, encoding: str) -> Source:
    import trafilatura

    body = trafilatura.extract(
        text,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        favor_precision=True,
        deduplicate=False,
    )
    if not body or not body.strip():
        raise ReadError("Trang HTML không có nội dung bài viết đọc được.")
    meta = trafilatura.extract_metadata(text)
    metadata: dict[str, Any] = {}
    if meta is not None:
        metadata = {
            "title": meta.title,
            "date": meta.date,
            "author": meta.author,
        }
    return Source(name, "html", encoding, nfc(body), metadata)


def _docx(data: bytes, name: str) -> Source:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        if "word/document.xml" not in archive.namelist():
            raise ReadError("Tệp nén không phải văn bản DOCX.")
        check_archive(data)
        with archive.open("word/document.xml") as stream:
            lines, tables = _docx_lines(stream)
    except ReadError:
        raise
    except UploadRefused as exc:
        raise ReadError(str(exc)) from exc
    except Exception as exc:  # zipfile and lxml raise many kinds
        raise ReadError("Tệp DOCX bị hỏng hoặc không đầy đủ.") from exc
    text = nfc("\n".join(lines))
    if not text.strip():
        raise ReadError("Tệp DOCX không có chữ.")
    return Source(name, "docx", "utf-8", text, tables=tables)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _too_long(chars: int) -> ReadError:
    return ReadError(
        f"Văn bản quá dài (hơn {format_quantity(Decimal(chars))} ký tự); "
        f"chỉ nhận văn bản đến {format_quantity(Decimal(MAX_CHARS))} ký tự. "
        "Hãy tách thành nhiều tệp."
    )


def _docx_lines(stream: IO[bytes]) -> tuple[list[str], list[list[list[str]]]]:
    """The lines of a DOCX body in reading order, read as a stream: a
    paragraph is a line, a table row is its cells joined by " | "; and the
    body's tables as rows of cells (a table inside a cell is that cell's
    text). Memory
    stays flat whatever the document's size (each finished part is dropped),
    and reading stops as soon as the text is longer than MAX_CHARS."""
    lines: list[str] = []
    chars = 0
    paragraphs: list[list[str]] = []  # nested: a text box inside a paragraph
    tables: list[
        tuple[list[str], list[str]]
    ] = []  # (cells of the row, lines of the cell)
    skipping = 0  # inside an alternative that repeats what was read
    read_tables: list[list[list[str]]] = []
    for event, element in etree.iterparse(
        stream,
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
    ):
        tag = element.tag
        if tag == _FALLBACK:
            skipping += 1 if event == "start" else -1
            continue
        if skipping:
            continue
        if event == "start":
            if tag == f"{_W}p":
                paragraphs.append([])
            elif tag == f"{_W}tbl":
                tables.append(([], []))
                if len(tables) == 1:
                    read_tables.append([])
            continue
        if tag == f"{_W}t" and paragraphs:
            paragraphs[-1].append(element.text or "")
        elif tag == f"{_W}tab" and paragraphs:
            paragraphs[-1].append("\t")
        elif tag in (f"{_W}br", f"{_W}cr") and paragraphs:
            paragraphs[-1].append("\n")
        elif tag == f"{_W}p" and paragraphs:
            line = "".join(paragraphs.pop())
            if tables:
                tables[-1][1].append(line)
            else:
                lines.append(line)
                chars += len(line) + 1
        elif tag == f"{_W}tc" and tables:
            cells, cell_lines = tables[-1]
            cells.append("\n".join(cell_lines))
            cell_lines.clear()
        elif tag == f"{_W}tr" and tables:
            cells, _ = tables[-1]
            row = " | ".join(cells)
            if len(tables) == 1:
                read_tables[-1].append(list(cells))
            cells.clear()
            if len(tables) > 1:
                tables[-2][1].append(row)
            else:
                lines.append(row)
                chars += len(row) + 1
        elif tag == f"{_W}tbl" and tables:
            tables.pop()
        if chars > MAX_CHARS:
            raise _too_long(MAX_CHARS)
        if tag in (f"{_W}p", f"{_W}tbl") and not paragraphs and not tables:
            # A finished part of the body: drop it and what came before.
            element.clear()
            parent = element.getparent()
            while parent is not None and element.getprevious() is not None:
                del parent[0]
    return lines, read_tables


_BROKEN = re.compile(rf"(?<=[^\s.:;!?])[ \t]*\n(?=[{_LOWER_START}0-9])")
_CARRIES_ON = re.compile(rf"(?<=[^\s.:;!?])[ \t]*\n(?=[{_LOWER_START}])")


def _unwrapped(text: str) -> str:
    """Text copied from a PDF or an e-mail arrives hard-wrapped: lines of
    about the same length, broken inside sentences ("triển khai nhiệm vụ
    trọng\ntâm quý IV"). When most long lines end inside a sentence, a line
    that carries on in lower case is joined to the one before, as for PDFs.
    Ordinary text, one paragraph a line, is left as it is."""
    lines = [line for line in text.splitlines() if len(line.strip()) >= 40]
    if len(lines) < 5:
        return text
    open_ended = sum(1 for line in lines if line.rstrip()[-1] not in '.:;!?”")')
    if open_ended < 0.5 * len(lines):
        return text
    # Only before a lower-case letter: a date line under a headline stays.
    return _CARRIES_ON.sub(" ", text)


def _pdf_limits() -> tuple[float, int]:
    """Seconds and megabytes a PDF's reading may take (settings
    PDF_READ_SECONDS, PDF_READ_MEGABYTES)."""
    from django.conf import settings

    return (
        float(getattr(settings, "PDF_READ_SECONDS", 30)),
        int(getattr(settings, "PDF_READ_MEGABYTES", 512)),
    )


def _pdf(data: bytes, name: str) -> Source:
    """The PDF's text, read by ``ingest.pdf_text`` in a child process."""
    from ingest import pdf_text

    seconds, megabytes = _pdf_limits()
    try:
        child = subprocess.run(
            [
                sys.executable,
                "-m",
                "ingest.pdf_text",
                str(MAX_PDF_PAGES),
                str(MAX_CHARS),
                str(megabytes),
            ],
            input=data,
            capture_output=True,
            timeout=seconds,
            cwd=Path(__file__).resolve().parent.parent,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise ReadError(
            f"Đọc tệp PDF quá {seconds:.0f} giây (giới hạn cho mỗi tệp); tệp có thể "
            "bị hỏng hoặc được tạo để làm treo máy chủ. Hãy lưu lại thành PDF "
            "mới hoặc gửi bản DOCX."
        ) from exc
    answer = child.stdout.decode("utf-8", "replace")
    if child.returncode == pdf_text.TOO_MANY_PAGES:
        count = json.loads(answer)["pages"]
        raise ReadError(
            f"PDF có {format_quantity(Decimal(count))} trang; "
            f"chỉ nhận PDF đến {MAX_PDF_PAGES} trang. Hãy tách thành nhiều tệp."
        )
    if child.returncode == pdf_text.TOO_LONG:
        raise _too_long(MAX_CHARS)
    if child.returncode == pdf_text.OUT_OF_MEMORY:
        raise ReadError(
            f"Đọc tệp PDF cần hơn {megabytes} MB bộ nhớ (giới hạn cho mỗi tệp); "
            "tệp có thể bị hỏng. Hãy lưu lại thành PDF mới hoặc gửi bản DOCX."
        )
    if child.returncode != 0:
        raise ReadError("Tệp PDF bị hỏng hoặc không đọc được.")
    answer_json = json.loads(answer)
    pages = answer_json["pages"]
    tables = [
        [[nfc(cell or "") for cell in row] for row in table]
        for table in answer_json.get("tables", [])
    ]
    text = nfc("\n".join(pages))
    # A PDF breaks lines inside sentences: join a line to the one before when
    # it carries on in lower case ("Chủ tịch Ủy\nban MTTQ").
    text = _BROKEN.sub(" ", text)
    if len(text.strip()) < 20:
        raise ReadError(
            "PDF không có lớp chữ (có thể là bản quét); cần bản PDF có chữ hoặc DOCX."
        )
    return Source(name, "pdf", None, text, tables=tables)
