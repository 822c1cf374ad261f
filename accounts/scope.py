"""The one permission rule of the platform.

A user sees and changes only records of their unit's subtree of the lineage
tree (their unit, its descendants, and the former units that live on in them).
What a user may do there depends on their role. Every view and endpoint calls
this module; a record outside the user's scope is reported as "not found".
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404

from accounts.models import Role, User
from ingest.models import Document
from jobs.models import Job
from org.models import Body, Person, Position, Reorganization, Unit, UnitVersion
from reports import models as reports
from work import models as work

if TYPE_CHECKING:
    from collections.abc import Mapping

M = TypeVar("M", bound=Model)


class Action(Enum):
    VIEW = Role.VIEWER
    CHANGE = Role.EDITOR
    APPROVE = Role.APPROVER
    ADMINISTER = Role.ADMINISTRATOR


# How to reach the unit path from each model that holds data. A model missing
# here cannot be shown: `scoped` refuses it, so new models must be added.
UNIT_PATH: Mapping[type[Model], str] = {
    Unit: "path",
    UnitVersion: "unit__path",
    Body: "unit__path",
    Person: "home_unit__path",
    Position: "body__unit__path",
    User: "unit__path",
    Reorganization: "links__successor__path",
    work.Initiative: "unit__path",
    work.InitiativeStep: "initiative__unit__path",
    work.Attachment: "initiative__unit__path",
    work.Conference: "unit__path",
    work.Attendance: "conference__unit__path",
    work.Commitment: "conference__unit__path",
    work.FollowUpTask: "conference__unit__path",
    work.CoordinationProgram: "unit__path",
    work.Dialogue: "unit__path",
    work.Campaign: "unit__path",
    work.Target: "unit__path",
    work.TargetProgress: "target__unit__path",
    work.IndicatorValue: "unit__path",
    work.Award: "unit__path",
    work.AwardRecipient: "award__unit__path",
    work.PeriodLock: "unit__path",
    reports.Report: "unit__path",
    Job: "unit__path",
    Document: "unit__path",
}
# Models reached through a many-valued relation need DISTINCT.
_MULTI_VALUED: frozenset[type[Model]] = frozenset({Reorganization})


def _root_path(user: User | AnonymousUser) -> str | None:
    if not isinstance(user, User) or not user.is_active or user.unit_id is None:
        return None
    unit = user.unit
    return unit.path if unit is not None else None


def scoped(user: User | AnonymousUser, queryset: QuerySet[M]) -> QuerySet[M]:
    """Restrict ``queryset`` to the records inside the user's subtree."""
    lookup = UNIT_PATH.get(queryset.model)
    if lookup is None:
        raise LookupError(f"No scope rule for {queryset.model.__name__}")
    root = _root_path(user)
    if root is None:
        return queryset.none()
    filtered = queryset.filter(**{f"{lookup}__startswith": root})
    return filtered.distinct() if queryset.model in _MULTI_VALUED else filtered


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
