from __future__ import annotations

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from accounts.models import User
from danvan.history import records_outside_lifetime, wrong_child_counts
from danvan.names import FAMILY
from ingest.locate import propose_unit
from ingest.models import Document
from org.models import Person
from reports.models import Report
from reports.periods import current_period, parse_period
from reports.rollup import rollup
from work.models import Award, Conference, Initiative

DEMO_ACCOUNTS = ["admin", "tinh.xem", "xa.xem"]


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

    # Every demo account finds models in its own unit in every year and in
    # the current half-year: the ward through the wards it was formed from
    # before 1 July 2025, and itself after.
    today = timezone.localdate()
    half = f"{today.year}H{1 if today.month <= 6 else 2}"
    for username in DEMO_ACCOUNTS:
        unit = User.objects.get(username=username).unit
        assert unit is not None
        for code in [*[str(y) for y in range(2021, today.year + 1)], half]:
            assert rollup(unit, parse_period(code)).initiatives > 0, (unit, code)
    assert current_period(today).code in {
        f"{today.year - 1}",
        f"{today.year}H1",
        f"{today.year}H2",
        f"{today.year}",
    }

    # Nothing is dated outside its unit's lifetime; the tree's counts are right.
    assert list(records_outside_lifetime()) == []
    assert wrong_child_counts() == []
    # The submitted report belongs to a unit that existed in its period.
    submitted = Report.objects.get(status=Report.Status.SUBMITTED)
    assert submitted.unit.exists_on(submitted.period.start)

    # People are named in Vietnamese order, without honorifics.
    families = {name for name, _weight in FAMILY}
    names = list(Person.objects.values_list("full_name", flat=True))
    assert names and all(n.split()[0] in families for n in names)
    assert not any(n.split()[0] in {"Ông", "Bà", "Anh", "Chị", "Quý"} for n in names)
    # No award names more recipients than it counts.
    for award in Award.objects.prefetch_related("recipients"):
        named = [r.kind for r in award.recipients.all()]
        assert named.count("individual") <= award.individual_count
        assert named.count("collective") <= award.collective_count

    # The article waiting for review is proposed for the former town it is
    # about, as it was in 2023, although it was uploaded for the city.
    document = Document.objects.get(status=Document.Status.READ)
    assert document.uploaded_by is not None
    proposal = propose_unit(document.uploaded_by, document.facts, document.unit)
    assert document.unit.name == "Thành phố Đà Nẵng"
    assert proposal.found and proposal.unit.name == "Thị xã Điện Bàn"
    assert not proposal.unit.is_active

    # Running it again changes nothing.
    before = Initiative.objects.count()
    call_command("demo", verbosity=0)
    assert Initiative.objects.count() == before
