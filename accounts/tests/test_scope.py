import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.models import Role
from accounts.scope import Action, allows, require, scoped, unit_in_scope
from org.models import Unit


def test_scope_is_the_subtree(world):
    visible = set(scoped(world.commune_officer, Unit.objects.all()))
    assert visible == {world.commune, world.village}
    assert set(scoped(world.province_officer, Unit.objects.all())) >= {
        world.province,
        world.commune,
        world.sibling,
        world.village,
    }
    assert world.other_province not in set(
        scoped(world.province_officer, Unit.objects.all())
    )


def test_inactive_users_see_nothing(world):
    world.commune_officer.is_active = False
    assert not scoped(world.commune_officer, Unit.objects.all()).exists()
    assert not unit_in_scope(world.commune_officer, world.commune)


def test_roles_are_ordered(world):
    assert allows(world.commune_officer, Action.CHANGE, world.village)
    assert not allows(world.commune_officer, Action.APPROVE, world.commune)
    assert not allows(world.commune_viewer, Action.CHANGE, world.commune)
    assert allows(world.province_officer, Action.ADMINISTER, world.commune)


def test_outside_scope_is_not_found_and_inside_without_role_is_forbidden(world):
    with pytest.raises(Http404):
        require(world.commune_officer, Action.VIEW, world.province)
    with pytest.raises(PermissionDenied):
        require(world.commune_viewer, Action.CHANGE, world.commune)
    assert world.commune_viewer.has_role(Role.VIEWER)


def test_a_model_without_a_scope_rule_is_refused(world):
    from auditlog.models import LogEntry

    with pytest.raises(LookupError):
        scoped(world.province_officer, LogEntry.objects.all())
