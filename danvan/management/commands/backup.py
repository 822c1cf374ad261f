"""danvan backup -o FILE: the database and the uploaded files in one archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from danvan.backup import BackupError, backup
from vn.numbers import format_quantity


class Command(BaseCommand):
    help = (
        "Sao lưu toàn bộ: cơ sở dữ liệu (SQLite: sao chép trực tuyến; "
        "PostgreSQL: pg_dump), các tệp tải lên và bản kê số dòng, mã kiểm tra."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "-o", "--output", required=True, type=Path, help="Tệp sao lưu (.tar.gz)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = backup(options["output"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Đã sao lưu {format_quantity(summary.tables)} bảng, "
            f"{format_quantity(summary.rows)} dòng, "
            f"{format_quantity(summary.files)} tệp vào {summary.archive}."
        )
