"""Writes of awards and their recipients."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from org.lineage import ensure_existed
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


def _counts(
    named: Mapping[AwardRecipient.Kind, int],
    collectives: int | None,
    individuals: int | None,
) -> tuple[int, int, dict[str, str]]:
    """The counts of an award (None: as many as named), and the errors of the
    rule that named recipients never outnumber them."""
    named_collectives = named[AwardRecipient.Kind.COLLECTIVE]
    named_individuals = named[AwardRecipient.Kind.INDIVIDUAL]
    collectives = named_collectives if collectives is None else collectives
    individuals = named_individuals if individuals is None else individuals
    errors: dict[str, str] = {}
    if named_collectives > collectives:
        errors["collective_count"] = _(
            "Danh sách nêu tên %(named)s tập thể nhưng số tập thể được khen "
            "chỉ là %(count)s."
        ) % {"named": named_collectives, "count": collectives}
    if named_individuals > individuals:
        errors["individual_count"] = _(
            "Danh sách nêu tên %(named)s cá nhân nhưng số cá nhân được khen "
            "chỉ là %(count)s."
        ) % {"named": named_individuals, "count": individuals}
    return collectives, individuals, errors


@transaction.atomic
def award_record(
    *,
    unit: Unit,
    form: str,
    date: dt.date,
    issuer: Body | None = None,
    issuer_name: str = "",
    form_other: str = "",
    collective_count: int | None = None,
    individual_count: int | None = None,
    recipients: Sequence[Recipient] = (),
    reason: str = "",
    decision: str = "",
    conference: Conference | None = None,
    initiative: Initiative | None = None,
) -> Award:
    """Record an award given by ``issuer`` to collectives and individuals.

    The counts may exceed the named recipients (articles often give only
    numbers) but the named recipients never outnumber them; a count left as
    None is the number named.
    """
    ensure_unlocked(unit, date)
    ensure_existed(unit, date, field="date")
    named = {
        kind: sum(1 for r in recipients if r.kind == kind)
        for kind in AwardRecipient.Kind
    }
    collective_count, individual_count, errors = _counts(
        named, collective_count, individual_count
    )
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
    collective_count: int | None,
    individual_count: int | None,
    reason: str,
    decision: str,
    expected_version: int,
) -> Award:
    """Correct an award. The counts never fall below its named recipients; a
    count left as None is the number named."""
    ensure_unlocked(award.unit, award.date, date)
    ensure_existed(award.unit, date, field="date")
    named = {
        kind: award.recipients.filter(kind=kind).count() for kind in AwardRecipient.Kind
    }
    collective_count, individual_count, errors = _counts(
        named, collective_count, individual_count
    )
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
