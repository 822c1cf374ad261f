"""Token authentication and the per-token rate limit."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import get_usage
from ninja.security import HttpBearer

from api.tokens import token_user


class RateLimited(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__("rate limited")
        self.retry_after = retry_after


class TokenAuth(HttpBearer):
    """``Authorization: Bearer dv_…``: the request acts as the token's user.
    Each token may make ``RATE_LIMITS["api"]`` requests (per minute by
    default); over it, 429 with ``Retry-After``."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        record = token_user(token.strip())
        if record is None:
            return None
        request.user = record.user
        request.api_token = record  # type: ignore[attr-defined]
        usage = get_usage(
            request,
            group="danvan.api",
            key=lambda _group, _request: str(record.pk),
            rate=settings.RATE_LIMITS["api"],
            increment=True,
        )
        if usage is not None and usage["should_limit"]:
            raise RateLimited(max(1, int(usage["time_left"])))
        return record.user
