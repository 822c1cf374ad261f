"""danvan report --unit CODE --period 2023 --format docx|pdf|xlsx -o FILE"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from org.lineage import parse_unit_ref
from org.models import Unit
from reports.documents import ConversionError, report_file
from reports.models import Report
from reports.periods import PeriodError, parse_period
from reports.services import default_kind, report_draft


class Command(BaseCommand):
    help = (
        "Xuất báo cáo sơ kết/tổng kết của một đơn vị cho một kỳ ra DOCX, PDF "
        "hoặc XLSX. Dùng báo cáo đã lập (với phần nhận định) nếu có, nếu không "
        "thì dựng dự thảo từ số liệu tổng hợp mà không lưu gì."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--unit", required=True, help="Mã đơn vị, ví dụ 48")
        parser.add_argument(
            "--period",
            required=True,
            help="2023, 2023H1, 2023Q3, 2023-07 hoặc 2023-07-17..2023-07-31",
        )
        parser.add_argument("--format", choices=["docx", "pdf", "xlsx"], default="docx")
        parser.add_argument(
            "--kind",
            choices=list(Report.Kind.values),
            help="so-ket, tong-ket hoặc dinh-ky (mặc định theo kỳ)",
        )
        parser.add_argument("-o", "--output", required=True, help="Tệp kết quả")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            period = parse_period(options["period"])
        except PeriodError as exc:
            raise CommandError(str(exc)) from exc
        unit = self._unit(options["unit"])
        kind = options["kind"] or default_kind(period)
        report = (
            Report.objects.select_related("unit", "period")
            .filter(
                unit=unit, period__start=period.start, period__end=period.end, kind=kind
            )
            .first()
        ) or report_draft(unit=unit, period=period, kind=kind)
        try:
            content, _name, _type = report_file(report, options["format"])
        except ConversionError as exc:
            raise CommandError(str(exc)) from exc
        output = Path(options["output"])
        try:
            output.write_bytes(content)
        except OSError as exc:
            raise CommandError(f"Không ghi được tệp {output}: {exc.strerror}") from exc
        state = "đã lập" if report.pk else "dự thảo từ số liệu"
        self.stdout.write(
            f"Đã ghi {output} ({len(content):,} byte): {report.get_kind_display()} "
            f"{period.label} của {unit.name} ({state})."
        )

    def _unit(self, code: str) -> Unit:
        """The unit with this official code; a code reused after the 2025
        reform means the current unit, "731 (đến 30/06/2025)" the former one."""
        try:
            plain, last_day = parse_unit_ref(code)
        except ValueError as exc:
            raise CommandError(f"Không có đơn vị mã “{code}”.") from exc
        units = list(Unit.objects.filter(code=plain).order_by("-valid_to"))
        if last_day is not None:
            units = [u for u in units if u.valid_to == last_day]
        if not units:
            raise CommandError(f"Không có đơn vị mã “{code}”.")
        current = [u for u in units if u.valid_to is None]
        chosen: Unit = current[0] if current else units[0]
        return chosen
