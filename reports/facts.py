"""What happened in a unit during a period, for drafting a report's text.

One selector, ``report_facts``: the roll-up of the period and of the same
period a year before, and the records a report names (models that stood out,
conferences, dialogues, programmes signed, campaigns and their targets, the
next period's campaigns and open tasks). Records are selected by the same rule
as the roll-up (``org.breakdown``): the unit as it was during the period.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet, Sum

from org.breakdown import Breakdown, breakdown
from org.models import Unit
from reports.periods import Period, PeriodKind
from reports.rollup import Rollup, TargetResult, rollup
from work.models import (
    Campaign,
    Conference,
    CoordinationProgram,
    Dialogue,
    FollowUpTask,
    Initiative,
    InitiativeStep,
)


@dataclass(frozen=True)
class Standout:
    """A model recognized as exemplary, or replicated, during the period."""

    name: str
    holder: str
    unit: str
    status: str


@dataclass(frozen=True)
class Signed:
    title: str
    parties: list[str]
    signed_on: dt.date


@dataclass(frozen=True)
class DialogueTotals:
    held: int
    held_before: int
    raised: int
    resolved: int
    participants: int
    topics: list[str]


@dataclass
class CampaignFacts:
    name: str
    kind: str
    start: dt.date
    end: dt.date
    targets: list[TargetResult] = field(default_factory=list)


@dataclass(frozen=True)
class OpenTask:
    owner: str
    content: str
    deadline: dt.date


@dataclass
class Facts:
    unit: Unit
    period: Period
    now: Rollup
    before: Rollup
    standouts: list[Standout]
    conferences: list[Conference]
    dialogues: DialogueTotals
    programmes: list[Signed]
    campaigns: list[CampaignFacts]
    next_period: Period
    next_campaigns: list[CampaignFacts]
    open_tasks: list[OpenTask]


_MASS_MOBILIZATION = {"ban-dan-van", "ban-tuyen-giao-dan-van", "khoi-dan-van"}


def next_period(period: Period) -> Period:
    """The period after ``period``: the next year after a year or a second
    half, the second half after a first half, the following quarter or month,
    and after a range the same number of days."""
    end = period.end
    start = end + dt.timedelta(days=1)
    if period.kind is PeriodKind.YEAR or (
        period.kind is PeriodKind.HALF and start.month == 1
    ):
        return Period(PeriodKind.YEAR, start, start.replace(month=12, day=31))
    if period.kind is PeriodKind.HALF:
        return Period(PeriodKind.HALF, start, start.replace(month=12, day=31))
    if period.kind is PeriodKind.QUARTER:
        last_month = start.month + 2
        following = start.replace(month=last_month, day=28) + dt.timedelta(days=4)
        return Period(
            PeriodKind.QUARTER, start, following - dt.timedelta(days=following.day)
        )
    if period.kind is PeriodKind.MONTH:
        following = start.replace(day=28) + dt.timedelta(days=4)
        return Period(
            PeriodKind.MONTH, start, following - dt.timedelta(days=following.day)
        )
    return Period(PeriodKind.RANGE, start, start + (period.end - period.start))


def report_facts(unit: Unit, period: Period) -> Facts:
    now = rollup(unit, period, rows=True)
    before = rollup(unit, period.year_before())
    held = _held(now)
    steps = (
        InitiativeStep.objects.filter(
            held.records("date", "initiative__unit"),
            status__in=[Initiative.Status.RECOGNIZED, Initiative.Status.REPLICATED],
        )
        .select_related("initiative__unit", "initiative__holder_body")
        .order_by("-status", "date", "pk")[:6]
    )
    standouts = [
        Standout(
            name=step.initiative.name,
            holder=step.initiative.holder_label,
            unit=step.initiative.unit.name,
            status=step.status,
        )
        for step in steps
    ]
    conferences = list(
        Conference.objects.filter(held.records("date")).order_by("date", "pk")
    )
    dialogues = _dialogues(
        Dialogue.objects.filter(held.records("date")),
        Dialogue.objects.filter(_held(before).records("date")),
    )
    signed = CoordinationProgram.objects.filter(
        held.records("signed_on")
    ).prefetch_related("parties__kind")
    programmes = [
        Signed(
            title=p.title,
            # The committee for mass mobilization first: "… giữa Ban Dân vận
            # với Công an và Quân sự".
            parties=[
                b.name
                for b in sorted(
                    p.parties.all(),
                    key=lambda b: (b.kind.code not in _MASS_MOBILIZATION, b.pk),
                )
            ],
            signed_on=p.signed_on,
        )
        for p in signed.order_by("signed_on", "pk")
    ]
    campaigns = _campaigns(held.records("start"), period, now.targets)
    following = next_period(period)
    later = breakdown(unit, following.start, following.end)
    next_campaigns = _campaigns(later.records("start"), following, [])
    # Tasks the period's conferences set that are still to be done.
    tasks = (
        FollowUpTask.objects.filter(
            held.records("conference__date", "conference__unit")
        )
        .exclude(status__in=[FollowUpTask.Status.DONE, FollowUpTask.Status.CANCELLED])
        .filter(deadline__gt=period.end)
        .select_related("owner")
        .order_by("deadline", "pk")[:8]
    )
    return Facts(
        unit=unit,
        period=period,
        now=now,
        before=before,
        standouts=standouts,
        conferences=conferences,
        dialogues=dialogues,
        programmes=programmes,
        campaigns=campaigns,
        next_period=following,
        next_campaigns=next_campaigns,
        open_tasks=[
            OpenTask(owner=t.owner.name, content=t.content, deadline=t.deadline)
            for t in tasks
        ],
    )


def _held(totals: Rollup) -> Breakdown:
    assert totals.breakdown is not None
    return totals.breakdown


def _dialogues(now: QuerySet[Dialogue], before: QuerySet[Dialogue]) -> DialogueTotals:
    totals = now.aggregate(
        held=Count("pk"),
        raised=Sum("issues_raised"),
        resolved=Sum("issues_resolved"),
        participants=Sum("participants"),
    )
    topics: list[str] = []
    for topic in now.order_by("date", "pk").values_list("topic", flat=True):
        if topic not in topics:
            topics.append(topic)
    return DialogueTotals(
        held=totals["held"] or 0,
        held_before=before.count(),
        raised=totals["raised"] or 0,
        resolved=totals["resolved"] or 0,
        participants=totals["participants"] or 0,
        topics=topics[:3],
    )


def _campaigns(
    scope: Q, period: Period, targets: list[TargetResult]
) -> list[CampaignFacts]:
    """Campaigns that started in the period, with the targets the roll-up
    found for them."""
    by_name: dict[str, list[TargetResult]] = defaultdict(list)
    for target in targets:
        by_name[target.campaign].append(target)
    return [
        CampaignFacts(
            name=c.name,
            kind=c.get_kind_display(),
            start=c.start,
            end=c.end,
            targets=by_name.get(c.name, []),
        )
        for c in Campaign.objects.filter(scope).order_by("start", "name")
    ]
