"""XLSX imports of initiatives, indicator values and award lists.

A file is read whole and every row goes through the same services as the
forms. If any row is wrong nothing is saved, and the report names each bad row
with its problems in Vietnamese.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook, load_workbook

from accounts.models import Role, User
from accounts.scope import scoped
from danvan.uploads import ArchiveLimits, UploadRefused, check_archive
from org.lineage import parse_unit_ref
from org.models import Unit
from vn.numbers import format_quantity, parse_date, parse_number
from vn.text import fold
from work.models import Award, Field, Indicator, Initiative
from work.services import awards, indicators, initiatives
from work.services.common import BatchError

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
# The widest import has 15 columns; a sheet declaring far more is not one.
MAX_COLUMNS = 100
# openpyxl holds every shared string in memory (about 150 bytes each); 16 MB
# of the shortest strings stays under 300 MB for the process, and 20,000 rows
# of real data need well under half of it.
ARCHIVE_LIMITS = ArchiveLimits(member_bytes=16 * 2**20, total_bytes=32 * 2**20)


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is for the user."""


class RowError(Exception):
    """A row's value cannot be used; the message is for the user."""


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool = True


@dataclass
class RowProblem:
    row: int
    messages: list[str]


@dataclass
class ImportResult:
    saved: int = 0
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class Context:
    """Look-ups shared by the rows of one file, built with few queries."""

    def __init__(self, user: User) -> None:
        self.user = user
        self._units: dict[str, list[Unit]] = {}
        self.fields: dict[str, Field] = {}
        for field_ in Field.objects.select_related("owner"):
            self.fields[field_.code] = self.fields[key(field_.name)] = field_
        self.indicators: dict[str, Indicator] = {}
        for indicator in Indicator.objects.all():
            self.indicators[indicator.code] = self.indicators[key(indicator.name)] = (
                indicator
            )

    def prefetch_units(self, refs: set[str]) -> None:
        codes = set()
        for ref in refs:
            try:
                codes.add(parse_unit_ref(ref)[0])
            except ValueError:
                continue
        codes -= set(self._units)
        for code in codes:
            self._units[code] = []
        for unit in scoped(self.user, Unit.objects.filter(code__in=codes)):
            self._units[unit.code].append(unit)

    def unit(self, ref: str, day: dt.date) -> Unit:
        """The unit a row names by its code ("731", or "731 (đến 30/06/2025)"
        for a former unit whose code a later unit reuses): the one that existed
        on the row's date, the current one, or the only one."""
        try:
            code, last_day = parse_unit_ref(ref)
        except ValueError as exc:
            raise RowError(
                _("“%(value)s” không phải là mã đơn vị.") % {"value": ref}
            ) from exc
        if code not in self._units:
            self.prefetch_units({code})
        units = [
            u for u in self._units[code] if last_day is None or u.valid_to == last_day
        ]
        if not units:
            raise RowError(
                _("Không có đơn vị mã %(code)s trong phạm vi của bạn.") % {"code": ref}
            )
        then = [u for u in units if u.exists_on(day)]
        current = [u for u in units if u.is_active]
        return (then or current or units)[0]


def key(text: str) -> str:
    """How names in a file are matched: folded, punctuation ignored."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(text)).split())


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _date(value: Any, header: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    parsed = parse_date(_text(value))
    if parsed is None:
        raise RowError(
            _("Cột “%(col)s”: “%(value)s” không phải ngày (dd/mm/yyyy).")
            % {"col": header, "value": _text(value)}
        )
    return parsed


def _number(value: Any, header: str) -> Decimal:
    if isinstance(value, bool):
        raise RowError(_("Cột “%(col)s” phải là số.") % {"col": header})
    if isinstance(value, int | float):
        return Decimal(str(value))
    parsed = parse_number(_text(value))
    if parsed is None:
        raise RowError(
            _("Cột “%(col)s”: “%(value)s” không phải số.")
            % {"col": header, "value": _text(value)}
        )
    return parsed


def _count(value: Any, header: str) -> int:
    number = _number(value, header) if _text(value) else Decimal(0)
    if number < 0 or number != number.to_integral_value():
        raise RowError(_("Cột “%(col)s” phải là số nguyên không âm.") % {"col": header})
    return int(number)


def _choice(value: Any, header: str, options: dict[str, str]) -> str:
    choice = key(_text(value))
    if choice not in options:
        raise RowError(
            _("Cột “%(col)s”: “%(value)s” không hợp lệ; dùng một trong: %(options)s.")
            % {
                "col": header,
                "value": _text(value),
                "options": ", ".join(sorted(options)),
            }
        )
    return options[choice]


# --- the three kinds of file ---------------------------------------------------------


def _initiative_row(row: dict[str, Any], ctx: Context) -> initiatives.InitiativeData:
    field_ = ctx.fields.get(key(_text(row["field"])))
    if field_ is None:
        raise RowError(
            _("Lĩnh vực “%(value)s” không có trong danh mục.")
            % {"value": _text(row["field"])}
        )
    holder_kind = _choice(
        row.get("holder_kind") or "tập thể",
        "Tập thể / cá nhân",
        {
            "tap the": Initiative.Holder.COLLECTIVE,
            "ca nhan": Initiative.Holder.INDIVIDUAL,
        },
    )
    origin = _choice(
        row.get("origin") or "mới",
        "Mới / nhân rộng",
        {"moi": Initiative.Origin.NEW, "nhan rong": Initiative.Origin.REPLICATED},
    )
    kind = _choice(
        row.get("kind") or "mô hình",
        "Loại",
        {"mo hinh": Initiative.Kind.MODEL, "dien hinh": Initiative.Kind.EXEMPLAR},
    )
    registered_on = _date(row["registered_on"], "Ngày đăng ký")
    return initiatives.InitiativeData(
        unit=ctx.unit(_text(row["unit"]), registered_on),
        name=_text(row["name"]),
        field=field_,
        kind=kind,
        holder_kind=holder_kind,
        holder_name=_text(row["holder"]),
        registered_on=registered_on,
        origin=origin,
        description=_text(row.get("description")),
    )


def _saving(
    service: Callable[..., object],
) -> Callable[[list[Any], Context], dict[int, ValidationError]]:
    """Save a file's items with a batch ``service``; the errors by position."""

    def save(items: list[Any], ctx: Context) -> dict[int, ValidationError]:
        try:
            service(items=items, actor=ctx.user)
        except BatchError as exc:
            return exc.errors
        return {}

    return save


def _value_row(row: dict[str, Any], ctx: Context) -> indicators.ValueData:
    name = _text(row["indicator"])
    indicator = ctx.indicators.get(name) or ctx.indicators.get(key(name))
    if indicator is None:
        raise RowError(
            _("Chỉ số “%(value)s” không có trong danh mục.") % {"value": name}
        )
    denominator = row.get("denominator")
    period_start = _date(row["period_start"], "Kỳ từ ngày")
    return indicators.ValueData(
        indicator=indicator,
        unit=ctx.unit(_text(row["unit"]), period_start),
        period_start=period_start,
        period_end=_date(row["period_end"], "Kỳ đến ngày"),
        value=_number(row["value"], "Giá trị"),
        denominator=_number(denominator, "Mẫu số") if _text(denominator) else None,
        source=_text(row["source"]),
    )


_AWARD_FORMS = {
    "ky niem chuong": Award.Form.MEDAL,
    "ky niem chuong vi su nghiep dan van": Award.Form.MEDAL,
    "bang khen": Award.Form.CERTIFICATE_OF_MERIT,
    "giay khen": Award.Form.CERTIFICATE,
}


def _award_row(row: dict[str, Any], ctx: Context) -> None:
    form_text = _text(row["form"])
    form = _AWARD_FORMS.get(
        fold(form_text).replace("“", "").replace("”", ""), Award.Form.OTHER
    )
    day = _date(row["date"], "Ngày khen thưởng")
    awards.award_record(
        unit=ctx.unit(_text(row["unit"]), day),
        issuer_name=_text(row.get("issuer")),
        form=form,
        form_other=form_text if form == Award.Form.OTHER else "",
        date=day,
        decision=_text(row.get("decision")),
        reason=_text(row.get("reason")),
        collective_count=_count(row.get("collectives"), "Số tập thể"),
        individual_count=_count(row.get("individuals"), "Số cá nhân"),
    )


StrOrPromise = str | Promise


@dataclass(frozen=True)
class ImportKind:
    """A kind of file. Each row is turned into an item by ``read_row`` (which
    may save it itself); ``save_batch``, when given, saves all items at once
    and returns the errors of the invalid ones by position."""

    slug: str
    title: StrOrPromise
    columns: tuple[Column, ...]
    read_row: Callable[[dict[str, Any], Context], Any]
    save_batch: Callable[[list[Any], Context], dict[int, ValidationError]] | None = None


KINDS = {
    kind.slug: kind
    for kind in (
        ImportKind(
            "mo-hinh",
            gettext_lazy("Mô hình, điển hình “Dân vận khéo”"),
            (
                Column("name", "Tên mô hình"),
                Column("unit", "Mã đơn vị"),
                Column("field", "Lĩnh vực"),
                Column("holder", "Chủ thể"),
                Column("holder_kind", "Tập thể / cá nhân", required=False),
                Column("registered_on", "Ngày đăng ký"),
                Column("origin", "Mới / nhân rộng", required=False),
                Column("kind", "Loại", required=False),
                Column("description", "Mô tả", required=False),
            ),
            _initiative_row,
            _saving(initiatives.initiatives_register_many),
        ),
        ImportKind(
            "chi-so",
            gettext_lazy("Giá trị chỉ số"),
            (
                Column("indicator", "Chỉ số"),
                Column("unit", "Mã đơn vị"),
                Column("period_start", "Kỳ từ ngày"),
                Column("period_end", "Kỳ đến ngày"),
                Column("value", "Giá trị"),
                Column("denominator", "Mẫu số", required=False),
                Column("source", "Nguồn"),
            ),
            _value_row,
            _saving(indicators.values_record_many),
        ),
        ImportKind(
            "khen-thuong",
            gettext_lazy("Danh sách khen thưởng"),
            (
                Column("unit", "Mã đơn vị"),
                Column("issuer", "Cơ quan khen thưởng", required=False),
                Column("form", "Hình thức"),
                Column("date", "Ngày khen thưởng"),
                Column("collectives", "Số tập thể", required=False),
                Column("individuals", "Số cá nhân", required=False),
                Column("decision", "Số quyết định", required=False),
                Column("reason", "Lý do", required=False),
            ),
            _award_row,
        ),
    )
}


def template_workbook(kind: ImportKind) -> bytes:
    """An empty file with the right headers, for users to fill in."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = str(kind.title)[:31]
    sheet.append([column.header for column in kind.columns])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _read(kind: ImportKind, upload: IO[bytes]) -> list[tuple[int, dict[str, Any]]]:
    head = upload.read(4)
    upload.seek(0)
    if head != b"PK\x03\x04":
        raise ImportFileError(_("Tệp không phải định dạng Excel (.xlsx)."))
    try:
        check_archive(upload, ARCHIVE_LIMITS)
        return list(_rows(kind, upload))
    except ImportFileError:
        raise
    except UploadRefused as exc:
        raise ImportFileError(str(exc)) from exc
    except Exception as exc:
        # Whatever a damaged archive makes the reader raise, the file is unusable.
        raise ImportFileError(
            _("Không đọc được tệp Excel: tệp hỏng hoặc sai định dạng.")
        ) from exc


def _rows(kind: ImportKind, upload: IO[bytes]) -> Iterator[tuple[int, dict[str, Any]]]:
    book = load_workbook(upload, read_only=True, data_only=True)
    sheet = book.worksheets[0]
    # The size the sheet declares is refused before a row is read; rows and
    # columns past it are cut off below whatever the sheet declares.
    if (sheet.max_row or 0) > MAX_ROWS + 1:
        raise ImportFileError(
            _("Tệp khai báo %(rows)s dòng; chỉ nhận đến %(n)s dòng, hãy chia nhỏ tệp.")
            % {"rows": format_quantity(sheet.max_row), "n": format_quantity(MAX_ROWS)}
        )
    if (sheet.max_column or 0) > MAX_COLUMNS:
        raise ImportFileError(
            _("Tệp khai báo %(cols)s cột; mẫu nhập chỉ có đến %(n)s cột.")
            % {"cols": format_quantity(sheet.max_column), "n": MAX_COLUMNS}
        )
    rows = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
    header_row = next(rows, None)
    if header_row is None:
        raise ImportFileError(_("Tệp không có dòng tiêu đề."))
    positions: dict[str, int] = {}
    headers = [key(_text(h)) for h in header_row]
    for column in kind.columns:
        wanted = key(column.header)
        if wanted in headers:
            positions[column.key] = headers.index(wanted)
        elif column.required:
            raise ImportFileError(
                _("Thiếu cột “%(col)s” ở dòng tiêu đề.") % {"col": column.header}
            )
    for number, values in enumerate(rows, start=2):
        if number - 1 > MAX_ROWS:
            raise ImportFileError(
                _("Tệp có hơn %(n)s dòng; hãy chia nhỏ tệp.")
                % {"n": format_quantity(MAX_ROWS)}
            )
        if values is None or all(_text(v) == "" for v in values):
            continue
        yield (
            number,
            {
                name: values[index] if index < len(values) else None
                for name, index in positions.items()
            },
        )


def run_import(
    *, kind: ImportKind, upload: IO[bytes], size: int, user: User
) -> ImportResult:
    """Import every row of ``upload`` or none of them.

    Raises ImportFileError when the file itself cannot be used.
    """
    if size > MAX_BYTES:
        raise ImportFileError(_("Tệp lớn hơn 5 MB."))
    if not user.has_role(Role.EDITOR):
        raise ImportFileError(_("Bạn không có quyền nhập dữ liệu."))
    ctx = Context(user)
    rows = _read(kind, upload)
    ctx.prefetch_units({_text(r.get("unit")) for _, r in rows if _text(r.get("unit"))})
    result = ImportResult()
    items: list[tuple[int, Any]] = []
    with transaction.atomic():
        for number, row in rows:
            missing = [
                c.header
                for c in kind.columns
                if c.required and _text(row.get(c.key)) == ""
            ]
            if missing:
                result.problems.append(
                    RowProblem(
                        number, [_("Thiếu %(cols)s.") % {"cols": ", ".join(missing)}]
                    )
                )
                continue
            try:
                with transaction.atomic():
                    items.append((number, kind.read_row(row, ctx)))
            except RowError as exc:
                result.problems.append(RowProblem(number, [str(exc)]))
            except ValidationError as exc:
                result.problems.append(RowProblem(number, _messages(exc)))
        if kind.save_batch is not None and items:
            errors = kind.save_batch([item for _, item in items], ctx)
            result.problems.extend(
                RowProblem(items[index][0], _messages(error))
                for index, error in errors.items()
            )
            result.problems.sort(key=lambda problem: problem.row)
        result.saved = len(items)
        if result.problems or not rows:
            transaction.set_rollback(True)
            result.saved = 0
    if not rows:
        raise ImportFileError(_("Tệp không có dòng dữ liệu nào."))
    return result


def _messages(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [m for messages in error.message_dict.values() for m in messages]
    return list(error.messages)
