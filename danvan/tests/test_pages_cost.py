"""What makes pages cheaper must not change what they show: a page of a
list fetched keys-first holds the same rows in the same order as the plain
paginator's; widgets drawn by Jinja2 are Django's own HTML; the dashboard's
fragments drawn once per snapshot are those of the figures shown."""

from __future__ import annotations

import datetime as dt

import pytest
from django import forms
from django.core.paginator import Paginator
from django.db import connection
from django.forms.renderers import DjangoTemplates
from django.test.utils import CaptureQueriesContext

from danvan.web import KeysFirstPaginator
from org.forms import UnitPickerWidget
from work.models import Initiative
from work.selectors import initiative_list


def _initiatives(world, count: int) -> None:
    from work.models import Field

    field = Field.objects.order_by("pk")[0]
    for n in range(count):
        Initiative.objects.create(
            unit=world.commune if n % 2 else world.province,
            name=f"Mô hình số {n % 7}",  # ties in the name: the order must hold
            field=field,
            holder_name="Chi hội phụ nữ",
            registered_on=dt.date(2025, 1 + n % 12, 1 + n % 28),
        )


@pytest.mark.django_db
@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_a_page_fetched_keys_first_is_the_plain_paginators_page(world, number):
    _initiatives(world, 80)
    records = initiative_list(world.province_officer, {}).order_by(
        "-registered_on", "name", "pk"
    )
    plain = Paginator(records, 25).page(number)
    with CaptureQueriesContext(connection) as queries:
        keys_first = KeysFirstPaginator(records, 25).page(number)
        rows = list(keys_first.object_list)
        shown = [(r.unit.name, r.field.name) for r in rows]  # no query per row
    assert [r.pk for r in rows] == [r.pk for r in plain.object_list]
    assert shown == [(r.unit.name, r.field.name) for r in plain.object_list]
    # count, keys, rows: three queries whatever the page's length.
    assert len(queries) == 3
    assert (keys_first.number, keys_first.paginator.num_pages) == (number, 4)


class _Form(forms.Form):
    kind = forms.ChoiceField(
        choices=[("", "— tất cả —"), ("a", "Kinh tế"), ("b", "Văn hóa – xã hội")]
    )
    day = forms.DateField(widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}))
    note = forms.CharField(widget=forms.Textarea, required=False)
    sure = forms.BooleanField(required=False)
    unit = forms.CharField(widget=UnitPickerWidget(date_field="day"))


@pytest.mark.django_db
def test_widgets_drawn_by_jinja2_are_djangos_own_html():
    data = {"kind": "b", "day": "01/02/2025", "note": "<b>&", "unit": "48"}
    jinja = _Form(data)
    django_language = _Form(data, renderer=DjangoTemplates())
    assert type(jinja.renderer).__name__ == "Jinja2Widgets"
    for name in _Form.base_fields:

        def squeezed(html: str) -> str:
            return " ".join(html.split()).replace("> <", "><")

        assert squeezed(str(jinja[name])) == squeezed(str(django_language[name])), name
    assert "selected>Văn hóa – xã hội" in str(jinja["kind"])
    assert "&lt;b&gt;&amp;" in str(jinja["note"])


@pytest.mark.django_db
def test_a_signed_in_page_reads_the_user_and_their_unit_in_one_query(world, client_as):
    client = client_as(world.province_officer)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    # the session (from the database, or from Redis when there is a shared
    # cache), then the user with the unit the scope rule needs: no more
    tables = [q["sql"].split(" FROM ", 1)[1].split()[0] for q in queries]
    assert [t for t in tables if t != '"django_session"'] == ['"accounts_user"']
    assert tables.count('"django_session"') <= 1
    assert '"org_unit"' in queries[-1]["sql"]
