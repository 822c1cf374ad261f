from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from danvan.demo import DEMO_PASSWORD, build_demo, demo_loaded


class Command(BaseCommand):
    help = (
        "Tạo dữ liệu minh họa (chỉ chạy lần đầu; lần sau chỉ in thông tin đăng nhập)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale",
            choices=["demo", "national"],
            default="demo",
            help="demo: năm tỉnh có đơn vị trong các bài viết mẫu; national: cả nước.",
        )

    def handle(self, *args: Any, scale: str, **options: Any) -> None:
        if demo_loaded():
            self.stdout.write("Dữ liệu minh họa đã có sẵn.")
            self._print_logins()
            return
        started = time.perf_counter()
        build_demo(national=scale == "national", say=self.stdout.write)
        self.stdout.write(
            f"Đã tạo dữ liệu minh họa trong {time.perf_counter() - started:.1f} s."
        )
        self._print_logins()

    def _print_logins(self) -> None:
        from accounts.models import User

        self.stdout.write(f"\nĐăng nhập (mật khẩu chung: {DEMO_PASSWORD}):")
        for user in User.objects.select_related("unit").order_by("id"):
            self.stdout.write(
                f"  {user.username:<16} {user.get_role_display():<10} {user.unit}"
            )
