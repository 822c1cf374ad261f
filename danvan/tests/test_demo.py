from __future__ import annotations

import pytest
from django.apps import apps
from django.core.management import call_command

from accounts.models import User
from work.models import Conference, Initiative


@pytest.mark.django_db
def test_demo_fills_every_kind_of_record_over_several_years():
    call_command("demo", verbosity=0)
    empty = [
        model.__name__
        for model in apps.get_app_config("work").get_models()
        if model.__name__
        not in {"PeriodLock", "Attachment", "Commitment", "AwardRecipient"}
        and not model._default_manager.exists()
    ]
    assert empty == []
    years = {d.year for d in Initiative.objects.values_list("registered_on", flat=True)}
    assert years >= {2021, 2022, 2023, 2024, 2025, 2026}
    assert Conference.objects.filter(
        unit__valid_to__isnull=False
    ).exists()  # before 2025
    assert Conference.objects.filter(unit__valid_to__isnull=True).exists()  # after
    assert User.objects.filter(username="admin").exists()
    # Running it again changes nothing.
    before = Initiative.objects.count()
    call_command("demo", verbosity=0)
    assert Initiative.objects.count() == before
