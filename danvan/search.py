"""One search box for everything a user may see: units, people, bodies,
models, conferences, programmes, dialogues, campaigns, read articles and
reports, each kind as a labelled group.

Every group is drawn from ``scoped()`` like its own list, so the search shows
nothing its user could not open. Matching is the lists' own: every word of the
query, folded (diacritics, case, Unicode form and tone placement ignored);
within a group the best first: the whole query as the name, then as whole
words, then every word as the start of a word, then inside words; a number
also finds the record with that number.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import (
    Case,
    F,
    IntegerField,
    Model,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Concat
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.scope import scoped
from org.selectors import unit_search
from vn.text import fold

PER_GROUP = 5
# Kinds of record without a search key are matched in Python among this many
# of their newest rows.
SCANNED = 2000


@dataclass
class Hit:
    title: str
    url: str
    meta: str = ""


@dataclass
class Group:
    key: str
    label: str | Promise
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    # The list page with the same search, when the kind has one.
    more_url: str = ""


def ranked(queryset: QuerySet[Any], key: str, *, by_number: bool = False) -> Any:
    """``queryset`` filtered by every word of the folded ``key`` in its
    ``search_key`` and ordered best first (``_rank``)."""
    words = key.split()
    match = Q(*[Q(search_key__contains=w) for w in words])
    number = key.isdigit() and len(key) <= 18 and by_number
    if number:
        match |= Q(pk=int(key))
    padded = Concat(Value(" "), F("search_key"), Value(" "))
    whens = [When(Q(pk=int(key)), then=Value(0))] if number else []
    whens += [
        When(search_key=key, then=Value(1)),
        When(_padded__startswith=f" {key} ", then=Value(2)),
        When(_padded__contains=f" {key} ", then=Value(3)),
        When(Q(*[Q(_padded__contains=f" {w}") for w in words]), then=Value(4)),
    ]
    return (
        queryset.filter(match)
        .annotate(_padded=padded)
        .annotate(_rank=Case(*whens, default=Value(5), output_field=IntegerField()))
    )


def _day(value: Any) -> str:
    return date_format(value, "d/m/Y") if value else ""


@dataclass(frozen=True)
class Kind:
    """A kind of record the search box finds."""

    key: str
    label: str | Promise
    rows: Callable[[User | AnonymousUser], QuerySet[Any]]
    title: Callable[[Any], str]
    url: Callable[[Any], str]
    meta: Callable[[Any], str]
    order: tuple[Any, ...]
    list_url: str = ""  # a list page that takes ?q=
    by_number: bool = False
    keyed: bool = True  # has a search_key


def _kinds() -> list[Kind]:
    from ingest.models import Document
    from org.models import Body, Person, Unit
    from reports.models import Report
    from work.models import (
        Campaign,
        Conference,
        CoordinationProgram,
        Dialogue,
        Initiative,
    )

    def rows(model: type[Model], *related: str) -> Callable[[Any], QuerySet[Any]]:
        return lambda user: scoped(
            user, model._default_manager.select_related(*related)
        )

    return [
        Kind(
            "units",
            _("Đơn vị"),
            rows(Unit, "kind__level"),
            lambda u: u.name,
            lambda u: reverse("org:unit_detail", args=[u.pk]),
            lambda u: ", ".join(
                [str(u.kind)]
                + (
                    [str(_("đến %(day)s") % {"day": _day(u.valid_to)})]
                    if u.valid_to
                    else []
                )
            ),
            (),  # org.selectors.unit_search ranks units
            list_url="org:unit_search",
        ),
        Kind(
            "people",
            _("Cán bộ"),
            rows(Person, "home_unit"),
            lambda p: p.full_name,
            lambda p: reverse("org:person_detail", args=[p.pk]),
            lambda p: p.home_unit.name if p.home_unit else "",
            ("full_name",),
        ),
        Kind(
            "bodies",
            _("Cơ quan"),
            rows(Body, "unit", "kind"),
            lambda b: b.name,
            lambda b: reverse("org:body_detail", args=[b.pk]),
            lambda b: f"{b.kind} · {b.unit.name}",
            (F("valid_to").desc(nulls_first=True), "name"),
        ),
        Kind(
            "initiatives",
            _("Mô hình, điển hình"),
            rows(Initiative, "unit", "field"),
            lambda i: i.name,
            lambda i: reverse("work:initiative_detail", args=[i.pk]),
            lambda i: str(
                _("Số hiệu %(n)s · %(unit)s · %(day)s")
                % {"n": i.pk, "unit": i.unit.name, "day": _day(i.registered_on)}
            ),
            ("-registered_on", "name"),
            list_url="work:initiative_list",
            by_number=True,
        ),
        Kind(
            "conferences",
            _("Hội nghị"),
            rows(Conference, "unit"),
            lambda c: c.title,
            lambda c: reverse("work:conference_detail", args=[c.pk]),
            lambda c: f"{c.unit.name} · {_day(c.date)}",
            ("-date", "title"),
            list_url="work:conference_list",
            by_number=True,
        ),
        Kind(
            "programmes",
            _("Chương trình phối hợp"),
            rows(CoordinationProgram, "unit"),
            lambda p: p.title,
            lambda p: reverse("work:program_detail", args=[p.pk]),
            lambda p: f"{p.unit.name} · {_day(p.signed_on)}",
            ("-signed_on", "title"),
            list_url="work:program_list",
            by_number=True,
        ),
        Kind(
            "dialogues",
            _("Đối thoại"),
            rows(Dialogue, "unit"),
            lambda d: d.topic,
            lambda d: reverse("work:dialogue_detail", args=[d.pk]),
            lambda d: f"{d.unit.name} · {_day(d.date)}",
            ("-date", "topic"),
            list_url="work:dialogue_list",
            by_number=True,
        ),
        Kind(
            "campaigns",
            _("Cuộc vận động, phong trào"),
            rows(Campaign, "unit"),
            lambda c: c.name,
            lambda c: reverse("work:campaign_detail", args=[c.pk]),
            lambda c: f"{c.unit.name} · {_day(c.start)} – {_day(c.end)}",
            ("-start", "name"),
            list_url="work:campaign_list",
            by_number=True,
        ),
        Kind(
            "documents",
            _("Bài viết, văn bản đã đọc"),
            lambda user: scoped(
                user, Document.objects.select_related("unit").only("pk", "name", "unit")
            ),
            lambda d: d.name,
            lambda d: reverse("ingest:document_review", args=[d.pk]),
            lambda d: d.unit.name,
            ("-uploaded_at",),
            keyed=False,
        ),
        Kind(
            "reports",
            _("Báo cáo"),
            rows(Report, "unit", "period"),
            lambda r: str(r),
            lambda r: reverse("reports:report_detail", args=[r.pk]),
            lambda r: f"{r.get_status_display()} · {r.subject}",
            ("-period__start",),
            keyed=False,
        ),
    ]


def _unkeyed(kind: Kind, queryset: QuerySet[Any], key: str) -> tuple[list[Any], int]:
    """Rows of a kind without a search key whose title (and, for reports,
    subject and unit) hold every word; best first as ``ranked`` orders."""
    words = key.split()
    found = []
    for row in queryset.order_by(*kind.order)[:SCANNED]:
        text = fold(" ".join([kind.title(row), kind.meta(row), row.unit.name]))
        if all(w in text for w in words):
            padded = f" {text} "
            rank = (
                0
                if f" {key} " in padded
                else 1
                if all(f" {w}" in padded for w in words)
                else 2
            )
            found.append((rank, row))
    found.sort(key=lambda pair: pair[0])
    return [row for _rank, row in found[:PER_GROUP]], len(found)


def search_everything(user: User | AnonymousUser, query: str) -> list[Group]:
    """Every kind's best matches for ``query`` (only kinds with a match)."""
    key = " ".join(fold(query).split())
    if not key:
        return []
    groups = []
    for kind in _kinds():
        rows = kind.rows(user)
        if kind.key == "units":
            matches = unit_search(user, query)
            total = matches.count()
            best = list(matches[:PER_GROUP]) if total else []
        elif kind.keyed:
            matches = ranked(rows, key, by_number=kind.by_number)
            total = matches.count()
            best = (
                list(matches.order_by("_rank", *kind.order)[:PER_GROUP])
                if total
                else []
            )
        else:
            best, total = _unkeyed(kind, rows, key)
        if not total:
            continue
        more = (
            f"{reverse(kind.list_url)}?{urlencode({'q': query})}"
            if kind.list_url and total > len(best)
            else ""
        )
        groups.append(
            Group(
                kind.key,
                kind.label,
                [Hit(kind.title(r), kind.url(r), kind.meta(r)) for r in best],
                total,
                more,
            )
        )
    return groups
