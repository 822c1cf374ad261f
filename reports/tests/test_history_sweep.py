"""The per-unit tables of the demo add up, for every unit and every period.

The demo (five provinces with their former provinces, districts and communes,
records from 2021 to today) is built once for this module. For every unit and
every year and half-year from 2021 to today, and for three ranges across
1 July 2025, the rows of the per-unit roll-up must add up to the unit's total:
models, conferences, indicator values (how many, and each indicator's sums),
awards and targets. Then the Đà Nẵng 2023 report is read back from its DOCX,
drafted reports of a province, a former district and a ward are read for
every kind of period, and the news draft of a seed-like conference.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from collections.abc import Iterator
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.utils import timezone
from docx import Document

from danvan.demo import build_demo
from org.models import Unit
from reports.documents import report_docx
from reports.news import conference_article
from reports.periods import Period, parse_period
from reports.rollup import Rollup, rollup
from reports.services import report_draft
from vn.prose import doubled_words
from work.models import Conference

# The tests use the test database (the marker makes pytest-django set it up),
# inside the module's transaction that holds the demo.
pytestmark = pytest.mark.django_db

RANGES = [
    "2025-06-15..2025-07-15",
    "2025-04-01..2025-09-30",
    "2024-07-01..2026-06-30",
]


def _periods() -> list[str]:
    last = timezone.localdate().year
    years = [str(y) for y in range(2021, last + 1)]
    halves = [f"{y}H{h}" for y in range(2021, last + 1) for h in (1, 2)]
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        # The roll-up's arithmetic is the same on both databases and the full
        # sweep runs on SQLite; on PostgreSQL (where each of the 2,000 units'
        # roll-ups costs round trips) a year before the reform, the halves
        # either side of it and a range across it are enough to show the
        # queries agree.
        return ["2023", "2025H1", "2025H2", *RANGES[:1]]
    return years + halves + RANGES


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: object) -> Iterator[None]:
    with django_db_blocker.unblock(), transaction.atomic():  # type: ignore[attr-defined]
        name = str(connection.settings_dict["NAME"])
        assert "memory" in name or "test" in name, name  # never the real database
        build_demo(national=False, say=lambda _text: None)
        yield
        transaction.set_rollback(True)


def _mismatches(unit: Unit, period: Period, totals: Rollup) -> list[str]:
    rows = totals.rows
    found = []
    sums: dict[str, tuple[int | Decimal, int | Decimal]] = {
        "mô hình": (sum(r.initiatives for r in rows), totals.initiatives),
        "hội nghị": (sum(r.conferences for r in rows), totals.conferences),
        "số liệu chỉ số": (
            sum(r.indicator_values for r in rows),
            totals.indicator_values,
        ),
        "tập thể được khen": (
            sum(r.collectives for r in rows),
            sum(c for c, _i in totals.awards_by_form.values()),
        ),
        "cá nhân được khen": (
            sum(r.individuals for r in rows),
            sum(i for _c, i in totals.awards_by_form.values()),
        ),
        "chỉ tiêu": (sum(r.targets for r in rows), len(totals.targets)),
    }
    for code, total in totals.indicators.items():
        values = [r.indicators[code] for r in rows if code in r.indicators]
        sums[f"{code} (tử số)"] = (
            sum((v for v, _d in values), Decimal(0)),
            total.value,
        )
        if total.denominator is not None:
            sums[f"{code} (mẫu số)"] = (
                sum((d or Decimal(0) for _v, d in values), Decimal(0)),
                total.denominator,
            )
    for name, (rows_sum, expected) in sums.items():
        if rows_sum != expected:
            found.append(f"{unit} {period.code} {name}: {rows_sum} ≠ {expected}")
    return found


@pytest.mark.parametrize("code", _periods())
def test_every_per_unit_table_adds_up(demo: None, code: str) -> None:
    period = parse_period(code)
    units = list(Unit.objects.select_related("kind").order_by("path"))
    assert len(units) > 2000
    problems: list[str] = []
    with_rows = 0
    for unit in units:
        totals = rollup(unit, period, rows=True)
        with_rows += len(totals.rows) > 1
        problems += _mismatches(unit, period, totals)
    assert problems == [], "\n".join(problems[:20])
    # Not a vacuous check: many units have several rows in every period.
    assert with_rows >= 5
    print(f"{code}: {len(units)} units checked, {with_rows} with several rows")


def test_the_da_nang_2023_report_lists_the_units_of_2023(demo: None) -> None:
    da_nang = Unit.objects.get(code="48", valid_to__isnull=True)
    period = parse_period("2023")
    totals = rollup(da_nang, period, rows=True)
    assert [(r.name, r.row.formed_from) for r in totals.rows] == [
        ("Thành phố Đà Nẵng", True),
        ("Tỉnh Quảng Nam", True),
    ]
    assert totals.initiatives > 0 and totals.conferences > 0
    # An unsaved draft, as `danvan report --unit 48 --period 2023` renders it.
    report = report_draft(unit=da_nang, period=period)
    document = Document(io.BytesIO(report_docx(report)))
    table = next(
        t for t in document.tables if t.rows[0].cells[0].text.strip() == "Đơn vị"
    )
    header = [c.text.strip() for c in table.rows[0].cells]
    lines = [[c.text.strip() for c in row.cells] for row in table.rows[1:]]
    names = [line[0] for line in lines]
    # The units of 2023 as they were, the former district among them...
    assert "Tỉnh Quảng Nam (cũ)" in names
    assert "– Thị xã Điện Bàn" in names
    # ...and none of the communes created on 1 July 2025.
    created_2025 = set(
        Unit.objects.filter(
            valid_from=dt.date(2025, 7, 1), kind__level__code="xa"
        ).values_list("name", flat=True)
    )
    assert not created_2025 & {n.removeprefix("– ") for n in names}
    # The top rows add up to the totals row, column by column.
    top = [line for line in lines if not line[0].startswith("– ")]
    total = top.pop()
    assert total[0] == "Tổng số"
    for column in ("Mô hình, điển hình", "Hội nghị", "Số liệu chỉ số"):
        i = header.index(column)
        numbers = [int(line[i].replace(".", "")) for line in top]
        assert sum(numbers) == int(total[i].replace(".", "")), column
    i = header.index("Mô hình, điển hình")
    assert int(total[i].replace(".", "")) == totals.initiatives
    # Quảng Nam's own units of the time add up to its row.
    quang_nam = names.index("Tỉnh Quảng Nam (cũ)")
    following = []
    for line in lines[quang_nam + 1 :]:
        if not line[0].startswith("– "):
            break
        following.append(int(line[i].replace(".", "")))
    assert sum(following) == int(lines[quang_nam][i].replace(".", ""))


# --- the drafted documents of the demo ---------------------------------------

ZERO = re.compile(
    r"(?<![\d.,/])0 (mô hình|hội nghị|tập thể|cá nhân|đơn vị|chỉ tiêu|buổi|ý kiến|"
    r"chương trình|đợt|lượt)"
)
KINDS = {
    # kind: (a period for the province and the former district, for the ward,
    #        the words a sentence opens with, the label in part I's title)
    "year": ("2024", "2026", "Trong năm", "NĂM"),
    "half": ("2024H1", "2026H1", "Trong 6 tháng đầu năm", "6 THÁNG ĐẦU NĂM"),
    "quarter": ("2024Q3", "2026Q2", "Trong quý", "QUÝ"),
    "month": ("2024-07", "2026-07", "Trong tháng 7 năm", "THÁNG 7 NĂM"),
    "range": (
        "2024-07-17..2024-07-31",
        "2026-07-17..2026-07-31",
        "Từ ngày 17/7 đến ngày 31/7/20",
        "TỪ NGÀY 17/07/20",
    ),
}


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize(
    "unit_name", ["Thành phố Đà Nẵng", "Thị xã Điện Bàn", "Phường Điện Bàn"]
)
def test_drafted_reports_have_every_part_and_no_zero(
    demo: None, unit_name: str, kind: str
) -> None:
    earlier, later, opening, label = KINDS[kind]
    unit = Unit.objects.filter(name=unit_name).order_by("-valid_from").first()
    assert unit is not None
    # The ward exists from 1 July 2025; the others are asked about 2024.
    code = later if unit.valid_from else earlier
    report = report_draft(unit=unit, period=parse_period(code))
    text = "\n".join(
        p.text for p in Document(io.BytesIO(report_docx(report))).paragraphs
    )
    for section in report.draft_sections:  # type: ignore[attr-defined]
        heading = section.heading.upper() if section.depth == 0 else section.heading
        assert heading in text, heading
    assert "…" not in text
    assert ZERO.findall(text) == [], ZERO.findall(text)
    part_one = next(t for t in text.split("\n") if t.startswith("I. "))
    assert label in part_one, part_one
    # Sentences about the period open with its wording (the directions speak
    # of the next period).
    drafted = [
        s.text
        for s in report.draft_sections  # type: ignore[attr-defined]
        if s.text and s.key != "phuong-huong"
    ]
    assert drafted, "nothing drafted"
    openings = [t for t in drafted if t.startswith(("Trong ", "Từ ngày "))]
    wrong = [t for t in openings if not t.startswith(opening)]
    assert wrong == [], wrong[:1]


def test_the_news_draft_of_a_seed_like_conference(demo: None) -> None:
    conference = Conference.objects.get(
        unit__name="Huyện Gia Viễn", kind="year_end_review", date__year=2024
    )
    article = conference_article(conference)
    text = article.text
    assert article.lead.startswith("Sáng ngày 12/01/2024, Ban Dân vận Huyện ủy Gia")
    assert "triển khai phương hướng, nhiệm vụ năm 2024" in article.lead
    assert "Về dự hội nghị có đồng chí" in text and "Tỉnh ủy Ninh Bình" in text
    assert "mô hình, điển hình “Dân vận khéo” được đăng ký" in text
    assert "tặng Giấy khen cho" in text
    assert "Hội nghị kết thúc với quyết tâm" in text
    assert doubled_words(text) == []
