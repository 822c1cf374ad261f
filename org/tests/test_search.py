"""Unit search ranks the unit the user means first, on the official lists."""

from __future__ import annotations

import pytest

from accounts.models import Role
from accounts.services import user_create
from org.models import Unit
from org.selectors import unit_search
from org.unitdata import load_official_units

pytestmark = pytest.mark.django_db


@pytest.fixture
def dong_nai(db):
    # Đồng Nai since 2025, with Bình Phước (Hớn Quản) merged into it.
    load_official_units(provinces={"75"})
    province = Unit.objects.get(name="Tỉnh Đồng Nai", valid_to__isnull=True)
    return user_create(
        actor=None,
        username="quan.tri.dong.nai",
        password="mat-khau-tim-kiem-2024",
        full_name="Quản trị tỉnh Đồng Nai",
        unit=province,
        role=Role.ADMINISTRATOR,
    )


def _names(user, query: str, n: int = 5) -> list[str]:
    return [u.name for u in unit_search(user, query)[:n]]


def test_the_unit_named_by_the_query_comes_first(dong_nai):
    found = _names(dong_nai, "tan phu")
    # Units whose own name is "Tân Phú" come before "Phường Duy Tân"-like
    # matches where "phu" is only inside "phường"; the district first.
    assert found[0] == "Huyện Tân Phú", found
    assert all(name.endswith("Tân Phú") for name in found[:4]), found
    found = _names(dong_nai, "hon quan")
    assert found[0] == "Huyện Hớn Quản", found
    # Without diacritics, in any case, with tone marks placed either way.
    assert _names(dong_nai, "HỚN QUẢN")[0] == "Huyện Hớn Quản"


def test_whole_words_before_parts_of_words(dong_nai):
    ranked = list(unit_search(dong_nai, "tan phu")[:40])
    ranks = [u._rank for u in ranked]
    assert ranks == sorted(ranks)
    # "phu" only inside a word ("phường", "phúc") ranks after whole words.
    inside = [u for u in ranked if u._rank == 3]
    assert all(" phu " not in f" {u.search_key} " for u in inside)


def test_current_units_before_former_ones_at_equal_rank_and_level(dong_nai):
    ranked = list(unit_search(dong_nai, "tan phu")[:40])
    for rank, level in {(u._rank, u.kind.level.rank) for u in ranked}:
        same = [
            u.valid_to is None
            for u in ranked
            if (u._rank, u.kind.level.rank) == (rank, level)
        ]
        assert same == sorted(same, reverse=True), (rank, level)
