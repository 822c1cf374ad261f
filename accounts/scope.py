"""The one permission rule of the platform.

A user sees and changes only records of their unit's subtree of the lineage
tree (their unit, its descendants, and the former units that live on in them).
What a user may do there depends on their role. Every view and endpoint calls
this module; a record outside the user's scope is reported as "not found".
"""

from __future__ import annotations

from enum import Enum
from typing import Any, TypeVar

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404

from accounts.models import Role, User
from org.models import Unit

M = TypeVar("M", bound=Model)


class Action(Enum):
    VIEW = Role.VIEWER
    CHANGE = Role.EDITOR
    APPROVE = Role.APPROVER
    ADMINISTER = Role.ADMINISTRATOR


def _scope_path(model: type[Model]) -> str:
    """How a model reaches the unit path: every model holding data declares
    it (``scope_path``); a model that does not cannot be shown."""
    lookup = getattr(model, "scope_path", None)
    if not isinstance(lookup, str):
        raise LookupError(f"No scope rule for {model.__name__}")
    return lookup


def _root_path(user: User | AnonymousUser) -> str | None:
    if not isinstance(user, User) or not user.is_active or user.unit_id is None:
        return None
    unit = user.unit
    return unit.path if unit is not None else None


def scoped(user: User | AnonymousUser, queryset: QuerySet[M]) -> QuerySet[M]:
    """Restrict ``queryset`` to the records inside the user's subtree."""
    lookup = _scope_path(queryset.model)
    root = _root_path(user)
    if root is None:
        return queryset.none()
    filtered = queryset.filter(**{f"{lookup}__startswith": root})
    # A model reached through a many-valued relation is listed once.
    distinct = getattr(queryset.model, "scope_distinct", False)
    return filtered.distinct() if distinct else filtered


def unit_in_scope(user: User | AnonymousUser, unit: Unit) -> bool:
    root = _root_path(user)
    return root is not None and unit.path.startswith(root)


def allows(user: User | AnonymousUser, action: Action, unit: Unit) -> bool:
    """True when ``user`` may perform ``action`` on data of ``unit``."""
    if not unit_in_scope(user, unit):
        return False
    assert isinstance(user, User)
    return user.has_role(action.value)


def require(user: User | AnonymousUser, action: Action, unit: Unit) -> None:
    """Raise 404 outside the user's scope, 403 inside it without the role."""
    if not unit_in_scope(user, unit):
        raise Http404
    if not allows(user, action, unit):
        raise PermissionDenied


def get_or_404(user: User | AnonymousUser, queryset: QuerySet[M], **lookup: Any) -> M:
    """Fetch one record the user may see, or raise 404 as if it did not exist."""
    try:
        return scoped(user, queryset).get(**lookup)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc
