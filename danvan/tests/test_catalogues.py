"""The translation catalogues and migrations are complete and up to date."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

LOCALE = Path(settings.BASE_DIR) / "locale"


def _entries(po: Path) -> list[str]:
    return po.read_text("utf-8").split("\n\n")[1:]


def test_every_english_message_is_translated() -> None:
    untranslated = [
        entry
        for entry in _entries(LOCALE / "en/LC_MESSAGES/django.po")
        if "#, fuzzy" in entry
        or re.search(r'\nmsgstr ""\s*$', entry)
        or re.search(r'\nmsgstr\[\d\] ""\s*$', entry)
    ]
    assert untranslated == []


@pytest.mark.skipif(
    not shutil.which("msgfmt"), reason="gettext (msgfmt) is not installed"
)
@pytest.mark.parametrize("language", ["en", "vi"])
def test_compiled_catalogues_match_their_sources(tmp_path: Path, language: str) -> None:
    folder = LOCALE / language / "LC_MESSAGES"
    fresh = tmp_path / "django.mo"
    subprocess.run(
        ["msgfmt", "--check-format", "-o", str(fresh), str(folder / "django.po")],
        check=True,
    )
    assert fresh.read_bytes() == (folder / "django.mo").read_bytes(), (
        "run `danvan compilemessages`"
    )


@pytest.mark.django_db
def test_models_and_migrations_agree() -> None:
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
