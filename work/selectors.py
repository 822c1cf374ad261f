"""Reads of work records, always through the scope rule."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import (
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce

from accounts.scope import get_or_404, scoped
from org.models import Unit
from work.listing import filtered
from work.models import (
    Attendance,
    Award,
    Campaign,
    Conference,
    CoordinationProgram,
    Dialogue,
    Field,
    Indicator,
    IndicatorValue,
    Initiative,
    InitiativeStep,
    Target,
    TargetProgress,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User

    Viewer = User | AnonymousUser


def initiative_list(user: Viewer, filters: dict[str, Any]) -> QuerySet[Initiative]:
    initiatives = scoped(
        user,
        Initiative.objects.select_related(
            "unit", "field", "holder_body", "holder_person", "replicates"
        ),
    )
    return filtered(
        initiatives,
        filters,
        date_field="registered_on",
        choices=("field", "status", "kind", "origin"),
    )


def initiative_page(user: Viewer, initiative_id: int) -> Initiative:
    initiative: Initiative = get_or_404(
        user,
        Initiative.objects.select_related(
            "unit", "field", "holder_body", "holder_person", "replicates__unit"
        ).prefetch_related(
            Prefetch(
                "steps", queryset=InitiativeStep.objects.select_related("decided_by")
            ),
            "attachments",
            Prefetch("awards", queryset=Award.objects.select_related("issuer")),
            Prefetch(
                "indicator_values",
                queryset=IndicatorValue.objects.select_related("indicator"),
            ),
        ),
        pk=initiative_id,
    )
    return initiative


def replicas_in_scope(user: Viewer, initiative: Initiative) -> QuerySet[Initiative]:
    return scoped(user, initiative.replicas.select_related("unit"))


def _count_of(model: type[Any], parent: str) -> Coalesce:
    """How many ``model`` rows point at the row, as a correlated subquery: the
    list's paginator then counts rows with a plain COUNT(*) (Django drops an
    annotation nothing filters on), not over a join grouped by row."""
    counted = Subquery(
        model.objects.filter(**{parent: OuterRef("pk")})
        .order_by()
        .values(parent)
        .annotate(n=Count("pk"))
        .values("n"),
        output_field=IntegerField(),
    )
    return Coalesce(counted, 0)


def conference_list(user: Viewer, filters: dict[str, Any]) -> QuerySet[Conference]:
    conferences = (
        scoped(user, Conference.objects.select_related("unit", "organizer"))
        .annotate(attendee_count=_count_of(Attendance, "conference"))
        .order_by("-date", "title")
    )
    return filtered(conferences, filters, date_field="date", choices=("kind",))


def conference_page(user: Viewer, conference_id: int) -> Conference:
    conference: Conference = get_or_404(
        user,
        Conference.objects.select_related("unit", "organizer").prefetch_related(
            "attendances__person",
            "commitments__body",
            "campaigns",
            "tasks__owner",
            Prefetch("awards", queryset=Award.objects.select_related("issuer")),
            Prefetch(
                "indicator_values",
                queryset=IndicatorValue.objects.select_related("indicator"),
            ),
        ),
        pk=conference_id,
    )
    return conference


def award_list(user: Viewer, filters: dict[str, Any]) -> QuerySet[Award]:
    awards = scoped(
        user, Award.objects.select_related("unit", "issuer", "conference", "initiative")
    )
    return filtered(awards, filters, date_field="date", choices=("form",))


def award_page(user: Viewer, award_id: int) -> Award:
    award: Award = get_or_404(
        user,
        Award.objects.select_related(
            "unit", "issuer", "conference", "initiative"
        ).prefetch_related("recipients"),
        pk=award_id,
    )
    return award


def value_list(user: Viewer, filters: dict[str, Any]) -> QuerySet[IndicatorValue]:
    values = scoped(
        user, IndicatorValue.objects.select_related("indicator", "unit", "conference")
    )
    return filtered(values, filters, date_field="period_end", choices=("indicator",))


def fields_for(unit: Unit) -> QuerySet[Field]:
    """The standard fields plus those the unit or an ancestor added."""
    paths = [unit.path[: i * Unit.steplen] for i in range(1, unit.depth + 1)]
    return Field.objects.filter(Q(owner__isnull=True) | Q(owner__path__in=paths))


def indicators_for(unit: Unit) -> QuerySet[Indicator]:
    paths = [unit.path[: i * Unit.steplen] for i in range(1, unit.depth + 1)]
    return Indicator.objects.filter(Q(owner__isnull=True) | Q(owner__path__in=paths))


def campaign_list(user: Viewer, filters: dict[str, Any]) -> QuerySet[Campaign]:
    campaigns = scoped(
        user, Campaign.objects.select_related("unit", "organizer")
    ).annotate(target_count=_count_of(Target, "campaign"))
    return filtered(campaigns, filters, date_field="start", choices=("kind",)).order_by(
        "-start", "name"
    )


def campaign_page(user: Viewer, campaign_id: int) -> Campaign:
    latest = TargetProgress.objects.filter(target=OuterRef("pk")).order_by(
        "-date", "-id"
    )
    targets = Target.objects.select_related("unit").annotate(
        achieved=Subquery(latest.values("achieved")[:1])
    )
    campaign: Campaign = get_or_404(
        user,
        Campaign.objects.select_related(
            "unit", "organizer", "conference"
        ).prefetch_related("participants", Prefetch("targets", queryset=targets)),
        pk=campaign_id,
    )
    return campaign


def program_list(
    user: Viewer, filters: dict[str, Any]
) -> QuerySet[CoordinationProgram]:
    programs = scoped(
        user, CoordinationProgram.objects.select_related("unit")
    ).prefetch_related("parties")
    return filtered(programs, filters, date_field="signed_on", choices=("status",))


def program_page(user: Viewer, program_id: int) -> CoordinationProgram:
    program: CoordinationProgram = get_or_404(
        user,
        CoordinationProgram.objects.select_related("unit").prefetch_related("parties"),
        pk=program_id,
    )
    return program


def dialogue_list(user: Viewer, filters: dict[str, Any]) -> QuerySet[Dialogue]:
    dialogues = scoped(
        user, Dialogue.objects.select_related("unit", "host", "conference")
    )
    return filtered(dialogues, filters, date_field="date")
