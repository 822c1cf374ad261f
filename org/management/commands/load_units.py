from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from org.unitdata import load_official_units


class Command(BaseCommand):
    help = (
        "Nạp danh mục đơn vị hành chính chính thức (34 tỉnh, 3.321 xã) cùng các đơn vị "
        "trước ngày 01/7/2025 và việc sắp xếp năm 2025, từ gói vietnamadminunits."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--province",
            action="append",
            dest="provinces",
            metavar="MÃ",
            help="Mã tỉnh hiện nay (ví dụ 48); lặp lại để nạp nhiều tỉnh. "
            "Mặc định: cả nước.",
        )

    def handle(self, *args: Any, provinces: list[str] | None, **options: Any) -> None:
        started = time.perf_counter()
        stats = load_official_units(provinces=set(provinces) if provinces else None)
        self.stdout.write(
            f"Tỉnh/thành phố hiện nay: {stats.provinces}; "
            f"xã/phường/đặc khu: {stats.communes}; "
            f"tỉnh cũ: {stats.former_provinces}; huyện cũ: {stats.former_districts}; "
            f"xã cũ: {stats.former_communes}; lần sắp xếp: {stats.reorganizations}; "
            f"liên kết: {stats.links}; thời gian: {time.perf_counter() - started:.1f} s"
        )
        if stats.unmapped:
            self.stdout.write(
                f"{len(stats.unmapped)} đơn vị cũ không có đơn vị kế thừa "
                "trong dữ liệu nguồn: " + "; ".join(stats.unmapped[:10])
            )
