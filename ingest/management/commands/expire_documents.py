"""danvan expire_documents: remove documents never accepted, older than
UNREVIEWED_DOCUMENT_DAYS days (Celery beat runs it every night)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from ingest.tasks import expire_documents


class Command(BaseCommand):
    help = (
        "Xóa các tài liệu đọc vào chưa được duyệt quá UNREVIEWED_DOCUMENT_DAYS "
        "ngày cùng tệp gốc."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        removed = expire_documents()
        self.stdout.write(
            f"Đã xóa {removed} tài liệu chưa duyệt quá "
            f"{settings.UNREVIEWED_DOCUMENT_DAYS} ngày."
        )
