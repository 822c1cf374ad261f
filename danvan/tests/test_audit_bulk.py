"""Audit entries written for bulk inserts hold what a single save records."""

from __future__ import annotations

import copy

import pytest
from auditlog.diff import model_instance_diff

from danvan.audit import created_changes
from danvan.tests.test_every_url import hidden_records
from work.models import Award, IndicatorValue, Initiative

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [IndicatorValue, Initiative, Award])
def test_the_fast_path_gives_the_same_changes_as_auditlog(world, model):
    hidden_records(world.commune)
    first = model.objects.order_by("pk").first()
    # A second object with other values: empty optional fields, a new id.
    second = copy.copy(first)
    second.pk = first.pk + 1000
    for field in model._meta.fields:
        if field.null and not field.primary_key:
            setattr(second, field.attname, None)
    objects = [first, second]
    expected = [model_instance_diff(None, obj) for obj in objects]
    assert created_changes(objects, False) == expected
