"""Writes of conferences, their attendees, commitments and follow-up tasks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from org.lineage import ensure_existed
from org.models import Body, Person, Unit
from vn.text import fold, nfc
from work.models import Attendance, Commitment, Conference, FollowUpTask
from work.services.common import ensure_unlocked, save_edit, save_new


@dataclass(frozen=True)
class ConferenceData:
    unit: Unit
    kind: str
    title: str
    date: dt.date
    organizer: Body
    start_time: dt.time | None = None
    place: str = ""
    review_start: dt.date | None = None
    review_end: dt.date | None = None
    plan_start: dt.date | None = None
    plan_end: dt.date | None = None
    conclusions: str = ""
    article_title: str = ""
    article_url: str = ""
    article_author: str = ""
    article_published_on: dt.date | None = None


def _apply(conference: Conference, data: ConferenceData) -> None:
    for name in ConferenceData.__dataclass_fields__:
        value = getattr(data, name)
        setattr(
            conference, name, nfc(value).strip() if isinstance(value, str) else value
        )
    conference.title = " ".join(conference.title.split())
    conference.search_key = fold(f"{conference.title} {conference.place}")


def _check(conference: Conference) -> None:
    errors: dict[str, str] = {}
    if conference.review_start and conference.review_start > conference.date:
        errors["review_start"] = _("Kỳ được đánh giá phải bắt đầu trước ngày hội nghị.")
    if conference.plan_end and conference.plan_end < conference.date:
        errors["plan_end"] = _("Kỳ triển khai phải kết thúc sau ngày hội nghị.")
    if (
        conference.article_published_on
        and conference.article_published_on < conference.date
    ):
        errors["article_published_on"] = _(
            "Bài viết không thể đăng trước ngày hội nghị."
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def conference_create(*, data: ConferenceData) -> Conference:
    ensure_unlocked(data.unit, data.date)
    ensure_existed(data.unit, data.date, field="date")
    conference = Conference()
    _apply(conference, data)
    conference.full_clean()
    _check(conference)
    return save_new(conference)


@transaction.atomic
def conference_update(
    *, conference: Conference, data: ConferenceData, expected_version: int
) -> Conference:
    ensure_unlocked(conference.unit, conference.date)
    ensure_unlocked(data.unit, data.date)
    ensure_existed(data.unit, data.date, field="date")
    _apply(conference, data)
    conference.full_clean()
    _check(conference)
    if conference.tasks.filter(deadline__lt=conference.date).exists():
        raise ValidationError(
            {"date": _("Có nhiệm vụ của hội nghị có thời hạn trước ngày hội nghị mới.")}
        )
    return save_edit(conference, expected_version=expected_version)


@transaction.atomic
def attendance_add(
    *,
    conference: Conference,
    name: str,
    position: str = "",
    person: Person | None = None,
    is_guest: bool = False,
    spoke: bool = False,
    speech: str = "",
) -> Attendance:
    """Record that someone attended, with the position they held that day."""
    ensure_unlocked(conference.unit, conference.date)
    name = " ".join(nfc(name or (person.full_name if person else "")).split())
    if not name:
        raise ValidationError({"name": _("Hãy nhập họ và tên đại biểu.")})
    if conference.attendances.filter(name=name).exists():
        raise ValidationError(
            {"name": _("%(name)s đã có trong danh sách đại biểu.") % {"name": name}}
        )
    attendance = Attendance(
        conference=conference,
        person=person,
        name=name,
        position=" ".join(nfc(position).split()),
        is_guest=is_guest,
        spoke=spoke or bool(speech.strip()),
        speech=nfc(speech).strip(),
        order=conference.attendances.count(),
    )
    attendance.full_clean()
    attendance.save()
    return attendance


@transaction.atomic
def attendance_remove(*, attendance: Attendance) -> None:
    ensure_unlocked(attendance.conference.unit, attendance.conference.date)
    attendance.delete()


@transaction.atomic
def commitment_add(
    *,
    conference: Conference,
    content: str,
    body: Body | None = None,
    signer_name: str = "",
) -> Commitment:
    ensure_unlocked(conference.unit, conference.date)
    if body is None and not signer_name.strip():
        raise ValidationError({"signer_name": _("Hãy cho biết đơn vị ký cam kết.")})
    commitment = Commitment(
        conference=conference,
        body=body,
        signer_name=nfc(signer_name).strip(),
        content=nfc(content).strip(),
    )
    commitment.full_clean()
    commitment.save()
    return commitment


def _check_deadline(conference: Conference, deadline: dt.date) -> None:
    if deadline < conference.date:
        raise ValidationError(
            {"deadline": _("Thời hạn của nhiệm vụ không được trước ngày hội nghị.")}
        )


@transaction.atomic
def task_create(
    *, conference: Conference, owner: Body, content: str, deadline: dt.date
) -> FollowUpTask:
    """A task that a conference's conclusions set."""
    ensure_unlocked(conference.unit, conference.date)
    _check_deadline(conference, deadline)
    task = FollowUpTask(
        conference=conference,
        owner=owner,
        content=nfc(content).strip(),
        deadline=deadline,
        search_key=fold(content),
    )
    return save_new(task)


@transaction.atomic
def task_update(
    *,
    task: FollowUpTask,
    status: str,
    deadline: dt.date,
    done_on: dt.date | None,
    expected_version: int,
) -> FollowUpTask:
    """Record a task's progress. Follow-up happens after the conference, so only
    the conference's own period lock applies to the deadline, not to progress."""
    _check_deadline(task.conference, deadline)
    if status == FollowUpTask.Status.DONE and done_on is None:
        raise ValidationError({"done_on": _("Hãy nhập ngày hoàn thành.")})
    if done_on is not None and done_on < task.conference.date:
        raise ValidationError(
            {"done_on": _("Ngày hoàn thành không được trước ngày hội nghị.")}
        )
    task.status, task.deadline, task.done_on = status, deadline, done_on
    return save_edit(task, expected_version=expected_version)
