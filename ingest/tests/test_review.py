"""From an uploaded file to reviewed records, and the pages around it."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from ingest.models import Document
from ingest.review import highlighted
from ingest.services import document_accept, document_read
from jobs.models import Job
from org.models import Body, Person
from work.models import Attendance, Award, Conference, IndicatorValue

ARTICLES = Path(__file__).resolve().parent / "articles"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _read(world, name="a02.txt"):
    return document_read(
        unit=world.commune,
        name=name,
        data=(ARTICLES / name).read_bytes(),
        by=world.commune_officer,
    )


def test_accepted_facts_become_records_matched_by_name(world):
    existing = Person.objects.create(
        full_name="Đinh Thị Mai", home_unit=world.province, search_key="dinh thi mai"
    )
    document, created = _read(world)
    assert created and document.status == Document.Status.READ
    conference = document_accept(
        document=document, facts=document.facts, by=world.commune_officer
    )
    assert conference.unit == world.commune
    assert conference.date.isoformat() == "2024-01-16"
    assert conference.organizer.name == "Ban Dân vận Huyện ủy Đức Phong"
    names = list(
        Attendance.objects.filter(conference=conference).values_list("name", flat=True)
    )
    assert names == ["Hoàng Văn Sơn", "Đinh Thị Mai", "Bùi Quang Vinh"]
    # An existing person is matched by name; the others are created.
    assert Attendance.objects.get(name="Đinh Thị Mai").person == existing
    values = {
        v.indicator.code: v.value
        for v in IndicatorValue.objects.filter(conference=conference)
    }
    assert values["dvk-tong-so"] == 64
    assert values["dvk-moi"] == 40 and values["dvk-luy-ke"] == 215
    assert sorted(
        Award.objects.filter(conference=conference).values_list("form", flat=True)
    ) == [
        "certificate",
        "merit",
    ]
    document.refresh_from_db()
    assert document.status == Document.Status.ACCEPTED
    with pytest.raises(ValidationError, match="đã được ghi nhận"):
        document_accept(
            document=document, facts=document.facts, by=world.commune_officer
        )


def test_reading_the_same_file_again_finds_the_first_document(world):
    first, created = _read(world)
    again, created_again = _read(world)
    assert created and not created_again and first.pk == again.pk
    assert Document.objects.count() == 1


def test_a_bad_accept_changes_nothing(world):
    document, _created = _read(world)
    facts = dict(document.facts)
    facts["awards"] = [
        {"issuer": None, "form": "Giấy khen", "collectives": 0, "individuals": 0}
    ]
    before = (Conference.objects.count(), Body.objects.count(), Person.objects.count())
    with pytest.raises(ValidationError):
        document_accept(document=document, facts=facts, by=world.commune_officer)
    assert (
        Conference.objects.count(),
        Body.objects.count(),
        Person.objects.count(),
    ) == before
    document.refresh_from_db()
    assert document.status == Document.Status.READ


def test_the_review_page_escapes_the_text_and_marks_facts(world, client_as):
    page = (
        "Hội nghị <script>alert(1)</script>\n\nSáng ngày 05/02/2024, Ban Dân vận Huyện ủy "
        "Yên Thành tổ chức hội nghị tổng kết công tác dân vận năm 2023. Tham dự có "
        "đồng chí Nguyễn Văn An, Phó Bí thư Huyện ủy."
    )
    client = client_as(world.commune_officer)
    response = client.post(
        "/doc-bai/", {"unit": world.commune.code, "text": page}, follow=True
    )
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert '<mark data-fact="attendee">Nguyễn Văn An</mark>' in html
    assert highlighted(
        "a <b> 52 mô hình", {"source": {}, "event": {}, "initiatives": {"total": 52}}
    ) == ('a &lt;b&gt; <mark data-fact="initiatives.total">52</mark> mô hình')


def test_bad_uploads_get_a_message_and_save_nothing(world, client_as):
    client = client_as(world.commune_officer)
    response = client.post(
        "/doc-bai/",
        {"unit": world.commune.code, "documents": SimpleUploadedFile("rong.txt", b"")},
    )
    assert "Tệp rỗng" in response.content.decode()
    response = client.post("/doc-bai/", {"unit": world.commune.code})
    assert "Hãy chọn tệp hoặc dán nội dung" in response.content.decode()
    assert Document.objects.count() == 0


def test_a_batch_upload_runs_as_a_job(
    world, client_as, django_capture_on_commit_callbacks
):
    client = client_as(world.commune_officer)
    files = [
        SimpleUploadedFile(name, (ARTICLES / name).read_bytes())
        for name in ("a01.txt", "a03.txt")
    ] + [SimpleUploadedFile("hong.docx", b"PK\x03\x04" + b"\x00" * 50)]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/doc-bai/", {"unit": world.commune.code, "documents": files}
        )
    job = Job.objects.get()
    assert response["Location"] == f"/viec-nen/{job.pk}/"
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.progress == 100
    statuses = dict(Document.objects.values_list("name", "status"))
    assert statuses == {"a01.txt": "read", "a03.txt": "read", "hong.docx": "failed"}


def test_documents_of_another_unit_are_hidden(world, client_as):
    document, _created = _read(world)
    other = client_as(world.sibling_officer)
    assert other.get(f"/doc-bai/{document.pk}/").status_code == 404
    assert other.post(f"/doc-bai/{document.pk}/", {"organizer": "x"}).status_code == 404
    viewer = client_as(world.commune_viewer)
    assert viewer.get(f"/doc-bai/{document.pk}/").status_code == 200
    assert (
        viewer.post(f"/doc-bai/{document.pk}/", {"organizer": "x"}).status_code == 403
    )


def test_numbers_are_marked_only_where_they_stand_alone():
    facts = {"source": {}, "event": {}, "initiatives": {"total": 12}}
    html = highlighted("Năm 2012 có 12 mô hình; mã 12/KH và 12,5 ha.", facts)
    assert html.count("<mark") == 1
    assert 'có <mark data-fact="initiatives.total">12</mark> mô hình' in html


class _CountingAutomata:
    """ahocorasick_rs as the review module sees it, counting its passes."""

    def __init__(self) -> None:
        import ahocorasick_rs

        self.real = ahocorasick_rs
        self.MatchKind = ahocorasick_rs.MatchKind
        self.passes = 0

    def AhoCorasick(self, patterns):  # the library's name
        automaton = self.real.AhoCorasick(patterns)
        outer = self

        class Counting:
            def find_matches_as_indexes(self, text, overlapping=False):
                outer.passes += 1
                return automaton.find_matches_as_indexes(text, overlapping=overlapping)

        return Counting()


def test_a_200_kb_text_is_reviewed_in_one_pass_and_few_queries(
    world, client_as, monkeypatch, django_assert_max_num_queries
):
    import ingest.review

    counting = _CountingAutomata()
    monkeypatch.setattr(ingest.review, "ahocorasick_rs", counting)
    paragraph = (ARTICLES / "a02.txt").read_text(encoding="utf-8")
    text = (paragraph + "\n\n") * (200_000 // len(paragraph) + 1)
    assert len(text) > 200_000
    client = client_as(world.commune_officer)
    response = client.post(
        "/doc-bai/", {"unit": world.commune.code, "text": text}, follow=True
    )
    assert response.status_code == 200
    document = Document.objects.get()
    counting.passes = 0
    with django_assert_max_num_queries(25):
        page = client.get(f"/doc-bai/{document.pk}/")
    html = page.content.decode()
    # Every fact of every repetition is marked, from a single pass.
    assert counting.passes == 1
    assert html.count('<mark data-fact="attendee">') >= 200_000 // len(paragraph)


def test_documents_never_accepted_expire_with_their_files(world, settings):
    """The nightly task removes what was uploaded and left more than
    UNREVIEWED_DOCUMENT_DAYS days ago, files included; it keeps accepted
    documents and recent ones, and records each removal."""
    import datetime as dt

    from auditlog.models import LogEntry
    from django.utils import timezone

    from ingest.services import document_queue
    from ingest.tasks import expire_documents

    settings.UNREVIEWED_DOCUMENT_DAYS = 30
    accepted, _ = _read(world, "a02.txt")
    document_accept(document=accepted, facts=accepted.facts, by=world.commune_officer)
    left, _ = _read(world, "a03.txt")
    queued, _ = document_queue(
        unit=world.commune, name="lo.txt", data=b"Chua doc.", by=world.commune_officer
    )
    recent, _ = _read(world, "a04.txt")
    old = timezone.now() - dt.timedelta(days=31)
    Document.objects.filter(pk__in=[accepted.pk, left.pk, queued.pk]).update(
        uploaded_at=old
    )
    files = {d.pk: Path(d.original.path) for d in (accepted, left, queued, recent)}
    assert all(path.exists() for path in files.values())

    assert expire_documents() == 2
    assert set(Document.objects.values_list("pk", flat=True)) == {
        accepted.pk,
        recent.pk,
    }
    assert not files[left.pk].exists() and not files[queued.pk].exists()
    assert files[accepted.pk].exists() and files[recent.pk].exists()
    removed = LogEntry.objects.filter(
        action=LogEntry.Action.DELETE, object_pk__in=[str(left.pk), str(queued.pk)]
    )
    assert removed.count() == 2
    assert expire_documents() == 0
