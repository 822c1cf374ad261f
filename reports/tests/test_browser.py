"""The report end to end in Chromium: dashboard, draft, narrative, downloads."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document
from playwright.sync_api import Page, expect

from conftest import PASSWORD, build_world
from org import services as org_services
from org.models import BodyKind
from reports.documents import soffice
from work.models import Field
from work.services import initiatives

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def commune(reference_data, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.JOBS_IN_THREAD = True  # as in the embedded default
    world = build_world()
    body = org_services.body_create(
        unit=world.commune,
        kind=BodyKind.objects.get(code="khoi-dan-van"),
        name="Khối Dân vận xã An Phú",
    )
    for i, code in enumerate(["kinh-te", "kinh-te", "van-hoa-xa-hoi"]):
        initiatives.initiative_register(
            data=initiatives.InitiativeData(
                unit=world.commune,
                name=f"Mô hình {i}",
                field=Field.objects.get(code=code),
                registered_on=dt.date(2023, 3, 1 + i),
                holder_body=body,
            )
        )
    return world


def test_dashboard_narrative_and_downloads(page: Page, live_server, commune):
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("can.bo.xa")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()

    page.get_by_role("link", name="Tổng quan").click()
    picker = page.get_by_role("form", name="Chọn kỳ")
    picker.get_by_label("Kỳ").select_option("2023")
    picker.get_by_role("button", name="Xem kỳ này").click()
    expect(page.locator("#so-mo-hinh")).to_have_text("3")
    chart = page.get_by_role("img", name="Theo lĩnh vực")
    expect(chart).to_be_visible()
    assert chart.evaluate("img => img.complete && img.naturalWidth > 0")

    page.get_by_role("link", name="Lập báo cáo kỳ này").click()
    expect(page.get_by_label("Kỳ báo cáo:")).to_have_value("2023")
    page.get_by_role("button", name="Lập dự thảo").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Báo cáo tổng kết năm 2023"
    )
    expect(page.locator("#bang-initiatives_by_field")).to_contain_text("Kinh tế")

    narrative = "Cán bộ dân vận bám cơ sở, lắng nghe ý kiến **Nhân dân**."
    page.get_by_label("1. Ưu điểm").fill(f"{narrative}\n- Mô hình được nhân rộng.")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Đã lưu báo cáo.")).to_be_visible()

    with page.expect_download() as info:
        page.get_by_role("link", name="Tải DOCX").click()
    document = Document(io.BytesIO(info.value.path().read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    # Paragraphs, bullets and bold survive the trip from the page to the DOCX.
    assert "Cán bộ dân vận bám cơ sở, lắng nghe ý kiến Nhân dân." in text
    assert "- Mô hình được nhân rộng." in text
    bold = [r.text for p in document.paragraphs for r in p.runs if r.bold]
    assert "Nhân dân" in bold
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in "\n".join(
        c.text for t in document.tables for r in t.rows for c in r.cells
    )

    if soffice() is None:
        pytest.skip("LibreOffice is not installed: the PDF step was not run")
    page.get_by_role("button", name="Tạo PDF").click()
    # The progress page, while the job runs in the web process's thread...
    expect(page.locator("progress")).to_be_visible()
    # ...then back on the report, with the file.
    expect(page.get_by_text("Bản PDF đã sẵn sàng")).to_be_visible(timeout=90_000)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Báo cáo tổng kết năm 2023"
    )
    with page.expect_download() as info:
        page.locator("#viec").get_by_role("link", name="Tải về").click()
    assert info.value.path().read_bytes()[:4] == b"%PDF"
