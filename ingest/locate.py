"""Which unit an article is about: the locality and the organizer it names,
matched against the units as they were on the day of the event.

An article of 2023 about "huyện Gia Viễn" is about the district that existed
then, even though districts were abolished in 2025; its records belong there
(and roll up into the district's successors through the lineage). The
proposal carries its reason, so that the reviewer sees why and can change it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.scope import scoped
from org.lineage import ancestors_on
from org.models import Unit, UnitVersion
from vn.text import fold, nfc

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User

# How texts name a kind of unit (folded), and the unit kinds each may mean.
# A party committee's name carries its unit's kind ("Huyện ủy Gia Viễn").
_CITY = ("thanh-pho-tw", "thanh-pho-thuoc-tinh", "thanh-pho-thuoc-tp")
_VILLAGE = ("thon", "ap", "khu-pho", "to-dan-pho")
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "tinh uy": ("tinh",),
    "tinh": ("tinh",),
    "thanh uy": _CITY,
    "thanh pho": _CITY,
    "tp": _CITY,
    "huyen uy": ("huyen",),
    "huyen": ("huyen",),
    "quan uy": ("quan",),
    "quan": ("quan",),
    "thi uy": ("thi-xa",),
    "thi xa": ("thi-xa",),
    "thi tran": ("thi-tran",),
    "dac khu": ("dac-khu",),
    "phuong": ("phuong",),
    "xa": ("xa",),
    "to dan pho": _VILLAGE,
    "khu pho": _VILLAGE,
    "thon": _VILLAGE,
    "ap": _VILLAGE,
}
_LONGEST_FIRST = sorted(KIND_WORDS, key=lambda w: -len(w.split()))
_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)
# Words that end a name even when capitalised ("xã An Hòa Tổ chức…" in a
# headline written in title case is rare; these are the common ones).
_NOT_NAME = {"to", "chuc", "ve", "nam", "nhiem", "ky", "giai", "doan"}


@dataclass(frozen=True)
class Mention:
    """ "huyện Gia Viễn" as the text writes it: the kind word and the name."""

    text: str
    kinds: tuple[str, ...]
    name: str
    where: str  # "locality", "organizer", "place" or "title"

    @property
    def key(self) -> str:
        return fold(self.name)


@dataclass(frozen=True)
class UnitProposal:
    unit: Unit
    reason: str
    found: bool  # False when the unit chosen at upload is kept


def mentions(text: str, where: str) -> list[Mention]:
    """Every "kind Name" in ``text``, in order: "Đảng ủy xã An Hòa, huyện Tân
    Lập (tỉnh Bình Sơn)" gives xã An Hòa, huyện Tân Lập and tỉnh Bình Sơn."""
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(nfc(text))]
    folded = [fold(t) for t, _s, _e in tokens]
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        word = next(
            (w for w in _LONGEST_FIRST if folded[i : i + len(w.split())] == w.split()),
            None,
        )
        if word is None:
            i += 1
            continue
        j = i + len(word.split())
        if j < len(tokens) and tokens[j][0] == ".":  # "TP. Huế"
            j += 1
        start = j
        while j < len(tokens) and _name_token(tokens[j][0], folded[j]):
            j += 1
        if j > start:
            name = text_between(text, tokens[start][1], tokens[j - 1][2])
            found.append(
                Mention(
                    text=text_between(text, tokens[i][1], tokens[j - 1][2]),
                    kinds=KIND_WORDS[word],
                    name=name,
                    where=where,
                )
            )
            i = j
        else:
            i += 1
    return found


def _name_token(token: str, folded: str) -> bool:
    if token.isdigit():
        return True
    return token[:1].isupper() and token[:1].isalpha() and folded not in _NOT_NAME


def text_between(text: str, start: int, end: int) -> str:
    return " ".join(nfc(text)[start:end].split())


def event_day(facts: dict[str, Any]) -> tuple[dt.date, str]:
    """The day the article's facts are about, and which fact gave it."""
    event = facts.get("event") or {}
    source = facts.get("source") or {}
    review = event.get("review_period") or {}
    for value, what in (
        (event.get("date"), "date"),
        (source.get("published_on"), "published_on"),
        (review.get("end"), "review_end"),
    ):
        try:
            day = dt.date.fromisoformat(str(value)) if value else None
        except ValueError:
            day = None
        if day is not None and 1945 <= day.year <= 2100:
            return day, what
    return timezone.localdate(), "today"


def _candidates(
    user: User | AnonymousUser, mention: Mention, day: dt.date
) -> list[UnitVersion]:
    """Versions of units in scope, alive on ``day``, named as the mention
    names them (folded), of a kind the mention's word allows."""
    key = mention.key
    if key.isdigit():  # "Phường 3": a number would match half the codes
        named = Q(versions__short_name=key) | Q(versions__name__endswith=f" {key}")
    else:
        named = Q(search_key__contains=key) | Q(
            versions__short_name__icontains=mention.name
        )
    units = scoped(user, Unit.objects.all()).filter(named)
    versions = (
        UnitVersion.objects.filter(unit__in=units.values("pk"))
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        .select_related("unit", "kind__level", "parent")
    )
    return [
        v
        for v in versions
        if v.kind.code in mention.kinds
        and key in (fold(v.short_name), _without_kind(fold(v.name)))
    ]


def _without_kind(folded_name: str) -> str:
    for word in _LONGEST_FIRST:
        if folded_name.startswith(word + " "):
            return folded_name[len(word) + 1 :]
    return folded_name


def propose_unit(
    user: User | AnonymousUser, facts: dict[str, Any], uploaded_for: Unit
) -> UnitProposal:
    """The unit the article's facts belong to, as it existed on the event's
    day: the most specific unit named by the locality (then the organizer,
    the place, the headline) that the other names agree with; the unit chosen
    at upload when nothing in scope matches or the match is ambiguous."""
    event = facts.get("event") or {}
    source = facts.get("source") or {}
    day, day_from = event_day(facts)
    found: list[Mention] = []
    for where, value in (
        ("locality", event.get("locality")),
        ("organizer", event.get("organizer")),
        ("place", event.get("place")),
        ("title", source.get("title")),
    ):
        if value:
            found.extend(mentions(str(value), where))
    resolved = [(m, _candidates(user, m, day)) for m in found]
    resolved = [(m, c) for m, c in resolved if c]
    ambiguous: list[tuple[Mention, list[UnitVersion]]] = []
    # The most specific first (commune before district before province), and
    # at equal level the locality before the organizer, the place, the title.
    order = {"locality": 0, "organizer": 1, "place": 2, "title": 3}
    resolved.sort(key=lambda mc: (-mc[1][0].kind.level.rank, order[mc[0].where]))
    for mention, versions in resolved:
        # Names above it in the same field, or in the locality, must be its
        # ancestors that day ("xã An Hòa, huyện Tân Lập").
        others = [
            {v.unit_id for v in c}
            for m, c in resolved
            if c[0].kind.level.rank < versions[0].kind.level.rank
            and m.where in (mention.where, "locality")
        ]
        agreeing = [
            v
            for v in versions
            if all(ancestors_on(v.unit, day) & ids for ids in others)
        ]
        if len(agreeing) > 1:
            # The unit chosen at upload, or one under it that day.
            inside = [
                v
                for v in agreeing
                if v.unit_id == uploaded_for.pk
                or uploaded_for.pk in ancestors_on(v.unit, day)
            ]
            agreeing = inside if len(inside) == 1 else agreeing
        if len(agreeing) == 1:
            return UnitProposal(
                unit=agreeing[0].unit,
                reason=_reason(mention, agreeing[0], day, day_from),
                found=True,
            )
        if len(agreeing) > 1:
            ambiguous.append((mention, agreeing))
    if ambiguous:
        mention, versions = ambiguous[0]
        reason = _(
            "Có %(n)d đơn vị mang tên “%(name)s” vào ngày %(day)s (%(units)s); "
            "giữ đơn vị đã chọn khi tải lên. Hãy chọn lại nếu cần."
        ) % {
            "n": len(versions),
            "name": mention.text,
            "day": _day(day),
            "units": "; ".join(_with_parent(v) for v in versions[:5]),
        }
    elif found:
        reason = _(
            "Không có đơn vị nào trong phạm vi của bạn mang tên “%(name)s” vào "
            "ngày %(day)s; giữ đơn vị đã chọn khi tải lên."
        ) % {"name": found[0].text, "day": _day(day)}
    else:
        reason = _(
            "Bài viết không nêu địa bàn hay cơ quan tổ chức có tên đơn vị; giữ "
            "đơn vị đã chọn khi tải lên."
        )
    return UnitProposal(unit=uploaded_for, reason=reason, found=False)


_WHERE = {
    "locality": gettext_noop("địa bàn"),
    "organizer": gettext_noop("cơ quan tổ chức"),
    "place": gettext_noop("địa điểm"),
    "title": gettext_noop("tiêu đề"),
}
_DAY_FROM = {
    "date": gettext_noop("ngày tổ chức"),
    "published_on": gettext_noop("ngày đăng bài"),
    "review_end": gettext_noop("cuối kỳ đánh giá"),
    "today": gettext_noop("hôm nay"),
}


def _day(day: dt.date) -> str:
    return date_format(day, "d/m/Y")


def _with_parent(version: UnitVersion) -> str:
    if version.parent is None:
        return version.name
    return f"{version.name}, {version.parent.name}"


def _reason(mention: Mention, version: UnitVersion, day: dt.date, day_from: str) -> str:
    reason = _(
        "Theo %(where)s “%(text)s”: vào ngày %(day)s (%(day_from)s) đó là %(unit)s."
    ) % {
        "where": _(_WHERE[mention.where]),
        "text": mention.text,
        "day": _day(day),
        "day_from": _(_DAY_FROM[day_from]),
        "unit": _with_parent(version),
    }
    unit = version.unit
    if unit.valid_to is not None:
        reason += " " + _(
            "Đơn vị này đã kết thúc hoạt động ngày %(end)s; kết quả ghi nhận "
            "cho đơn vị cũ vẫn được cộng vào đơn vị kế thừa."
        ) % {"end": _day(unit.valid_to)}
    return reason
