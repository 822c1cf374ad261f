"""English is complete: no Vietnamese left on the pages in English.

Every HTML page of the every-URL walk is opened in English by a commune
administrator, with records of every kind present. What remains Vietnamese
may only be data users typed (names of units, people, records: every text
stored in the database, apart from the built-in vocabularies, which are
translated) and document previews, which stay Vietnamese and are marked
``lang="vi"``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models
from lxml import html

from accounts.models import Role
from danvan.tests.test_every_url import UNSCOPED, all_routes, fill, hidden_records

pytestmark = pytest.mark.django_db

NOT_PAGES = {"set_language", "accounts:logout", "healthz"}
# Built-in vocabularies: their rows are translated, so their text counts.
VOCABULARIES = {
    "org.Level",
    "org.UnitKind",
    "org.BodyKind",
    "work.Field",
    "work.Indicator",
}
# A language's own name is written in that language.
ALLOWED = {"tiếng việt"}
# Grave, acute, tilde, hook above, dot below, breve, horn.
VIETNAMESE_MARKS = set("\u0300\u0301\u0303\u0309\u0323\u0306\u031b")
WORD = re.compile(r"\w+")


def is_vietnamese(word: str) -> bool:
    """True for a word only Vietnamese spells: đ, or a tone or vowel mark."""
    if "đ" in word.casefold():
        return True
    decomposed = unicodedata.normalize("NFD", word)
    if any(mark in VIETNAMESE_MARKS for mark in decomposed):
        return True
    # â, ê, ô carry a circumflex (U+0302) also in French; in a word with no
    # other Vietnamese mark they still give the word away here.
    return "\u0302" in decomposed


def stored_texts() -> list[str]:
    """Every text users typed into the database, longest first."""
    texts: set[str] = set()
    for model in apps.get_models():
        if model._meta.label in VOCABULARIES:
            continue
        fields = [
            f.name
            for f in model._meta.get_fields()
            if isinstance(f, models.CharField | models.TextField | models.JSONField)
            and not getattr(f, "choices", None)
        ]
        if not fields:
            continue
        for row in model._default_manager.values_list(*fields):
            for value in row:
                texts.update(_strings(value))
    return sorted((t for t in texts if len(t) > 1), key=len, reverse=True)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value.casefold()
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def visible_text(content: bytes) -> str:
    """What a reader meets: text, and the labels of controls and images."""
    tree = html.fromstring(content)
    for element in tree.xpath('//script | //style | //*[@lang="vi"] | //template'):
        element.drop_tree()
    parts = list(tree.itertext())
    for attribute in ("placeholder", "title", "aria-label", "alt"):
        parts += tree.xpath(f"//@{attribute}")
    parts += tree.xpath("//input[@type='submit' or @type='button']/@value")
    return unicodedata.normalize("NFC", "\n".join(str(p) for p in parts))


def _without_data(text: str, data: list[str]) -> str:
    folded = text.casefold()
    for value in data:
        if value in folded:
            # Whole words only: a stored "mới" must not hide "mới" in a label.
            folded = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", " ", folded)
    for allowed in ALLOWED:
        folded = folded.replace(allowed, " ")
    return folded


def leftovers(text: str, data: list[str]) -> set[str]:
    return {w for w in WORD.findall(_without_data(text, data)) if is_vietnamese(w)}


def in_context(text: str, data: list[str]) -> list[str]:
    """Each line still holding Vietnamese, to find its source."""
    lines = _without_data(text, data).splitlines()
    found = [" ".join(line.split()) for line in lines if leftovers(line, [])]
    return sorted(set(found))[:12]


def test_the_detector_finds_vietnamese_and_spares_english() -> None:
    assert leftovers("Danh sách mô hình", []) == {"sách", "mô", "hình"}
    assert leftovers("Xã An Phú: 3 models", ["xã an phú"]) == set()
    assert leftovers("Language: Tiếng Việt, English", []) == set()
    assert leftovers("Dashboard for 2026, first half", []) == set()


def test_no_vietnamese_is_left_on_the_pages_in_english(world, client) -> None:
    objects = hidden_records(world.commune)
    officer: Any = world.commune_officer
    officer.role = Role.ADMINISTRATOR
    officer.save()
    client.force_login(officer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    data = stored_texts()
    found: dict[str, list[str]] = {}
    pages = 0
    for name, route in all_routes():
        if name in NOT_PAGES or (
            name in UNSCOPED and name not in {"home", "api:tokens"}
        ):
            continue
        url = fill(route, objects)
        response = client.get(url)
        if response.status_code != 200 or not response["Content-Type"].startswith(
            "text/html"
        ):
            continue
        assert response.get("Content-Language") == "en", url
        pages += 1
        text = visible_text(response.content)
        if leftovers(text, data):
            found[url] = in_context(text, data)
    assert pages > 40
    assert not found, "\n".join(
        f"{url}: {' | '.join(lines)}" for url, lines in sorted(found.items())
    )
