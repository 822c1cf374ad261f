"""A period approved (locked) while someone saves a record in it: the save
that found the period open commits before the lock exists, and the lock is
created only after it; nothing is left saved inside a locked period."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from django.db import connection

import work.services.conferences as conference_services
from org import services as org_services
from org.models import BodyKind
from work.models import Conference, PeriodLock
from work.services.common import LockedPeriodError, period_lock

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_lock_waits_for_the_save_that_found_the_period_open(world, monkeypatch):
    committee = org_services.body_create(
        unit=world.commune,
        kind=BodyKind.objects.get(code="khoi-dan-van"),
        name="Khối dân vận xã An Phú",
    )
    checked = threading.Event()
    release = threading.Event()
    real_check = conference_services.ensure_existed  # type: ignore[attr-defined]

    def pause_after_the_lock_check(*args, **kwargs):
        # Called by conference_create right after its lock check.
        checked.set()
        assert release.wait(30)
        return real_check(*args, **kwargs)

    monkeypatch.setattr(
        conference_services, "ensure_existed", pause_after_the_lock_check
    )
    events: list[tuple[str, float]] = []
    errors: list[BaseException] = []

    def save() -> None:
        try:
            conference_services.conference_create(
                data=conference_services.ConferenceData(
                    unit=world.commune,
                    kind="briefing",
                    title="Giao ban khối dân vận quý I",
                    date=dt.date(2024, 3, 20),
                    organizer=committee,
                )
            )
            events.append(("saved", time.monotonic()))
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    def approve() -> None:
        try:
            period_lock(
                unit=world.province,
                start=dt.date(2024, 1, 1),
                end=dt.date(2024, 6, 30),
                reason="Phê duyệt báo cáo 6 tháng",
                by=None,
            )
            events.append(("locked", time.monotonic()))
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    saver = threading.Thread(target=save)
    saver.start()
    assert checked.wait(30)
    approver = threading.Thread(target=approve)
    approver.start()
    approver.join(timeout=1.5)
    # The approval waits while the save that found the period open is running.
    assert approver.is_alive(), "the lock was created during the save"
    release.set()
    saver.join(timeout=60)
    approver.join(timeout=60)
    assert errors == []
    assert [name for name, _ in sorted(events, key=lambda e: e[1])] == [
        "saved",
        "locked",
    ]
    lock = PeriodLock.objects.get()
    conference = Conference.objects.get()
    assert conference.updated_at <= lock.locked_at
    # And a save after the approval is refused.
    monkeypatch.setattr(conference_services, "ensure_existed", real_check)
    with pytest.raises(LockedPeriodError):
        conference_services.conference_create(
            data=conference_services.ConferenceData(
                unit=world.commune,
                kind="briefing",
                title="Giao ban bổ sung",
                date=dt.date(2024, 3, 25),
                organizer=committee,
            )
        )
