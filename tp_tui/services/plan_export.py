"""The plan as it may leave the app for the coordinator: consent decides what is in it.

The same consents as the summary decide (:func:`tp_tui.services.consent.in_force_on`, for the
responsibility group): the plan's rows need "plan", the participant's own words of each goal
need "goals", the coordinator and whom it went to need "group". What is left out is listed with
why, so the export can say so at its foot.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from tp_tui.models import Participant
from tp_tui.services.consent import in_force_on, lapsed_on
from tp_tui.services.plan_document import PlanDocument, plan_document
from tp_tui.services.summary import RECIPIENT, LeftOut, SummaryError, maker_name

SCOPES = ("plan", "goals", "group")


@dataclass(frozen=True)
class PlanExport:
    participant_id: int
    name: str
    document: PlanDocument
    shows_plan: bool
    shows_goals: bool
    shows_group: bool
    left_out: tuple[LeftOut, ...]
    generated_at: datetime
    made_by: str = ""


def plan_export(participant_id: int, now: datetime) -> PlanExport:
    """The plan of the current period, with what consent does not cover taken out."""
    participant = Participant.get_or_none(Participant.id == participant_id)
    if participant is None:
        raise SummaryError("summary.error.no_id", id=participant_id)
    shared = in_force_on(participant_id, now.date(), RECIPIENT)
    lapsed = lapsed_on(participant_id, now.date(), RECIPIENT)
    doc = plan_document(participant_id)
    shows = {scope: scope in shared for scope in SCOPES}
    if not shows["plan"]:
        doc = replace(doc, items=(), note="", agreement_note="")
    elif not shows["goals"]:
        doc = replace(doc, items=tuple(replace(i, goal_text="") for i in doc.items))
    if not shows["group"]:
        doc = replace(doc, coordinator=None, handed_to="")
    left_out = tuple(
        LeftOut(scope, *lapsed.get(scope, ("not_shared", None)))
        for scope in SCOPES
        if not shows[scope]
    )
    return PlanExport(
        participant_id, participant.name, doc, shows["plan"], shows["goals"], shows["group"],
        left_out, now, maker_name(),
    )  # fmt: skip
