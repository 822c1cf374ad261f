"""danvan serve: the production web server (gunicorn), ready in one command."""

from __future__ import annotations

import os
import sys
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser


def default_workers() -> int:
    """WEB_CONCURRENCY, else two per core plus one (gunicorn's advice)."""
    configured = os.environ.get("WEB_CONCURRENCY", "").strip()
    if configured:
        if not configured.isdigit() or int(configured) < 1:
            raise CommandError("WEB_CONCURRENCY phải là một số nguyên dương.")
        return int(configured)
    return 2 * (os.cpu_count() or 1) + 1


class Command(BaseCommand):
    help = (
        "Chạy máy chủ web cho môi trường thật (gunicorn): kiểm tra cấu hình "
        "triển khai và cơ sở dữ liệu đã được cập nhật cấu trúc, gom tệp tĩnh, "
        "rồi phục vụ với số tiến trình lấy từ WEB_CONCURRENCY."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--bind",
            default=os.environ.get("BIND", "127.0.0.1:8000"),
            help="Địa chỉ và cổng, ví dụ 0.0.0.0:8000 (mặc định từ BIND)",
        )
        parser.add_argument("--workers", type=int, default=None)
        parser.add_argument(
            "--migrate",
            action="store_true",
            help="Cập nhật cấu trúc cơ sở dữ liệu trước khi chạy, thay vì chỉ kiểm tra",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        workers = options["workers"] or default_workers()
        if not settings.DEBUG:
            call_command("check", deploy=True, fail_level="WARNING")
        if options["migrate"]:
            call_command("migrate", interactive=False, verbosity=1)
        else:
            try:
                call_command("migrate", check=True, plan=False, verbosity=0)
            except SystemExit as exc:
                raise CommandError(
                    "Cơ sở dữ liệu chưa được cập nhật cấu trúc: hãy chạy "
                    "`danvan migrate` (hoặc `danvan serve --migrate`)."
                ) from exc
        call_command("collectstatic", interactive=False, verbosity=0)
        gunicorn = [
            sys.executable,
            "-m",
            "gunicorn",
            "danvan.wsgi:application",
            "--bind",
            options["bind"],
            "--workers",
            str(workers),
            "--timeout",
            os.environ.get("WEB_TIMEOUT", "120"),
            "--forwarded-allow-ips",
            os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
            "--access-logfile",
            "-",
        ]
        self.stdout.write(
            f"Máy chủ: gunicorn, {workers} tiến trình, địa chỉ {options['bind']}."
        )
        sys.stdout.flush()
        os.execv(sys.executable, gunicorn)
