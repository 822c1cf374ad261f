"""Writes of initiatives (mô hình, điển hình) and their lifecycle."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from danvan.audit import log_created
from danvan.textsafety import xml_safe_all
from org.lineage import ensure_existed
from org.models import Body, Person, Unit
from vn.text import fold, nfc
from work.models import Attachment, Field, Initiative, InitiativeStep
from work.services.common import (
    BatchError,
    LockIndex,
    ensure_unlocked,
    save_edit,
    save_new,
)

Status = Initiative.Status

# Which step may follow which: registered → surveyed → recognized → replicated,
# and any step but the last may end in discontinued.
NEXT_STEPS: dict[str, set[str]] = {
    Status.REGISTERED: {Status.SURVEYED, Status.DISCONTINUED},
    Status.SURVEYED: {Status.RECOGNIZED, Status.DISCONTINUED},
    Status.RECOGNIZED: {Status.REPLICATED, Status.DISCONTINUED},
    Status.REPLICATED: {Status.DISCONTINUED},
    Status.DISCONTINUED: set(),
}

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
# Accepted files, recognised by their first bytes rather than their names.
_SIGNATURES = {
    b"\xff\xd8\xff": "image/jpeg",
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"%PDF-": "application/pdf",
}


@dataclass(frozen=True)
class InitiativeData:
    """What a person enters about an initiative."""

    unit: Unit
    name: str
    field: Field
    registered_on: dt.date
    kind: str = Initiative.Kind.MODEL
    holder_kind: str = Initiative.Holder.COLLECTIVE
    holder_body: Body | None = None
    holder_person: Person | None = None
    holder_name: str = ""
    period_end: dt.date | None = None
    origin: str = Initiative.Origin.NEW
    replicates: Initiative | None = None
    description: str = ""
    results: str = ""


def _apply(initiative: Initiative, data: InitiativeData) -> None:
    initiative.unit = data.unit
    initiative.name = " ".join(nfc(data.name).split())
    initiative.field = data.field
    initiative.kind = data.kind
    initiative.holder_kind = data.holder_kind
    initiative.holder_body = data.holder_body
    initiative.holder_person = data.holder_person
    initiative.holder_name = " ".join(nfc(data.holder_name).split())
    initiative.registered_on = data.registered_on
    initiative.period_end = data.period_end
    initiative.origin = data.origin
    initiative.replicates = data.replicates
    initiative.description = nfc(data.description).strip()
    initiative.results = nfc(data.results).strip()
    initiative.search_key = fold(f"{initiative.name} {initiative.holder_name}")


def _check(initiative: Initiative) -> None:
    errors: dict[str, str] = {}
    if (
        initiative.holder_kind == Initiative.Holder.COLLECTIVE
        and initiative.holder_person
    ):
        errors["holder_person"] = _("Mô hình của tập thể không gắn với một cá nhân.")
    if (
        initiative.holder_kind == Initiative.Holder.INDIVIDUAL
        and initiative.holder_body
    ):
        errors["holder_body"] = _("Mô hình của cá nhân không gắn với một tập thể.")
    if not (
        initiative.holder_body or initiative.holder_person or initiative.holder_name
    ):
        errors["holder_name"] = _("Hãy cho biết tập thể hoặc cá nhân thực hiện.")
    if initiative.origin == Initiative.Origin.NEW and initiative.replicates is not None:
        errors["replicates"] = _("Mô hình mới không nhân rộng từ mô hình khác.")
    source = initiative.replicates
    seen: set[int] = set()
    while source is not None and initiative.pk is not None:
        if source.pk == initiative.pk:
            errors["replicates"] = _(
                "Không thể nhân rộng từ chính mô hình này "
                "hoặc từ một mô hình nhân rộng từ nó."
            )
            break
        if source.pk in seen:
            break
        seen.add(source.pk)
        source = source.replicates
    if initiative.field.owner_id is not None and not initiative.unit.path.startswith(
        initiative.field.owner.path  # type: ignore[union-attr]
    ):
        errors["field"] = _("Lĩnh vực này không dùng được ở đơn vị này.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def initiative_register(
    *, data: InitiativeData, decided_by: Body | None = None
) -> Initiative:
    """Register an initiative: its first lifecycle step is "registered".

    Raises ValidationError for invalid data, a replication cycle, or a locked
    period.
    """
    ensure_unlocked(data.unit, data.registered_on)
    ensure_existed(data.unit, data.registered_on, field="registered_on")
    initiative = Initiative()
    _apply(initiative, data)
    _check(initiative)
    save_new(initiative)
    InitiativeStep.objects.create(
        initiative=initiative,
        status=Status.REGISTERED,
        date=initiative.registered_on,
        decided_by=decided_by,
    )
    return initiative


_FOREIGN_KEYS = ["unit", "field", "holder_body", "holder_person", "replicates"]


@transaction.atomic
def initiatives_register_many(
    *, items: Sequence[InitiativeData], actor: User | None
) -> list[Initiative]:
    """Register many initiatives at once (imports), by the same rules as one.

    Raises BatchError, mapping each invalid item's index to its errors, and
    then saves nothing. Related rows given in ``items`` must already be
    loaded; the rules are checked without a query per item.
    """
    locks = LockIndex()
    built: list[Initiative] = []
    errors: dict[int, ValidationError] = {}
    for index, data in enumerate(items):
        initiative = Initiative()
        try:
            locks.check(data.unit, data.registered_on)
            ensure_existed(data.unit, data.registered_on, field="registered_on")
            _apply(initiative, data)
            _check(initiative)
            initiative.full_clean(
                exclude=_FOREIGN_KEYS, validate_unique=False, validate_constraints=False
            )
            if (
                initiative.period_end
                and initiative.period_end < initiative.registered_on
            ):
                raise ValidationError(
                    {"period_end": _("Ngày kết thúc không được trước ngày đăng ký.")}
                )
        except ValidationError as exc:
            errors[index] = exc
        built.append(initiative)
    if errors:
        raise BatchError(errors)
    created = Initiative.objects.bulk_create(xml_safe_all(built), batch_size=1000)
    steps = InitiativeStep.objects.bulk_create(
        [
            InitiativeStep(initiative=i, status=Status.REGISTERED, date=i.registered_on)
            for i in created
        ],
        batch_size=1000,
    )
    log_created(created, actor=actor)
    log_created(steps, actor=actor)
    return created


@transaction.atomic
def initiative_update(
    *, initiative: Initiative, data: InitiativeData, expected_version: int
) -> Initiative:
    """Change an initiative's details (its lifecycle moves through steps)."""
    ensure_unlocked(initiative.unit, initiative.registered_on)
    ensure_unlocked(data.unit, data.registered_on)
    ensure_existed(data.unit, data.registered_on, field="registered_on")
    first_step = (
        initiative.steps.exclude(status=Status.REGISTERED).order_by("date").first()
    )
    if first_step is not None and data.registered_on > first_step.date:
        raise ValidationError(
            {"registered_on": _("Ngày đăng ký không được sau các bước đã ghi nhận.")}
        )
    _apply(initiative, data)
    _check(initiative)
    save_edit(initiative, expected_version=expected_version)
    initiative.steps.filter(status=Status.REGISTERED).update(
        date=initiative.registered_on
    )
    return initiative


@transaction.atomic
def initiative_advance(
    *,
    initiative: Initiative,
    status: str,
    date: dt.date,
    decided_by: Body | None = None,
    note: str = "",
    expected_version: int,
) -> InitiativeStep:
    """Move an initiative to its next lifecycle step, dated and decided by a body."""
    ensure_unlocked(initiative.unit, date)
    ensure_existed(initiative.unit, date, field="date")
    if status not in NEXT_STEPS[initiative.status]:
        raise ValidationError(
            {
                "status": _("Không thể chuyển từ “%(current)s” sang “%(next)s”.")
                % {
                    "current": initiative.get_status_display(),
                    "next": Status(status).label,
                }
            }
        )
    last = initiative.steps.order_by("-date", "-id").first()
    if last is not None and date < last.date:
        raise ValidationError(
            {"date": _("Ngày của bước mới không được trước bước trước đó.")}
        )
    step = InitiativeStep(
        initiative=initiative,
        status=status,
        date=date,
        decided_by=decided_by,
        note=nfc(note).strip(),
    )
    step.full_clean()
    step.save()
    initiative.status = status
    save_edit(initiative, expected_version=expected_version)
    return step


def _sniff(upload: UploadedFile[bytes]) -> str | None:
    head = upload.read(8)
    upload.seek(0)
    for signature, content_type in _SIGNATURES.items():
        if head.startswith(signature):
            return content_type
    return None


@transaction.atomic
def attachment_add(
    *, initiative: Initiative, upload: UploadedFile[bytes], title: str
) -> Attachment:
    """Attach a JPEG, PNG or PDF of at most 10 MB to an initiative."""
    ensure_unlocked(initiative.unit, initiative.registered_on)
    if upload.size is None or upload.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError({"file": _("Tệp lớn hơn 10 MB.")})
    content_type = _sniff(upload)
    if content_type is None:
        raise ValidationError({"file": _("Chỉ nhận ảnh JPEG, PNG hoặc tệp PDF.")})
    attachment = Attachment(
        initiative=initiative,
        title=nfc(title).strip() or upload.name or "",
        content_type=content_type,
        size=upload.size,
    )
    attachment.full_clean(exclude=["file"])
    attachment.file.save(upload.name or "tep", upload, save=False)
    attachment.save()
    return attachment
