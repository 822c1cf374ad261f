"""Dates are shown and typed day first, in Vietnamese and in English."""

from __future__ import annotations

import datetime as dt

import pytest
from django import forms
from django.utils import translation

from danvan.formats.dates import parse_day
from org.forms import DATE_WIDGET


class _Form(forms.Form):
    day = forms.DateField(widget=DATE_WIDGET)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_typed_date_is_day_first_in_both_languages(language):
    with translation.override(language):
        for typed in (
            "03/04/2025",
            "3/4/2025",
            "03-04-2025",
            "03.04.2025",
            "2025-04-03",
        ):
            form = _Form({"day": typed})
            assert form.is_valid(), (typed, form.errors)
            assert form.cleaned_data["day"] == dt.date(2025, 4, 3), typed
        # Month first is not a date here: 13 is no month.
        assert _Form({"day": "04/13/2025"}).is_valid() is False


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_date_is_shown_day_first_as_a_text_box(language):
    with translation.override(language):
        html = str(_Form(initial={"day": dt.date(2025, 4, 3)})["day"])
    assert 'type="text"' in html and 'value="03/04/2025"' in html
    assert 'placeholder="dd/mm/yyyy"' in html


def test_parse_day_refuses_what_is_no_date():
    assert parse_day(" 17/07/2025 ") == dt.date(2025, 7, 17)
    assert parse_day("31/02/2025") is None
    assert parse_day("2025") is None
    assert parse_day("") is None
