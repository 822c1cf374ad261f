"""Signing in: usernames match without regard to case ("ADMIN" is "admin"),
as they are unique without regard to case (accounts.User's constraint)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class CaseInsensitiveModelBackend(ModelBackend):
    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        model = get_user_model()
        if username is None:
            username = kwargs.get(model.USERNAME_FIELD)
        if username is None or password is None:
            return None
        try:
            user = model._default_manager.get(username__iexact=username.strip())
        except model.DoesNotExist:
            model().set_password(password)  # the same time as a wrong password
            return None
        except model.MultipleObjectsReturned:
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def get_user(self, user_id: Any) -> Any:
        """The signed-in user of a request, with their unit in the same query:
        every page asks for the unit (the scope rule), so it is not a second
        round trip."""
        model = get_user_model()
        try:
            user = model._default_manager.select_related("unit").get(pk=user_id)
        except model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None


def axes_username(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """The username django-axes counts failures for: folded to lower case, so
    "Admin" and "admin" share one counter."""
    name = (credentials or {}).get("username") or request.POST.get("username", "")
    return str(name).strip().lower()


def locked_out(
    request: HttpRequest,
    original_response: Any = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """The page a locked-out login gets: in Vietnamese, with the wait."""
    minutes = max(1, round(float(settings.AXES_COOLOFF_TIME) * 60))
    return render(
        request,
        "accounts/locked_out.html",
        {"cooloff_minutes": minutes},
        status=429,
    )
