"""danvan restore ARCHIVE: into a new, empty database and media folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from danvan.backup import BackupError, restore
from vn.numbers import format_quantity


class Command(BaseCommand):
    help = (
        "Khôi phục một bản sao lưu vào cơ sở dữ liệu mới, rỗng (theo "
        "DATABASE_URL) và thư mục tệp rỗng, rồi đối chiếu với bản kê."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path, help="Tệp sao lưu (.tar.gz).")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = restore(options["archive"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        # Cached figures and breakdowns are keyed by record ids and audit
        # versions, which a restored database may give again to other data.
        from django.core.cache import cache

        cache.clear()
        self.stdout.write(
            f"Đã khôi phục {format_quantity(summary.tables)} bảng, "
            f"{format_quantity(summary.rows)} dòng, "
            f"{format_quantity(summary.files)} tệp; khớp với bản kê."
        )
