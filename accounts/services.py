"""Writes to user accounts. Administrators manage users inside their subtree."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import ROLE_RANK, Role, User
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
