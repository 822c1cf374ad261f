"""The same text sent twice at the same moment (a double click, two tabs)
gives one document and no error: the second request gets the first's."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection

import ingest.pipeline
import ingest.services
from ingest.models import Document
from ingest.services import document_read

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TEXT = (
    "Sáng ngày 12/01/2024, Ban Dân vận Đảng ủy xã An Phú tổ chức hội nghị tổng "
    "kết công tác dân vận năm 2023. Năm qua xã có 12 mô hình “Dân vận khéo”."
).encode()


def _together(work: Any) -> None:
    """Run ``work`` in two threads at once and wait for both."""
    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)


def test_two_identical_uploads_at_once_give_one_document(world, monkeypatch):
    # Both requests pass the "already read?" check before either saves.
    both_checked = threading.Barrier(2, timeout=30)
    real = ingest.pipeline.ingest_bytes

    def read_after_both_checked(data: bytes, name: str) -> Any:
        both_checked.wait()
        return real(data, name)

    monkeypatch.setattr(ingest.services, "ingest_bytes", read_after_both_checked)
    results: list[tuple[int, bool]] = []
    errors: list[BaseException] = []

    def upload() -> None:
        try:
            document, created = document_read(
                unit=world.commune, name="bai.txt", data=TEXT, by=world.commune_officer
            )
            results.append((document.pk, created))
        except BaseException as exc:  # reported below, with the thread's result
            errors.append(exc)
        finally:
            connection.close()

    _together(upload)
    assert errors == []
    assert Document.objects.count() == 1
    assert sorted(created for _pk, created in results) == [False, True]
    assert len({pk for pk, _created in results}) == 1


def test_two_accepts_at_once_record_one_conference(world):
    from django.core.exceptions import ValidationError

    from ingest.services import document_accept
    from work.models import Conference

    document, _created = document_read(
        unit=world.commune, name="bai.txt", data=TEXT, by=world.commune_officer
    )
    both_ready = threading.Barrier(2, timeout=30)
    outcomes: list[str] = []

    def accept() -> None:
        # Each request holds the document as it loaded it: still unaccepted.
        mine = Document.objects.get(pk=document.pk)
        both_ready.wait()
        try:
            document_accept(document=mine, facts=mine.facts, by=world.commune_officer)
            outcomes.append("accepted")
        except ValidationError as exc:
            outcomes.append(" ".join(exc.messages))
        finally:
            connection.close()

    _together(accept)
    assert sorted(outcomes) == [
        "Tài liệu này đã được ghi nhận; không ghi nhận lần nữa.",
        "accepted",
    ]
    assert Conference.objects.count() == 1
