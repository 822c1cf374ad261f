"""Costly requests are limited per user per minute: over the limit the view
does not run; a Vietnamese page with status 429 and Retry-After says so.
Other users keep their own allowance."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from ingest.models import Document
from reports.periods import parse_period
from reports.services import report_create


def test_documents_over_the_limit_get_429_and_others_are_not_affected(
    world, client_as, settings
):
    settings.RATE_LIMITS = settings.RATE_LIMITS | {"documents": "2/m"}
    report = report_create(unit=world.commune, period=parse_period("2024"), by=None)
    officer = client_as(world.commune_officer)
    url = f"/bao-cao/{report.pk}/tai/docx/"
    assert [officer.get(url).status_code for _ in range(2)] == [200, 200]
    refused = officer.get(url)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert "Bạn thao tác quá nhanh" in refused.content.decode()
    # The list export counts as a document too.
    assert officer.get("/hoi-nghi/?xuat=xlsx").status_code == 429
    # Another user is not held back by the first one's use.
    assert client_as(world.province_officer).get(url).status_code == 200


def test_uploads_over_the_limit_save_nothing(world, client_as, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.RATE_LIMITS = settings.RATE_LIMITS | {"uploads": "2/m"}
    client = client_as(world.commune_officer)
    texts = [
        f"Sáng ngày {day}/01/2024, Khối dân vận xã An Phú tổ chức hội nghị {day}."
        for day in (10, 11, 12)
    ]
    statuses = [
        client.post(
            "/doc-bai/",
            {
                "unit": world.commune.code,
                "documents": SimpleUploadedFile(f"bai{n}.txt", text.encode()),
            },
        ).status_code
        for n, text in enumerate(texts)
    ]
    assert statuses[2] == 429
    assert Document.objects.count() == 2
    # Reading the page is not an upload: it is not limited.
    assert client.get("/doc-bai/").status_code == 200
