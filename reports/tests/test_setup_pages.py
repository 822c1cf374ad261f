"""The report page's signature choice and editor, the outline and template
pages (success, form error, forbidden user), the DOCX's table and language
details, and nothing heavy imported when the site starts."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document
from docx.oxml.ns import qn

from org import services as org_services
from org.models import BodyKind, Level
from reports.documents import report_docx
from reports.documents.templates import starting_template
from reports.models import OutlineSection, ReportTemplate
from reports.periods import parse_period
from reports.services import report_create
from reports.tests.test_rollup import build


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _edit_data(report) -> dict[str, str]:
    data = {
        field: str(getattr(report, field) or "")
        for field in (
            "superior_name",
            "issuer_name",
            "symbol",
            "place",
            "subject",
            "signer_authority",
            "signer_title",
            "signer_name",
            "recipients",
        )
    }
    data["version"] = str(report.version)
    for section in report.sections.all():
        data[f"section_{section.key}"] = section.text
    return data


def test_the_signature_is_chosen_on_the_report_page(world, client_as):
    khoi = org_services.body_create(
        unit=world.commune,
        kind=BodyKind.objects.get(code="khoi-dan-van"),
        name="Khối dân vận xã An Phú",
    )
    for title, name in (
        ("Trưởng khối", "Lê Văn Ba"),
        ("Phó Trưởng khối", "Mai Thị Tư"),
    ):
        person = org_services.person_create(home_unit=world.commune, full_name=name)
        org_services.position_assign(person=person, body=khoi, title=title)
    report = report_create(unit=world.commune, period=parse_period("2023"), by=None)
    assert (report.signer_title, report.signer_name) == ("TRƯỞNG KHỐI", "Lê Văn Ba")
    client = client_as(world.commune_officer)
    page = client.get(f"/bao-cao/{report.pk}/").content.decode()
    assert "K/T TRƯỞNG KHỐI, PHÓ TRƯỞNG KHỐI — Mai Thị Tư" in page
    data = _edit_data(report) | {"signature": "K/T TRƯỞNG KHỐI|PHÓ TRƯỞNG KHỐI"}
    assert client.post(f"/bao-cao/{report.pk}/", data).status_code == 302
    report.refresh_from_db()
    assert (report.signer_authority, report.signer_title, report.signer_name) == (
        "K/T TRƯỞNG KHỐI",
        "PHÓ TRƯỞNG KHỐI",
        "Mai Thị Tư",
    )
    # An empty section shows what belongs there, marked for the writer.
    assert 'class="section-text empty"' in page


def test_the_docx_tables_repeat_their_header_and_speak_vietnamese(world):
    build(world)
    report = report_create(unit=world.province, period=parse_period("2023"), by=None)
    document = Document(io.BytesIO(report_docx(report)))
    figures = [t for t in document.tables if t._tbl.find(qn("w:tblGrid")) is not None]
    grids = [
        t
        for t in figures
        if t.rows[0]._tr.trPr is not None
        and t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    ]
    assert len(grids) >= 5  # every table of figures
    for table in grids:
        for row in table.rows:
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None
        widths = [
            int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))
        ]
        assert widths[0] > max(widths[1:])  # names wide, numbers narrow
    defaults = document.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "vi-VN"
    assert document.core_properties.language == "vi-VN"
    body = document.element.body
    assert not [e for e in body.iter(qn("w:lang")) if e.get(qn("w:val")) != "vi-VN"]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "…" not in text
    prompts = [
        r
        for p in document.paragraphs
        for r in p.runs
        if r.text.startswith("[Cần viết:")
    ]
    assert prompts and all(r.font.highlight_color is not None for r in prompts)


def test_the_outline_page(world, client_as, admin_of_the_nation):
    url = "/bao-cao/de-cuong/"
    # Everyone signed in reads it; only an administrator of the top unit edits.
    page = client_as(world.commune_officer).get(url).content.decode()
    assert "Phong trào thi đua “Dân vận khéo”" in page
    forbidden = client_as(world.province_officer).post(url, {"action": "add"})
    assert forbidden.status_code == 403
    client = client_as(admin_of_the_nation)
    level = Level.objects.get(code="xa")
    client.post(f"{url}?cap=xa", {"action": "copy"})
    own = OutlineSection.objects.filter(level=level)
    assert own.count() == OutlineSection.objects.filter(level__isnull=True).count()
    part = own.get(key="ket-qua")
    response = client.post(
        f"{url}?cap=xa",
        {
            "action": "add",
            "them-parent": part.pk,
            "them-key": "an-ninh-nong-thon",
            "them-title": "Công tác dân vận bảo đảm an ninh nông thôn",
            "them-prompt": "Các tổ tự quản, mô hình an ninh.",
        },
    )
    assert response.status_code == 302
    assert own.filter(key="an-ninh-nong-thon", parent=part).exists()
    # A bad form changes nothing and says why.
    bad = client.post(
        f"{url}?cap=xa",
        {"action": "add", "them-key": "khong hop le", "them-title": ""},
        follow=True,
    )
    assert own.count() == OutlineSection.objects.filter(level__isnull=True).count() + 1
    assert 'class="message error"' in bad.content.decode()
    # A commune's report now follows the level's own outline.
    report = report_create(unit=world.commune, period=parse_period("2023"), by=None)
    assert report.sections.filter(key="an-ninh-nong-thon").exists()


def test_an_outline_saved_from_a_stale_page_is_refused(client_as, admin_of_the_nation):
    from danvan.tests.test_stale_saves import STALE, form_values

    url = "/bao-cao/de-cuong/"
    client = client_as(admin_of_the_nation)
    first_tab, second_tab = form_values(client, url), form_values(client, url)
    part = OutlineSection.objects.get(level__isnull=True, key="ket-qua")
    field = f"s{part.pk}-title"
    assert (
        client.post(url, first_tab | {field: "I. KẾT QUẢ ĐẠT ĐƯỢC"}).status_code == 302
    )
    stale = client.post(url, second_tab | {field: "I. Bản cũ"}, follow=True)
    assert STALE in stale.content.decode()
    part.refresh_from_db()
    assert part.title == "I. KẾT QUẢ ĐẠT ĐƯỢC"


def test_the_template_page(world, client_as):
    url = "/bao-cao/mau-van-ban/"
    start = client_as(world.commune_viewer).get(f"{url}mau.docx")
    assert start.content[:2] == b"PK"
    client = client_as(world.province_officer)
    ok = client.post(
        url,
        {
            "unit": world.province.code,
            "name": "Mẫu của tỉnh",
            "file": SimpleUploadedFile("mau.docx", starting_template()),
        },
    )
    assert ok.status_code == 302
    template = ReportTemplate.objects.get()
    broken = client.post(
        url,
        {
            "unit": world.province.code,
            "name": "Mẫu lỗi",
            "file": SimpleUploadedFile("loi.docx", b"not a docx"),
        },
    )
    assert "Tệp không phải là văn bản DOCX đọc được." in broken.content.decode()
    assert ReportTemplate.objects.count() == 1
    # A commune editor may not upload for the province, nor switch it off.
    denied = client_as(world.commune_officer).post(
        url,
        {
            "unit": world.province.code,
            "name": "Mẫu",
            "file": SimpleUploadedFile("mau.docx", starting_template()),
        },
    )
    assert "Không tìm thấy đơn vị" in denied.content.decode()
    assert ReportTemplate.objects.count() == 1
    assert (
        client_as(world.commune_officer)
        .post(f"{url}{template.pk}/dung/", {"in_use": "0"})
        .status_code
        == 404
    )
    client_as(world.province_officer).post(
        f"{url}{template.pk}/dung/", {"in_use": "0", "version": template.version}
    )
    template.refresh_from_db()
    assert not template.in_use


def test_nothing_heavy_is_imported_when_the_site_starts():
    code = (
        "import os, sys; os.environ.setdefault('DJANGO_SETTINGS_MODULE', "
        "'danvan.settings'); import django; django.setup(); "
        "from django.urls import resolve; resolve('/'); "
        "import danvan.urls, reports.views, reports.documents; "
        "print('matplotlib' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


@pytest.fixture
def admin_of_the_nation(world):
    from accounts.models import Role
    from accounts.services import user_create

    return user_create(
        actor=None,
        username="quan.tri.tw",
        password="mat-khau-trung-uong-2024",
        full_name="Quản trị Trung ương",
        unit=world.root,
        role=Role.ADMINISTRATOR,
    )
