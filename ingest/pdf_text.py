"""A PDF's text, read in a child process bounded in time and memory.

A PDF can make its reader work without end: a content stream that inflates
to hundreds of megabytes of text operators, or objects that refer to one
another in long chains. pypdf has no time limit of its own, and a thread
cannot be stopped, so the reading runs in a separate Python process (this
module, ``python -m ingest.pdf_text``): the file on standard input, the
pages' text as JSON on standard output. The parent stops it after
``PDF_READ_SECONDS`` and the operating system stops it beyond
``PDF_READ_MEGABYTES`` of memory; either way the upload gets a message
naming the limit, and the web or worker process itself never holds more
than the file.

The child imports pypdf and pdfplumber alone (not Django): it starts in a
fraction of a second. pypdf reads the text; pdfplumber finds the tables
(drawn with ruled lines, as offices' reports are) and reads their cells.
"""

from __future__ import annotations

import io
import json
import os
import sys

# Exit codes of the child, read by the parent (ingest.reading).
DAMAGED = 3
TOO_MANY_PAGES = 4
TOO_LONG = 5
OUT_OF_MEMORY = 6


def main() -> int:
    max_pages, max_chars, megabytes = (int(a) for a in sys.argv[1:4])
    # The operating system refuses this process more address space than
    # that: pypdf gets a MemoryError instead of the machine swapping.
    import resource

    limit = megabytes * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    data = sys.stdin.buffer.read()
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        count = len(reader.pages)
        if count > max_pages:
            json.dump({"pages": count}, sys.stdout)
            return TOO_MANY_PAGES
        pages: list[str] = []
        chars = 0
        for page in reader.pages:
            text = page.extract_text() or ""
            chars += len(text)
            if chars > max_chars:
                json.dump({"chars": chars}, sys.stdout)
                return TOO_LONG
            pages.append(text)
        tables = _tables(data)
    except MemoryError:
        os._exit(OUT_OF_MEMORY)
    except Exception:  # pypdf raises many kinds on damaged files
        return DAMAGED
    json.dump({"pages": pages, "tables": tables}, sys.stdout, ensure_ascii=False)
    return 0


def _tables(data: bytes) -> list[list[list[str]]]:
    """The tables drawn with ruled lines (as offices' reports are), by
    pdfplumber: rows of cells, a cell's lines joined by a space."""
    import pdfplumber

    found: list[list[list[str]]] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                found.append(
                    [[" ".join((cell or "").split()) for cell in row] for row in table]
                )
            page.close()
    return found


if __name__ == "__main__":
    sys.exit(main())
