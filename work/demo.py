"""Demo records of the work, several years of them, for the demo units.

Invented but plausible: initiatives by field, year-end and six-month reviews
with attendees and awards, cultural-family and membership figures, campaigns
with targets per commune, coordination programmes and dialogues. Everything is
written through the services, with a fixed random seed.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone

from org.breakdown import formed_from
from org.lineage import version_on
from org.models import Position, Unit
from vn.prose import position as position_phrase
from work.models import Field, Indicator, Initiative
from work.services import (
    awards,
    campaigns,
    conferences,
    indicators,
    initiatives,
    programmes,
)

FIRST_YEAR = 2021
MAIN_BODIES = ["ban-dan-van", "ban-tuyen-giao-dan-van", "khoi-dan-van"]
DESCRIPTION = "Vận động Nhân dân cùng tham gia, lan tỏa trong cộng đồng."
CONCLUSIONS = "Tiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo”."

MODEL_NAMES = {
    "kinh-te": [
        "Tổ hợp tác trồng tiêu sạch",
        "Chi hội phụ nữ giúp nhau phát triển kinh tế",
        "Vốn vay xoay vòng cho hội viên nghèo",
        "Câu lạc bộ nông dân sản xuất giỏi",
    ],
    "van-hoa-xa-hoi": [
        "Tuyến đường hoa kiểu mẫu",
        "Tủ sách pháp luật khu dân cư",
        "Bếp ăn tình thương",
        "Phân loại rác thải tại nguồn",
    ],
    "quoc-phong-an-ninh": [
        "Camera an ninh khu dân cư",
        "Nhà tôi có bình chữa cháy",
        "Khu dân cư tự quản về an ninh trật tự",
        "Móc khóa an ninh",
    ],
    "xay-dung-he-thong-chinh-tri": [
        "Chi bộ gương mẫu nơi khu dân cư",
        "Đảng viên đăng ký làm việc tốt",
        "Tiếp công dân định kỳ",
        "Đối thoại với thanh niên",
    ],
}


class Calendar:
    """The demo's days: from 2021 to today, within each unit's lifetime."""

    def __init__(self, today: dt.date) -> None:
        self.today = today
        self.years = range(FIRST_YEAR, today.year + 1)

    def years_of(self, unit: Unit) -> list[int]:
        start = unit.valid_from.year if unit.valid_from else FIRST_YEAR
        end = unit.valid_to.year if unit.valid_to else self.today.year
        return [y for y in self.years if start <= y <= end]

    def halves(self, unit: Unit) -> list[tuple[dt.date, dt.date]]:
        """Each half-year of the unit's life up to today, clipped to it."""
        out = []
        for year in self.years_of(unit):
            for first, last in (
                (dt.date(year, 1, 1), dt.date(year, 6, 30)),
                (dt.date(year, 7, 1), dt.date(year, 12, 31)),
            ):
                first = max(first, unit.valid_from or first)
                last = min(last, unit.valid_to or last, self.today)
                if first <= last:
                    out.append((first, last))
        return out

    def day(
        self, rng: random.Random, unit: Unit, first: dt.date, last: dt.date
    ) -> dt.date:
        first = max(first, unit.valid_from or first)
        last = min(last, unit.valid_to or last, self.today)
        return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _initiatives(rng: random.Random, cal: Calendar, units: list[Unit]) -> int:
    """One to three initiatives in every half-year of every unit's life."""
    fields = {f.code: f for f in Field.objects.filter(owner__isnull=True)}
    items = []
    for unit in units:
        for first, last in cal.halves(unit):
            for _ in range(rng.randint(1, 3)):
                code = rng.choice(list(MODEL_NAMES))
                items.append(
                    initiatives.InitiativeData(
                        unit=unit,
                        name=f"{rng.choice(MODEL_NAMES[code])} – {unit.short_name}",
                        field=fields[code],
                        holder_name=rng.choice(
                            [
                                "Hội Liên hiệp Phụ nữ",
                                "Hội Nông dân",
                                "Đoàn Thanh niên",
                                "Hội Cựu chiến binh",
                                "Chi bộ khu dân cư",
                                "Công an",
                            ]
                        ),
                        registered_on=cal.day(rng, unit, first, last),
                        origin=rng.choice(["new", "new", "replicated"]),
                        description=DESCRIPTION,
                    )
                )
    created = initiatives.initiatives_register_many(items=items, actor=None)
    for initiative in rng.sample(created, k=min(len(created), 60)):
        _advance(rng, cal, initiative)
    return len(created)


def _advance(rng: random.Random, cal: Calendar, initiative: Initiative) -> None:
    day = initiative.registered_on
    version = initiative.version
    for status in ["surveyed", "recognized"][: rng.randint(1, 2)]:
        day = min(day + dt.timedelta(days=rng.randint(30, 120)), cal.today)
        if initiative.unit.valid_to and day > initiative.unit.valid_to:
            return
        initiatives.initiative_advance(
            initiative=initiative, status=status, date=day, expected_version=version
        )
        version += 1


def _figures(rng: random.Random, cal: Calendar, units: list[Unit]) -> int:
    """Yearly figures of every unit, for the part of each finished year it
    existed."""
    families = Indicator.objects.get(code="gia-dinh-van-hoa")
    members = Indicator.objects.get(code="hoi-vien-moi")
    items = []
    for unit in units:
        for year in cal.years_of(unit):
            start = max(dt.date(year, 1, 1), unit.valid_from or dt.date(year, 1, 1))
            end = min(dt.date(year, 12, 31), unit.valid_to or dt.date(year, 12, 31))
            if end > cal.today:
                continue
            registered = rng.randint(800, 3600)
            source = f"Báo cáo tổng kết năm {year}"
            items += [
                indicators.ValueData(
                    indicator=families,
                    unit=unit,
                    period_start=start,
                    period_end=end,
                    value=Decimal(int(registered * rng.uniform(0.9, 0.99))),
                    denominator=Decimal(registered),
                    source=source,
                ),
                indicators.ValueData(
                    indicator=members,
                    unit=unit,
                    period_start=start,
                    period_end=end,
                    value=Decimal(rng.randint(20, 400)),
                    source=source,
                ),
            ]
    return len(indicators.values_record_many(items=items, actor=None))


def _staff(unit: Unit) -> list[Position]:
    # One position per person: a leader may hold several titles at once.
    seen: dict[int, Position] = {}
    for position in (
        Position.objects.filter(body__unit=unit)
        .select_related("person", "body")
        .order_by("pk")
    ):
        seen.setdefault(position.person_id, position)
    return list(seen.values())[:4]


SPEECHES = [
    "ghi nhận, đánh giá cao kết quả công tác dân vận trong kỳ; đề nghị tiếp tục "
    "đổi mới nội dung, phương thức vận động Nhân dân, nhân rộng các mô hình "
    "“Dân vận khéo” tiêu biểu",
    "nhấn mạnh việc phát huy vai trò của Mặt trận và các đoàn thể, lắng nghe ý "
    "kiến Nhân dân, giải quyết kịp thời những kiến nghị chính đáng",
]


def _guest(unit: Unit, day: dt.date) -> Position | None:
    """Someone of the unit above (as it was on ``day``) to attend as a guest:
    a holder of a position in its committee for mass mobilization then."""
    version = version_on(unit, day)
    parent = version.parent if version else None
    if parent is None:
        return None
    position: Position | None = (
        Position.objects.filter(
            body__unit=parent,
            body__kind__code__in=["ban-dan-van", "ban-tuyen-giao-dan-van"],
        )
        .filter(Q(start_date__isnull=True) | Q(start_date__lte=day))
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
        .select_related("person", "body")
        .order_by("pk")
        .first()
    )
    return position


def _conferences(rng: random.Random, cal: Calendar, units: list[Unit]) -> int:
    """The six-month and year-end reviews each unit held while it existed; a
    unit formed in July 2025 reviews the whole of 2025 in January 2026."""
    count = 0
    for unit in units:
        body = unit.bodies.filter(kind__code__in=MAIN_BODIES).first()
        if body is None:
            continue
        staff = _staff(unit)
        for year in cal.years_of(unit):
            for kind, held, review, plan in (
                (
                    "midyear_review",
                    dt.date(year, 7, 8),
                    (dt.date(year, 1, 1), dt.date(year, 6, 30)),
                    (dt.date(year, 7, 1), dt.date(year, 12, 31)),
                ),
                (
                    "year_end_review",
                    dt.date(year + 1, 1, 12),
                    (dt.date(year, 1, 1), dt.date(year, 12, 31)),
                    (dt.date(year + 1, 1, 1), dt.date(year + 1, 12, 31)),
                ),
            ):
                if not unit.exists_on(held) or held > cal.today:
                    continue
                if unit.valid_from and review[1] < unit.valid_from:
                    continue
                reviewed = (
                    f"sơ kết công tác dân vận 6 tháng đầu năm {year}, triển khai "
                    f"phương hướng, nhiệm vụ 6 tháng cuối năm {year}"
                    if kind == "midyear_review"
                    else f"tổng kết công tác dân vận năm {year}, triển khai "
                    f"phương hướng, nhiệm vụ năm {year + 1}"
                )
                conference = conferences.conference_create(
                    data=conferences.ConferenceData(
                        unit=unit,
                        kind=kind,
                        organizer=body,
                        date=held,
                        title=f"Hội nghị {reviewed}",
                        start_time=dt.time(8, 0) if kind == "year_end_review" else None,
                        place=f"Hội trường {body.name}",
                        review_start=review[0],
                        review_end=review[1],
                        plan_start=plan[0],
                        plan_end=plan[1],
                        conclusions=CONCLUSIONS,
                    )
                )
                guest = _guest(unit, held)
                if guest is not None:
                    conferences.attendance_add(
                        conference=conference,
                        name=guest.person.full_name,
                        person=guest.person,
                        position=position_phrase(guest.title, guest.body.name),
                        is_guest=True,
                        speech=SPEECHES[0],
                    )
                for number, position in enumerate(staff):
                    if guest is not None and position.person_id == guest.person_id:
                        continue
                    conferences.attendance_add(
                        conference=conference,
                        name=position.person.full_name,
                        person=position.person,
                        position=position_phrase(position.title, position.body.name),
                        speech=SPEECHES[1]
                        if number == 0 and rng.random() < 0.5
                        else "",
                    )
                conferences.task_create(
                    conference=conference,
                    owner=body,
                    deadline=held + dt.timedelta(days=90),
                    content="Rà soát, đánh giá các mô hình “Dân vận khéo” đã đăng ký.",
                )
                if kind == "year_end_review":
                    conferences.commitment_add(
                        conference=conference,
                        body=body,
                        content=f"Ký cam kết thi đua thực hiện nhiệm vụ năm {year + 1}",
                    )
                    awards.award_record(
                        unit=unit,
                        form="certificate",
                        date=held,
                        issuer=body,
                        conference=conference,
                        collective_count=rng.randint(1, 8),
                        individual_count=rng.randint(len(staff[:2]), 6),
                        recipients=[
                            awards.Recipient(
                                kind="individual",
                                person=p.person,
                                name=p.person.full_name,
                            )
                            for p in staff[:2]
                        ],
                        reason=f"Hoàn thành tốt công tác dân vận năm {year}",
                    )
                count += 1
    return count


def _children_on(unit: Unit, day: dt.date) -> list[Unit]:
    """Up to four units that were direct children of ``unit`` on ``day``."""
    return list(
        Unit.objects.filter(
            Q(versions__valid_from__isnull=True) | Q(versions__valid_from__lte=day),
            Q(versions__valid_to__isnull=True) | Q(versions__valid_to__gte=day),
            versions__parent=unit,
        )
        .order_by("code")
        .distinct()[:4]
    )


def _campaigns_and_programmes(
    rng: random.Random, cal: Calendar, units: list[Unit]
) -> int:
    """Each July a two-week campaign with a target for four of the unit's
    units of the time; a yearly coordination programme and a dialogue."""
    count = 0
    for unit in units:
        body = unit.bodies.filter(kind__code__in=MAIN_BODIES).first()
        if body is None:
            continue
        partners = list(unit.bodies.exclude(pk=body.pk)[:2])
        for year in cal.years_of(unit):
            start = dt.date(year, 7, 17)
            end = dt.date(year, 7, 31)
            if not (unit.exists_on(start) and unit.exists_on(end)) or end > cal.today:
                continue
            children = _children_on(unit, start)
            if not children:
                continue
            campaign = campaigns.campaign_create(
                unit=unit,
                kind="phase",
                organizer=body,
                start=start,
                end=end,
                name=f"Đợt công tác dân vận liên ngành năm {year} – {unit.short_name}",
                participants=children,
            )
            for child in children:
                target = campaigns.target_set(
                    campaign=campaign,
                    unit=child,
                    quantity=Decimal(1),
                    measure="căn",
                    description="Xây tặng, sửa chữa nhà tình nghĩa, nhà đại đoàn kết",
                )
                campaigns.progress_record(
                    target=target, date=end, achieved=Decimal(rng.randint(0, 3))
                )
            if partners:
                signed = max(
                    dt.date(year, 3, 2), unit.valid_from or dt.date(year, 3, 2)
                )
                programmes.program_create(
                    unit=unit,
                    parties=[body, *partners],
                    signed_on=signed,
                    start=signed,
                    end=min(dt.date(year, 12, 31), unit.valid_to or dt.date.max),
                    title=f"Chương trình phối hợp công tác dân vận năm {year}",
                )
            programmes.dialogue_record(
                unit=unit,
                host=body,
                date=dt.date(year, 9, 15),
                topic="Đối thoại về giải phóng mặt bằng, đất đai",
                issues_raised=(raised := rng.randint(5, 30)),
                issues_resolved=rng.randint(0, raised),
                participants=rng.randint(50, 200),
            )
            count += 1
    return count


def _units_with_data(rng: random.Random) -> tuple[list[Unit], list[Unit]]:
    """The units the demo fills with records, and those of them that also
    hold conferences. Every province and district, current and former; every
    commune of the demo city and the wards the demo ward was formed from;
    a sample of other communes. The demo accounts so find their own data in
    every year and half-year, before and after the 2025 reform."""
    upper = list(
        Unit.objects.filter(kind__level__code__in=["tinh", "huyen"]).order_by("code")
    )
    city = Unit.objects.get(code="48", valid_to__isnull=True)
    city_communes = list(
        Unit.objects.filter(
            path__startswith=city.path, depth=city.depth + 1, kind__level__code="xa"
        ).order_by("code")
    )
    ward = Unit.objects.get(name="Phường Điện Bàn", valid_to__isnull=True)
    ward_sources = list(formed_from(ward))
    seed_communes = list(
        Unit.objects.filter(
            kind__level__code="xa", bodies__kind__code="khoi-dan-van"
        ).filter(name__in=["Xã Minh Tâm", "Phường Hiệp Ninh", "Phường Tam Quan Nam"])
    )
    current = list(
        Unit.objects.filter(valid_to__isnull=True, kind__level__code="xa")
        .exclude(path__startswith=city.path)
        .order_by("code")
    )
    former = list(
        Unit.objects.filter(valid_to__isnull=False, kind__level__code="xa").order_by(
            "code"
        )
    )
    sample = rng.sample(current, k=min(30, len(current)))
    sample += rng.sample(former, k=min(60, len(former)))
    chosen = [*upper, *city_communes, *ward_sources, *seed_communes, *sample]
    units = list({u.pk: u for u in chosen}.values())
    districts = [u for u in upper if u.kind.level.code == "huyen"]
    hosts = [u for u in upper if u.kind.level.code == "tinh" or u.bodies.count() > 3]
    hosts += rng.sample(districts, k=min(15, len(districts)))
    hosts += [ward, *ward_sources, *seed_communes, *sample[:20]]
    hosts += rng.sample(city_communes, k=min(10, len(city_communes)))
    return units, list({u.pk: u for u in hosts}.values())


def build_work_demo(
    *, say: Callable[[str], None], today: dt.date | None = None
) -> None:
    rng = random.Random(2023)
    cal = Calendar(today or timezone.localdate())
    units, hosts = _units_with_data(rng)
    made = _initiatives(rng, cal, units)
    figures = _figures(rng, cal, units)
    held = _conferences(rng, cal, hosts)
    phases = _campaigns_and_programmes(
        rng, cal, [u for u in hosts if u.kind.level.code in {"tinh", "huyen"}]
    )
    say(
        f"Công tác dân vận: {made} mô hình, {figures} số liệu chỉ số, {held} hội nghị, "
        f"{phases} đợt vận động có chỉ tiêu, chương trình phối hợp và đối thoại."
    )
