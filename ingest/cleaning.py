"""Removing site chrome from the text of an article.

HTML pages go through trafilatura first (reading.py); what is left, and plain
text copied from a portal, still carries the portal's furniture: banners,
menus, accessibility toolbars, visitor counters, rating widgets, "Bài viết
khác" / "Tin mới nhất" blocks, session-timeout notices, stray phone numbers.
The original text is kept by the caller; this returns the article alone.
"""

from __future__ import annotations

import re

from vn.text import fold

# Lines that are never part of an article (matched on the folded line).
_CHROME = [
    r"^trang thong tin dien tu\b",
    r"^cong thong tin dien tu\b",
    r"^chao mung (den|ban den)\b",
    r"^a-? ?a ?a\+",  # "A- A A+ | Tăng tương phản"
    r"tang tuong phan|giam tuong phan",
    r"^(so luot truy cap|dang truy cap|tong luot truy cap|luot truy cap|"
    r"hom nay|hom qua|thang hien tai|tuan nay|nam nay|thong ke( truy cap)?)\b",
    r"^• ?(dang truy cap|hom nay|thang hien tai|tong luot truy cap)",
    r"ban da khong su dung site",
    r"thoi gian cho: ?\d+ ?giay",
    r"^(dang nhap|dang ky|trang chu|tim kiem|in bai viet|gui bai viet|chia se"
    r"|chia se bai viet|gop y kien|qr code|truy cap noi dung luon|chi tiet tin"
    r"|xem voi co chu.*|quay len tren|< ?tro ve trang truoc|gui binh luan cua ban)$",
    r"^xep hang: ",
    r"^click de danh gia",
    r"^tong so diem cua bai viet",
    # phone numbers, counters (not a date)
    r"^(?!\(?\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b)[\d\s.,()+\-/]{6,}$",
    r"^\d{1,3}$",
]
# Where the article ends: everything from here on is the portal's.
_TAIL = [
    r"^tin moi nhat$",
    r"^bai viet khac$",
    r"^cac tin khac$",
    r"^tin lien quan$",
    r"^tin cung chuyen muc$",
    r"^y kien ban doc$",
    r"^nhung tin moi hon$",
    r"^nhung tin cu hon$",
    r"^tong so diem cua bai viet",
    r"^click de danh gia",
    r"^thong ke truy cap$",
    r"^so luot truy cap",
]
_CHROME_RE = [re.compile(p) for p in _CHROME]
_TAIL_RE = [re.compile(p) for p in _TAIL]
_MENU = re.compile(r"(\s\|\s.*){3,}")
_SPACE_BEFORE_MARK = re.compile(r"(?<=\w)\s+([,;:](?=\s)|[.!?](?=\s|$))")


def is_chrome(line: str) -> bool:
    folded = fold(line)
    if not folded:
        return False
    if any(p.search(folded) for p in _CHROME_RE):
        return True
    return bool(_MENU.search(line)) and len(line) < 200


def clean_text(text: str) -> str:
    """The article's lines, without the portal around them; paragraphs are
    separated by one blank line."""
    lines = [line.strip() for line in text.split("\n")]
    kept: list[str] = []
    for line in lines:
        folded = fold(line)
        if kept and any(p.search(folded) for p in _TAIL_RE):
            break
        if not line or is_chrome(line):
            if kept and kept[-1] != "":
                kept.append("")
            continue
        # "xã , phường", "năm 2026 , triển khai": no space before a comma
        kept.append(_SPACE_BEFORE_MARK.sub(r"\1", " ".join(line.split())))
    while kept and kept[-1] == "":
        kept.pop()
    return "\n".join(kept)
