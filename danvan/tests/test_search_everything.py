"""One search box: every kind of record in scope, grouped and ranked."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.search import search_everything
from danvan.tests.test_every_url import MARKER, QUERY, hidden_records
from work.models import Field
from work.services import initiatives

pytestmark = pytest.mark.django_db

EVERY_KIND = {
    "units",
    "people",
    "bodies",
    "initiatives",
    "conferences",
    "programmes",
    "dialogues",
    "campaigns",
    "documents",
    "reports",
}


def test_one_query_finds_every_kind_of_record_in_scope(world, client_as):
    hidden_records(world.commune)
    groups = {g.key: g for g in search_everything(world.commune_officer, QUERY)}
    assert set(groups) == EVERY_KIND
    assert all(
        MARKER in " ".join(h.title + h.meta for h in g.hits) for g in groups.values()
    )
    page = client_as(world.commune_officer).get("/tim-kiem/", {"q": QUERY})
    text = page.content.decode()
    for heading in (
        "Đơn vị",
        "Cán bộ",
        "Cơ quan",
        "Mô hình, điển hình",
        "Hội nghị",
        "Chương trình phối hợp",
        "Đối thoại",
        "Cuộc vận động, phong trào",
        "Bài viết, văn bản đã đọc",
        "Báo cáo",
    ):
        assert f">{heading} <span" in text, heading


def test_nothing_outside_scope_is_found(world, client_as):
    hidden_records(world.commune)
    assert search_everything(world.sibling_officer, QUERY) == []
    assert search_everything(world.outsider, "Zeta") == []
    page = client_as(world.sibling_officer).get("/tim-kiem/", {"q": QUERY})
    assert MARKER not in page.content.decode()
    assert "Không tìm thấy gì" in page.content.decode()


def test_best_match_first_and_numbers_find_records(world):
    def register(name: str):
        return initiatives.initiative_register(
            data=initiatives.InitiativeData(
                unit=world.commune,
                name=name,
                field=Field.objects.get(code="kinh-te"),
                registered_on=dt.date(2024, 3, 1),
                holder_name="Hội Nông dân",
            )
        )

    # Registered in alphabetical order, which is not the order of relevance.
    words = register("An toàn rau sạch")  # the query as whole words
    apart = register("Bếp rau xanh sạch sẽ")  # each word starts a word
    exact = register("Rau sạch")  # the whole name
    start = register("Rau sạch an toàn")  # the name starts with it
    groups = {g.key: g for g in search_everything(world.commune_officer, "rau sach")}
    titles = [h.title for h in groups["initiatives"].hits]
    assert titles == [exact.name, start.name, words.name, apart.name]
    inside = apart
    by_number = {
        g.key: g for g in search_everything(world.commune_officer, str(inside.pk))
    }
    assert by_number["initiatives"].hits[0].title == inside.name
