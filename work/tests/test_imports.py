from __future__ import annotations

import contextlib
import datetime as dt
import io
from typing import Any

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from work.imports import KINDS, ImportFileError, run_import
from work.models import Award, IndicatorValue, Initiative

HEADERS = [
    "Tên mô hình",
    "Mã đơn vị",
    "Lĩnh vực",
    "Chủ thể",
    "Ngày đăng ký",
    "Mới / nhân rộng",
]


def xlsx(rows: list[list[Any]], headers: list[str] = HEADERS) -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    return out


def run(kind: str, data: io.BytesIO, user: Any) -> Any:
    return run_import(
        kind=KINDS[kind], upload=data, size=len(data.getvalue()), user=user
    )


GOOD: list[list[Any]] = [
    [
        "Camera an ninh",
        "X01",
        "Quốc phòng - an ninh",
        "Công an xã",
        "10/01/2023",
        "mới",
    ],
    [
        "Mô hình “Nhà tôi có bình chữa cháy”",
        "X01-T1",
        "quoc phong an ninh",
        "Thôn Một",
        dt.date(2023, 2, 1),
        "Nhân rộng",
    ],
    [
        "Tổ hòa giải",
        "X01",
        "Văn hoá - xã hội",
        "Hội LHPN xã",
        "ngày 05 tháng 02 năm 2023",
        "",
    ],
]


def test_a_good_file_is_imported_whole(world):
    result = run("mo-hinh", xlsx(GOOD), world.commune_officer)
    assert result.ok and result.saved == 3
    assert Initiative.objects.filter(origin="replicated").count() == 1
    assert Initiative.objects.get(name="Tổ hòa giải").field.code == "van-hoa-xa-hoi"


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (["Sai ngày", "X01", "Kinh tế", "Xã", "31/02/2023", "mới"], "không phải ngày"),
        (["Ngoài phạm vi", "X02", "Kinh tế", "Xã", "01/02/2023", "mới"], "X02"),
        (["Lĩnh vực lạ", "X01", "Thể thao", "Xã", "01/02/2023", "mới"], "Thể thao"),
        (
            ["Nguồn gốc lạ", "X01", "Kinh tế", "Xã", "01/02/2023", "cũ"],
            "Mới / nhân rộng",
        ),
        (["", "X01", "Kinh tế", "Xã", "01/02/2023", "mới"], "Thiếu Tên mô hình"),
    ],
)
def test_one_bad_row_refuses_the_whole_file(world, bad, message):
    result = run("mo-hinh", xlsx([GOOD[0], bad, GOOD[2]]), world.commune_officer)
    assert not result.ok and result.saved == 0
    assert [p.row for p in result.problems] == [3]
    assert message in " ".join(result.problems[0].messages)
    assert not Initiative.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "không phải định dạng Excel"),
        (b"name,unit\nA,B\n", "không phải định dạng Excel"),
        (b"PK\x03\x04 truncated archive", "Không đọc được"),
    ],
)
def test_unreadable_files_are_refused_with_a_message(world, content, message):
    with pytest.raises(ImportFileError, match=message):
        run("mo-hinh", io.BytesIO(content), world.commune_officer)


def test_truncated_xlsx_and_missing_columns(world):
    whole = xlsx(GOOD).getvalue()
    with pytest.raises(ImportFileError, match="Không đọc được"):
        run("mo-hinh", io.BytesIO(whole[: len(whole) // 2]), world.commune_officer)
    with pytest.raises(ImportFileError, match="Thiếu cột “Lĩnh vực”"):
        run(
            "mo-hinh",
            xlsx([], headers=["Tên mô hình", "Mã đơn vị"]),
            world.commune_officer,
        )
    with pytest.raises(ImportFileError, match="không có dòng dữ liệu"):
        run("mo-hinh", xlsx([]), world.commune_officer)


def test_indicator_values_import_checks_ratios(world):
    headers = [
        "Chỉ số",
        "Mã đơn vị",
        "Kỳ từ ngày",
        "Kỳ đến ngày",
        "Giá trị",
        "Mẫu số",
        "Nguồn",
    ]
    rows: list[list[Any]] = [
        [
            "gia-dinh-van-hoa",
            "X01",
            "01/01/2022",
            "31/12/2022",
            "3.270",
            "3.374",
            "Báo cáo",
        ],
        [
            "Hội viên, đoàn viên phát triển mới",
            "X01",
            "01/01/2022",
            "30/06/2022",
            312,
            None,
            "Báo cáo",
        ],
        ["gia-dinh-van-hoa", "X01-T1", "01/01/2022", "31/12/2022", 400, 374, "Báo cáo"],
    ]
    result = run("chi-so", xlsx(rows, headers), world.commune_officer)
    assert [p.row for p in result.problems] == [4], result.problems
    assert "không được lớn hơn mẫu số" in result.problems[0].messages[0]
    assert not IndicatorValue.objects.exists()
    result = run("chi-so", xlsx(rows[:2], headers), world.commune_officer)
    assert result.saved == 2
    assert IndicatorValue.objects.get(indicator__code="gia-dinh-van-hoa").value == 3270


def test_award_list_import(world):
    headers = [
        "Mã đơn vị",
        "Cơ quan khen thưởng",
        "Hình thức",
        "Ngày khen thưởng",
        "Số tập thể",
        "Số cá nhân",
    ]
    rows: list[list[Any]] = [
        ["X01", "", "Kỷ niệm chương “Vì sự nghiệp Dân vận”", "10/01/2024", 0, 4],
        ["X01", "Ban Dân vận Tỉnh ủy", "Giấy khen", "10/01/2024", 2, 2],
        ["X01", "UBND xã", "Khen thưởng", "10/01/2024", "03", 0],
    ]
    result = run("khen-thuong", xlsx(rows, headers), world.commune_officer)
    assert result.ok and result.saved == 3
    assert Award.objects.get(form="other").form_other == "Khen thưởng"
    assert Award.objects.get(form="other").collective_count == 3


def test_a_viewer_cannot_import(world):
    with pytest.raises(ImportFileError, match="không có quyền"):
        run("mo-hinh", xlsx(GOOD), world.commune_viewer)


def test_import_page_reports_the_bad_row(world, client_as):
    client = client_as(world.commune_officer)
    bad = GOOD[:2] + [["Sai", "X01", "Kinh tế", "Xã", "hôm qua", "mới"]]
    upload = xlsx(bad)
    upload.name = "mo-hinh.xlsx"
    response = client.post(reverse("work:import", args=["mo-hinh"]), {"file": upload})
    text = response.content.decode()
    assert "Tệp không được nhập" in text and "Dòng 4" in text and "hôm qua" in text
    assert not Initiative.objects.exists()
    template = client.get(reverse("work:import_template", args=["mo-hinh"]))
    assert template["Content-Type"].startswith("application/vnd.openxml")
    assert client.get(reverse("work:import", args=["khong-co"])).status_code == 404


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.binary(max_size=2000))
def test_garbage_never_crashes_the_importer(world, content):
    with contextlib.suppress(ImportFileError):
        run("mo-hinh", io.BytesIO(b"PK\x03\x04" + content), world.commune_officer)
    assert not Initiative.objects.exists()


def test_a_locked_period_refuses_the_rows_in_it(world):
    from work.services.common import period_lock

    period_lock(
        unit=world.province,
        start=dt.date(2023, 1, 1),
        end=dt.date(2023, 1, 31),
        reason="Đã phê duyệt",
        by=None,
    )
    result = run("mo-hinh", xlsx(GOOD), world.commune_officer)
    assert [p.row for p in result.problems] == [2]
    assert "đã được phê duyệt" in result.problems[0].messages[0]
    assert not Initiative.objects.exists()


def test_batch_import_records_who_created_each_initiative(world):
    from auditlog.models import LogEntry

    run("mo-hinh", xlsx(GOOD), world.commune_officer)
    initiative = Initiative.objects.get(name="Camera an ninh")
    entry = LogEntry.objects.get_for_object(initiative).get()
    assert entry.actor == world.commune_officer
    assert entry.changes_dict["name"][1] == "Camera an ninh"
    assert initiative.steps.get().status == "registered"
