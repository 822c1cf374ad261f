"""Dates as people here write them: day first, then month, then year."""

from __future__ import annotations

import datetime as dt
import time

# Typed dates: 17/07/2025, 17-07-2025, 17.07.2025, and 2025-07-17 (links and
# other systems). Never month first.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]


def parse_day(text: str) -> dt.date | None:
    """The date ``text`` writes in one of DATE_INPUT_FORMATS, else None."""
    text = text.strip()
    for pattern in DATE_INPUT_FORMATS:
        try:
            return dt.date(*time.strptime(text, pattern)[:3])
        except ValueError:
            continue
    return None
