"""Text a user typed cannot break an export or turn into a formula: a title
with a control character and a formula-like title, exported as the
conference list (XLSX), the news draft (DOCX) and the report (XLSX)."""

from __future__ import annotations

import datetime as dt
import io
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from docx import Document
from openpyxl import load_workbook

from org import services as org_services
from org.models import BodyKind
from reports.periods import parse_period
from reports.services import report_create
from work.models import Conference
from work.services import conferences

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example","x")'


def _conference(world, title):
    committee = org_services.body_create(
        unit=world.commune,
        kind=BodyKind.objects.get(code="khoi-dan-van"),
        name=f"Khối Dân vận xã An Phú {Conference.objects.count()}",
    )
    return conferences.conference_create(
        data=conferences.ConferenceData(
            unit=world.commune,
            kind="year_end_review",
            title=title,
            organizer=committee,
            date=dt.date(2024, 1, 10),
            review_start=dt.date(2023, 1, 1),
            review_end=dt.date(2023, 12, 31),
        )
    )


def test_control_characters_are_removed_when_text_is_saved(world):
    conference = _conference(world, "Hội nghị\x0b tổng kết\x00 năm 2023")
    conference.refresh_from_db()
    assert conference.title == "Hội nghị tổng kết năm 2023"


def test_exports_keep_formula_like_text_as_text_and_open(world, client_as):
    conference = _conference(world, FORMULA)
    # A row stored before the cleaning existed (bypassing save()) is cleaned
    # by the data migration.
    Conference.objects.filter(pk=conference.pk).update(place="Hội\x0btrường")
    migration = import_module("reports.migrations.0006_xml_safe_text")
    migration.clean(django_apps, None)
    conference.refresh_from_db()
    assert conference.place == "Hộitrường"
    client = client_as(world.province_officer)

    listing = client.get("/hoi-nghi/", {"xuat": "xlsx"})
    assert listing.status_code == 200
    sheet = load_workbook(io.BytesIO(listing.content)).worksheets[0]
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value == FORMULA]
    assert cells and all(cell.data_type == "s" for cell in cells)

    news = client.get(f"/hoi-nghi/{conference.pk}/ban-tin/", {"tai": "docx"})
    assert news.status_code == 200
    if news["Content-Type"].startswith("application/vnd.openxml"):
        Document(io.BytesIO(news.content))

    report = report_create(unit=world.commune, period=parse_period("2023"), by=None)
    report.subject = FORMULA
    report.save()
    download = client.get(f"/bao-cao/{report.pk}/tai/xlsx/")
    assert download.status_code == 200
    book = load_workbook(io.BytesIO(download.content))
    subject = book.worksheets[0]["B1"]
    assert subject.data_type == "s"


def test_a_viewer_cannot_start_a_pdf_job(world, client_as):
    from jobs.models import Job

    report = report_create(unit=world.commune, period=parse_period("2023"), by=None)
    viewer = client_as(world.commune_viewer)
    assert viewer.get(f"/bao-cao/{report.pk}/tai/docx/").status_code == 200
    response = viewer.post(f"/bao-cao/{report.pk}/tai/pdf/")
    assert response.status_code == 403
    assert not Job.objects.exists()
