import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reports.periods import PeriodError, PeriodKind, parse_period

D = dt.date


@pytest.mark.parametrize(
    ("text", "kind", "start", "end", "label"),
    [
        ("2023", PeriodKind.YEAR, D(2023, 1, 1), D(2023, 12, 31), "năm 2023"),
        (
            "2023H1",
            PeriodKind.HALF,
            D(2023, 1, 1),
            D(2023, 6, 30),
            "6 tháng đầu năm 2023",
        ),
        (
            "2022h2",
            PeriodKind.HALF,
            D(2022, 7, 1),
            D(2022, 12, 31),
            "6 tháng cuối năm 2022",
        ),
        (
            "2023Q3",
            PeriodKind.QUARTER,
            D(2023, 7, 1),
            D(2023, 9, 30),
            "quý III năm 2023",
        ),
        (
            "2024-02",
            PeriodKind.MONTH,
            D(2024, 2, 1),
            D(2024, 2, 29),
            "tháng 2 năm 2024",
        ),
        (
            "2023-07-17..2023-07-31",
            PeriodKind.RANGE,
            D(2023, 7, 17),
            D(2023, 7, 31),
            "từ ngày 17/07/2023 đến ngày 31/07/2023",
        ),
    ],
)
def test_every_spelling(text, kind, start, end, label):
    period = parse_period(text)
    assert (period.kind, period.start, period.end, period.label) == (
        kind,
        start,
        end,
        label,
    )
    assert parse_period(period.code) == period


def test_a_fifteen_day_phase():
    assert parse_period("2023-07-17..2023-07-31").days == 15


def test_year_before_keeps_the_kind_and_handles_leap_days():
    assert parse_period("2023H1").year_before() == parse_period("2022H1")
    assert parse_period("2024-02").year_before().end == D(2023, 2, 28)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2023H3", "Không hiểu kỳ"),
        ("2023-13", "tháng phải từ 01 đến 12"),
        ("2023-07-31..2023-07-17", "ngày kết thúc trước ngày bắt đầu"),
        ("2023-02-30..2023-03-01", "ngày không tồn tại"),
        ("1800", "ngoài khoảng"),
        ("0001-01-01..0001-12-31", "năm ngoài khoảng 1945–2100"),
        ("2100-01-01..9999-12-31", "năm ngoài khoảng 1945–2100"),
        ("năm ngoái", "Không hiểu kỳ"),
    ],
)
def test_bad_spellings_are_refused_in_vietnamese(text, message):
    with pytest.raises(PeriodError, match=message):
        parse_period(text)


@given(st.text(max_size=30))
def test_parse_never_crashes_otherwise(text):
    try:
        period = parse_period(text)
    except PeriodError:
        return
    assert period.start <= period.end


@pytest.mark.django_db
def test_a_year_one_period_is_refused_on_the_dashboard_and_the_api(world, client_as):
    client = client_as(world.province_officer)
    spelled = "0001-01-01..0001-12-31"
    dashboard = client.get(f"/don-vi/{world.province.pk}/tong-quan/", {"ky": spelled})
    assert dashboard.status_code in (200, 400)
    assert "năm ngoài khoảng 1945–2100" in dashboard.content.decode()
    api = client.get(f"/api/don-vi/{world.province.pk}/tong-hop/", {"ky": spelled})
    assert api.status_code == 400
    assert "năm ngoài khoảng 1945–2100" in api.json()["error"]
    chart = client.get(
        f"/don-vi/{world.province.pk}/tong-quan/bieu-do/by_field.svg", {"ky": spelled}
    )
    assert chart.status_code in (200, 400, 404)
