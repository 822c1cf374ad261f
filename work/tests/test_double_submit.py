"""A create form sent twice (a double click, a resent page) creates one
record: the page carries a one-time token, and the second post is sent where
the first one led."""

from __future__ import annotations

import re

from django.urls import reverse

from work.models import Award, Conference, Initiative


def _token(client, url: str) -> str:
    page = client.get(url).content.decode()
    found = re.search(r'name="_lan_gui" value="([0-9a-f]{32})"', page)
    assert found, "the form carries no one-time token"
    return found.group(1)


def test_a_conference_posted_twice_is_created_once(world, client_as, khoi):
    client = client_as(world.commune_officer)
    url = reverse("work:conference_create", args=[world.commune.pk])
    form = {
        "kind": "year_end_review",
        "title": "Hội nghị tổng kết công tác dân vận năm 2023",
        "date": "2024-01-10",
        "organizer": khoi.pk,
        "_lan_gui": _token(client, url),
    }
    first = client.post(url, form)
    second = client.post(url, form, follow=True)
    conference = Conference.objects.get()
    assert first.status_code == 302
    assert second.redirect_chain[0][0] == first["Location"]
    assert "đã được gửi" in second.content.decode()
    # A new page has a new token: the same data sent from it is a new record.
    client.post(url, form | {"_lan_gui": _token(client, url)})
    assert Conference.objects.count() == 2
    assert conference.pk in Conference.objects.values_list("pk", flat=True)


def test_a_form_with_errors_gives_its_token_back(world, client_as, khoi):
    client = client_as(world.commune_officer)
    url = reverse("work:conference_create", args=[world.commune.pk])
    token = _token(client, url)
    form = {"kind": "year_end_review", "date": "2024-01-10", "organizer": khoi.pk}
    bad = client.post(url, form | {"_lan_gui": token})
    assert bad.status_code == 200 and Conference.objects.count() == 0
    fixed = client.post(url, form | {"_lan_gui": token, "title": "Hội nghị tổng kết"})
    assert fixed.status_code == 302 and Conference.objects.count() == 1


def test_awards_and_initiatives_posted_twice_are_created_once(
    world, client_as, economy, khoi
):
    client = client_as(world.commune_officer)
    award_url = reverse("work:award_create", args=[world.commune.pk])
    award = {
        "issuer_name": "Ban Dân vận Tỉnh ủy",
        "form": "certificate",
        "date": "2024-01-10",
        "collective_count": 2,
        "individual_count": 1,
        "_lan_gui": _token(client, award_url),
    }
    for _ in range(2):
        client.post(award_url, award)
    assert Award.objects.count() == 1
    initiative_url = reverse("work:initiative_create", args=[world.commune.pk])
    token = _token(client, initiative_url)
    initiative = {
        "name": "Camera an ninh khu dân cư",
        "field": economy.pk,
        "holder_kind": "collective",
        "holder_body": khoi.pk,
        "registered_on": "2024-02-01",
        "origin": "new",
        "kind": "model",
        "_lan_gui": token,
    }
    responses = [client.post(initiative_url, initiative) for _ in range(2)]
    assert [r.status_code for r in responses] == [302, 302]
    assert Initiative.objects.count() == 1
