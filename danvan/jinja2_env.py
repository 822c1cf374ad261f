"""The Jinja2 environment of the form renderer (widgets only; pages stay in
Django's template language)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import translation
from jinja2 import Environment


def environment(**options: Any) -> Environment:
    env = Environment(extensions=["jinja2.ext.i18n"], **options)
    env.install_gettext_callables(  # type: ignore[attr-defined]
        translation.gettext, translation.ngettext, newstyle=True
    )
    env.globals["url"] = lambda name, *args, **kwargs: reverse(
        name, args=args or None, kwargs=kwargs or None
    )
    return env
