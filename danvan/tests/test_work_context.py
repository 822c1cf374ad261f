"""The unit and period chosen once are kept across pages, in the links."""

from __future__ import annotations

import datetime as dt
import html

from django.urls import reverse

from org import services as org_services
from org.models import BodyKind
from work.models import Field
from work.services import initiatives


def _initiative(world, name: str, day: dt.date) -> None:
    body = org_services.body_create(
        unit=world.commune,
        kind=BodyKind.objects.get(code="khoi-dan-van"),
        name=f"Khối dân vận {name}",
    )
    initiatives.initiative_register(
        data=initiatives.InitiativeData(
            unit=world.commune,
            name=name,
            field=Field.objects.get(code="kinh-te"),
            registered_on=day,
            holder_body=body,
        )
    )


def test_a_shared_link_opens_the_list_on_its_unit_and_period(world, client_as):
    _initiative(world, "Mô hình năm 2023", dt.date(2023, 5, 1))
    _initiative(world, "Mô hình năm 2024", dt.date(2024, 5, 1))
    client = client_as(world.province_officer)
    page = client.get(
        reverse("work:initiative_list"), {"don_vi": "X01", "ky": "2023"}
    ).content.decode()
    assert "Mô hình năm 2023" in page and "Mô hình năm 2024" not in page
    # The filters say so, in dd/mm/yyyy.
    assert 'value="01/01/2023"' in page and 'value="31/12/2023"' in page
    assert "Đơn vị: <strong>Xã An Phú</strong> · Kỳ: <strong>Năm 2023</strong>" in page


def test_the_choice_is_kept_across_pages_and_carried_by_the_menu(world, client_as):
    client = client_as(world.province_officer)
    client.get(reverse("work:conference_list"), {"don_vi": "X01", "ky": "2023H1"})
    # Another page, without any query: the menu's links carry the choice.
    page = html.unescape(client.get(reverse("reports:report_list")).content.decode())
    assert "/mo-hinh/?don_vi=X01&ky=2023H1" in page
    dashboard = reverse("reports:dashboard", args=[world.commune.pk])
    assert f"{dashboard}?ky=2023H1" in page
    # The dashboard without a period opens on the chosen one.
    assert "6 tháng đầu năm 2023" in client.get(dashboard).content.decode()
    # Choosing another unit on a dashboard opens that unit's dashboard.
    response = client.get(dashboard, {"don_vi": "T01", "ky": "2024"})
    target = reverse("reports:dashboard", args=[world.province.pk])
    assert response.status_code == 302 and response["Location"] == f"{target}?ky=2024"


def _menu_and_bar(page) -> str:
    text = html.unescape(page.content.decode())
    return text.split('id="site-nav"')[1].split('id="messages"')[0].split("</form>")[0]


def test_a_unit_outside_scope_is_never_taken(world, client_as):
    client = client_as(world.sibling_officer)
    page = client.get(reverse("work:initiative_list"), {"don_vi": "X01"})
    shown = _menu_and_bar(page)
    assert "don_vi=X01" not in shown and "Xã An Phú" not in shown
    assert "Mô hình" in shown  # the menu is there
    # Nor kept for the next page.
    shown = _menu_and_bar(client.get(reverse("reports:report_list")))
    assert "don_vi=X01" not in shown and "Xã An Phú" not in shown
