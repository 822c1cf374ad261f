"""Writes of reports: drafting, editing the narrative, submitting, approving.

Approval is given by the unit above (a strict ancestor of the report's unit)
and locks the period's data of the unit's subtree through the records' period
lock; a reopening of that lock makes the report editable again and stays on
record beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.scope import Action, allows
from org.lineage import ensure_existed, version_on
from org.models import Body, Unit
from reports.models import Report, ReportPeriod
from reports.periods import Period, PeriodKind, next_label
from vn.text import canonical, nfc
from work.services.common import period_lock, save_edit

_ISSUER_KINDS = ("ban-tuyen-giao-dan-van", "ban-dan-van", "khoi-dan-van")
# The suffix of the symbol names the Party committee the body belongs to.
_COMMITTEE_SUFFIX = {
    "tinh": "TU",
    "thanh-pho-tw": "TU",
    "huyen": "HU",
    "quan": "QU",
    "thi-xa": "TXU",
    "thanh-pho-thuoc-tinh": "TU",
    "thanh-pho-thuoc-tp": "TU",
}
NARRATIVE_FIELDS = (
    "results",
    "strengths",
    "shortcomings",
    "causes",
    "lessons",
    "next_tasks",
)
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


def _issuer_of(unit: Unit, period: Period) -> Body | None:
    bodies = {
        b.kind.code: b
        for b in Body.objects.filter(unit=unit, kind__code__in=_ISSUER_KINDS)
        .select_related("kind")
        .order_by("pk")
        if b.valid_to is None or b.valid_to >= period.end
    }
    for code in _ISSUER_KINDS:
        if code in bodies:
            return bodies[code]
    return None


def _committee_of(unit: Unit) -> Body | None:
    body: Body | None = (
        Body.objects.filter(unit=unit, kind__code="dang-uy").order_by("pk").first()
    )
    return body


@dataclass
class ReportHeader:
    superior_name: str
    issuer_name: str
    symbol: str
    place: str
    subject: str
    signer_authority: str
    signer_title: str
    recipients: str


def default_header(unit: Unit, period: Period, kind: str) -> ReportHeader:
    """What a new report starts with; everything here is edited before signing."""
    issuer = _issuer_of(unit, period)
    committee = _committee_of(unit)
    issuer_kind = issuer.kind if issuer is not None else None
    abbreviation = issuer_kind.abbreviation.replace("Đ", "D") if issuer_kind else "BDV"
    suffix = _COMMITTEE_SUFFIX.get(unit.kind.code, "ĐU")
    day = min(period.end, unit.valid_to) if unit.valid_to else period.end
    version = version_on(unit, day)
    name = version.name if version else unit.name
    parent = version.parent if version else None
    recipients = []
    if parent is not None:
        recipients.append(f"- Cơ quan dân vận {parent.name} (để báo cáo),")
    recipients += ["- Thường trực cấp ủy (để báo cáo),", "- Lưu văn phòng."]
    return ReportHeader(
        superior_name=(
            committee.name.upper()
            if committee is not None
            else f"ĐẢNG BỘ {name.upper()}"
        ),
        issuer_name=(issuer_kind.name.upper() if issuer_kind else "BAN DÂN VẬN"),
        symbol=f"BC/{abbreviation}{suffix}",
        place=version.short_name if version else unit.short_name,
        subject=default_subject(kind, period),
        signer_authority="",
        signer_title="TRƯỞNG BAN",
        recipients="\n".join(recipients),
    )


def _require_unit_role(user: User, unit: Unit, action: Action) -> None:
    """The platform's one permission rule, raised as PermissionDenied."""
    if not allows(user, action, unit):
        raise PermissionDenied


def report_draft(*, unit: Unit, period: Period, kind: str | None = None) -> Report:
    """An unsaved report with the drafted header and results, for a document
    produced without storing anything (the command line)."""
    from reports.figures import results_paragraph

    chosen = kind or default_kind(period)
    return Report(
        unit=unit,
        period=ReportPeriod(kind=period.kind.value, start=period.start, end=period.end),
        kind=chosen,
        issuer=_issuer_of(unit, period),
        results=results_paragraph(unit, period),
        **default_header(unit, period, chosen).__dict__,
    )


@transaction.atomic
def report_create(
    *, unit: Unit, period: Period, by: User | None, kind: str | None = None
) -> Report:
    """Start a report of ``unit`` for ``period`` with a drafted header and
    a first paragraph of results written from the roll-up."""
    from reports.figures import results_paragraph

    ensure_existed(unit, period.start, period.end, field="period", overlap=True)
    chosen = kind or default_kind(period)
    if Report.objects.filter(
        unit=unit, period__start=period.start, period__end=period.end, kind=chosen
    ).exists():
        raise ValidationError(_("Đơn vị đã có báo cáo loại này cho kỳ này."))
    header = default_header(unit, period, chosen)
    report = Report(
        unit=unit,
        period=ReportPeriod.of(period),
        kind=chosen,
        issuer=_issuer_of(unit, period),
        created_by=by,
        results=results_paragraph(unit, period),
        **header.__dict__,
    )
    report.search_key = canonical(f"{report.subject} {unit.name}")
    report.full_clean()
    report.save()
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
    for name, value in data.items():
        if name not in NARRATIVE_FIELDS + HEADER_FIELDS:
            raise ValidationError(_("Trường không sửa được: %s") % name)
        setattr(report, name, nfc(value).strip() if isinstance(value, str) else value)
    report.search_key = canonical(f"{report.subject} {report.unit.name}")
    return save_edit(report, expected_version=expected_version)


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
        str(getattr(Report._meta.get_field(name), "verbose_name", name))
        for name in ("strengths", "shortcomings", "next_tasks")
        if not getattr(report, name).strip()
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
