"""The vocabulary of the work: life areas, kinds of contact, stages and the other fixed lists.

Codes are stored in the database and never change; what a person reads comes from the
translation layer under ``<list>.<code>`` (for example ``life_area.housing``).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum, StrEnum


class Code(StrEnum):
    """A stored code whose label lives in the translation catalogue."""

    @classmethod
    def label_prefix(cls) -> str:
        raise NotImplementedError

    @property
    def label_key(self) -> str:
        return f"{self.label_prefix()}.{self.value}"


class LifeArea(Code):
    """The eight life areas of the model, in its order; the digits 1–8 follow this order."""

    HOUSING = "housing"
    WORK = "work"
    LEISURE = "leisure"
    NETWORK = "network"
    INCOME = "income"
    HEALTH = "health"
    SAFETY = "safety"
    SUBSTANCE_USE = "substance_use"

    @classmethod
    def label_prefix(cls) -> str:
        return "life_area"

    @property
    def bit(self) -> int:
        return _AREA_BITS[self]


# Worked out once: every saved contact and every contact shown turns areas into bits or back.
_AREA_BITS: dict[LifeArea, int] = {area: 1 << number for number, area in enumerate(LifeArea)}


def areas_to_mask(areas: Iterable[LifeArea]) -> int:
    mask = 0
    for area in areas:
        mask |= _AREA_BITS[area]
    return mask


def mask_to_areas(mask: int) -> list[LifeArea]:
    return [area for area, bit in _AREA_BITS.items() if mask & bit]


class ParticipantStatus(Code):
    PROSPECTIVE = "prospective"  # met at a meeting place, not yet joined
    ACTIVE = "active"
    PAUSED = "paused"  # dropped out for a while; contact is kept
    CLOSED = "closed"

    @classmethod
    def label_prefix(cls) -> str:
        return "status"


class ReferralSource(Code):
    SELF = "self"
    NAV = "nav"
    GP = "gp"
    MENTAL_HEALTH = "mental_health"
    SPECIALIST = "specialist"
    PRISON = "prison"
    INSTITUTION = "institution"
    MEETING_PLACE = "meeting_place"
    FAMILY = "family"
    OTHER = "other"

    @classmethod
    def label_prefix(cls) -> str:
        return "referral"


class ContactKind(Code):
    CONVERSATION = "conversation"
    PHONE = "phone"
    SMS = "sms"
    HOME_VISIT = "home_visit"
    ACCOMPANIMENT = "accompaniment"
    GROUP_MEETING = "group_meeting"
    MEETING_PLACE = "meeting_place"

    @classmethod
    def label_prefix(cls) -> str:
        return "kind"


class Arena(Code):
    """Where a contact took place: out of the office, where the participant wants."""

    CAFE = "cafe"
    LIBRARY = "library"
    OUTDOORS = "outdoors"
    HOME = "home"
    OFFICE = "office"
    NAV = "nav"
    HEALTH_SERVICE = "health_service"
    MEETING_PLACE = "meeting_place"
    PHONE = "phone"
    OTHER = "other"

    @classmethod
    def label_prefix(cls) -> str:
        return "arena"


class Destination(Code):
    """Where an accompaniment (følgetjeneste) went."""

    GP = "gp"
    NAV = "nav"
    BAILIFF = "bailiff"
    BANK = "bank"
    HOSPITAL = "hospital"
    HOUSING_VIEWING = "housing_viewing"
    OTHER = "other"

    @classmethod
    def label_prefix(cls) -> str:
        return "destination"


class ContactOutcome(Code):
    REACHED = "reached"
    LEFT_MESSAGE = "left_message"
    NO_ANSWER = "no_answer"
    NO_SHOW = "no_show"

    @classmethod
    def label_prefix(cls) -> str:
        return "outcome"


# How a returned call is logged as a contact (callback outcome -> contact outcome).
CONTACT_OUTCOME = {
    "reached": ContactOutcome.REACHED.value,
    "left_message": ContactOutcome.LEFT_MESSAGE.value,
    "no_answer": ContactOutcome.NO_ANSWER.value,
}


class CallbackOutcome(Code):
    REACHED = "reached"
    NO_ANSWER = "no_answer"
    LEFT_MESSAGE = "left_message"

    @classmethod
    def label_prefix(cls) -> str:
        return "outcome"


class Threshold(Code):
    LOW = "low"
    SOBER = "sober"  # must be sober there and then
    HIGH = "high"

    @classmethod
    def label_prefix(cls) -> str:
        return "threshold"


class GoalStatus(Code):
    WANTED = "wanted"
    WORKING = "working"
    REACHED = "reached"
    PUT_ASIDE = "put_aside"
    ENDED = "ended"
    """No longer the participant's goal; kept with its history (no schema change: a status)."""

    @classmethod
    def label_prefix(cls) -> str:
        return "goal_status"


class PlanStatus(Code):
    """The individual plan (IP), from notes in a draft to a plan the coordinator owns."""

    NONE = "none"
    DRAFT = "draft"
    OFFERED = "offered"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    HANDED_OVER = "handed_over"
    ACTIVE = "active"  # in use in the group: the coordinator keeps it alive

    @classmethod
    def label_prefix(cls) -> str:
        return "plan_status"


class ClosingReason(Code):
    OTHERS_TAKE_OVER = "others_take_over"
    MASTERS_OWN_LIFE = "masters_own_life"
    NO_MORE_HELP = "no_more_help"
    OTHER = "other"

    @classmethod
    def label_prefix(cls) -> str:
        return "closing_reason"


class Agency(Code):
    NAV = "nav"
    GP = "gp"
    MENTAL_HEALTH = "mental_health"
    SUBSTANCE_SERVICE = "substance_service"
    HOUSING = "housing"
    SPECIALIST = "specialist"
    CORRECTIONAL = "correctional"
    HOME_CARE = "home_care"
    OTHER = "other"

    @classmethod
    def label_prefix(cls) -> str:
        return "agency"


class ConsentScope(Code):
    """What the participant agreed may be shared with the responsibility group."""

    GOALS = "goals"
    PROCESS = "process"
    PLAN = "plan"
    GROUP = "group"
    CONTACTS = "contacts"
    CALLBACKS = "callbacks"
    NOTES = "notes"  # what contact notes say (a relapse): only with the contacts themselves

    @classmethod
    def label_prefix(cls) -> str:
        return "consent"


class ConsentHow(Code):
    """How the participant gave a consent."""

    ORAL = "oral"
    WRITTEN = "written"

    @classmethod
    def label_prefix(cls) -> str:
        return "consent_how"


class Stage(IntEnum):
    """The six stages from intake to closure (Brobyggermodellen)."""

    ESTABLISH = 1
    MAP_NEEDS = 2
    GROUP_AND_PLAN = 3
    FOLLOW_UP = 4
    SECURE_CARE = 5
    CLOSE = 6

    @property
    def label_key(self) -> str:
        return f"stage.{self.value}"


# What has to be done in each stage; each item is ticked with a date on the participant's record.
CHECKLIST: dict[Stage, tuple[str, ...]] = {
    Stage.ESTABLISH: ("wants_change", "needs_coordination", "consent_recorded"),
    Stage.MAP_NEEDS: ("areas_mapped", "own_goals_noted", "draft_started"),
    Stage.GROUP_AND_PLAN: (
        "group_established",
        "coordinator_named",
        "draft_offered",
        "plan_accepted",
        "plan_handed_over",
    ),
    Stage.FOLLOW_UP: ("wishes_followed", "rights_secured"),
    Stage.SECURE_CARE: ("safe_with_services", "further_goals", "cooperation_in_place"),
    Stage.CLOSE: ("agreed_with_participant", "reason_recorded", "who_takes_over"),
}
