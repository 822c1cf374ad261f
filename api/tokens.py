"""Making, checking and revoking personal API tokens."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from api.models import ApiToken
from vn.text import nfc

PREFIX = "dv_"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_create(
    *, user: User, name: str, days: int | None = None
) -> tuple[ApiToken, str]:
    """A new token for ``user``: (its record, the token itself). The token is
    returned once and never stored; ``days`` sets an expiry."""
    name = " ".join(nfc(name).split())
    if not name:
        raise ValidationError({"name": _("Hãy đặt tên gợi nhớ cho mã truy cập.")})
    if len(name) > 100:
        raise ValidationError({"name": _("Tên gợi nhớ dài quá 100 ký tự.")})
    if days is not None and not 1 <= days <= 3650:
        raise ValidationError({"days": _("Thời hạn phải từ 1 đến 3650 ngày.")})
    if not user.is_active:
        raise ValidationError(_("Tài khoản đã bị khóa."))
    secret = secrets.token_urlsafe(32)
    token = f"{PREFIX}{secret}"
    record = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=token[: len(PREFIX) + 6],
        key_hash=_hash(token),
        expires_at=timezone.now() + dt.timedelta(days=days) if days else None,
    )
    return record, token


def token_user(token: str) -> ApiToken | None:
    """The usable token record ``token`` belongs to, or None."""
    if not token.startswith(PREFIX) or len(token) > 200:
        return None
    record = (
        ApiToken.objects.select_related("user", "user__unit")
        .filter(key_hash=_hash(token))
        .first()
    )
    now = timezone.now()
    if record is None or not record.usable(now) or not record.user.is_active:
        return None
    if record.last_used_at is None or now - record.last_used_at > dt.timedelta(
        minutes=1
    ):
        # At most one write a minute per token, not one per request.
        ApiToken.objects.filter(pk=record.pk).update(last_used_at=now)
    return record


def token_revoke(*, token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token
