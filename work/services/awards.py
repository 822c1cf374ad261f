"""Writes of awards and their recipients."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from org.models import Body, Person, Unit
from vn.text import fold, nfc
from work.models import Award, AwardRecipient, Conference, Initiative
from work.services.common import ensure_unlocked, save_edit, save_new


@dataclass(frozen=True)
class Recipient:
    kind: str
    name: str = ""
    body: Body | None = None
    person: Person | None = None


@transaction.atomic
def award_record(
    *,
    unit: Unit,
    form: str,
    date: dt.date,
    issuer: Body | None = None,
    issuer_name: str = "",
    form_other: str = "",
    collective_count: int = 0,
    individual_count: int = 0,
    recipients: Sequence[Recipient] = (),
    reason: str = "",
    decision: str = "",
    conference: Conference | None = None,
    initiative: Initiative | None = None,
) -> Award:
    """Record an award given by ``issuer`` to collectives and individuals.

    The counts may exceed the named recipients (articles often give only
    numbers) but never fall below them.
    """
    ensure_unlocked(unit, date)
    named = {
        kind: sum(1 for r in recipients if r.kind == kind)
        for kind in AwardRecipient.Kind
    }
    collective_count = max(collective_count, named[AwardRecipient.Kind.COLLECTIVE])
    individual_count = max(individual_count, named[AwardRecipient.Kind.INDIVIDUAL])
    errors: dict[str, str] = {}
    if form == Award.Form.OTHER and not form_other.strip():
        errors["form_other"] = _("Hãy ghi rõ hình thức khen thưởng.")
    if conference is not None and conference.date != date:
        errors["date"] = _("Ngày khen thưởng phải trùng ngày hội nghị trao thưởng.")
    if initiative is not None and date < initiative.registered_on:
        errors["date"] = _("Không thể khen mô hình trước ngày mô hình được đăng ký.")
    if errors:
        raise ValidationError(errors)
    issuer_name = " ".join(nfc(issuer_name).split())
    award = save_new(
        Award(
            unit=unit,
            issuer=issuer,
            issuer_name=issuer_name,
            form=form,
            form_other=nfc(form_other).strip(),
            date=date,
            decision=decision.strip(),
            reason=nfc(reason).strip(),
            collective_count=collective_count,
            individual_count=individual_count,
            conference=conference,
            initiative=initiative,
            search_key=fold(f"{issuer or issuer_name} {reason}"),
        )
    )
    for recipient in recipients:
        name = recipient.name or str(recipient.body or recipient.person or "")
        row = AwardRecipient(
            award=award,
            kind=recipient.kind,
            body=recipient.body,
            person=recipient.person,
            name=" ".join(nfc(name).split()),
        )
        row.full_clean()
        row.save()
    return award


@transaction.atomic
def award_update(
    *,
    award: Award,
    form: str,
    date: dt.date,
    issuer: Body | None,
    issuer_name: str,
    form_other: str,
    collective_count: int,
    individual_count: int,
    reason: str,
    decision: str,
    expected_version: int,
) -> Award:
    """Correct an award. The counts never fall below its named recipients."""
    ensure_unlocked(award.unit, award.date, date)
    named = {
        kind: award.recipients.filter(kind=kind).count() for kind in AwardRecipient.Kind
    }
    errors: dict[str, str] = {}
    if collective_count < named[AwardRecipient.Kind.COLLECTIVE]:
        errors["collective_count"] = _("Ít hơn số tập thể đã có tên trong danh sách.")
    if individual_count < named[AwardRecipient.Kind.INDIVIDUAL]:
        errors["individual_count"] = _("Ít hơn số cá nhân đã có tên trong danh sách.")
    if form == Award.Form.OTHER and not form_other.strip():
        errors["form_other"] = _("Hãy ghi rõ hình thức khen thưởng.")
    if award.conference is not None and award.conference.date != date:
        errors["date"] = _("Ngày khen thưởng phải trùng ngày hội nghị trao thưởng.")
    if errors:
        raise ValidationError(errors)
    award.form, award.date, award.issuer = form, date, issuer
    award.issuer_name = " ".join(nfc(issuer_name).split())
    award.form_other, award.reason = nfc(form_other).strip(), nfc(reason).strip()
    award.decision = decision.strip()
    award.collective_count, award.individual_count = collective_count, individual_count
    award.search_key = fold(f"{issuer or award.issuer_name} {award.reason}")
    return save_edit(award, expected_version=expected_version)
