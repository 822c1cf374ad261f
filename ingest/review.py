"""The review page: facts shown beside the text, each highlighted where it was
found, and edited as plain lines that are parsed back (with Vietnamese
messages naming the bad line)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import ahocorasick_rs
from django import forms
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from ingest.facts import EVENT_KINDS, FIELDS, empty_facts
from org.forms import DATE_WIDGET, UnitCodeField

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django_stubs_ext import StrOrPromise

    from org.models import Unit

from vn.numbers import format_number, format_quantity, parse_number

KIND_LABELS = {
    "year_end_review": _("Hội nghị tổng kết năm"),
    "midyear_review": _("Hội nghị sơ kết 6 tháng, giữa kỳ"),
    "plan_launch": _("Hội nghị triển khai kế hoạch, đợt"),
    "other": _("Khác"),
}
FIELD_LABELS = {
    "economy": _("Lĩnh vực kinh tế"),
    "culture_society": _("Lĩnh vực văn hóa - xã hội"),
    "defense_security": _("Lĩnh vực quốc phòng - an ninh"),
    "political_system": _("Lĩnh vực xây dựng hệ thống chính trị"),
}


@dataclass
class Mark:
    start: int
    end: int
    fact: str


def _variants(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, bool):
        return []
    if isinstance(value, int | float):
        number = int(value) if float(value).is_integer() else value
        variants = {str(number)}
        if isinstance(number, int):
            variants |= {f"{number:02d}", format_number(number)}
        else:
            variants |= {
                format_number(Decimal(str(number)), 2),
                str(number).replace(".", ","),
            }
        return sorted(variants, key=len, reverse=True)
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        year, month, day = text.split("-")
        return [
            f"{day}/{month}/{year}",
            f"{int(day)}/{int(month)}/{year}",
            f"{day}/{month}",
            f"{int(day)}/{int(month)}",
        ]
    return [text] if len(text) >= 2 else []


def _facts_to_find(facts: dict[str, Any]) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    for key in ("title", "author", "published_on"):
        found.append((f"source.{key}", facts["source"].get(key)))
    for key in ("date", "place", "organizer", "locality"):
        found.append((f"event.{key}", facts["event"].get(key)))
    for attendee in facts.get("attendees", []):
        found.append(("attendee", attendee.get("name")))
        found.append(("position", attendee.get("position")))
    initiatives = facts.get("initiatives", {})
    for key in ("total", "new", "replicated", "recognized", "cumulative_total"):
        found.append((f"initiatives.{key}", initiatives.get(key)))
    for key, value in (initiatives.get("by_field") or {}).items():
        found.append((f"initiatives.{key}", value))
    for name in facts.get("named_initiatives", []):
        found.append(("named_initiative", name))
    for award in facts.get("awards", []):
        found.append(("award", award.get("issuer")))
        found.append(("award", award.get("collectives") or None))
        found.append(("award", award.get("individuals") or None))
    for item in facts.get("indicators", []):
        for key in ("value", "of", "percent"):
            found.append(("indicator", item.get(key)))
    for item in facts.get("targets", []):
        found.append(("target", item.get("at_least")))
    for partner in facts.get("coordination_partners", []):
        found.append(("partner", partner))
    return found


_NUMBER_LIKE = re.compile(r"[\d.,/]+")


def _lower_same_length(text: str) -> str:
    """The text in lower case, each character to one character (a few letters
    lower to two, which would shift every offset after them)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _stands_alone(text: str, start: int, end: int) -> bool:
    """A number found is not part of a longer number ("12" in "2012")."""
    digits = "0123456789"
    if start > 0 and text[start - 1] in digits + ".,/":
        return False
    following = text[end : end + 1]
    if following and following in digits + "/":
        return False
    return not (following in (".", ",") and text[end + 1 : end + 2] in tuple(digits))


def highlighted(text: str, facts: dict[str, Any]) -> SafeString:
    """The text, escaped, with every fact marked where it occurs.

    One pass over the text finds every variant of every fact at once (an
    Aho-Corasick automaton), so the time grows with the text's length and the
    number of places found, not with their product. For each fact the first of
    its variants found anywhere is marked; where marks overlap, the one that
    starts first (then the longest) wins."""
    wanted: list[tuple[str, int, str]] = []  # (fact, its variant's rank, variant)
    for fact, value in _facts_to_find(facts):
        for rank, variant in enumerate(_variants(value)):
            wanted.append((fact, rank, variant.lower()))
    pieces: list[str] = []
    if not wanted or not text:
        return mark_safe(escape(text))  # escaped
    lowered = _lower_same_length(text)
    patterns = sorted({variant for _fact, _rank, variant in wanted})
    index = {variant: i for i, variant in enumerate(patterns)}
    automaton = ahocorasick_rs.AhoCorasick(patterns)
    places: dict[int, list[tuple[int, int]]] = {}
    for pattern, start, end in automaton.find_matches_as_indexes(
        lowered, overlapping=True
    ):
        if _NUMBER_LIKE.fullmatch(patterns[pattern]) and not _stands_alone(
            lowered, start, end
        ):
            continue
        places.setdefault(pattern, []).append((start, end))
    best: dict[str, tuple[int, str]] = {}
    for fact, rank, variant in wanted:
        if index[variant] in places and (fact not in best or rank < best[fact][0]):
            best[fact] = (rank, variant)
    marks = [
        Mark(start, end, fact)
        for fact, (_rank, variant) in best.items()
        for start, end in places[index[variant]]
    ]
    marks.sort(key=lambda m: (m.start, -(m.end - m.start)))
    cursor = 0
    for mark in marks:
        if mark.start < cursor:
            continue
        pieces.append(escape(text[cursor : mark.start]))
        found = escape(text[mark.start : mark.end])
        pieces.append(f'<mark data-fact="{escape(mark.fact)}">{found}</mark>')
        cursor = mark.end
    pieces.append(escape(text[cursor:]))
    return mark_safe("".join(pieces))  # every piece of text above is escaped


def _cell(value: Any) -> str:
    """A value as staff type it: numbers the Vietnamese way ("1.980", "92,31")."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_quantity(Decimal(str(value)))
    return str(value)


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


def _cells(line: str, size: int) -> list[str]:
    cells = [c.strip() for c in line.split("|")]
    return (cells + [""] * size)[:size]


def _number(text: str, line_no: int, what: object) -> float | int | None:
    if not text:
        return None
    value = parse_number(text.rstrip("%"))
    if value is None:
        raise forms.ValidationError(
            _("Dòng %(line)d: “%(text)s” không phải số (%(what)s).")
            % {"line": line_no, "text": text, "what": what}
        )
    return int(value) if value == value.to_integral_value() else float(value)


def _iso_day(value: Any) -> dt.date | Any:
    """A fact's ISO date as a date, so that the form shows it as dd/mm/yyyy."""
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else value
    except ValueError:
        return value


def _date_field(label: StrOrPromise, *, required: bool = False) -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=DATE_WIDGET)


class FactsForm(forms.Form):
    title = forms.CharField(label=_("Tiêu đề"), required=False, max_length=400)
    published_on = _date_field(_("Ngày đăng"))
    author = forms.CharField(label=_("Tác giả"), required=False, max_length=150)
    kind = forms.ChoiceField(
        label=_("Loại hội nghị"), choices=[(k, KIND_LABELS[k]) for k in EVENT_KINDS]
    )
    date = _date_field(_("Ngày tổ chức"), required=True)
    place = forms.CharField(label=_("Địa điểm"), required=False, max_length=250)
    organizer = forms.CharField(label=_("Cơ quan tổ chức"), max_length=250)
    locality = forms.CharField(label=_("Địa bàn"), required=False, max_length=200)
    review_start = _date_field(_("Kỳ đánh giá từ"))
    review_end = _date_field(_("Kỳ đánh giá đến"))
    plan_start = _date_field(_("Kỳ triển khai từ"))
    plan_end = _date_field(_("Kỳ triển khai đến"))
    attendees = forms.CharField(
        label=_("Đại biểu dự"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Mỗi dòng một người: Họ tên | Chức vụ"),
    )
    total = forms.IntegerField(label=_("Tổng số mô hình"), required=False, min_value=0)
    economy = forms.IntegerField(
        label=FIELD_LABELS["economy"], required=False, min_value=0
    )
    culture_society = forms.IntegerField(
        label=FIELD_LABELS["culture_society"], required=False, min_value=0
    )
    defense_security = forms.IntegerField(
        label=FIELD_LABELS["defense_security"], required=False, min_value=0
    )
    political_system = forms.IntegerField(
        label=FIELD_LABELS["political_system"], required=False, min_value=0
    )
    new = forms.IntegerField(label=_("Mô hình mới"), required=False, min_value=0)
    replicated = forms.IntegerField(
        label=_("Mô hình nhân rộng"), required=False, min_value=0
    )
    recognized = forms.IntegerField(
        label=_("Mô hình tiêu biểu"), required=False, min_value=0
    )
    cumulative_total = forms.IntegerField(
        label=_("Lũy kế mô hình"), required=False, min_value=0
    )
    by_unit = forms.CharField(
        label=_("Mô hình theo đơn vị (bảng của báo cáo)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Mỗi dòng: Đơn vị | Tổng số | Kinh tế | Văn hóa - xã hội | "
            "Quốc phòng - an ninh | Xây dựng hệ thống chính trị. Số liệu của "
            "dòng khớp tên một đơn vị trực thuộc được ghi cho đơn vị đó; phần "
            "còn lại của tổng số ghi cho đơn vị ghi nhận."
        ),
    )
    named_initiatives = forms.CharField(
        label=_("Tên mô hình được nêu"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mỗi dòng một tên."),
    )
    awards = forms.CharField(
        label=_("Khen thưởng"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Mỗi dòng: Cơ quan khen | Hình thức | Số tập thể | Số cá nhân"),
    )
    indicators = forms.CharField(
        label=_("Kết quả, chỉ số"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Mỗi dòng: Nội dung | Giá trị | Trên tổng số | Tỷ lệ % | Đơn vị tính"
        ),
    )
    targets = forms.CharField(
        label=_("Chỉ tiêu"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mỗi dòng: Chỉ tiêu | Ít nhất | Đơn vị tính"),
    )
    partners = forms.CharField(
        label=_("Cơ quan ký chương trình phối hợp"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mỗi dòng một cơ quan."),
    )

    def __init__(
        self,
        *args: Any,
        units: QuerySet[Unit] | None = None,
        **kwargs: Any,
    ) -> None:
        """With ``units``, the form also asks which unit the records go to."""
        super().__init__(*args, **kwargs)
        if units is not None:
            field = UnitCodeField(
                label=_("Đơn vị ghi nhận"),
                units=units,
                active_only=False,
                date_field="date",
            )
            self.fields["unit"] = field
            order = list(self.fields)
            order.remove("unit")
            order.insert(order.index("locality") + 1, "unit")
            self.order_fields(order)

    @classmethod
    def initial_from(cls, facts: dict[str, Any]) -> dict[str, Any]:
        source, event, counts = facts["source"], facts["event"], facts["initiatives"]
        review = event.get("review_period") or {}
        plan = event.get("plan_period") or {}
        return {
            "title": source.get("title"),
            "published_on": _iso_day(source.get("published_on")),
            "author": source.get("author"),
            "kind": event.get("kind") or "other",
            "date": _iso_day(event.get("date")),
            "place": event.get("place"),
            "organizer": event.get("organizer"),
            "locality": event.get("locality"),
            "review_start": _iso_day(review.get("start")),
            "review_end": _iso_day(review.get("end")),
            "plan_start": _iso_day(plan.get("start")),
            "plan_end": _iso_day(plan.get("end")),
            "attendees": "\n".join(
                f"{a['name']} | {a.get('position') or ''}" for a in facts["attendees"]
            ),
            **{
                k: counts.get(k)
                for k in (
                    "total",
                    "new",
                    "replicated",
                    "recognized",
                    "cumulative_total",
                )
            },
            **{k: (counts.get("by_field") or {}).get(k) for k in FIELDS},
            "by_unit": "\n".join(
                " | ".join(
                    _cell(row.get(k)) for k in ("unit", "total", *FIELDS)
                ).rstrip(" |")
                for row in counts.get("by_unit") or []
            ),
            "named_initiatives": "\n".join(facts["named_initiatives"]),
            "awards": "\n".join(
                " | ".join(
                    str(a.get(k) or d)
                    for k, d in (
                        ("issuer", ""),
                        ("form", ""),
                        ("collectives", 0),
                        ("individuals", 0),
                    )
                )
                for a in facts["awards"]
            ),
            "indicators": "\n".join(
                " | ".join(
                    _cell(i.get(k)) for k in ("label", "value", "of", "percent", "unit")
                )
                for i in facts["indicators"]
            ),
            "targets": "\n".join(
                " | ".join(_cell(t.get(k)) for k in ("label", "at_least", "unit"))
                for t in facts.get("targets", [])
            ),
            "partners": "\n".join(facts["coordination_partners"]),
        }

    def clean_attendees(self) -> list[dict[str, str | None]]:
        people = []
        for number, line in enumerate(_lines(self.cleaned_data["attendees"]), start=1):
            name, position = _cells(line, 2)
            if not name:
                raise forms.ValidationError(
                    _("Dòng %(line)d: thiếu họ tên.") % {"line": number}
                )
            people.append({"name": name, "position": position or None})
        return people

    def clean_by_unit(self) -> list[dict[str, Any]]:
        rows = []
        for number, line in enumerate(_lines(self.cleaned_data["by_unit"]), start=1):
            name, total, *fields = _cells(line, 2 + len(FIELDS))
            if not name:
                raise forms.ValidationError(
                    _("Dòng %(line)d: thiếu tên đơn vị.") % {"line": number}
                )
            values = {
                key: _number(text, number, FIELD_LABELS[key])
                for key, text in zip(FIELDS, fields, strict=True)
            }
            count = _number(total, number, _("tổng số"))
            if count is None and all(v is not None for v in values.values()):
                count = sum(v for v in values.values() if v is not None)
            if count is None:
                raise forms.ValidationError(
                    _("Dòng %(line)d: cần tổng số mô hình của đơn vị.")
                    % {"line": number}
                )
            rows.append({"unit": name, "total": count, **values})
        return rows

    def clean_awards(self) -> list[dict[str, Any]]:
        rows = []
        for number, line in enumerate(_lines(self.cleaned_data["awards"]), start=1):
            issuer, form, collectives, individuals = _cells(line, 4)
            if not form:
                raise forms.ValidationError(
                    _("Dòng %(line)d: thiếu hình thức khen thưởng.") % {"line": number}
                )
            c = _number(collectives, number, _("số tập thể")) or 0
            i = _number(individuals, number, _("số cá nhân")) or 0
            if not c and not i:
                raise forms.ValidationError(
                    _("Dòng %(line)d: cần số tập thể hoặc cá nhân.") % {"line": number}
                )
            rows.append(
                {
                    "issuer": issuer or None,
                    "form": form,
                    "collectives": int(c),
                    "individuals": int(i),
                }
            )
        return rows

    def clean_indicators(self) -> list[dict[str, Any]]:
        rows = []
        for number, line in enumerate(_lines(self.cleaned_data["indicators"]), start=1):
            label, value, of, percent, unit = _cells(line, 5)
            rows.append(
                {
                    "label": label,
                    "value": _number(value, number, _("giá trị")),
                    "of": _number(of, number, _("tổng số")),
                    "percent": _number(percent, number, _("tỷ lệ")),
                    "unit": unit or None,
                }
            )
        return rows

    def clean_targets(self) -> list[dict[str, Any]]:
        rows = []
        for number, line in enumerate(_lines(self.cleaned_data["targets"]), start=1):
            label, at_least, unit = _cells(line, 3)
            rows.append(
                {
                    "label": label,
                    "at_least": _number(at_least, number, _("số lượng")),
                    "unit": unit or None,
                }
            )
        return rows

    def facts(self) -> dict[str, Any]:
        data = self.cleaned_data
        facts = empty_facts()

        def iso(value: Any) -> str | None:
            return value.isoformat() if value else None

        facts["source"] = {
            "title": data["title"] or None,
            "published_on": iso(data["published_on"]),
            "author": data["author"] or None,
        }
        review = (
            {"start": iso(data["review_start"]), "end": iso(data["review_end"])}
            if data["review_start"] and data["review_end"]
            else None
        )
        plan = (
            {"start": iso(data["plan_start"]), "end": iso(data["plan_end"])}
            if data["plan_start"] and data["plan_end"]
            else None
        )
        facts["event"] = {
            "kind": data["kind"],
            "date": iso(data["date"]),
            "place": data["place"] or None,
            "organizer": data["organizer"],
            "locality": data["locality"] or None,
            "review_period": review,
            "plan_period": plan,
        }
        facts["attendees"] = data["attendees"]
        for key in ("total", "new", "replicated", "recognized", "cumulative_total"):
            facts["initiatives"][key] = data[key]
        for key in FIELDS:
            facts["initiatives"]["by_field"][key] = data[key]
        facts["initiatives"]["by_unit"] = data["by_unit"]
        facts["named_initiatives"] = _lines(data["named_initiatives"])
        facts["awards"] = data["awards"]
        facts["indicators"] = data["indicators"]
        facts["targets"] = data["targets"]
        facts["coordination_partners"] = _lines(data["partners"])
        return facts
