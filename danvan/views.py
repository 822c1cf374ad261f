from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from accounts.models import User


def home(request: HttpRequest) -> HttpResponse:
    """Start where the user works: their own unit."""
    user = request.user
    if isinstance(user, User) and user.unit_id is not None:
        return redirect("org:unit_detail", unit_id=user.unit_id)
    return redirect("org:unit_search")
