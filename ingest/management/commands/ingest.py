"""danvan ingest FILE... [--json]"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ingest.pipeline import ingest_bytes
from ingest.reading import MAX_BYTES, ReadError


class Command(BaseCommand):
    help = (
        "Đọc bài viết, báo cáo (TXT, HTML, DOCX, PDF; UTF-8, UTF-16, Windows-1258, "
        "TCVN3, VNI) và trích xuất các dữ kiện theo ingest/SCHEMA.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument(
            "--json",
            action="store_true",
            help="In JSON: một đối tượng cho một tệp, một mảng theo thứ tự cho nhiều "
            "tệp (null ở vị trí tệp không đọc được).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        results: list[dict[str, Any] | None] = []
        failed = False
        for name in options["files"]:
            path = Path(name)
            try:
                if path.stat().st_size > MAX_BYTES:
                    raise ReadError(
                        f"Tệp quá lớn; chỉ nhận tệp đến {MAX_BYTES // 2**20} MB."
                    )
                facts = ingest_bytes(path.read_bytes(), path.name).facts
            except (OSError, ReadError) as exc:
                message = _message(exc)
                sys.stderr.write(f"{name}: {message}\n")
                failed = True
                results.append(None)
                continue
            results.append(facts)
            if not options["json"]:
                self._summary(name, facts)
        if options["json"]:
            payload: Any = results[0] if len(results) == 1 else results
            if payload is not None:
                self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
        if failed:
            sys.exit(2)

    def _summary(self, name: str, facts: dict[str, Any]) -> None:
        event = facts["event"]
        self.stdout.write(f"{name}: {facts['source']['title'] or '(không có tiêu đề)'}")
        self.stdout.write(
            f"  {event['kind'] or '?'} · {event['date'] or '?'} · "
            f"{event['organizer'] or '?'} · {event['locality'] or '?'}"
        )
        self.stdout.write(
            f"  {len(facts['attendees'])} đại biểu, "
            f"{facts['initiatives']['total'] or 0} mô hình, "
            f"{len(facts['awards'])} dòng khen thưởng, "
            f"{len(facts['indicators'])} chỉ số"
        )


def _message(exc: Exception) -> str:
    if isinstance(exc, FileNotFoundError):
        return "Không tìm thấy tệp."
    if isinstance(exc, IsADirectoryError):
        return "Đây là thư mục, không phải tệp."
    if isinstance(exc, PermissionError):
        return "Không có quyền đọc tệp."
    if isinstance(exc, OSError):
        return "Không đọc được tệp."
    return str(exc)
