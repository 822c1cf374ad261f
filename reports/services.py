"""Writes of reports: drafting, editing the narrative, submitting, approving.

Approval is given by the unit above (a strict ancestor of the report's unit)
and locks the period's data of the unit's subtree through the records' period
lock; a reopening of that lock makes the report editable again and stays on
record beside it.
"""

from __future__ import annotations

import hashlib
import json

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.scope import Action, allows
from danvan.textsafety import xml_safe_all
from danvan.versioning import StaleEditError, claim_version, stale_message
from org.lineage import ensure_existed
from org.models import Level, Unit
from reports.drafting import draft
from reports.facts import report_facts
from reports.headers import default_header, issuer_of
from reports.markup import normalize_markup
from reports.models import (
    DocumentLayout,
    OutlineSection,
    Report,
    ReportPeriod,
    ReportSection,
    ReportTemplate,
)
from reports.periods import Period, PeriodKind, next_label
from vn.text import canonical, nfc
from work.services.common import period_lock, save_edit

MAX_TEMPLATE_BYTES = 5 * 1024 * 1024
HEADER_FIELDS = (
    "superior_name",
    "issuer_name",
    "number",
    "symbol",
    "place",
    "issued_on",
    "subject",
    "signer_authority",
    "signer_title",
    "signer_name",
    "recipients",
)


def default_kind(period: Period) -> str:
    if period.kind is PeriodKind.YEAR:
        return Report.Kind.YEAR_END
    if period.kind is PeriodKind.HALF:
        return Report.Kind.MIDYEAR
    return Report.Kind.PERIODIC


def default_subject(kind: str, period: Period) -> str:
    following = next_label(period)
    if kind == Report.Kind.YEAR_END:
        return (
            f"tổng kết công tác dân vận {period.label}, "
            f"phương hướng, nhiệm vụ {following}"
        )
    if kind == Report.Kind.MIDYEAR:
        return (
            f"sơ kết công tác dân vận {period.label}, "
            f"phương hướng, nhiệm vụ {following}"
        )
    return f"kết quả công tác dân vận {period.label}"


def _require_unit_role(user: User, unit: Unit, action: Action) -> None:
    """The platform's one permission rule, raised as PermissionDenied."""
    if not allows(user, action, unit):
        raise PermissionDenied


def outline_for(unit: Unit) -> list[OutlineSection]:
    """The outline of the unit's level, or the default one."""
    own = list(OutlineSection.objects.filter(level=unit.kind.level).order_by("order"))
    return own or list(
        OutlineSection.objects.filter(level__isnull=True).order_by("order")
    )


_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def drafted_sections(unit: Unit, period: Period) -> list[ReportSection]:
    """The sections of a new report, unsaved: the outline, numbered, each
    drafted from the period's records (empty where they say nothing)."""
    facts = report_facts(unit, period)
    labels = {"ky": period.label, "ky_toi": next_label(period)}
    sections = []
    parts = children = 0
    for item in outline_for(unit):
        if item.parent_id is None:
            parts += 1
            children = 0
            number, depth = _ROMAN[min(parts, len(_ROMAN)) - 1], 0
        else:
            children += 1
            number, depth = str(children), 1
        sections.append(
            ReportSection(
                order=item.order,
                depth=depth,
                number=number,
                key=item.key,
                title=item.title.format_map(_Labels(labels)),
                prompt=item.prompt,
                required=item.required,
                text=draft(item.key, facts),
            )
        )
    return sections


class _Labels(dict[str, str]):
    """Leaves an unknown "{…}" of an administrator's title as it is."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def sections_of(report: Report) -> list[ReportSection]:
    """A saved report's sections, or those drafted for an unsaved one."""
    if report.pk is not None:
        return list(report.sections.order_by("order"))
    return list(getattr(report, "draft_sections", []))


def report_draft(*, unit: Unit, period: Period, kind: str | None = None) -> Report:
    """An unsaved report with the drafted header and sections, for a document
    produced without storing anything (the command line)."""
    chosen = kind or default_kind(period)
    report = Report(
        unit=unit,
        period=ReportPeriod(kind=period.kind.value, start=period.start, end=period.end),
        kind=chosen,
        issuer=issuer_of(unit, period),
        **default_header(unit, period, default_subject(chosen, period)).__dict__,
    )
    report.draft_sections = drafted_sections(unit, period)  # type: ignore[attr-defined]
    return report


@transaction.atomic
def report_create(
    *, unit: Unit, period: Period, by: User | None, kind: str | None = None
) -> Report:
    """Start a report of ``unit`` for ``period``: the header, signature and
    recipients drafted for its level and date, and every section of the
    outline drafted from the period's records."""
    ensure_existed(unit, period.start, period.end, field="period", overlap=True)
    chosen = kind or default_kind(period)
    if Report.objects.filter(
        unit=unit, period__start=period.start, period__end=period.end, kind=chosen
    ).exists():
        raise ValidationError(_("Đơn vị đã có báo cáo loại này cho kỳ này."))
    header = default_header(unit, period, default_subject(chosen, period))
    report = Report(
        unit=unit,
        period=ReportPeriod.of(period),
        kind=chosen,
        issuer=issuer_of(unit, period),
        created_by=by,
        **header.__dict__,
    )
    report.search_key = canonical(f"{report.subject} {unit.name}")
    report.full_clean()
    report.save()
    sections = drafted_sections(unit, period)
    for section in sections:
        section.report = report
    ReportSection.objects.bulk_create(xml_safe_all(sections))
    return report


def _ensure_editable(report: Report) -> None:
    if not report.editable and not report_reopened(report):
        raise ValidationError(
            _(
                "Báo cáo đã trình hoặc đã phê duyệt nên không sửa được; "
                "cần cấp trên trả lại hoặc mở lại kỳ."
            )
        )


@transaction.atomic
def report_update(
    *, report: Report, data: dict[str, object], expected_version: int, by: User
) -> Report:
    """Edit the header or narrative of a draft (or returned) report."""
    _require_unit_role(by, report.unit, Action.CHANGE)
    _ensure_editable(report)
    texts = data.pop("sections", None) or {}
    for name, value in data.items():
        if name not in HEADER_FIELDS:
            raise ValidationError(_("Trường không sửa được: %s") % name)
        setattr(report, name, nfc(value).strip() if isinstance(value, str) else value)
    report.search_key = canonical(f"{report.subject} {report.unit.name}")
    save_edit(report, expected_version=expected_version)
    assert isinstance(texts, dict)
    for section in report.sections.filter(key__in=list(texts)):
        text = normalize_markup(str(texts[section.key]))
        if text != section.text:
            section.text = text
            section.save(update_fields=["text"])
    return report


def report_reopened(report: Report) -> bool:
    """Approved, but the lock its approval set has since been reopened."""
    return (
        report.status == Report.Status.APPROVED
        and report.lock is not None
        and report.lock.reopened_at is not None
    )


@transaction.atomic
def report_submit(*, report: Report, by: User) -> Report:
    """The unit sends its report up for approval."""
    _require_unit_role(by, report.unit, Action.CHANGE)
    if not (report.editable or report_reopened(report)):
        raise ValidationError(_("Báo cáo này đã được trình."))
    missing = [
        section.title
        for section in report.sections.filter(required=True).order_by("order")
        if not section.text.strip()
    ]
    if missing:
        raise ValidationError(
            _("Chưa thể trình: còn thiếu các phần %(parts)s.")
            % {"parts": ", ".join(missing)}
        )
    report.status = Report.Status.SUBMITTED
    report.submitted_at = timezone.now()
    report.submitted_by = by
    report.save(update_fields=["status", "submitted_at", "submitted_by"])
    return report


def _require_unit_above(report: Report, by: User) -> None:
    """Approval comes from the unit above: an approver whose unit strictly
    contains the report's unit (the root unit approves its own)."""
    _require_unit_role(by, report.unit, Action.APPROVE)
    assert by.unit is not None
    if by.unit.pk == report.unit.pk and report.unit.depth > 1:
        raise ValidationError(
            _("Báo cáo do cấp trên trực tiếp phê duyệt, không tự phê duyệt.")
        )


@transaction.atomic
def report_approve(*, report: Report, by: User, note: str = "") -> Report:
    """Approve a submitted report and lock the period's data of its subtree."""
    _require_unit_above(report, by)
    if report.status != Report.Status.SUBMITTED:
        raise ValidationError(_("Chỉ phê duyệt được báo cáo đã trình."))
    period = report.period
    report.lock = period_lock(
        unit=report.unit,
        start=period.start,
        end=period.end,
        reason=_("Phê duyệt %(report)s") % {"report": report},
        by=by,
    )
    report.status = Report.Status.APPROVED
    report.decided_at = timezone.now()
    report.decided_by = by
    report.decision_note = nfc(note).strip()
    report.save(
        update_fields=["lock", "status", "decided_at", "decided_by", "decision_note"]
    )
    return report


@transaction.atomic
def report_return(*, report: Report, by: User, note: str) -> Report:
    """Send a submitted report back to its unit for changes, saying why."""
    _require_unit_above(report, by)
    if report.status != Report.Status.SUBMITTED:
        raise ValidationError(_("Chỉ trả lại được báo cáo đã trình."))
    if not note.strip():
        raise ValidationError({"decision_note": _("Hãy nêu lý do trả lại.")})
    report.status = Report.Status.RETURNED
    report.decided_at = timezone.now()
    report.decided_by = by
    report.decision_note = nfc(note).strip()
    report.save(update_fields=["status", "decided_at", "decided_by", "decision_note"])
    return report


# --- templates and outlines ---------------------------------------------------


def _require_top_administrator(by: User) -> None:
    """The outline is edited by an administrator of the top unit."""
    top = Unit.objects.filter(depth=1).order_by("path").first()
    if top is None or not allows(by, Action.ADMINISTER, top):
        raise PermissionDenied


@transaction.atomic
def layout_update(
    *, layout: DocumentLayout, expected_version: int | None = None
) -> DocumentLayout:
    """Save the edited layout profile. Raises ValidationError when a value is
    out of range and StaleEditError when ``expected_version`` is no longer the
    profile's (someone saved it meanwhile)."""
    layout.full_clean()
    claim_version(layout, expected_version)
    layout.save()
    return layout


@transaction.atomic
def report_template_upload(
    *, owner: Unit, name: str, data: bytes, file_name: str, by: User
) -> ReportTemplate:
    """Keep a province's own DOCX layout; refused (ValidationError, with the
    line of the error) if docxtpl cannot read or render it."""
    from reports.documents.templates import check_template

    _require_unit_role(by, owner, Action.ADMINISTER)
    if len(data) > MAX_TEMPLATE_BYTES:
        raise ValidationError({"file": _("Tệp mẫu lớn hơn 5 MB.")})
    try:
        check_template(data)
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from exc
    template = ReportTemplate(
        owner=owner, name=nfc(name).strip() or file_name, uploaded_by=by
    )
    template.full_clean(exclude=["file"])
    template.file.save(file_name or "mau.docx", ContentFile(data), save=False)
    template.save()
    return template


@transaction.atomic
def report_template_use(
    *,
    template: ReportTemplate,
    in_use: bool,
    by: User,
    expected_version: int | None = None,
) -> None:
    """Put a template in use or out of it; StaleEditError when the page it was
    decided on showed an older version (someone else changed it since)."""
    _require_unit_role(by, template.owner, Action.ADMINISTER)
    claim_version(template, expected_version)
    template.in_use = in_use
    template.save(update_fields=["in_use", "version"])


@transaction.atomic
def outline_copy_for_level(*, level: Level, by: User) -> list[OutlineSection]:
    """Give ``level`` an outline of its own, starting from the default one."""
    _require_top_administrator(by)
    if OutlineSection.objects.filter(level=level).exists():
        raise ValidationError(_("Cấp này đã có đề cương riêng."))
    parents: dict[int, OutlineSection] = {}
    copied = []
    for item in OutlineSection.objects.filter(level__isnull=True).order_by("order"):
        copy = OutlineSection.objects.create(
            level=level,
            parent=parents.get(item.parent_id) if item.parent_id else None,
            order=item.order,
            key=item.key,
            title=item.title,
            prompt=item.prompt,
            required=item.required,
        )
        parents[item.pk] = copy
        copied.append(copy)
    return copied


@transaction.atomic
def outline_section_save(
    *,
    section: OutlineSection,
    title: str,
    prompt: str,
    order: int,
    required: bool,
    by: User,
) -> OutlineSection:
    _require_top_administrator(by)
    section.title = " ".join(nfc(title).split())
    section.prompt, section.order, section.required = (
        nfc(prompt).strip(),
        order,
        required,
    )
    section.full_clean()
    section.save()
    return section


def outline_fingerprint(level: Level | None) -> str:
    """What the outline of ``level`` holds now, in 16 hex digits: the page
    posts it back, so a save made from an outline someone changed meanwhile
    is refused (the sections are saved together, not one by one)."""
    rows = OutlineSection.objects.filter(level=level).order_by("pk")
    content = [
        [s.pk, s.parent_id, s.key, s.title, s.prompt, s.order, s.required] for s in rows
    ]
    digest = hashlib.sha256(json.dumps(content, ensure_ascii=False).encode())
    return digest.hexdigest()[:16]


def ensure_outline_unchanged(level: Level | None, fingerprint: str) -> None:
    """Raise StaleEditError when the outline of ``level`` is no longer the one
    ``fingerprint`` was taken from. Call inside the transaction that saves:
    the sections are locked until it ends."""
    list(OutlineSection.objects.select_for_update().filter(level=level))
    if fingerprint != outline_fingerprint(level):
        raise StaleEditError(stale_message())


@transaction.atomic
def outline_section_add(
    *,
    level: Level | None,
    parent: OutlineSection | None,
    key: str,
    title: str,
    prompt: str,
    by: User,
) -> OutlineSection:
    """A section (or, without ``parent``, a part) at the end of an outline."""
    _require_top_administrator(by)
    if parent is not None and parent.level_id != (level.pk if level else None):
        raise ValidationError({"parent": _("Phần này thuộc đề cương khác.")})
    last = OutlineSection.objects.filter(level=level).order_by("-order").first()
    section = OutlineSection(
        level=level,
        parent=parent,
        key=key,
        title=" ".join(nfc(title).split()),
        prompt=nfc(prompt).strip(),
        order=(last.order + 1) if last else 1,
    )
    section.full_clean()
    section.save()
    return section


@transaction.atomic
def outline_section_remove(*, section: OutlineSection, by: User) -> None:
    _require_top_administrator(by)
    section.delete()
