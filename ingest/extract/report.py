"""The frame of an official report: who issued it, where and when, and its
subject.

A report in the Party's layout opens with a two-column header: the
committee and the body that issue it on the left ("HUYỆN ỦY TÂN LẬP" /
"BAN DÂN VẬN" / "*" / "Số 52-BC/BDVHU"), the Party's name and the place and
date on the right ("Tân Lập, ngày 12 tháng 12 năm 2024"); then "BÁO CÁO"
alone on a line and the subject under it. News articles have none of this,
so the frame is read only when "BÁO CÁO" stands alone near the top.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ingest.extract.text import make_date
from vn.text import fold

_REPORT = re.compile(r"^\s*BÁO\s+CÁO\s*$")
_PLACE_DATE = re.compile(
    r"^\s*([^,|\n]{2,60}),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})",
    re.I,
)
# Header lines that name no one: the Party's and the State's names, the
# motto, the star, the document's number.
_NOT_ISSUER = re.compile(
    r"(?i:^(?:đảng cộng sản việt nam|cộng hòa xã hội chủ nghĩa việt nam|"
    r"độc lập\s*[-–]\s*tự do\s*[-–]\s*hạnh phúc|\*|[-–_]+|số\s*[:.]?\s*\S*)$)"
)
# "HUYỆN ỦY TÂN LẬP" → ("Huyện ủy", "huyện"); "ĐẢNG BỘ XÃ AN HÒA" → the
# committee of the commune's Party organisation.
_COMMITTEES = (
    (r"tinh uy", "Tỉnh ủy", "tỉnh"),
    (r"thanh uy", "Thành ủy", "thành phố"),
    (r"huyen uy", "Huyện ủy", "huyện"),
    (r"quan uy", "Quận ủy", "quận"),
    (r"thi uy", "Thị ủy", "thị xã"),
)
_LOCAL = (
    ("thi tran", "thị trấn"),
    ("dac khu", "đặc khu"),
    ("phuong", "phường"),
    ("xa", "xã"),
)
_UPPER_LEVELS = (
    ("thanh pho", "thành phố"),
    ("thi xa", "thị xã"),
    ("huyen", "huyện"),
    ("quan", "quận"),
    ("tinh", "tỉnh"),
)
# A header's first line that names the unit after the body: the commune's
# Party organisation (its committee signs), the People's Committee, the Front.
_LOCAL_BODIES = (
    ("dang bo", "Đảng ủy"),
    ("dang uy", "Đảng ủy"),
    ("uy ban nhan dan", "Ủy ban nhân dân"),
    ("ubnd", "Ủy ban nhân dân"),
    ("uy ban mat tran to quoc viet nam", "Ủy ban MTTQ Việt Nam"),
    ("uy ban mttq viet nam", "Ủy ban MTTQ Việt Nam"),
)
# Bodies as they are written in running text.
_BODIES = {
    "ban dan van": "Ban Dân vận",
    "ban tuyen giao va dan van": "Ban Tuyên giáo và Dân vận",
    "ban xay dung dang": "Ban Xây dựng Đảng",
    "ban to chuc": "Ban Tổ chức",
    "ban tuyen giao": "Ban Tuyên giáo",
    "ban thuong vu": "Ban Thường vụ",
    "khoi dan van": "Khối dân vận",
    "ban chi dao": "Ban Chỉ đạo",
}


@dataclass(frozen=True)
class Frame:
    title: str
    subject: str
    date: dt.date | None
    organizer: str | None
    locality: str | None


def _name(words: str) -> str:
    """ "TÂN LẬP" → "Tân Lập"."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in words.split())


def _committee(line: str) -> tuple[str, str] | None:
    """(committee as running text writes it, locality) of a header line."""
    words = line.split()
    key = fold(line)
    for folded, committee, kind in _COMMITTEES:
        if key.startswith(folded + " "):
            name = _name(" ".join(words[2:]))
            return f"{committee} {name}", f"{kind} {name}"
    for prefix, body in _LOCAL_BODIES:
        if key.startswith(prefix + " "):
            rest = key[len(prefix) + 1 :]
            size = len(prefix.split())
            for folded, kind in (*_LOCAL, *_UPPER_LEVELS):
                if rest.startswith(folded + " "):
                    name = _name(" ".join(words[size + len(folded.split()) :]))
                    return f"{body} {kind} {name}", f"{kind} {name}"
    return None


_PLACELESS = {prefix for prefix, _body in _LOCAL_BODIES}


def _starts_with_kind(line: str) -> bool:
    key = fold(line)
    return any(key.startswith(k + " ") for k, _ in (*_LOCAL, *_UPPER_LEVELS))


def _body(line: str) -> str | None:
    key = fold(line)
    if key in _BODIES:
        return _BODIES[key]
    if key.startswith(("ban ", "khoi ")):
        return line[:1].upper() + line[1:].lower()
    return None


def frame(raw: str) -> Frame | None:
    """The report's frame, or None for text that is not an official report."""
    lines = [line.strip() for line in raw.splitlines()]
    head = [line for line in lines[:40] if line]
    at = next((i for i, line in enumerate(head) if _REPORT.match(line)), None)
    if at is None or at + 1 >= len(head):
        return None
    subject = head[at + 1]
    following = head[at + 2] if at + 2 < len(head) else ""
    if (
        following
        and len(subject) < 90
        and not re.search(r"\d{4}\s*$", subject)
        and len(following) < 90
        and following[:1].islower()
    ):
        subject = f"{subject} {following}"  # a subject wrapped over two lines
    cells = [c.strip() for line in head[:at] for c in line.split("|") if c.strip()]
    day = None
    issuers: list[str] = []
    for cell in cells:
        match = _PLACE_DATE.match(cell)
        if match:
            day = make_date(match.group(2), match.group(3), match.group(4))
        elif not _NOT_ISSUER.match(cell):
            if issuers and fold(issuers[-1]) in _PLACELESS and _starts_with_kind(cell):
                issuers[-1] = f"{issuers[-1]} {cell}"  # "ỦY BAN NHÂN DÂN" / "XÃ …"
            else:
                issuers.append(cell)
    committee = body = locality = None
    for cell in issuers:
        found = _committee(cell)
        if found and committee is None:
            committee, locality = found
        elif body is None:
            body = _body(cell)
    organizer = " ".join(x for x in (body, committee) if x) or None
    title = f"Báo cáo {subject[:1].lower()}{subject[1:]}"
    return Frame(
        title=title,
        subject=subject,
        date=day,
        organizer=organizer,
        locality=locality,
    )
