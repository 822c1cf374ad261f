"""Writes of campaigns, their targets per unit and the progress against them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from org.breakdown import breakdown
from org.lineage import ensure_existed, lifetime_error
from org.models import Body, Unit
from vn.text import fold, nfc
from work.models import Campaign, Conference, Target, TargetProgress
from work.services.common import ensure_unlocked, save_edit, save_new


def _check_participants(
    unit: Unit, participants: Sequence[Unit], start: dt.date, end: dt.date
) -> None:
    # Under the organizing unit today, or at the time (a former province's
    # districts now sit under the province it merged into).
    held = breakdown(unit, start, end).members if participants else {}
    outside = [
        p.name
        for p in participants
        if not p.path.startswith(unit.path) and p.pk not in held
    ]
    if outside:
        raise ValidationError(
            {
                "participants": _(
                    "Đơn vị tham gia phải trực thuộc đơn vị phát động: %(names)s"
                )
                % {"names": ", ".join(outside)}
            }
        )
    absent = [
        message
        for p in participants
        if (message := lifetime_error(p, start, end, overlap=True)) is not None
    ]
    if absent:
        raise ValidationError({"participants": absent})


@transaction.atomic
def campaign_create(
    *,
    unit: Unit,
    kind: str,
    name: str,
    start: dt.date,
    end: dt.date,
    participants: Sequence[Unit] = (),
    organizer: Body | None = None,
    description: str = "",
    conference: Conference | None = None,
) -> Campaign:
    """Launch a campaign (cuộc vận động, phong trào, đề án, kế hoạch, đợt),
    possibly at a conference (hội nghị triển khai)."""
    ensure_unlocked(unit, start)
    ensure_existed(unit, start, end, field="start")
    _check_participants(unit, participants, start, end)
    if conference is not None and conference.date > end:
        raise ValidationError(
            {
                "start": _(
                    "Hội nghị phát động phải diễn ra trước khi cuộc vận động kết thúc."
                )
            }
        )
    name = " ".join(nfc(name).split())
    campaign = save_new(
        Campaign(
            unit=unit,
            kind=kind,
            name=name,
            start=start,
            end=end,
            organizer=organizer,
            description=nfc(description).strip(),
            search_key=fold(name),
            conference=conference,
        )
    )
    campaign.participants.set(participants)
    return campaign


@transaction.atomic
def campaign_update(
    *,
    campaign: Campaign,
    kind: str,
    name: str,
    start: dt.date,
    end: dt.date,
    participants: Sequence[Unit],
    organizer: Body | None,
    description: str,
    expected_version: int,
) -> Campaign:
    ensure_unlocked(campaign.unit, campaign.start, start)
    ensure_existed(campaign.unit, start, end, field="start")
    _check_participants(campaign.unit, participants, start, end)
    outside = campaign.targets.filter(
        progress__date__lt=start
    ) | campaign.targets.filter(progress__date__gt=end)
    if outside.exists():
        raise ValidationError(
            {"end": _("Đã có kết quả ghi nhận ngoài khoảng thời gian mới.")}
        )
    campaign.kind, campaign.start, campaign.end = kind, start, end
    campaign.name = " ".join(nfc(name).split())
    campaign.organizer, campaign.description = organizer, nfc(description).strip()
    campaign.search_key = fold(campaign.name)
    save_edit(campaign, expected_version=expected_version)
    campaign.participants.set(participants)
    return campaign


@transaction.atomic
def target_set(
    *,
    campaign: Campaign,
    unit: Unit,
    description: str,
    quantity: Decimal,
    measure: str,
    comparison: str = Target.Comparison.AT_LEAST,
) -> Target:
    """Set a quantified target for one unit taking part in the campaign."""
    ensure_unlocked(campaign.unit, campaign.start)
    if (
        unit.pk != campaign.unit_id
        and not campaign.participants.filter(pk=unit.pk).exists()
    ):
        raise ValidationError({"unit": _("Đơn vị này không tham gia cuộc vận động.")})
    ensure_existed(unit, campaign.start, campaign.end, field="unit", overlap=True)
    target = Target(
        campaign=campaign,
        unit=unit,
        description=" ".join(nfc(description).split()),
        quantity=quantity,
        measure=nfc(measure).strip(),
        comparison=comparison,
    )
    target.full_clean()
    target.save()
    return target


@transaction.atomic
def progress_record(
    *, target: Target, date: dt.date, achieved: Decimal, note: str = ""
) -> TargetProgress:
    """Record what a unit has achieved against its target, as of ``date``."""
    campaign = target.campaign
    ensure_unlocked(target.unit, date)
    ensure_existed(target.unit, date, field="date")
    if not campaign.start <= date <= campaign.end:
        raise ValidationError(
            {"date": _("Ngày ghi nhận phải nằm trong thời gian của cuộc vận động.")}
        )
    progress = TargetProgress(
        target=target, date=date, achieved=achieved, note=nfc(note).strip()
    )
    progress.full_clean()
    progress.save()
    return progress
