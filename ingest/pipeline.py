"""File to facts: read, clean, extract. The one entry point for the command
line, the review pages and the batch jobs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ingest.cleaning import clean_text
from ingest.extract import extract
from ingest.reading import Source, read_bytes


@dataclass
class Ingested:
    source: Source
    cleaned: str
    facts: dict[str, Any]


def ingest_bytes(data: bytes, name: str = "") -> Ingested:
    """Raise ReadError (message in Vietnamese) when the file cannot be read."""
    source = read_bytes(data, name)
    return Ingested(
        source,
        clean_text(source.text),
        extract(source.text, source.metadata, source.tables),
    )
