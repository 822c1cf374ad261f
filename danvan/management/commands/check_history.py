from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from danvan.history import records_outside_lifetime, wrong_child_counts


class Command(BaseCommand):
    help = (
        "Liệt kê các bản ghi có ngày nằm ngoài thời gian tồn tại của đơn vị "
        "và các đơn vị có số đơn vị trực thuộc lưu sai."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        problems = 0
        for offence in records_outside_lifetime():
            self.stdout.write(str(offence))
            problems += 1
        for unit, stored, real in wrong_child_counts():
            self.stdout.write(
                f"Đơn vị #{unit.pk} “{unit.name}”: số đơn vị trực thuộc lưu là "
                f"{stored}, thực tế là {real}."
            )
            problems += 1
        if problems:
            raise CommandError(f"Có {problems} vấn đề về lịch sử đơn vị.")
        self.stdout.write(
            "Không có bản ghi nào nằm ngoài thời gian tồn tại của đơn vị; "
            "số đơn vị trực thuộc đều đúng."
        )
