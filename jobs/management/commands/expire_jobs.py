"""danvan expire_jobs: remove finished jobs older than JOB_FILES_DAYS days."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from jobs.tasks import expire_jobs


class Command(BaseCommand):
    help = "Xóa các việc chạy nền đã xong quá JOB_FILES_DAYS ngày cùng tệp kết quả."

    def handle(self, *args: Any, **options: Any) -> None:
        removed = expire_jobs()
        self.stdout.write(
            f"Đã xóa {removed} việc đã xong quá {settings.JOB_FILES_DAYS} ngày."
        )
