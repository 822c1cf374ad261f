"""Writes of indicators and their values per unit and period."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from danvan.audit import log_created
from danvan.textsafety import xml_safe_all
from org.lineage import ensure_existed
from org.models import Unit
from vn.numbers import format_number
from vn.text import fold, nfc
from work.models import Conference, Field, Indicator, IndicatorValue, Initiative
from work.services.common import (
    BatchError,
    LockIndex,
    ensure_unlocked,
    save_edit,
    save_new,
)


@transaction.atomic
def indicator_define(
    *,
    code: str,
    name: str,
    measure: str,
    aggregation: str,
    whole_numbers: bool = True,
    denominator_label: str = "",
    allows_over: bool = False,
    owner: Unit | None = None,
) -> Indicator:
    """Define an indicator once; a unit may add its own."""
    name = " ".join(nfc(name).split())
    if aggregation == Indicator.Aggregation.RATIO and not denominator_label.strip():
        raise ValidationError(
            {"denominator_label": _("Chỉ số tỷ lệ cần tên của mẫu số.")}
        )
    indicator = Indicator(
        code=code,
        name=name,
        measure=nfc(measure).strip(),
        aggregation=aggregation,
        whole_numbers=whole_numbers,
        denominator_label=nfc(denominator_label).strip(),
        allows_over=allows_over,
        owner=owner,
        search_key=fold(name),
    )
    indicator.full_clean()
    indicator.save()
    return indicator


def _figure(number: Decimal) -> str:
    whole = number == number.to_integral_value()
    return format_number(number, 0 if whole else 2)


def _check(value: IndicatorValue) -> None:
    indicator = value.indicator
    value.search_key = fold(f"{indicator.name} {value.source}")
    errors: dict[str, str] = {}
    numbers = {"value": value.value, "denominator": value.denominator}
    for field, number in numbers.items():
        if number is None:
            continue
        if number < 0:
            errors[field] = _("Giá trị không được âm.")
        elif indicator.whole_numbers and number != number.to_integral_value():
            errors[field] = _("Chỉ số “%(name)s” chỉ nhận số nguyên.") % {
                "name": indicator.name
            }
    if indicator.is_ratio and value.denominator is None:
        errors["denominator"] = _("Chỉ số tỷ lệ cần cả mẫu số (%(label)s).") % {
            "label": indicator.denominator_label
        }
    if not indicator.is_ratio and value.denominator is not None:
        errors["denominator"] = _("Chỉ số cộng dồn không có mẫu số.")
    if (
        indicator.is_ratio
        and value.denominator is not None
        and not indicator.allows_over
        and value.value > value.denominator
        and "value" not in errors
    ):
        errors["value"] = _("Tử số (%(value)s) không được lớn hơn mẫu số (%(of)s).") % {
            "value": _figure(value.value),
            "of": _figure(value.denominator),
        }
    if indicator.owner_id is not None and not value.unit.path.startswith(
        indicator.owner.path  # type: ignore[union-attr]
    ):
        errors["indicator"] = _("Chỉ số này không dùng được ở đơn vị này.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def value_record(
    *,
    indicator: Indicator,
    unit: Unit,
    period_start: dt.date,
    period_end: dt.date,
    value: Decimal,
    source: str,
    denominator: Decimal | None = None,
    initiative: Initiative | None = None,
    conference: Conference | None = None,
) -> IndicatorValue:
    """Record an indicator's value for a unit and period, with its source."""
    ensure_unlocked(unit, period_end)
    ensure_existed(unit, period_start, period_end, field="period_start")
    if not source.strip():
        raise ValidationError({"source": _("Hãy ghi nguồn số liệu.")})
    record = IndicatorValue(
        indicator=indicator,
        unit=unit,
        period_start=period_start,
        period_end=period_end,
        value=value,
        denominator=denominator,
        source=nfc(source).strip(),
        initiative=initiative,
        conference=conference,
    )
    _check(record)
    return save_new(record)


@dataclass(frozen=True)
class ValueData:
    """One value of an indicator for a unit and period, with its source."""

    indicator: Indicator
    unit: Unit
    period_start: dt.date
    period_end: dt.date
    value: Decimal
    source: str
    denominator: Decimal | None = None


@transaction.atomic
def values_record_many(
    *, items: Sequence[ValueData], actor: User | None
) -> list[IndicatorValue]:
    """Record many values at once (imports, data sets), by the same rules as
    ``value_record``: all of them or none.

    Raises BatchError, mapping each invalid item's index to its errors. The
    indicators and units of ``items`` must already be loaded.
    """
    locks = LockIndex()
    errors: dict[int, ValidationError] = {}
    built: list[IndicatorValue] = []
    seen: dict[tuple[int, int, dt.date, dt.date], int] = {}
    for index, data in enumerate(items):
        record = IndicatorValue(
            indicator=data.indicator,
            unit=data.unit,
            period_start=data.period_start,
            period_end=data.period_end,
            value=data.value,
            denominator=data.denominator,
            source=nfc(data.source).strip(),
        )
        try:
            locks.check(data.unit, data.period_end)
            ensure_existed(
                data.unit, data.period_start, data.period_end, field="period_start"
            )
            if not record.source:
                raise ValidationError({"source": _("Hãy ghi nguồn số liệu.")})
            _check(record)
            record.full_clean(
                exclude=["indicator", "unit", "initiative", "conference"],
                validate_unique=False,
                validate_constraints=False,
            )
            if record.period_end < record.period_start:
                raise ValidationError(
                    {
                        "period_end": _(
                            "Kỳ số liệu: ngày bắt đầu phải trước ngày kết thúc."
                        )
                    }
                )
            key = (data.indicator.pk, data.unit.pk, data.period_start, data.period_end)
            if key in seen:
                raise ValidationError(
                    _("Trùng với dòng thứ %(n)s: cùng chỉ số, đơn vị và kỳ.")
                    % {"n": seen[key] + 1}
                )
            seen[key] = index
        except ValidationError as exc:
            errors[index] = exc
        built.append(record)
    existing = _existing_keys(list(seen))
    for key, index in seen.items():
        if key in existing:
            errors[index] = ValidationError(
                _("Đơn vị đã có giá trị của chỉ số này cho kỳ này.")
            )
    if errors:
        raise BatchError(errors)
    created = IndicatorValue.objects.bulk_create(xml_safe_all(built), batch_size=1000)
    log_created(created, actor=actor)
    return created


def _existing_keys(
    keys: list[tuple[int, int, dt.date, dt.date]],
) -> set[tuple[int, int, dt.date, dt.date]]:
    """Which of ``keys`` (indicator, unit, start, end) already have a value."""
    found: set[tuple[int, int, dt.date, dt.date]] = set()
    for i in range(0, len(keys), 500):
        chunk = keys[i : i + 500]
        rows = IndicatorValue.objects.filter(
            initiative__isnull=True,
            indicator_id__in={k[0] for k in chunk},
            unit_id__in={k[1] for k in chunk},
            period_start__in={k[2] for k in chunk},
        ).values_list("indicator_id", "unit_id", "period_start", "period_end")
        found.update(rows)
    return found & set(keys)


@transaction.atomic
def value_update(
    *,
    record: IndicatorValue,
    value: Decimal,
    denominator: Decimal | None,
    source: str,
    expected_version: int,
) -> IndicatorValue:
    ensure_unlocked(record.unit, record.period_end)
    record.value, record.denominator, record.source = (
        value,
        denominator,
        nfc(source).strip(),
    )
    _check(record)
    return save_edit(record, expected_version=expected_version)


@transaction.atomic
def field_add(*, owner: Unit, code: str, name: str) -> Field:
    """A field of work of a province's own, usable inside its subtree."""
    field = Field(owner=owner, code=code, name=" ".join(nfc(name).split()), order=50)
    field.full_clean()
    field.save()
    return field
