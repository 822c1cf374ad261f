"""Writes to user accounts. Administrators manage users inside their subtree."""

from __future__ import annotations

import datetime as dt

from auditlog.models import LogEntry
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import ROLE_RANK, Role, User
from accounts.scope import Action, allows, scoped
from danvan.versioning import claim_version
from org.models import Body, Unit
from vn.text import nfc


def _check_placement(*, actor: User, unit: Unit, body: Body | None, role: Role) -> None:
    if actor.unit is None or not unit.path.startswith(actor.unit.path):
        raise ValidationError({"unit": _("Đơn vị nằm ngoài phạm vi quản lý của bạn.")})
    if body is not None and body.unit_id != unit.pk:
        raise ValidationError({"body": _("Cơ quan phải thuộc đơn vị của người dùng.")})
    if ROLE_RANK[role] > ROLE_RANK[Role(actor.role)]:
        raise ValidationError(
            {"role": _("Không thể cấp vai trò cao hơn vai trò của bạn.")}
        )


@transaction.atomic
def user_create(
    *,
    actor: User | None,
    username: str,
    password: str,
    full_name: str,
    unit: Unit,
    role: Role,
    body: Body | None = None,
    email: str = "",
) -> User:
    """Create an account. ``actor`` None is the system (commands, demo data).

    Raises ValidationError for a taken username, a weak password, or a unit,
    body or role outside what the actor may give.
    """
    if actor is not None:
        _check_placement(actor=actor, unit=unit, body=body, role=role)
    user = User(
        username=username.strip(),
        full_name=nfc(full_name).strip(),
        email=email.strip(),
        unit=unit,
        body=body,
        role=role,
    )
    user.full_clean(exclude=["password"])
    validate_password(password, user)
    user.set_password(password)
    user.save()
    return user


@transaction.atomic
def user_update(
    *,
    actor: User,
    user: User,
    full_name: str,
    unit: Unit,
    role: Role,
    body: Body | None,
    email: str,
    is_active: bool,
    expected_version: int | None = None,
) -> User:
    """Change an account inside the actor's subtree. Raises StaleEditError
    when ``expected_version`` is no longer the account's."""
    _check_placement(actor=actor, unit=unit, body=body, role=role)
    if user.pk == actor.pk and (not is_active or role != actor.role):
        raise ValidationError(
            _("Bạn không thể tự khóa hoặc đổi vai trò của chính mình.")
        )
    user.full_name, user.email = nfc(full_name).strip(), email.strip()
    user.unit, user.body, user.role, user.is_active = unit, body, role, is_active
    user.full_clean(exclude=["password"])
    claim_version(user, expected_version)
    user.save()
    return user


@transaction.atomic
def user_set_password(*, user: User, password: str) -> User:
    validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    return user


def locked_logins(actor: User) -> list[tuple[User, list[AccessAttempt]]]:
    """The accounts in ``actor``'s scope whose sign-in is locked out now (by
    failures from one address or more), with the attempts that lock them."""
    attempts = [
        attempt
        for attempt in AccessAttempt.objects.filter(
            failures_since_start__gte=settings.AXES_FAILURE_LIMIT
        ).order_by("-attempt_time")
        if attempt.attempt_time >= timezone.now() - _cooloff()
    ]
    if not attempts:
        return []
    names = {attempt.username.lower() for attempt in attempts if attempt.username}
    users = scoped(actor, User.objects.select_related("unit")).annotate(
        lowered=Lower("username")
    )
    found: list[tuple[User, list[AccessAttempt]]] = []
    for user in users.filter(lowered__in=names).order_by("username"):
        own = [
            a for a in attempts if (a.username or "").lower() == user.username.lower()
        ]
        found.append((user, own))
    return found


def _cooloff() -> dt.timedelta:
    hours = settings.AXES_COOLOFF_TIME
    return dt.timedelta(hours=float(hours)) if hours else dt.timedelta(days=3650)


@transaction.atomic
def login_unlock(*, actor: User, user: User) -> int:
    """Lift the sign-in lockout of ``user`` (every address, any letter case of
    the username). Only an administrator of the user's unit may; the unlock is
    recorded in the user's history. Returns how many lockouts were lifted."""
    if user.unit is None or not allows(actor, Action.ADMINISTER, user.unit):
        raise PermissionDenied
    attempts = AccessAttempt.objects.filter(username__iexact=user.username)
    lifted = int(attempts.count())
    attempts.delete()
    if lifted:
        LogEntry.objects.log_create(
            user,
            force_log=True,
            action=LogEntry.Action.UPDATE,
            actor=actor,
            changes={"đăng nhập": ["tạm khóa", "mở khóa"]},
        )
    return lifted
