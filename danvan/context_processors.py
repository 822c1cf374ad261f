from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject


def site(request: HttpRequest) -> dict[str, Any]:
    """Values every page needs: the session length for the timeout warning."""
    return {
        "session_timeout_seconds": settings.SESSION_COOKIE_AGE,
        "session_warning_seconds": settings.SESSION_WARNING_SECONDS,
        # A form that creates something posts this back once (see
        # danvan.middleware.OnceOnlyMiddleware); made only if a page uses it.
        "once_token": SimpleLazyObject(lambda: uuid.uuid4().hex),
        # The grouped menu, built only on pages that show it.
        "nav_groups": SimpleLazyObject(lambda: _navigation(request)),
        # The unit and period the user works in (danvan.workcontext).
        "work": SimpleLazyObject(lambda: _context_bar(request)),
    }


def _context_bar(request: HttpRequest) -> dict[str, Any]:
    from danvan.workcontext import context_bar

    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return context_bar(request)


def _navigation(request: HttpRequest) -> list[Any]:
    from danvan.navigation import groups_for
    from danvan.workcontext import work_context

    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    return groups_for(user, request.path, work_context(request))
