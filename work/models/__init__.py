from work.models.awards import Award, AwardRecipient
from work.models.campaigns import Campaign, Target, TargetProgress
from work.models.common import Field, PeriodLock, Versioned
from work.models.conferences import Attendance, Commitment, Conference, FollowUpTask
from work.models.indicators import Indicator, IndicatorValue
from work.models.initiatives import Attachment, Initiative, InitiativeStep
from work.models.programmes import CoordinationProgram, Dialogue

__all__ = [
    "Attachment",
    "Attendance",
    "Award",
    "AwardRecipient",
    "Campaign",
    "Commitment",
    "Conference",
    "CoordinationProgram",
    "Dialogue",
    "Field",
    "FollowUpTask",
    "Indicator",
    "IndicatorValue",
    "Initiative",
    "InitiativeStep",
    "PeriodLock",
    "Target",
    "TargetProgress",
    "Versioned",
]
