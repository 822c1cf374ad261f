"""`danvan report` writes the same documents from the command line."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from reports.models import Report
from reports.tests.test_documents import number, tables_of
from reports.tests.test_rollup import build
from work.models import Initiative


def test_docx_and_xlsx_from_the_command_line(world, tmp_path):
    build(world)
    target = tmp_path / "bao-cao.docx"
    out = io.StringIO()
    call_command(
        "report",
        "--unit",
        world.province.code,
        "--period",
        "2023",
        "--format",
        "docx",
        "-o",
        str(target),
        stdout=out,
    )
    assert "dự thảo từ số liệu" in out.getvalue()
    assert Report.objects.count() == 0  # nothing stored
    totals = tables_of(target.read_bytes())[
        "Mô hình, điển hình “Dân vận khéo” theo lĩnh vực"
    ][-1]
    assert (
        number(totals[1]) == Initiative.objects.filter(registered_on__year=2023).count()
    )
    sheet = tmp_path / "so-lieu.xlsx"
    call_command(
        "report",
        "--unit",
        world.commune.code,
        "--period",
        "2023H1",
        "--format",
        "xlsx",
        "-o",
        str(sheet),
        stdout=io.StringIO(),
    )
    names = load_workbook(sheet).sheetnames
    # One sheet per table that has rows, named at a word boundary.
    assert names[:2] == ["Thông tin", "Mô hình, điển hình “Dân vận"]
    assert "Kết quả các chỉ số" not in names  # no values in this half-year


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--unit", "KHONG-CO", "--period", "2023"], "Không có đơn vị"),
        (["--unit", "T01", "--period", "2023H3"], "Không hiểu kỳ"),
        (["--unit", "T01", "--period", "2023-02-30..2023-03-01"], "không hợp lệ"),
    ],
)
def test_bad_arguments_get_a_vietnamese_message(world, tmp_path, args, message):
    target = tmp_path / "x.docx"
    with pytest.raises(CommandError, match=message):
        call_command("report", *args, "-o", str(target), stdout=io.StringIO())
    assert not target.exists()
