"""Uploaded containers are measured before any parser opens them.

A DOCX or XLSX is a ZIP archive: a few kilobytes can declare gigabytes once
decompressed (a "decompression bomb"). Its central directory states each
member's sizes, and Python's ``zipfile`` never returns more bytes than a
member declares (a member that lies fails its CRC check), so checking the
declared sizes bounds what python-docx, docxtpl and openpyxl will ever read.
A file over a limit is refused with a Vietnamese message naming the limit;
nothing is read, nothing is saved.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import IO

from django.utils.translation import gettext as _

from vn.numbers import format_quantity


class UploadRefused(ValueError):
    """The upload is over a limit; ``str()`` is the message for the user."""


@dataclass(frozen=True)
class ArchiveLimits:
    # A year-end report of a province as DOCX holds about 40 members and
    # decompresses to under 5 MB; an import of 20,000 rows to about 10 MB.
    entries: int = 1_000
    member_bytes: int = 40 * 2**20
    total_bytes: int = 80 * 2**20
    # Office XML compresses about 5-20 times; a member that decompresses more
    # than 100 times its stored size is repetition made to fill memory. Small
    # members are exempt (an empty part compresses a great deal).
    ratio: int = 100
    ratio_floor_bytes: int = 2**20


LIMITS = ArchiveLimits()


def _mb(size: int) -> str:
    return format_quantity(round(size / 2**20))


def check_archive(data: bytes | IO[bytes], limits: ArchiveLimits = LIMITS) -> None:
    """Raise UploadRefused when the ZIP archive ``data`` is over a limit.

    Raises zipfile.BadZipFile when ``data`` is not a ZIP archive at all (the
    callers already say "damaged file" for that)."""
    stream = io.BytesIO(data) if isinstance(data, bytes) else data
    position = stream.tell()
    try:
        with zipfile.ZipFile(stream) as archive:
            members = archive.infolist()
            if len(members) > limits.entries:
                raise UploadRefused(
                    _(
                        "Tệp nén có %(count)s thành phần; chỉ nhận tệp có đến "
                        "%(limit)s thành phần."
                    )
                    % {
                        "count": format_quantity(len(members)),
                        "limit": format_quantity(limits.entries),
                    }
                )
            total = 0
            for member in members:
                total += member.file_size
                if member.file_size > limits.member_bytes:
                    raise UploadRefused(
                        _(
                            "Một thành phần của tệp (%(name)s) giải nén ra "
                            "%(size)s MB; chỉ nhận đến %(limit)s MB mỗi thành phần."
                        )
                        % {
                            "name": member.filename[:80],
                            "size": _mb(member.file_size),
                            "limit": _mb(limits.member_bytes),
                        }
                    )
                if member.file_size > limits.ratio_floor_bytes and (
                    member.file_size > limits.ratio * max(member.compress_size, 1)
                ):
                    raise UploadRefused(
                        _(
                            "Tệp có thành phần nén bất thường (%(name)s: giải nén "
                            "lớn gấp %(ratio)s lần); chỉ nhận đến %(limit)s lần."
                        )
                        % {
                            "name": member.filename[:80],
                            "ratio": format_quantity(
                                member.file_size // max(member.compress_size, 1)
                            ),
                            "limit": format_quantity(limits.ratio),
                        }
                    )
            if total > limits.total_bytes:
                raise UploadRefused(
                    _("Tệp giải nén ra %(size)s MB; chỉ nhận đến %(limit)s MB.")
                    % {"size": _mb(total), "limit": _mb(limits.total_bytes)}
                )
    finally:
        stream.seek(position)
