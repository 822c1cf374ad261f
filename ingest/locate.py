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
from org.lineage import ancestors_on, lifetime_label
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
    text = nfc(text)
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
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
        if any(folded[j : j + len(w.split())] == w.split() for w in _LONGEST_FIRST):
            i = j  # "quận Quận 9": the kind word is repeated in the name
            continue
        start = j
        while j < len(tokens) and _name_token(tokens[j][0]):
            j += 1
        if j > start:
            ends = [j]
            # "huyện Đô lương": a one-word name followed by a lower-case
            # word may be a two-word name typed without its capital.
            if j == start + 1 and j < len(tokens) and tokens[j][0].isalpha():
                ends.append(j + 1)
            for end in ends:
                found.append(
                    Mention(
                        text=_between(text, tokens[i][1], tokens[end - 1][2]),
                        kinds=KIND_WORDS[word],
                        name=_between(text, tokens[start][1], tokens[end - 1][2]),
                        where=where,
                    )
                )
            i = j
        else:
            i += 1
    return found


def _name_token(token: str) -> bool:
    return token.isdigit() or (token[:1].isupper() and token[:1].isalpha())


def _between(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split())


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


# The level (Level.rank) of each unit kind: a text may call a thị xã a huyện,
# or a district-level city a thị xã, but never a commune a district.
_LEVEL = {
    "quoc-gia": 0,
    "tinh": 1,
    "thanh-pho-tw": 1,
    "huyen": 2,
    "quan": 2,
    "thi-xa": 2,
    "thanh-pho-thuoc-tinh": 2,
    "thanh-pho-thuoc-tp": 2,
    "xa": 3,
    "phuong": 3,
    "thi-tran": 3,
    "dac-khu": 3,
    **dict.fromkeys(_VILLAGE, 4),
}


def _candidates(
    user: User | AnonymousUser, mention: Mention, day: dt.date | None
) -> list[UnitVersion]:
    """Versions of units in scope named as the mention names them (folded),
    of the level its kind word means, alive on ``day`` (at any time when
    ``day`` is None)."""
    key = mention.key
    if key.isdigit():  # "Phường 3": a number would match half the codes
        named = Q(versions__short_name=key) | Q(versions__name__endswith=f" {key}")
    else:
        named = Q(search_key__contains=key) | Q(
            versions__short_name__icontains=mention.name
        )
    units = scoped(user, Unit.objects.all()).filter(named)
    versions = UnitVersion.objects.filter(unit__in=units.values("pk"))
    if day is not None:
        versions = versions.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_to__isnull=True) | Q(valid_to__gte=day),
        )
    levels = {_LEVEL[k] for k in mention.kinds}
    found = [
        v
        for v in versions.select_related("unit", "kind__level", "parent").order_by(
            "-valid_from"
        )
        if _LEVEL.get(v.kind.code) in levels
        and key in (fold(v.short_name), _without_kind(fold(v.name)))
    ]
    if day is None:  # a unit once, under its last name
        last: dict[int, UnitVersion] = {}
        for version in found:
            last.setdefault(version.unit_id, version)
        found = list(last.values())
    return found


def _without_kind(folded_name: str) -> str:
    for word in _LONGEST_FIRST:
        if folded_name.startswith(word + " "):
            return folded_name[len(word) + 1 :]
    return folded_name


def _on(version: UnitVersion, day: dt.date | None) -> dt.date:
    """The day to read a version's place in the hierarchy on."""
    return day or version.valid_to or timezone.localdate()


# Where names of units are read, in the order they decide.
SOURCES = ("locality", "organizer", "place", "title")


def propose_unit(
    user: User | AnonymousUser, facts: dict[str, Any], uploaded_for: Unit
) -> UnitProposal:
    """The unit the article's facts belong to, as it existed on the event's
    day. The locality decides, then the organizer, the place, the headline:
    in the first of them that names a unit in scope, the most specific name
    (a commune before its district) that the names above it agree with.
    Among units of the same name, those under the unit chosen at upload come
    first, then those of the very kind named. When nothing matches, or the
    match stays ambiguous, the unit chosen at upload is kept."""
    event = facts.get("event") or {}
    source = facts.get("source") or {}
    values = {
        "locality": event.get("locality"),
        "organizer": event.get("organizer"),
        "place": event.get("place"),
        "title": source.get("title"),
    }
    found = [
        m
        for where in SOURCES
        if values[where]
        for m in mentions(str(values[where]), where)
    ]
    day, day_from = event_day(facts)
    # Without any date, a unit of that name at any time, if only one.
    days: list[dt.date | None] = [day, None] if day_from == "today" else [day]
    proposal, ambiguous = _propose(user, found, uploaded_for, days, day_from)
    if proposal is not None:
        return proposal
    if ambiguous:
        mention, versions, at = ambiguous
        reason = _(
            "Có %(n)d đơn vị mang tên “%(name)s” %(when)s (%(units)s); "
            "giữ đơn vị đã chọn khi tải lên. Hãy chọn lại nếu cần."
        ) % {
            "n": len(versions),
            "name": mention.text,
            "when": _("vào ngày %(day)s") % {"day": _day(at)}
            if at
            else _("từ trước đến nay"),
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


def _propose(
    user: User | AnonymousUser,
    found: list[Mention],
    uploaded_for: Unit,
    days: list[dt.date | None],
    day_from: str,
) -> tuple[
    UnitProposal | None, tuple[Mention, list[UnitVersion], dt.date | None] | None
]:
    ambiguous = None
    # Each name looked up once per day, whichever field is being tried.
    lookups = {
        day: [(m, c) for m in found if (c := _candidates(user, m, day))] for day in days
    }
    for where in SOURCES:
        for day in days:
            resolved = lookups[day]
            tier = [(m, c) for m, c in resolved if m.where == where]
            # The most specific first: a commune before its district.
            tier.sort(key=lambda mc: -_level(mc[0]))
            for mention, versions in tier:
                # Names above it in its field, or in the locality, must be
                # its ancestors that day ("xã An Hòa, huyện Tân Lập").
                above = [
                    {v.unit_id for v in c}
                    for m, c in resolved
                    if _level(m) < _level(mention) and m.where in (where, "locality")
                ]
                agreeing = [
                    v
                    for v in versions
                    if all(ancestors_on(v.unit, _on(v, day)) & ids for ids in above)
                ]
                agreeing = _preferred(agreeing, mention, uploaded_for, day)
                if len(agreeing) == 1:
                    version = agreeing[0]
                    reason = _reason(mention, version, day, day_from)
                    return UnitProposal(version.unit, reason, found=True), None
                if agreeing and ambiguous is None:
                    ambiguous = (mention, agreeing, day)
    return None, ambiguous


def _level(mention: Mention) -> int:
    return max(_LEVEL[k] for k in mention.kinds)


def _preferred(
    versions: list[UnitVersion],
    mention: Mention,
    uploaded_for: Unit,
    day: dt.date | None,
) -> list[UnitVersion]:
    """Units under (or being) the unit chosen at upload first, then those of
    the very kind the text names."""
    if len(versions) > 1:
        inside = [
            v
            for v in versions
            if v.unit_id == uploaded_for.pk
            or uploaded_for.pk in ancestors_on(v.unit, _on(v, day))
        ]
        versions = inside or versions
    if len(versions) > 1:
        versions = [v for v in versions if v.kind.code in mention.kinds] or versions
    return versions


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


def _reason(
    mention: Mention, version: UnitVersion, day: dt.date | None, day_from: str
) -> str:
    if day is None:
        return _(
            "Theo %(where)s “%(text)s”: bài viết không nêu ngày; đơn vị duy nhất "
            "mang tên này là %(unit)s (%(lifetime)s)."
        ) % {
            "where": _(_WHERE[mention.where]),
            "text": mention.text,
            "unit": _with_parent(version),
            "lifetime": lifetime_label(version.unit) or _("đang hoạt động"),
        }
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
