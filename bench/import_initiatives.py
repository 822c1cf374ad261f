"""Benchmark: import a 2,000-row XLSX of initiatives.

Run:  uv run python bench/import_initiatives.py [--rows 2000]

Builds a throwaway database (SQLite by default, or DATABASE_URL), a province with
20 communes, writes an XLSX file of N initiative rows spread over them, and
times ``work.imports.run_import`` (parse, validate, save, all in one
transaction). As a baseline measured in the same run it times reading the same
file with openpyxl alone, and prints the ratio. Memory is the process's peak
resident set size, and how much it grew during the import.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=2000)
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="danvan-bench-")
    os.environ.setdefault("DANVAN_VAR_DIR", workdir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECRET_KEY", "bench-only")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)

    from openpyxl import Workbook, load_workbook

    from accounts.models import Role
    from accounts.services import user_create
    from org.models import UnitKind
    from org.services import unit_create
    from work.imports import KINDS, run_import
    from work.models import Initiative

    kinds = {k.code: k for k in UnitKind.objects.all()}
    root = unit_create(
        parent=None,
        code="VN",
        name="Việt Nam",
        short_name="Việt Nam",
        kind=kinds["quoc-gia"],
    )
    province = unit_create(
        parent=root,
        code="B01",
        name="Tỉnh Đo Lường",
        short_name="Đo Lường",
        kind=kinds["tinh"],
    )
    communes = [
        unit_create(
            parent=province,
            code=f"B01{i:03d}",
            name=f"Xã Thử {i}",
            short_name=f"Thử {i}",
            kind=kinds["xa"],
        )
        for i in range(20)
    ]
    user = user_create(
        actor=None,
        username="do.luong",
        password="mat-khau-do-luong-2024",
        full_name="Đo lường",
        unit=province,
        role=Role.EDITOR,
    )

    fields = [
        "Kinh tế",
        "Văn hóa - xã hội",
        "Quốc phòng - an ninh",
        "Xây dựng hệ thống chính trị",
    ]
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(
        [
            "Tên mô hình",
            "Mã đơn vị",
            "Lĩnh vực",
            "Chủ thể",
            "Ngày đăng ký",
            "Mới / nhân rộng",
            "Mô tả",
        ]
    )
    start = dt.date(2023, 1, 2)
    for i in range(args.rows):
        sheet.append(
            [
                f"Mô hình “Dân vận khéo” số {i}",
                communes[i % 20].code,
                fields[i % 4],
                f"Chi hội phụ nữ thôn {i % 50}",
                (start + dt.timedelta(days=i % 360)).strftime("%d/%m/%Y"),
                "mới" if i % 3 else "nhân rộng",
                "Vận động hội viên tham gia phát triển kinh tế.",
            ]
        )
    data = io.BytesIO()
    book.save(data)
    payload = data.getvalue()

    began = time.perf_counter()
    baseline_sheet = load_workbook(io.BytesIO(payload), read_only=True).worksheets[0]
    rows = len(list(baseline_sheet.iter_rows(values_only=True)))
    baseline = time.perf_counter() - began

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    began = time.perf_counter()
    result = run_import(
        kind=KINDS["mo-hinh"], upload=io.BytesIO(payload), size=len(payload), user=user
    )
    elapsed = time.perf_counter() - began
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    assert result.ok, result.problems[:3]
    assert Initiative.objects.count() == args.rows
    figures = {
        "rows": args.rows,
        "database": django.db.connection.vendor,
        "import_seconds": round(elapsed, 3),
        "rows_per_second": round(args.rows / elapsed, 1),
        "baseline_read_seconds": round(baseline, 3),
        "ratio_to_baseline": round(elapsed / baseline, 1),
        "peak_rss_mb": round(rss_after / 1024, 1),
        "rss_growth_during_import_mb": round((rss_after - rss_before) / 1024, 1),
        "file_kb": round(len(payload) / 1024, 1),
        "rows_read_by_baseline": rows,
    }
    print(f"{'rows':<24}{figures['rows']}")
    print(f"{'database':<24}{figures['database']}")
    print(f"{'import (s)':<24}{figures['import_seconds']}  (target < 10 s)")
    print(f"{'rows per second':<24}{figures['rows_per_second']}")
    print(f"{'baseline: read only (s)':<24}{figures['baseline_read_seconds']}")
    print(f"{'ratio import / read':<24}{figures['ratio_to_baseline']}")
    print(f"{'peak RSS, process (MB)':<24}{figures['peak_rss_mb']}")
    print(f"{'RSS growth, import (MB)':<24}{figures['rss_growth_during_import_mb']}")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "import_initiatives.json").write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
