"""The little markup of a report's sections, shared by the page and the DOCX.

A line is a paragraph; a line starting with "- " (or "+ ", "• ", "* ") is a
bullet; text between ** and ** is bold. Nothing else is interpreted, so what
staff type is what the document says. Pure functions: no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vn.text import nfc

_BULLET = re.compile(r"^\s*(?:[-+•*])\s+")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


@dataclass(frozen=True)
class Block:
    """A paragraph or a bullet, as runs of (text, bold)."""

    bullet: bool
    runs: tuple[tuple[str, bool], ...]

    @property
    def text(self) -> str:
        return "".join(text for text, _bold in self.runs)


def normalize_markup(text: str) -> str:
    """NFC, one bullet sign ("- "), no trailing spaces, no empty lines."""
    lines = []
    for line in nfc(text).replace("\r\n", "\n").split("\n"):
        line = line.rstrip()
        if not line.strip():
            continue
        if _BULLET.match(line):
            line = "- " + _BULLET.sub("", line, count=1)
        lines.append(line.strip() if not line.startswith("- ") else line)
    return "\n".join(lines)


def runs(line: str) -> tuple[tuple[str, bool], ...]:
    """A line's runs: plain and **bold** parts, in order."""
    found: list[tuple[str, bool]] = []
    position = 0
    for match in _BOLD.finditer(line):
        if match.start() > position:
            found.append((line[position : match.start()], False))
        found.append((match.group(1), True))
        position = match.end()
    if position < len(line):
        found.append((line[position:], False))
    return tuple(found)


def blocks(text: str) -> list[Block]:
    """The paragraphs and bullets of a section's text."""
    result = []
    for line in normalize_markup(text).split("\n"):
        if not line:
            continue
        bullet = line.startswith("- ")
        result.append(Block(bullet=bullet, runs=runs(line[2:] if bullet else line)))
    return result
