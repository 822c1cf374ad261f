"""Writes of coordination programmes and dialogues."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from org.lineage import ensure_existed
from org.models import Body, Unit
from vn.text import fold, nfc
from work.models import Conference, CoordinationProgram, Dialogue
from work.services.common import ensure_unlocked, save_edit, save_new


def _check_parties(parties: Sequence[Body]) -> None:
    if len({p.pk for p in parties}) < 2:
        raise ValidationError(
            {"parties": _("Chương trình phối hợp cần ít nhất hai bên ký.")}
        )


def _check_dates(signed_on: dt.date, start: dt.date, end: dt.date | None) -> None:
    if end is not None and end < start:
        raise ValidationError(
            {"end": _("Ngày kết thúc không được trước ngày bắt đầu.")}
        )
    if end is not None and signed_on > end:
        raise ValidationError(
            {"signed_on": _("Ngày ký phải trong thời gian thực hiện.")}
        )


@transaction.atomic
def program_create(
    *,
    unit: Unit,
    title: str,
    parties: Sequence[Body],
    signed_on: dt.date,
    start: dt.date,
    end: dt.date | None = None,
    content: str = "",
) -> CoordinationProgram:
    """Record a coordination programme signed between two or more bodies."""
    ensure_unlocked(unit, signed_on)
    ensure_existed(unit, signed_on, field="signed_on")
    ensure_existed(unit, start, field="start")
    _check_parties(parties)
    _check_dates(signed_on, start, end)
    title = " ".join(nfc(title).split())
    program = save_new(
        CoordinationProgram(
            unit=unit,
            title=title,
            signed_on=signed_on,
            start=start,
            end=end,
            content=nfc(content).strip(),
            search_key=fold(title),
        )
    )
    program.parties.set(parties)
    return program


@transaction.atomic
def program_update(
    *,
    program: CoordinationProgram,
    title: str,
    parties: Sequence[Body],
    signed_on: dt.date,
    start: dt.date,
    end: dt.date | None,
    content: str,
    status: str,
    expected_version: int,
) -> CoordinationProgram:
    ensure_unlocked(program.unit, program.signed_on, signed_on)
    ensure_existed(program.unit, signed_on, field="signed_on")
    ensure_existed(program.unit, start, field="start")
    _check_parties(parties)
    _check_dates(signed_on, start, end)
    program.title = " ".join(nfc(title).split())
    program.signed_on, program.start, program.end = signed_on, start, end
    program.content, program.status = nfc(content).strip(), status
    program.search_key = fold(program.title)
    save_edit(program, expected_version=expected_version)
    program.parties.set(parties)
    return program


@transaction.atomic
def dialogue_record(
    *,
    unit: Unit,
    host: Body,
    topic: str,
    date: dt.date,
    issues_raised: int,
    issues_resolved: int = 0,
    participants: int | None = None,
    conference: Conference | None = None,
) -> Dialogue:
    """Record a dialogue and how many of the issues raised were resolved."""
    ensure_unlocked(unit, date)
    ensure_existed(unit, date, field="date")
    if conference is not None and conference.date != date:
        raise ValidationError({"date": _("Ngày đối thoại phải trùng ngày hội nghị.")})
    topic = " ".join(nfc(topic).split())
    return save_new(
        Dialogue(
            unit=unit,
            host=host,
            topic=topic,
            date=date,
            issues_raised=issues_raised,
            issues_resolved=issues_resolved,
            participants=participants,
            conference=conference,
            search_key=fold(topic),
        )
    )


@transaction.atomic
def dialogue_update(
    *,
    dialogue: Dialogue,
    host: Body,
    topic: str,
    date: dt.date,
    issues_raised: int,
    issues_resolved: int,
    participants: int | None,
    expected_version: int,
) -> Dialogue:
    """Correct a dialogue, typically to record more issues resolved."""
    ensure_unlocked(dialogue.unit, dialogue.date, date)
    ensure_existed(dialogue.unit, date, field="date")
    if dialogue.conference is not None and dialogue.conference.date != date:
        raise ValidationError({"date": _("Ngày đối thoại phải trùng ngày hội nghị.")})
    dialogue.host, dialogue.date = host, date
    dialogue.topic = " ".join(nfc(topic).split())
    dialogue.issues_raised, dialogue.issues_resolved = issues_raised, issues_resolved
    dialogue.participants = participants
    dialogue.search_key = fold(dialogue.topic)
    return save_edit(dialogue, expected_version=expected_version)
