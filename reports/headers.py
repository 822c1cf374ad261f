"""What a report's header, signature and "Nơi nhận" start with.

The issuing body is the unit's committee for mass mobilization at the time
(Ban Dân vận of a district or province committee before 1 July 2025, the
merged Ban Tuyên giáo và Dân vận of a province after it, the Khối dân vận of
a commune), else its Party committee. The signature follows the body's kind
(a Ban is signed by its Trưởng ban, a Khối by its Trưởng khối, a Party
committee on behalf of its standing committee) and the signer's name comes
from the body's positions on the report's date. "Nơi nhận" follows the level
and the date. Everything here is edited before signing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from org.lineage import version_on
from org.models import Body, Position, Unit
from org.unitdata import REFORM_DATE
from reports.periods import Period
from vn.prose import unit_in_sentence
from vn.text import fold

ISSUER_KINDS = ("ban-tuyen-giao-dan-van", "ban-dan-van", "khoi-dan-van", "dang-uy")
# The Party committee of a unit, by the unit's kind.
COMMITTEE = {
    "tinh": "Tỉnh ủy",
    "thanh-pho-tw": "Thành ủy",
    "huyen": "Huyện ủy",
    "quan": "Quận ủy",
    "thi-xa": "Thị ủy",
    "thanh-pho-thuoc-tinh": "Thành ủy",
    "thanh-pho-thuoc-tp": "Thành ủy",
}
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


@dataclass(frozen=True)
class Signature:
    """One way of signing: the authority line ("K/T TRƯỞNG BAN"), the title
    and the signer's name (empty when no one holds the title that day)."""

    authority: str
    title: str
    name: str

    @property
    def key(self) -> str:
        return f"{self.authority}|{self.title}"

    @property
    def label(self) -> str:
        lines = [self.authority, self.title]
        text = ", ".join(line for line in lines if line)
        return f"{text} — {self.name}" if self.name else text


def _day(unit: Unit, period: Period) -> dt.date:
    return min(period.end, unit.valid_to) if unit.valid_to else period.end


def issuer_of(unit: Unit, period: Period) -> Body | None:
    """The body that issues the unit's report for the period."""
    day = _day(unit, period)
    bodies = {
        b.kind.code: b
        for b in Body.objects.filter(unit=unit, kind__code__in=ISSUER_KINDS)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day))
        .select_related("kind")
        .order_by("pk")
    }
    for code in ISSUER_KINDS:
        if code in bodies:
            return bodies[code]
    return None


def _committee_name(unit: Unit, name: str) -> str:
    """ "Huyện ủy Gia Viễn", "Thành ủy Đà Nẵng", "Đảng ủy xã An Phú"."""
    if unit.kind.code == "quoc-gia":
        return "Ban Chấp hành Trung ương"
    word = COMMITTEE.get(unit.kind.code)
    if word is None:
        return f"Đảng ủy {unit_in_sentence(name)}"
    # The name without its kind: "Thành phố Đà Nẵng" → "Đà Nẵng".
    place = unit_in_sentence(name)
    for prefix in ("thành phố ", "thị xã ", "tỉnh ", "huyện ", "quận "):
        place = place.removeprefix(prefix)
    return f"{word} {place}"


def signatures(issuer: Body | None, unit: Unit, day: dt.date) -> list[Signature]:
    """The ways the issuer may sign, the head first, with the names of those
    who held the titles on ``day``."""
    kind = issuer.kind.code if issuer is not None else "ban-dan-van"
    if kind == "khoi-dan-van":
        heads = [("", "TRƯỞNG KHỐI", "Trưởng khối")]
        deputies = [("K/T TRƯỞNG KHỐI", "PHÓ TRƯỞNG KHỐI", "Phó Trưởng khối")]
    elif kind == "dang-uy":
        standing = (
            "T/M ĐẢNG ỦY" if unit.kind.level.code == "xa" else "T/M BAN THƯỜNG VỤ"
        )
        heads = [(standing, "BÍ THƯ", "Bí thư")]
        deputies = [(standing, "PHÓ BÍ THƯ", "Phó Bí thư")]
    else:
        heads = [("", "TRƯỞNG BAN", "Trưởng ban")]
        deputies = [("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Phó Trưởng ban")]
    holders = _holders(issuer, day)
    options = []
    for authority, title, held in heads + deputies:
        names = [n for t, n in holders if t == fold(held)] or [
            n for t, n in holders if t.startswith(fold(held))
        ]
        if names:
            options += [Signature(authority, title, name) for name in names]
        else:
            options.append(Signature(authority, title, ""))
    return options


def _holders(body: Body | None, day: dt.date) -> list[tuple[str, str]]:
    """(folded title, name) of those holding a position in ``body`` on ``day``."""
    if body is None:
        return []
    positions = (
        Position.objects.filter(body=body)
        .filter(Q(start_date__isnull=True) | Q(start_date__lte=day))
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
        .select_related("person")
        .order_by("start_date", "pk")
    )
    return [(fold(p.title), p.person.full_name) for p in positions]


def report_day(issued_on: dt.date | None, issuer: Body | None) -> dt.date:
    """The date the report is signed: its date, else today (within the
    issuing body's life)."""
    day = issued_on or timezone.localdate()
    if issuer is not None and issuer.valid_to is not None:
        day = min(day, issuer.valid_to)
    return day


def recipients(unit: Unit, period: Period) -> list[str]:
    """The "Nơi nhận" of a report: the committee for mass mobilization one
    level up (to report to), the unit's own Party committee, the archive.
    Before 1 July 2025 the one above a commune is the district's Ban Dân vận;
    after it, the province's Ban Tuyên giáo và Dân vận."""
    day = _day(unit, period)
    before = day < REFORM_DATE
    version = version_on(unit, day)
    parent = version.parent if version else None
    level = unit.kind.level.code
    lines = []
    if level == "tinh" or parent is None or parent.kind.level.code == "trung-uong":
        above = (
            "Ban Dân vận Trung ương"
            if before
            else "Ban Tuyên giáo và Dân vận Trung ương"
        )
    else:
        above = _board_above(parent, day, before)
    lines.append(f"{above} (để báo cáo)")
    own_name = version.name if version else unit.name
    committee = _committee_name(unit, own_name)
    lines.append(f"Thường trực {committee} (để báo cáo)")
    if level in {"tinh", "huyen"}:
        lines.append(f"Các đồng chí Ủy viên Ban Thường vụ {committee}")
    lines.append("Lưu Văn phòng")
    return [f"- {line}," for line in lines[:-1]] + [f"- {lines[-1]}."]


def _board_above(parent: Unit, day: dt.date, before: bool) -> str:
    """The committee for mass mobilization of ``parent`` on ``day``: its body
    when recorded, else its usual name."""
    kinds = ["ban-dan-van"] if before else ["ban-tuyen-giao-dan-van", "ban-dan-van"]
    body = (
        Body.objects.filter(unit=parent, kind__code__in=kinds)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day))
        .order_by("pk")
        .first()
    )
    if body is not None:
        return body.name
    version = version_on(parent, day)
    name = version.name if version else parent.name
    board = "Ban Dân vận" if before else "Ban Tuyên giáo và Dân vận"
    return f"{board} {_committee_name(parent, name)}"


@dataclass
class ReportHeader:
    superior_name: str
    issuer_name: str
    symbol: str
    place: str
    subject: str
    signer_authority: str
    signer_title: str
    signer_name: str
    recipients: str


def default_header(unit: Unit, period: Period, subject: str) -> ReportHeader:
    """What a new report's header, signature and recipients start with."""
    issuer = issuer_of(unit, period)
    day = _day(unit, period)
    version = version_on(unit, day)
    name = version.name if version else unit.name
    kind = issuer.kind if issuer is not None else None
    if kind is not None and kind.code == "dang-uy":
        superior = "ĐẢNG BỘ " + name.upper()
        issuer_name = _committee_name(unit, name).upper()
    else:
        superior = _committee_name(unit, name).upper()
        issuer_name = kind.name.upper() if kind else "BAN DÂN VẬN"
    abbreviation = kind.abbreviation.replace("Đ", "D") if kind else "BDV"
    suffix = _COMMITTEE_SUFFIX.get(unit.kind.code, "ĐU")
    first = signatures(issuer, unit, report_day(None, issuer))[0]
    return ReportHeader(
        superior_name=superior,
        issuer_name=issuer_name,
        symbol=f"BC/{abbreviation}{suffix}",
        place=version.short_name if version else unit.short_name,
        subject=subject,
        signer_authority=first.authority,
        signer_title=first.title,
        signer_name=first.name,
        recipients="\n".join(recipients(unit, period)),
    )
