"""Rules every write of a work record obeys: period locks and stale edits."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import Role, User
from danvan.versioning import StaleEditError as StaleEditError  # callers' import
from danvan.versioning import claim_version
from org.lineage import ancestors_on, ensure_existed
from org.models import Unit
from work.models import PeriodLock, Versioned

V = TypeVar("V", bound=Versioned)


class LockedPeriodError(ValidationError):
    """The record falls in a period that has been approved and locked."""


class BatchError(Exception):
    """Some items of a batch are invalid; nothing was saved."""

    def __init__(self, errors: dict[int, ValidationError]) -> None:
        super().__init__(f"{len(errors)} invalid items")
        self.errors = errors


def _holds(lock: PeriodLock, unit: Unit, day: dt.date) -> bool:
    """Whether ``lock`` covers records of ``unit`` dated ``day``: its unit is
    ``unit`` or above it, today (lineage) or on that day (a former province
    that approved its report holds its former communes of the time)."""
    if not lock.covers(day):
        return False
    return unit.path.startswith(lock.unit.path) or lock.unit_id in ancestors_on(
        unit, day
    )


# Any constant: the key of PostgreSQL's advisory lock that orders lock checks
# against the creation of locks.
_PERIOD_LOCKS_KEY = 73_612_025


def _guard_period_locks(*, creating: bool) -> None:
    """Order a write's lock check against a new lock (a report approved at the
    same moment). A write checks under the shared lock, a new lock takes it
    alone; each holds it to the end of its transaction. So a write that found
    its period open commits before the lock is created, and a write that comes
    after sees the lock: no edit is ever saved inside a locked period.

    On PostgreSQL a transaction-level advisory lock; SQLite already runs
    writing transactions one at a time (IMMEDIATE), so it needs nothing."""
    if connection.vendor != "postgresql":
        return
    function = "pg_advisory_xact_lock" if creating else "pg_advisory_xact_lock_shared"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {function}(%s)", [_PERIOD_LOCKS_KEY])


def active_lock(unit: Unit, day: dt.date) -> PeriodLock | None:
    """The approval lock (of ``unit`` or a unit above it) that covers ``day``."""
    locks = PeriodLock.objects.filter(
        reopened_at__isnull=True, start__lte=day, end__gte=day
    ).select_related("unit")
    return next((lock for lock in locks if _holds(lock, unit, day)), None)


def ensure_unlocked(unit: Unit, *days: dt.date | None) -> None:
    """Raise LockedPeriodError if any of ``days`` lies in an approved period.
    Call inside the transaction that saves the write."""
    _guard_period_locks(creating=False)
    for day in days:
        if day is None:
            continue
        lock = active_lock(unit, day)
        if lock is not None:
            raise LockedPeriodError(_lock_message(lock))


class LockIndex:
    """Every active lock, loaded once, for writes of many records in one go."""

    def __init__(self) -> None:
        _guard_period_locks(creating=False)
        self.locks = list(
            PeriodLock.objects.filter(reopened_at__isnull=True).select_related("unit")
        )

    def check(self, unit: Unit, day: dt.date) -> None:
        for lock in self.locks:
            if _holds(lock, unit, day):
                raise LockedPeriodError(_lock_message(lock))


def _lock_message(lock: PeriodLock) -> str:
    return _(
        "Kỳ %(start)s – %(end)s của %(unit)s đã được phê duyệt và khóa; "
        "cần người phê duyệt mở lại trước khi thay đổi số liệu."
    ) % {
        "start": date_format(lock.start, "d/m/Y"),
        "end": date_format(lock.end, "d/m/Y"),
        "unit": lock.unit.name,
    }


def save_new(obj: V) -> V:
    """Validate and insert a new versioned record."""
    obj.full_clean()
    obj.save()
    return obj


def save_edit(obj: V, *, expected_version: int) -> V:
    """Validate and save an edit made from ``expected_version`` of the record.

    The version is bumped in the same statement that checks it, so of two
    people editing the same record the second save is refused and nothing the
    first saved is lost.
    """
    obj.full_clean()
    claim_version(obj, expected_version)
    obj.save()
    return obj


@transaction.atomic
def period_lock(
    *, unit: Unit, start: dt.date, end: dt.date, reason: str, by: User | None
) -> PeriodLock:
    """Lock a period of ``unit``'s subtree (the approval of a report does this)."""
    _guard_period_locks(creating=True)
    ensure_existed(unit, start, end, overlap=True)
    lock = PeriodLock(unit=unit, start=start, end=end, reason=reason, locked_by=by)
    lock.full_clean()
    lock.save()
    return lock


@transaction.atomic
def period_reopen(*, lock: PeriodLock, by: User, reason: str) -> PeriodLock:
    """Reopen an approved period. Only an approver may, and must say why."""
    if not by.has_role(Role.APPROVER):
        raise ValidationError(
            _("Chỉ người có quyền phê duyệt mới được mở lại kỳ đã khóa.")
        )
    if not reason.strip():
        raise ValidationError({"reopen_reason": _("Hãy nêu lý do mở lại.")})
    if lock.reopened_at is not None:
        raise ValidationError(_("Kỳ này đã được mở lại."))
    lock.reopened_at = timezone.now()
    lock.reopened_by = by
    lock.reopen_reason = reason.strip()
    lock.save(update_fields=["reopened_at", "reopened_by", "reopen_reason"])
    return lock
