"""Reading documents into the platform and turning reviewed facts into records."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.scope import Action, allows
from ingest.models import Document
from ingest.pipeline import ingest_bytes
from ingest.reading import ReadError
from org import services as org_services
from org.lineage import ancestor_paths, composition_at
from org.models import Body, BodyKind, Person, Unit
from vn.numbers import format_quantity
from vn.text import fold
from work.models import Conference, Indicator
from work.services import awards, campaigns, conferences, indicators

KINDS = {
    "year_end_review": Conference.Kind.YEAR_END_REVIEW,
    "midyear_review": Conference.Kind.MIDYEAR_REVIEW,
    "plan_launch": Conference.Kind.PLAN_LAUNCH,
    "other": Conference.Kind.THEMATIC,
}
FIELD_INDICATORS = {
    "economy": "dvk-kinh-te",
    "culture_society": "dvk-van-hoa-xa-hoi",
    "defense_security": "dvk-quoc-phong-an-ninh",
    "political_system": "dvk-xay-dung-he-thong-chinh-tri",
}
COUNT_INDICATORS = {
    "total": "dvk-tong-so",
    "new": "dvk-moi",
    "replicated": "dvk-nhan-rong",
    "recognized": "dvk-tieu-bieu",
    "cumulative_total": "dvk-luy-ke",
}
# Extracted indicator labels (folded) that name a standard indicator.
LABEL_INDICATORS = [
    ("gia dinh van hoa", "gia-dinh-van-hoa"),
    ("khu dan cu van hoa", "khu-dan-cu-van-hoa"),
    ("khu pho van hoa", "khu-dan-cu-van-hoa"),
    ("co quan", "co-quan-van-hoa"),
    ("hoi vien", "hoi-vien-moi"),
    ("nha dai doan ket", "nha-dai-doan-ket"),
]
AWARD_FORMS = {
    "ky niem chuong vi su nghiep dan van": "medal",
    "bang khen": "merit",
    "giay khen": "certificate",
}


def _require(user: User, unit: Unit) -> None:
    if not allows(user, Action.CHANGE, unit):
        raise PermissionDenied


def document_read(
    *, unit: Unit, name: str, data: bytes, by: User
) -> tuple[Document, bool]:
    """Read a file (or pasted text) for ``unit``. The same content read again
    returns the document already there (second value False). A file that
    cannot be read raises ReadError and saves nothing."""
    _require(by, unit)
    digest = hashlib.sha256(data).hexdigest()
    existing = Document.objects.filter(unit=unit, sha256=digest).first()
    if existing is not None:
        return existing, False
    result = ingest_bytes(data, name)
    return _create_once(
        unit=unit,
        name=name[:255] or _("văn bản dán vào"),
        sha256=digest,
        original=ContentFile(data, name="original"),
        kind=result.source.kind,
        encoding=result.source.encoding or "",
        text=result.source.text,
        cleaned=result.cleaned,
        facts=result.facts,
        status=Document.Status.READ,
        uploaded_by=by,
    )


def _create_once(**fields: Any) -> tuple[Document, bool]:
    """Create the document, or return the one that the same content, sent at
    the same moment by another request, has just created (the database's
    unique constraint on unit and checksum decides which came first)."""
    document = Document(**fields)
    try:
        with transaction.atomic():
            document.save()
            return document, True
    except IntegrityError:
        # The file was stored before the row was refused: remove it.
        document.original.delete(save=False)
        existing = Document.objects.filter(
            unit=fields["unit"], sha256=fields["sha256"]
        ).first()
        if existing is None:
            raise
        return existing, False


def document_queue(
    *, unit: Unit, name: str, data: bytes, by: User
) -> tuple[Document, bool]:
    """Store a file of a batch upload, to be read by a background job."""
    _require(by, unit)
    digest = hashlib.sha256(data).hexdigest()
    existing = Document.objects.filter(unit=unit, sha256=digest).first()
    if existing is not None:
        return existing, False
    return _create_once(
        unit=unit,
        name=name[:255],
        sha256=digest,
        original=ContentFile(data, name="original"),
        uploaded_by=by,
    )


def document_process(document: Document) -> Document:
    """Read a queued document (the batch job calls this)."""
    try:
        with document.original.open("rb") as original:
            data = original.read()
        result = ingest_bytes(data, document.name)
    except ReadError as exc:
        document.status = Document.Status.FAILED
        document.error = str(exc)[:500]
    else:
        document.kind = result.source.kind
        document.encoding = result.source.encoding or ""
        document.text = result.source.text
        document.cleaned = result.cleaned
        document.facts = result.facts
        document.status = Document.Status.READ
    document.save()
    return document


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise ValidationError(_("Ngày không hợp lệ: %s") % value) from exc


def _body(unit: Unit, name: str, *, create: bool) -> Body | None:
    """The body of ``unit`` or above with this name (folded), or a new one."""
    key = fold(name)
    ancestors = ancestor_paths(unit)
    for body in Body.objects.filter(unit__path__in=ancestors).order_by("-unit__depth"):
        if fold(body.name) == key or (body.short_name and fold(body.short_name) == key):
            return body
    if not create:
        return None
    code = (
        "khoi-dan-van" if "khoi" in key else "ban-dan-van" if "dan van" in key else None
    )
    kind = BodyKind.objects.filter(code=code).first() if code else None
    kind = (
        kind
        or BodyKind.objects.filter(code="dang-uy" if "uy" in key else "ubnd").first()
    )
    if kind is None:
        return None
    return org_services.body_create(unit=unit, kind=kind, name=name)


def _person(unit: Unit, name: str) -> Person:
    key = fold(name)
    ancestors = ancestor_paths(unit)
    found = (
        Person.objects.filter(search_key=key, home_unit__path__in=ancestors)
        .order_by("-home_unit__depth")
        .first()
    )
    return found or org_services.person_create(home_unit=unit, full_name=name)


@transaction.atomic
def document_accept(
    *, document: Document, facts: dict[str, Any], by: User, unit: Unit | None = None
) -> Conference:
    """Turn reviewed facts into records of ``unit`` (the unit the reviewer
    confirmed, by default the one chosen at upload): the conference with its
    attendees, initiative counts and indicator values for the period
    reviewed, awards, and the targets of the period planned. All or nothing."""
    unit = unit or document.unit
    _require(by, unit)
    # Two reviewers (or a double click) accepting at once: the second waits
    # for the first and finds the document accepted.
    document.status = (
        Document.objects.select_for_update()
        .values_list("status", flat=True)
        .get(pk=document.pk)
    )
    if document.status == Document.Status.ACCEPTED:
        raise ValidationError(
            _("Tài liệu này đã được ghi nhận; không ghi nhận lần nữa.")
        )
    event = facts.get("event") or {}
    source = facts.get("source") or {}
    day = _date(event.get("date"))
    if day is None:
        raise ValidationError(
            {"event.date": _("Cần ngày tổ chức hội nghị để ghi nhận.")}
        )
    organizer_name = (event.get("organizer") or "").strip()
    if not organizer_name:
        raise ValidationError({"event.organizer": _("Cần cơ quan tổ chức hội nghị.")})
    organizer = _body(unit, organizer_name, create=True)
    if organizer is None:
        raise ValidationError(
            {"event.organizer": _("Không xác định được cơ quan tổ chức.")}
        )
    review = event.get("review_period") or {}
    plan = event.get("plan_period") or {}
    title = (source.get("title") or "").strip() or _("Hội nghị của %(body)s") % {
        "body": organizer.name
    }
    conference = conferences.conference_create(
        data=conferences.ConferenceData(
            unit=unit,
            kind=KINDS.get(event.get("kind") or "other", Conference.Kind.THEMATIC),
            title=title[:400],
            date=day,
            organizer=organizer,
            place=(event.get("place") or "")[:250],
            review_start=_date(review.get("start")),
            review_end=_date(review.get("end")),
            plan_start=_date(plan.get("start")),
            plan_end=_date(plan.get("end")),
            article_title=(source.get("title") or "")[:400],
            article_author=(source.get("author") or "")[:150],
            article_published_on=_date(source.get("published_on")),
        )
    )
    for attendee in facts.get("attendees") or []:
        name = (attendee.get("name") or "").strip()
        if not name:
            continue
        conferences.attendance_add(
            conference=conference,
            name=name,
            position=(attendee.get("position") or "")[:300],
            person=_person(unit, name),
        )
    source_label = _("Bài viết: %(name)s") % {"name": document.name}
    start, end = _date(review.get("start")), _date(review.get("end"))
    if start and end:
        counts = facts.get("initiatives") or {}
        wanted = [(COUNT_INDICATORS[k], counts.get(k)) for k in COUNT_INDICATORS]
        wanted += [
            (FIELD_INDICATORS[k], (counts.get("by_field") or {}).get(k))
            for k in FIELD_INDICATORS
        ]
        # A report's table by unit: each row that names a unit under this
        # one is recorded there; this unit keeps what the rows leave of its
        # stated counts, so that its roll-up equals the report's total.
        recorded = _record_rows(
            unit, counts.get("by_unit") or [], start, end, source_label, conference
        )
        wanted = _own_share(wanted, recorded)
        for code, value in wanted:
            if value is None:
                continue
            indicators.value_record(
                indicator=Indicator.objects.get(code=code),
                unit=unit,
                period_start=start,
                period_end=end,
                value=Decimal(int(value)),
                source=source_label,
                conference=conference,
            )
        for item in facts.get("indicators") or []:
            _indicator(unit, item, start, end, source_label, conference)
    for award in facts.get("awards") or []:
        form_key = fold(award.get("form") or "")
        form = AWARD_FORMS.get(form_key, "other")
        issuer_name = (award.get("issuer") or "").strip()
        issuer = _body(unit, issuer_name, create=False) if issuer_name else None
        awards.award_record(
            unit=unit,
            form=form,
            form_other="" if form != "other" else (award.get("form") or "")[:150],
            date=day,
            issuer=issuer,
            issuer_name="" if issuer else issuer_name[:250],
            collective_count=int(award.get("collectives") or 0),
            individual_count=int(award.get("individuals") or 0),
            conference=conference,
        )
    targets = [t for t in facts.get("targets") or [] if t.get("at_least") is not None]
    plan_start, plan_end = _date(plan.get("start")), _date(plan.get("end"))
    if targets and plan_start and plan_end:
        campaign = campaigns.campaign_create(
            unit=unit,
            kind="phase",
            name=title[:400],
            start=plan_start,
            end=plan_end,
            organizer=organizer,
            conference=conference,
        )
        for target in targets:
            campaigns.target_set(
                campaign=campaign,
                unit=unit,
                description=(target.get("label") or "")[:300],
                quantity=Decimal(str(target["at_least"])),
                measure=(target.get("unit") or "")[:50],
            )
    document.accepted_facts = facts
    document.status = Document.Status.ACCEPTED
    document.accepted_by = by
    document.accepted_at = timezone.now()
    document.conference = conference
    document.save()
    return conference


@dataclass(frozen=True)
class RowMatch:
    """A row of a report's table by unit, and the unit it names (None when
    no unit under the one recorded for bears that name in the period)."""

    row: dict[str, Any]
    unit: Unit | None
    name: str


ROW_CODES = {"total": "dvk-tong-so", **FIELD_INDICATORS}


def by_unit_matches(
    unit: Unit, rows: list[dict[str, Any]], start: dt.date, end: dt.date
) -> list[RowMatch]:
    """Each row matched by name (folded, with or without its kind word) to a
    unit that was part of ``unit`` at the end of the period, else at its
    start: a 2025 report may list the communes formed on 1 July."""
    named: dict[str, dict[int, tuple[Unit, str]]] = {}
    for day in (end, start):
        for part in composition_at(unit, day):
            if part.unit.pk == unit.pk:
                continue
            for key in {fold(part.name), fold(part.short_name)}:
                named.setdefault(key, {}).setdefault(
                    part.unit.pk, (part.unit, part.name)
                )
        if rows and all(fold(str(r.get("unit") or "")) in named for r in rows):
            break
    matches = []
    for row in rows:
        found = list(named.get(fold(str(row.get("unit") or "")), {}).values())
        if len(found) == 1:
            matches.append(RowMatch(row, found[0][0], found[0][1]))
        else:
            matches.append(RowMatch(row, None, ""))
    return matches


def _record_rows(
    unit: Unit,
    rows: list[dict[str, Any]],
    start: dt.date,
    end: dt.date,
    source: str,
    conference: Conference,
) -> dict[str, Decimal]:
    """Record the matched rows in their units, over the part of the period
    each unit existed; the sums recorded, by indicator code."""
    recorded: dict[str, Decimal] = {}
    for match in by_unit_matches(unit, rows, start, end):
        if match.unit is None:
            continue
        first = max(start, match.unit.valid_from or start)
        last = min(end, match.unit.valid_to or end)
        for key, code in ROW_CODES.items():
            value = match.row.get(key)
            if value is None:
                continue
            indicators.value_record(
                indicator=Indicator.objects.get(code=code),
                unit=match.unit,
                period_start=first,
                period_end=last,
                value=Decimal(int(value)),
                source=source,
                conference=conference,
            )
            recorded[code] = recorded.get(code, Decimal(0)) + Decimal(int(value))
    return recorded


def _own_share(
    wanted: list[tuple[str, Any]], recorded: dict[str, Decimal]
) -> list[tuple[str, Any]]:
    """The stated counts less what the rows recorded in the units below;
    refused when the rows add up to more than the count stated."""
    own: list[tuple[str, Any]] = []
    for code, value in wanted:
        below = recorded.get(code)
        if below is None or value is None:
            own.append((code, value))
            continue
        if below > value:
            raise ValidationError(
                {
                    "by_unit": _(
                        "Các dòng theo đơn vị cộng lại %(rows)s, nhiều hơn số đã "
                        "nêu (%(stated)s) của chỉ tiêu “%(name)s”."
                    )
                    % {
                        "rows": format_quantity(below),
                        "stated": format_quantity(Decimal(int(value))),
                        "name": Indicator.objects.get(code=code).name,
                    }
                }
            )
        own.append((code, (value - below) or None))
    return own


def _indicator(
    unit: Unit,
    item: dict[str, Any],
    start: dt.date,
    end: dt.date,
    source: str,
    conference: Conference,
) -> None:
    """A measured result that names a standard indicator becomes its value."""
    label = fold(item.get("label") or "")
    code = next((c for key, c in LABEL_INDICATORS if key in label), None)
    if item.get("unit") == "VND" and ("kinh phi" in label or "ho tro" in label):
        code = "kinh-phi-ho-tro"
    if code is None or item.get("value") is None:
        return
    indicator = Indicator.objects.get(code=code)
    denominator = item.get("of")
    if indicator.aggregation == "ratio" and denominator is None:
        return
    indicators.value_record(
        indicator=indicator,
        unit=unit,
        period_start=start,
        period_end=end,
        value=Decimal(str(item["value"])),
        denominator=Decimal(str(denominator))
        if indicator.aggregation == "ratio"
        else None,
        source=source,
        conference=conference,
    )
