from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class VietnameseFirstMiddleware:
    """Show Vietnamese unless the user chose another language on the site.

    Office browsers are often set to English; the browser's Accept-Language is
    therefore ignored and only the language cookie set by the switcher counts.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class SessionTouchMiddleware:
    """Keep an active session alive without writing it on every request.

    A session lasts SESSION_COOKIE_AGE from its last save. Saving it on every
    GET (SESSION_SAVE_EVERY_REQUEST) made each page view a database write,
    which SQLite serializes: under a few concurrent writers a plain read then
    failed with "database is locked". Here a signed-in session is saved at
    most once per SESSION_TOUCH_SECONDS, which moves its expiry by no more
    than that.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and session.session_key and not session.modified:
            now = int(time.time())
            touched = session.get("_touched", 0)
            if (
                not isinstance(touched, int)
                or now - touched >= settings.SESSION_TOUCH_SECONDS
            ):
                session["_touched"] = now
        return response


def mark_touched_at_login(sender: Any, request: HttpRequest, **_: Any) -> None:
    """Signing in saves the session: count that as its first touch, so the
    first pages after it do not save it again."""
    if hasattr(request, "session"):
        request.session["_touched"] = int(time.time())
