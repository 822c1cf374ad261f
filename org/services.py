"""Writes to the hierarchy: units, reorganizations, bodies, people, positions.

Every function is one transaction and validates before it writes; a
``ValidationError`` (messages in Vietnamese) means nothing was saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from danvan.versioning import claim_version
from org.models import (
    Body,
    BodyKind,
    Person,
    Position,
    Reorganization,
    ReorganizationLink,
    Unit,
    UnitKind,
    UnitVersion,
)
from vn.text import fold, nfc

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class NewUnit:
    """A unit that a reorganization brings into existence."""

    code: str
    name: str
    short_name: str
    kind: UnitKind
    parent: Unit | None


def _day(value: dt.date) -> str:
    return date_format(value, "d/m/Y")


# --- units -----------------------------------------------------------------


def unit_create(
    *,
    parent: Unit | None,
    code: str,
    name: str,
    short_name: str,
    kind: UnitKind,
    valid_from: dt.date | None = None,
    reorganization: Reorganization | None = None,
) -> Unit:
    """Create a unit under ``parent`` (a root when None) with its first version.

    Raises ValidationError when a field is invalid, the code is taken by an
    active unit, or the parent is not of a higher level.
    """
    name, short_name, code = nfc(name).strip(), nfc(short_name).strip(), code.strip()
    if parent is not None and parent.kind.level.rank >= kind.level.rank:
        raise ValidationError(
            _("Đơn vị cấp trên “%(parent)s” phải thuộc cấp cao hơn %(kind)s.")
            % {"parent": parent.name, "kind": kind.label}
        )
    unit = Unit(
        code=code,
        name=name,
        short_name=short_name,
        kind=kind,
        valid_from=valid_from,
        search_key=Unit.make_search_key(code=code, name=name, short_name=short_name),
    )
    if Unit.objects.filter(code=code, valid_to__isnull=True).exists():
        raise ValidationError(
            {"code": _("Mã %(code)s đang được đơn vị khác sử dụng.") % {"code": code}}
        )
    unit.full_clean(exclude=["path", "depth", "numchild"], validate_unique=False)
    with transaction.atomic():
        if parent is not None:
            created: Unit = Unit.objects.add_child(parent, instance=unit)
        else:
            created = Unit.objects.add_root(instance=unit)
        unit = created
        UnitVersion.objects.create(
            unit=unit,
            name=name,
            short_name=short_name,
            kind=kind,
            parent=parent,
            valid_from=valid_from,
            reorganization=reorganization,
        )
    return unit


def _open_version(unit: Unit) -> UnitVersion:
    version: UnitVersion | None = unit.versions.filter(valid_to__isnull=True).first()
    if version is None:
        raise ValidationError(
            _("Đơn vị “%(unit)s” đã kết thúc hoạt động.") % {"unit": unit.name}
        )
    return version


def _check_changeable(unit: Unit, day: dt.date) -> None:
    """A unit can be reorganized on ``day`` only if it exists then and nothing
    about it changed on or after that day (reorganizations never overlap)."""
    unit.refresh_from_db()
    if not unit.exists_on(day):
        raise ValidationError(
            _("Đơn vị “%(unit)s” không còn hiệu lực vào ngày %(day)s.")
            % {"unit": unit.name, "day": _day(day)}
        )
    latest = unit.versions.aggregate(latest=Max("valid_from"))["latest"]
    later = ReorganizationLink.objects.filter(
        Q(predecessor=unit) | Q(successor=unit),
        reorganization__effective_date__gte=day,
    ).exists()
    if later or (latest is not None and latest >= day):
        raise ValidationError(
            _(
                "Đơn vị “%(unit)s” đã có một lần sắp xếp có hiệu lực từ ngày "
                "%(day)s trở về sau; các lần sắp xếp không được chồng lấn."
            )
            % {"unit": unit.name, "day": _day(day)}
        )


def _check_no_cycle(unit: Unit, new_parent: Unit) -> None:
    new_parent.refresh_from_db()
    if new_parent.path.startswith(unit.path):
        raise ValidationError(
            _("Không thể đặt “%(unit)s” trực thuộc “%(parent)s”: sẽ tạo vòng lặp.")
            % {"unit": unit.name, "parent": new_parent.name}
        )


def _new_version(
    unit: Unit,
    reorganization: Reorganization,
    *,
    name: str | None = None,
    short_name: str | None = None,
    kind: UnitKind | None = None,
    parent: Unit | None = None,
) -> None:
    """Close the open version the day before the reorganization and open a new one.

    Fields left as None keep their current value; a unit never loses its parent
    in a reorganization.
    """
    day = reorganization.effective_date
    current = _open_version(unit)
    current.valid_to = day - ONE_DAY
    current.full_clean()
    current.save(update_fields=["valid_to"])
    UnitVersion.objects.create(
        unit=unit,
        name=name or current.name,
        short_name=short_name or current.short_name,
        kind=kind or current.kind,
        parent=parent or current.parent,
        valid_from=day,
        reorganization=reorganization,
    )


def _end_unit(unit: Unit, reorganization: Reorganization) -> None:
    last_day = reorganization.effective_date - ONE_DAY
    current = _open_version(unit)
    current.valid_to = last_day
    current.full_clean()
    current.save(update_fields=["valid_to"])
    unit.refresh_from_db()
    unit.valid_to = last_day
    unit.full_clean(exclude=["path", "depth", "numchild"], validate_unique=False)
    unit.save(update_fields=["valid_to"])


def _move(unit: Unit, under: Unit) -> None:
    unit.refresh_from_db()
    under.refresh_from_db()
    Unit.objects.move(unit, under, "last-child")


def _hand_over_children(
    unit: Unit, successor: Unit, reorganization: Reorganization
) -> None:
    """Active children of a unit that ends now belong to its successor."""
    for child in list(Unit.objects.get_children(unit).filter(valid_to__isnull=True)):
        _new_version(child, reorganization, parent=successor)
        ReorganizationLink.objects.create(
            reorganization=reorganization, predecessor=child, successor=child
        )
        _move(child, successor)


def _start(reorganization: Reorganization, spec: NewUnit) -> Unit:
    return unit_create(
        parent=spec.parent,
        code=spec.code,
        name=spec.name,
        short_name=spec.short_name,
        kind=spec.kind,
        valid_from=reorganization.effective_date,
        reorganization=reorganization,
    )


def _reorganization(
    kind: Reorganization.Kind, effective_date: dt.date, decision: str, note: str
) -> Reorganization:
    reorg = Reorganization(
        kind=kind, effective_date=effective_date, decision=nfc(decision), note=nfc(note)
    )
    reorg.full_clean()
    reorg.save()
    return reorg


@transaction.atomic
def reorganization_rename(
    *,
    unit: Unit,
    name: str,
    short_name: str,
    effective_date: dt.date,
    kind: UnitKind | None = None,
    decision: str = "",
    note: str = "",
) -> Reorganization:
    """Rename ``unit`` (and optionally change its kind) from ``effective_date``."""
    _check_changeable(unit, effective_date)
    name, short_name = nfc(name).strip(), nfc(short_name).strip()
    if not name or not short_name:
        raise ValidationError(_("Tên mới không được để trống."))
    reorg = _reorganization(Reorganization.Kind.RENAME, effective_date, decision, note)
    _new_version(unit, reorg, name=name, short_name=short_name, kind=kind)
    ReorganizationLink.objects.create(
        reorganization=reorg, predecessor=unit, successor=unit
    )
    unit.name, unit.short_name = name, short_name
    unit.kind = kind or unit.kind
    unit.search_key = Unit.make_search_key(
        code=unit.code, name=name, short_name=short_name
    )
    unit.save(update_fields=["name", "short_name", "kind", "search_key"])
    return reorg


@transaction.atomic
def reorganization_reparent(
    *,
    unit: Unit,
    new_parent: Unit,
    effective_date: dt.date,
    decision: str = "",
    note: str = "",
) -> Reorganization:
    """Move ``unit`` (with its subtree) under ``new_parent`` from ``effective_date``."""
    _check_changeable(unit, effective_date)
    _check_no_cycle(unit, new_parent)
    if not new_parent.exists_on(effective_date):
        raise ValidationError(
            _("Đơn vị cấp trên “%(parent)s” không có hiệu lực vào ngày %(day)s.")
            % {"parent": new_parent.name, "day": _day(effective_date)}
        )
    if new_parent.kind.level.rank >= unit.kind.level.rank:
        raise ValidationError(
            _("Đơn vị cấp trên “%(parent)s” phải thuộc cấp cao hơn %(kind)s.")
            % {"parent": new_parent.name, "kind": unit.kind.label}
        )
    if _open_version(unit).parent_id == new_parent.pk:
        raise ValidationError(
            _("“%(unit)s” đã trực thuộc “%(parent)s”.")
            % {"unit": unit.name, "parent": new_parent.name}
        )
    reorg = _reorganization(
        Reorganization.Kind.REPARENT, effective_date, decision, note
    )
    _new_version(unit, reorg, parent=new_parent)
    ReorganizationLink.objects.create(
        reorganization=reorg, predecessor=unit, successor=unit
    )
    _move(unit, new_parent)
    return reorg


def _absorb(
    reorg: Reorganization, predecessor: Unit, successor: Unit, primary: bool
) -> None:
    ReorganizationLink.objects.create(
        reorganization=reorg,
        predecessor=predecessor,
        successor=successor,
        is_primary=primary,
    )


def _retire(reorg: Reorganization, unit: Unit, home: Unit) -> None:
    _hand_over_children(unit, home, reorg)
    _end_unit(unit, reorg)
    _move(unit, home)


@transaction.atomic
def reorganization_merge(
    *,
    predecessors: Sequence[Unit],
    successor: Unit | NewUnit,
    effective_date: dt.date,
    decision: str = "",
    note: str = "",
) -> Reorganization:
    """Merge ``predecessors`` into ``successor``, an existing unit or a new one.

    The predecessors (other than an existing successor) end the day before
    ``effective_date``; their records roll up into the successor.
    """
    if len({p.pk for p in predecessors}) != len(predecessors) or not predecessors:
        raise ValidationError(_("Danh sách đơn vị sáp nhập trống hoặc bị trùng."))
    for unit in predecessors:
        _check_changeable(unit, effective_date)
    if isinstance(successor, Unit):
        _check_changeable(successor, effective_date)
        targets = [p for p in predecessors if p.pk != successor.pk]
        if not targets:
            raise ValidationError(_("Cần ít nhất một đơn vị khác để sáp nhập."))
        for unit in targets:
            _check_no_cycle(unit, successor)
    else:
        targets = list(predecessors)
        if successor.parent is not None:
            for unit in targets:
                _check_no_cycle(unit, successor.parent)
    reorg = _reorganization(Reorganization.Kind.MERGE, effective_date, decision, note)
    target = successor if isinstance(successor, Unit) else _start(reorg, successor)
    for unit in targets:
        _absorb(reorg, unit, target, True)
        _retire(reorg, unit, target)
    return reorg


@transaction.atomic
def reorganization_split(
    *,
    predecessor: Unit,
    successors: Sequence[Unit | NewUnit],
    primary: int,
    effective_date: dt.date,
    decision: str = "",
    note: str = "",
) -> Reorganization:
    """Split ``predecessor`` into ``successors``; it ends the day before.

    Its records and active children go to ``successors[primary]``.
    """
    if len(successors) < 2 or not 0 <= primary < len(successors):
        raise ValidationError(
            _("Chia tách cần ít nhất hai đơn vị mới và một đơn vị kế thừa chính.")
        )
    _check_changeable(predecessor, effective_date)
    for item in successors:
        if isinstance(item, Unit):
            if item.pk == predecessor.pk:
                raise ValidationError(_("Đơn vị bị chia tách không thể là đơn vị mới."))
            _check_changeable(item, effective_date)
            _check_no_cycle(predecessor, item)
        elif item.parent is not None:
            _check_no_cycle(predecessor, item.parent)
    reorg = _reorganization(Reorganization.Kind.SPLIT, effective_date, decision, note)
    units = [s if isinstance(s, Unit) else _start(reorg, s) for s in successors]
    for index, unit in enumerate(units):
        _absorb(reorg, predecessor, unit, index == primary)
    _retire(reorg, predecessor, units[primary])
    return reorg


@transaction.atomic
def reorganization_dissolve(
    *,
    unit: Unit,
    into: Unit,
    effective_date: dt.date,
    decision: str = "",
    note: str = "",
) -> Reorganization:
    """End ``unit`` (a level that is abolished) and hand it over to ``into``."""
    _check_changeable(unit, effective_date)
    _check_changeable(into, effective_date)
    _check_no_cycle(unit, into)
    reorg = _reorganization(
        Reorganization.Kind.DISSOLVE, effective_date, decision, note
    )
    _absorb(reorg, unit, into, True)
    _retire(reorg, unit, into)
    return reorg


# --- bodies, people, positions ----------------------------------------------


@transaction.atomic
def body_create(
    *,
    unit: Unit,
    kind: BodyKind,
    name: str,
    short_name: str = "",
    valid_from: dt.date | None = None,
) -> Body:
    """Create a body at ``unit``.

    A kind added by a province is usable only inside that province.
    """
    if kind.owner_id is not None and not unit.path.startswith(kind.owner.path):  # type: ignore[union-attr]
        raise ValidationError(
            {"kind": _("Loại cơ quan này không dùng được ở đơn vị này.")}
        )
    name, short_name = nfc(name).strip(), nfc(short_name).strip()
    body = Body(
        unit=unit,
        kind=kind,
        name=name,
        short_name=short_name,
        valid_from=valid_from,
        search_key=Body.make_search_key(name=name, short_name=short_name),
    )
    body.full_clean()
    body.save()
    return body


@transaction.atomic
def body_update(
    *,
    body: Body,
    name: str,
    short_name: str,
    kind: BodyKind,
    valid_from: dt.date | None,
    valid_to: dt.date | None,
    expected_version: int | None = None,
) -> Body:
    """Change a body. Raises StaleEditError when ``expected_version`` (the
    version the form was opened on) is no longer the body's."""
    body.name, body.short_name = nfc(name).strip(), nfc(short_name).strip()
    body.kind, body.valid_from, body.valid_to = kind, valid_from, valid_to
    body.search_key = Body.make_search_key(name=body.name, short_name=body.short_name)
    body.full_clean()
    claim_version(body, expected_version)
    body.save()
    return body


@transaction.atomic
def body_kind_create(
    *, owner: Unit | None, code: str, name: str, abbreviation: str, category: str
) -> BodyKind:
    kind = BodyKind(
        owner=owner,
        code=code,
        name=nfc(name).strip(),
        abbreviation=nfc(abbreviation).strip(),
        category=category,
    )
    kind.full_clean()
    kind.save()
    return kind


@transaction.atomic
def person_create(
    *,
    home_unit: Unit,
    full_name: str,
    gender: str = "",
    birth_year: int | None = None,
    phone: str = "",
    email: str = "",
) -> Person:
    full_name = " ".join(nfc(full_name).split())
    person = Person(
        home_unit=home_unit,
        full_name=full_name,
        gender=gender,
        birth_year=birth_year,
        phone=phone.strip(),
        email=email.strip(),
        search_key=fold(full_name),
    )
    person.full_clean()
    person.save()
    return person


@transaction.atomic
def person_update(
    *,
    person: Person,
    full_name: str,
    gender: str,
    birth_year: int | None,
    phone: str,
    email: str,
    expected_version: int | None = None,
) -> Person:
    """Change a person's record. Raises StaleEditError when
    ``expected_version`` is no longer the record's."""
    person.full_name = " ".join(nfc(full_name).split())
    person.gender, person.birth_year = gender, birth_year
    person.phone, person.email = phone.strip(), email.strip()
    person.search_key = fold(person.full_name)
    person.full_clean()
    claim_version(person, expected_version)
    person.save()
    return person


@transaction.atomic
def position_assign(
    *,
    person: Person,
    body: Body,
    title: str,
    start_date: dt.date | None = None,
    end_date: dt.date | None = None,
    decision: str = "",
) -> Position:
    """Give ``person`` a title in ``body``; a person may hold several at once.

    Raises ValidationError when the same title in the same body overlaps in time.
    """
    title = " ".join(nfc(title).split())
    position = Position(
        person=person,
        body=body,
        title=title,
        start_date=start_date,
        end_date=end_date,
        decision=nfc(decision).strip(),
    )
    position.full_clean()
    overlapping = Position.objects.filter(person=person, body=body, title=title)
    if start_date is not None:
        overlapping = overlapping.filter(
            Q(end_date__isnull=True) | Q(end_date__gte=start_date)
        )
    if end_date is not None:
        overlapping = overlapping.filter(
            Q(start_date__isnull=True) | Q(start_date__lte=end_date)
        )
    if overlapping.exists():
        raise ValidationError(
            _("%(person)s đã giữ chức vụ này tại %(body)s trong khoảng thời gian đó.")
            % {"person": person.full_name, "body": body.name}
        )
    position.save()
    return position


@transaction.atomic
@transaction.atomic
def position_end(
    *, position: Position, end_date: dt.date, expected_version: int | None = None
) -> Position:
    """Record the last day ``position`` was held; refused when the position
    changed since ``expected_version`` was read."""
    position.end_date = end_date
    position.full_clean()
    claim_version(position, expected_version)
    position.save(update_fields=["end_date", "version"])
    return position


def unit_claim(unit: Unit, expected_version: int | None) -> None:
    """Take ``unit`` for a reorganization begun on ``expected_version``:
    refused (StaleEditError) when it was reorganized since. Call inside the
    reorganization's transaction; two at once on one unit are serialized."""
    claim_version(unit, expected_version)
    if expected_version is None:
        Unit.objects.filter(pk=unit.pk).update(version=unit.version)
