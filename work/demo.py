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

from org.models import Position, Unit
from work.models import Field, Indicator, Initiative
from work.services import (
    awards,
    campaigns,
    conferences,
    indicators,
    initiatives,
    programmes,
)

TODAY = dt.date(2026, 11, 1)
YEARS = range(2021, 2027)
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


def _years(unit: Unit) -> list[int]:
    start = unit.valid_from.year if unit.valid_from else YEARS[0]
    end = unit.valid_to.year if unit.valid_to else TODAY.year
    return [y for y in YEARS if start <= y <= end]


def _day(rng: random.Random, unit: Unit, year: int) -> dt.date:
    first = max(dt.date(year, 1, 2), unit.valid_from or dt.date(year, 1, 2))
    last = min(dt.date(year, 12, 28), unit.valid_to or TODAY, TODAY)
    return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _initiatives(rng: random.Random, units: list[Unit]) -> int:
    fields = {f.code: f for f in Field.objects.filter(owner__isnull=True)}
    items = []
    for unit in units:
        for year in _years(unit):
            for _ in range(rng.randint(2, 6)):
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
                        registered_on=_day(rng, unit, year),
                        origin=rng.choice(["new", "new", "replicated"]),
                        description=DESCRIPTION,
                    )
                )
    created = initiatives.initiatives_register_many(items=items, actor=None)
    for initiative in rng.sample(created, k=min(len(created), 40)):
        _advance(rng, initiative)
    return len(created)


def _advance(rng: random.Random, initiative: Initiative) -> None:
    day = initiative.registered_on
    version = initiative.version
    for status in ["surveyed", "recognized"][: rng.randint(1, 2)]:
        day = min(day + dt.timedelta(days=rng.randint(30, 120)), TODAY)
        if initiative.unit.valid_to and day > initiative.unit.valid_to:
            return
        initiatives.initiative_advance(
            initiative=initiative, status=status, date=day, expected_version=version
        )
        version += 1


def _figures(rng: random.Random, units: list[Unit]) -> int:
    families = Indicator.objects.get(code="gia-dinh-van-hoa")
    members = Indicator.objects.get(code="hoi-vien-moi")
    count = 0
    for unit in units:
        for year in _years(unit):
            start = max(dt.date(year, 1, 1), unit.valid_from or dt.date(year, 1, 1))
            end = min(dt.date(year, 12, 31), unit.valid_to or dt.date(year, 12, 31))
            if end > TODAY:
                continue
            registered = rng.randint(800, 3600)
            indicators.value_record(
                indicator=families,
                unit=unit,
                period_start=start,
                period_end=end,
                value=Decimal(int(registered * rng.uniform(0.9, 0.99))),
                denominator=Decimal(registered),
                source=f"Báo cáo tổng kết năm {year}",
            )
            indicators.value_record(
                indicator=members,
                unit=unit,
                period_start=start,
                period_end=end,
                value=Decimal(rng.randint(20, 400)),
                source=f"Báo cáo tổng kết năm {year}",
            )
            count += 2
    return count


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


def _conferences(rng: random.Random, units: list[Unit]) -> int:
    count = 0
    for unit in units:
        body = unit.bodies.filter(kind__code__in=MAIN_BODIES).first()
        if body is None:
            continue
        staff = _staff(unit)
        for year in _years(unit):
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
                if (
                    not unit.exists_on(held)
                    or held > TODAY
                    or (unit.valid_from and review[0] < unit.valid_from)
                ):
                    continue
                label = (
                    "sơ kết 6 tháng đầu năm"
                    if kind == "midyear_review"
                    else "tổng kết năm"
                )
                conference = conferences.conference_create(
                    data=conferences.ConferenceData(
                        unit=unit,
                        kind=kind,
                        organizer=body,
                        date=held,
                        title=f"Hội nghị {label} {year} công tác dân vận – {unit.name}",
                        place=f"Hội trường {body.name}",
                        review_start=review[0],
                        review_end=review[1],
                        plan_start=plan[0],
                        plan_end=plan[1],
                        conclusions=CONCLUSIONS,
                    )
                )
                for position in staff:
                    conferences.attendance_add(
                        conference=conference,
                        name=position.person.full_name,
                        person=position.person,
                        position=f"{position.title} {position.body}",
                        spoke=rng.random() < 0.3,
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
                        individual_count=rng.randint(0, 6),
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


def _campaigns_and_programmes(rng: random.Random, units: list[Unit]) -> int:
    count = 0
    for unit in units:
        body = unit.bodies.filter(kind__code__in=MAIN_BODIES).first()
        children = list(
            Unit.objects.filter(
                path__startswith=unit.path, depth=unit.depth + 1, valid_to=unit.valid_to
            ).filter(Q(valid_from__isnull=True) | Q(valid_from=unit.valid_from))[:4]
        )
        if body is None or not children:
            continue
        partners = list(unit.bodies.exclude(pk=body.pk)[:2])
        for year in _years(unit):
            start = dt.date(year, 7, 17)
            end = dt.date(year, 7, 31)
            if not (unit.exists_on(start) and unit.exists_on(end)) or end > TODAY:
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
                programmes.program_create(
                    unit=unit,
                    parties=[body, *partners],
                    signed_on=dt.date(year, 3, 2),
                    start=dt.date(year, 3, 2),
                    end=dt.date(year, 12, 31),
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


def build_work_demo(*, say: Callable[[str], None]) -> None:
    rng = random.Random(2023)
    with_bodies = list(
        Unit.objects.filter(bodies__kind__code__in=MAIN_BODIES, depth__lte=4)
        .exclude(
            depth=3, valid_to__isnull=True
        )  # the many current communes: sampled below
        .distinct()
    )
    current_communes = list(
        Unit.objects.filter(valid_to__isnull=True, kind__level__code="xa").order_by(
            "code"
        )
    )
    former_communes = list(
        Unit.objects.filter(valid_to__isnull=False, kind__level__code="xa").order_by(
            "code"
        )
    )
    sample = rng.sample(current_communes, k=min(30, len(current_communes)))
    sample += rng.sample(former_communes, k=min(60, len(former_communes)))
    units = list({u.pk: u for u in [*with_bodies, *sample]}.values())
    made = _initiatives(rng, units)
    figures = _figures(rng, units)
    held = _conferences(rng, [u for u in units if u in with_bodies or u in sample[:30]])
    phases = _campaigns_and_programmes(rng, with_bodies)
    say(
        f"Công tác dân vận: {made} mô hình, {figures} số liệu chỉ số, {held} hội nghị, "
        f"{phases} đợt vận động có chỉ tiêu, chương trình phối hợp và đối thoại."
    )
