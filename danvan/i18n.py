"""Language helpers.

The interface follows the user's language; documents (reports, their
spreadsheets and PDFs, news drafts) are official Vietnamese texts whatever
language the page that asked for them is in.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from django.utils import translation

P = ParamSpec("P")
R = TypeVar("R")


def in_vietnamese(function: Callable[P, R]) -> Callable[P, R]:
    """Run ``function`` with Vietnamese active, so every translated string it
    writes (table titles, headers, period names) is the Vietnamese one."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with translation.override("vi"):
            return function(*args, **kwargs)

    return wrapper
