"""Staff at work at the same time, on the database the suite runs on (a
SQLite file in WAL mode, or PostgreSQL): writers and readers together get no
error, and a form sent twice at the same moment creates one record."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from org import services as org_services
from org.models import BodyKind
from work.models import Conference

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _committee(world):
    return org_services.body_create(
        unit=world.commune,
        kind=BodyKind.objects.get(code="khoi-dan-van"),
        name="Khối dân vận xã An Phú",
    )


def _run_together(jobs: list[Callable[[], None]]) -> list[BaseException]:
    start = threading.Barrier(len(jobs), timeout=60)
    errors: list[BaseException] = []

    def run(job: Callable[[], None]) -> None:
        try:
            start.wait()
            job()
        except BaseException as exc:  # collected and shown by the test
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return errors


def _form(committee, n: int) -> dict[str, object]:
    return {
        "kind": "briefing",
        "title": f"Hội nghị giao ban khối dân vận lần {n}",
        "date": "2024-03-10",
        "organizer": committee.pk,
    }


def test_eight_writers_and_six_readers_work_without_error(world):
    committee = _committee(world)
    url = reverse("work:conference_create", args=[world.commune.pk])
    pages = [
        reverse("work:conference_list"),
        f"/don-vi/{world.commune.pk}/tong-quan/?ky=2024",
        reverse("work:initiative_list"),
    ]
    statuses: list[int] = []

    def client() -> Client:
        c = Client()
        c.force_login(world.commune_officer)
        return c

    def writer(number: int) -> Callable[[], None]:
        c = client()

        def write() -> None:
            for i in range(5):
                statuses.append(
                    c.post(url, _form(committee, number * 10 + i)).status_code
                )

        return write

    def reader() -> Callable[[], None]:
        c = client()

        def read() -> None:
            for i in range(9):
                statuses.append(c.get(pages[i % len(pages)]).status_code)

        return read

    errors = _run_together([writer(n) for n in range(8)] + [reader() for _ in range(6)])
    assert errors == []
    assert sorted(set(statuses)) == [200, 302]
    assert statuses.count(302) == 40 and statuses.count(200) == 54
    assert Conference.objects.count() == 40


def test_a_form_sent_twice_at_the_same_moment_creates_one_record(world):
    committee = _committee(world)
    url = reverse("work:conference_create", args=[world.commune.pk])
    form = _form(committee, 1) | {"_lan_gui": "0123456789abcdef0123456789abcdef"}
    responses = []

    def post() -> None:
        c = Client()
        c.force_login(world.commune_officer)
        responses.append(c.post(url, form))

    assert _run_together([post, post]) == []
    assert Conference.objects.count() == 1
    assert [r.status_code for r in responses] == [302, 302]
    assert len({r["Location"] for r in responses}) == 1
