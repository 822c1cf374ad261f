"""The article itself: headline, publication date, byline."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ingest.extract.text import (
    DATELINE,
    NAME_WORD,
    PUBLISHED,
    Context,
    is_dateline,
    make_date,
    tidy,
)

_LEAD_START = re.compile(
    r"^(?:(?:sáng|chiều|tối|trưa)\s+)?(?:ngày|hôm nay|vừa qua|mới đây|trong (?:hai )?ngày)\b",
    re.I,
)


def headline(context: Context, metadata: dict[str, Any]) -> str | None:
    if metadata.get("title"):
        title = re.split(
            r"\s+[|–—-]\s+(?=(?:Cổng|Trang|Báo|Website)\b)", metadata["title"]
        )[0]
        return _clean_title(title)
    for paragraph in context.paragraphs[:3]:
        if is_dateline(paragraph):
            continue
        if _LEAD_START.search(paragraph) or len(paragraph) > 400:
            return None  # the article starts with its lead: no headline
        if len(paragraph) >= 15:
            return _clean_title(paragraph)
    return None


def _clean_title(title: str) -> str:
    return " ".join(title.split())


def published_on(context: Context, metadata: dict[str, Any]) -> dt.date | None:
    if metadata.get("date"):
        try:
            return dt.date.fromisoformat(str(metadata["date"])[:10])
        except ValueError:
            pass
    for paragraph in context.paragraphs[:6]:
        match = DATELINE.search(paragraph) or PUBLISHED.search(paragraph)
        if match:
            return make_date(*match.groups())
    return None


_BYLINE = re.compile(
    r"^(?:tác giả(?: bài viết)?|người viết|bài và ảnh|bài, ảnh|tin, ảnh|tin và ảnh)\s*:\s*(.+)$",
    re.I,
)
_NAME_ONLY = re.compile(
    rf"^({NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})\s*(?:\([^)]*\))?\.?$"
)


def byline(context: Context, metadata: dict[str, Any]) -> str | None:
    for paragraph in reversed(context.paragraphs[-4:]):
        match = _BYLINE.search(paragraph)
        if match:
            return tidy(re.sub(r"\([^)]*\)", "", match.group(1))) or None
    if context.paragraphs:
        last = context.paragraphs[-1]
        match = _NAME_ONLY.search(last)
        if match and not any(ch.isdigit() for ch in match.group(1)):
            return match.group(1)
    if metadata.get("author"):
        return str(metadata["author"])
    return None
