"""The dashboard's period picker: named periods by year, or two dates."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone, translation

from reports.periods import parse_period, period_choices


def test_the_picker_offers_years_halves_quarters_and_months():
    groups = period_choices(dt.date(2026, 3, 5), years=2)
    assert [year for year, _p in groups] == [2026, 2025]
    names = [p.display for p in groups[1][1]]
    assert names[:3] == ["Năm 2025", "6 tháng đầu năm 2025", "6 tháng cuối năm 2025"]
    assert "Quý III năm 2025" in names and "Tháng 12 năm 2025" in names
    assert len(names) == 1 + 2 + 4 + 12
    with translation.override("en"):
        assert parse_period("2025H2").display == "Second half of 2025"
        assert parse_period("2025Q3").display == "Quarter III of 2025"


def test_a_range_of_two_typed_dates(world, client_as):
    client = client_as(world.province_officer)
    url = f"/don-vi/{world.province.pk}/tong-quan/"
    page = client.get(url, {"tu": "17/07/2025", "den": "31/07/2025"}).content.decode()
    assert "Từ 17/07/2025 đến 31/07/2025" in page
    # The charts and the selected option follow the range.
    assert 'value="2025-07-17..2025-07-31" selected' in page
    bad = client.get(url, {"tu": "31/07/2025", "den": "17/07/2025"}).content.decode()
    assert "Ngày kết thúc không được trước ngày bắt đầu." in bad
    half = client.get(url, {"tu": "17/07/2025"}).content.decode()
    assert "Hãy nhập cả ngày bắt đầu và ngày kết thúc" in half


def test_the_period_shown_is_the_one_selected(world, client_as):
    client = client_as(world.province_officer)
    url = f"/don-vi/{world.province.pk}/tong-quan/"
    year = timezone.localdate().year
    page = client.get(url, {"ky": f"{year - 1}H1"}).content.decode()
    assert f'<option value="{year - 1}H1" selected>' in page
    # A year older than the picker's list is still shown as chosen.
    page = client.get(url, {"ky": "2015"}).content.decode()
    assert '<option value="2015" selected>Năm 2015</option>' in page
