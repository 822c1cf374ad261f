from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _


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


ONCE_FIELD = "_lan_gui"
_TOKEN = re.compile(r"[0-9a-f]{32}")


class OnceOnlyMiddleware:
    """A form carrying a one-time token (``ONCE_FIELD``, issued with the page
    by the ``once_token`` context value) is acted on once.

    The token is taken in the same transaction as the view's work: a second
    post of the same token (a double click, a resent page, two tabs) waits for
    the first, finds the token taken and is redirected to where the first
    post led, with a message; nothing is created twice. A post that fails
    validation gives its token back, so the corrected form can be sent."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = (
            request.POST.get(ONCE_FIELD, "")
            if request.method == "POST" and not request.path.startswith("/api/")
            else ""
        )
        user = getattr(request, "user", None)
        if not _TOKEN.fullmatch(token) or user is None or not user.is_authenticated:
            return self.get_response(request)
        from accounts.models import SubmittedForm

        with transaction.atomic():
            try:
                with transaction.atomic():
                    taken = SubmittedForm.objects.create(token=token, user=user)
            except IntegrityError:
                return self._already_sent(request, token)
            response = self.get_response(request)
            if response.status_code in (301, 302, 303) and response.get("Location"):
                taken.location = response["Location"][:500]
                taken.save(update_fields=["location"])
            else:
                taken.delete()
        return response

    def _already_sent(self, request: HttpRequest, token: str) -> HttpResponse:
        from accounts.models import SubmittedForm

        first = SubmittedForm.objects.filter(token=token).first()
        if first is not None and first.user_id != request.user.pk:
            first = None  # another user's token: say nothing of where it led
        messages.info(
            request, _("Biểu mẫu này đã được gửi; dữ liệu chỉ được lưu một lần.")
        )
        location = first.location if first is not None and first.location else "/"
        return HttpResponseRedirect(location)
