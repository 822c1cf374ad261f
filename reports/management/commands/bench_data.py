"""danvan bench_data: synthetic national data for the roll-up benchmark.

Loads the official national hierarchy (34 provinces, 3,321 communes, and the
pre-2025 provinces, districts and communes), then writes years of synthetic
records spread over every commune, current and former, so that roll-ups cross
the 2025 reform. Records are written in bulk, not through the services: this
is measurement data, not data anyone entered, and no audit entries are made.

    danvan bench_data --initiatives 500000 --conferences 100000 --values 1000000
"""

from __future__ import annotations

import datetime as dt
import random
import time
from decimal import Decimal
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from org.models import Body, BodyKind, Unit
from org.unitdata import load_official_units
from work.models import (
    Award,
    Conference,
    Field,
    Indicator,
    IndicatorValue,
    Initiative,
)

BATCH = 10_000


class Command(BaseCommand):
    help = "Sinh dữ liệu tổng hợp toàn quốc để đo hiệu năng tổng hợp số liệu."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--initiatives", type=int, default=500_000)
        parser.add_argument("--conferences", type=int, default=100_000)
        parser.add_argument("--values", type=int, default=1_000_000)
        parser.add_argument("--awards", type=int, default=50_000)
        parser.add_argument("--years", type=int, default=10)
        parser.add_argument("--last-year", type=int, default=2025)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args: Any, **options: Any) -> None:
        rng = random.Random(options["seed"])
        started = time.perf_counter()
        stats = load_official_units()
        self.stdout.write(f"Đơn vị: {stats}")
        last = options["last_year"]
        first = last - options["years"] + 1
        self.first, self.last = first, last
        communes = list(
            Unit.objects.filter(kind__level__code="xa").values_list(
                "pk", "valid_from", "valid_to"
            )
        )
        bodies = self._bodies()
        fields = list(Field.objects.filter(owner__isnull=True))
        indicators = list(Indicator.objects.filter(owner__isnull=True))

        def living(year: int, half: int) -> list[int]:
            day = dt.date(year, 3 if half == 1 else 9, 30)
            return [
                pk
                for pk, start, end in communes
                if (start is None or start <= day) and (end is None or end >= day)
            ]

        by_year = {
            (year, half): living(year, half)
            for year in range(first, last + 1)
            for half in (1, 2)
        }
        self._write(
            "mô hình",
            options["initiatives"],
            lambda: self._initiative(rng, by_year, fields),
            Initiative,
        )
        self._write(
            "hội nghị",
            options["conferences"],
            lambda: self._conference(rng, by_year, bodies),
            Conference,
        )
        self._write(
            "khen thưởng",
            options["awards"],
            lambda: self._award(rng, by_year),
            Award,
        )
        slots = sum(len(units) for units in by_year.values()) * len(indicators)
        if options["values"] > slots // 2:
            raise CommandError(
                f"Quá nhiều số liệu chỉ số: chỉ có {slots:,} tổ hợp đơn vị, kỳ, chỉ số."
            )
        self.used: set[int] = set()
        self._write(
            "số liệu chỉ số",
            options["values"],
            lambda: self._value(rng, by_year, indicators),
            IndicatorValue,
        )
        self.stdout.write(f"Xong sau {time.perf_counter() - started:.0f} s.")

    def _bodies(self) -> dict[int, int]:
        """One Khối dân vận per commune (current and former), as organizers."""
        kind = BodyKind.objects.get(code="khoi-dan-van")
        have = set(Body.objects.filter(kind=kind).values_list("unit_id", flat=True))
        missing = [
            Body(unit_id=pk, kind=kind, name=f"Khối dân vận {name}", search_key=name)
            for pk, name in Unit.objects.filter(kind__level__code="xa").values_list(
                "pk", "name"
            )
            if pk not in have
        ]
        Body.objects.bulk_create(missing, batch_size=BATCH)
        return dict(Body.objects.filter(kind=kind).values_list("unit_id", "pk"))

    def _day(self, rng: random.Random) -> tuple[tuple[int, int], dt.date]:
        """A day of the ten years, and the (year, half) whose units lived then."""
        year = rng.randint(self.first, self.last)
        day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
        return (year, 1 if day.month <= 6 else 2), day

    def _initiative(
        self,
        rng: random.Random,
        by_year: dict[tuple[int, int], list[int]],
        fields: list[Field],
    ) -> Initiative:
        year, day = self._day(rng)
        return Initiative(
            unit_id=rng.choice(by_year[year]),
            name="Mô hình đo hiệu năng",
            kind=rng.choice(["model", "model", "exemplar"]),
            field=rng.choice(fields),
            holder_kind=rng.choice(["collective", "collective", "individual"]),
            holder_name="Tập thể",
            registered_on=day,
            origin=rng.choice(["new", "new", "replicated"]),
            status=rng.choice(
                ["registered", "surveyed", "recognized", "replicated", "discontinued"]
            ),
            search_key="mo hinh do hieu nang",
        )

    def _conference(
        self,
        rng: random.Random,
        by_year: dict[tuple[int, int], list[int]],
        bodies: dict[int, int],
    ) -> Conference:
        year, day = self._day(rng)
        unit = rng.choice(by_year[year])
        return Conference(
            unit_id=unit,
            kind=rng.choice(["year_end_review", "midyear_review", "plan_launch"]),
            title="Hội nghị đo hiệu năng",
            date=day,
            organizer_id=bodies[unit],
            search_key="hoi nghi do hieu nang",
        )

    def _award(
        self, rng: random.Random, by_year: dict[tuple[int, int], list[int]]
    ) -> Award:
        year, day = self._day(rng)
        return Award(
            unit_id=rng.choice(by_year[year]),
            issuer_name="Ban Dân vận",
            form=rng.choice(["merit", "certificate", "medal"]),
            date=day,
            collective_count=rng.randint(0, 5),
            individual_count=rng.randint(1, 10),
            search_key="ban dan van",
        )

    def _value(
        self,
        rng: random.Random,
        by_year: dict[tuple[int, int], list[int]],
        indicators: list[Indicator],
    ) -> IndicatorValue:
        while True:  # one value per indicator, unit and half-year
            year = rng.randint(self.first, self.last)
            indicator = rng.choice(indicators)
            half = rng.random() < 0.5
            unit = rng.choice(by_year[(year, 1 if half else 2)])
            key = ((unit * 1000 + indicator.pk) * 1000 + year - 1900) * 2 + half
            if key not in self.used:
                self.used.add(key)
                break
        ratio = indicator.aggregation == "ratio"
        denominator = Decimal(rng.randint(100, 5000))
        value = (
            Decimal(int(denominator * Decimal(rng.uniform(0.6, 1))))
            if ratio
            else Decimal(rng.randint(0, 300))
        )
        return IndicatorValue(
            indicator=indicator,
            unit_id=unit,
            period_start=dt.date(year, 1, 1) if half else dt.date(year, 7, 1),
            period_end=dt.date(year, 6, 30) if half else dt.date(year, 12, 31),
            value=value,
            denominator=denominator if ratio else None,
            source="Dữ liệu đo hiệu năng",
        )

    def _write(self, label: str, count: int, make: Any, model: Any) -> None:
        started = time.perf_counter()
        done = 0
        while done < count:
            size = min(BATCH, count - done)
            with transaction.atomic():
                model.objects.bulk_create([make() for _ in range(size)])
            done += size
        elapsed = time.perf_counter() - started
        self.stdout.write(f"{count:,} {label} trong {elapsed:.0f} s")
