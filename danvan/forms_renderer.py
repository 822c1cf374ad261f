"""Form widgets drawn by Jinja2: Django's own widget templates (shipped in
its forms/jinja2 directory) and the project's, in each app's jinja2/.

Django's template language draws each option of a select through a template
of its own; on a list page with its filter form and the context bar that was
a fifth of the page's cost. Pages themselves stay in Django's language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import django.forms
from django.forms.renderers import Jinja2
from django.template.backends.jinja2 import Jinja2 as Backend
from django.utils.functional import cached_property


class Jinja2Widgets(Jinja2):
    @cached_property
    def engine(self) -> Any:
        return Backend(
            {
                "APP_DIRS": True,
                "DIRS": [Path(django.forms.__file__).parent / "jinja2"],
                "NAME": "djangoforms",
                "OPTIONS": {"environment": "danvan.jinja2_env.environment"},
            }
        )
