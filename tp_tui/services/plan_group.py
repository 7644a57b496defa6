"""Who in the group the plan goes to: its coordinator, and whether it can be handed over now.

Apart from plan.py and plan_document.py, which both ask it (setting the status "handed over",
the plan's page), so that neither imports the other back.
"""

from __future__ import annotations

from tp_tui.models import GroupMember, IndividualPlan


def current_coordinator(plan: IndividualPlan | None) -> GroupMember | None:
    """The plan's coordinator while they are in the group and hold the role; one who left (or
    gave the role to another) is no longer the plan's coordinator."""
    if plan is None or plan.coordinator_id is None:
        return None
    member: GroupMember | None = GroupMember.get_or_none(GroupMember.id == plan.coordinator_id)
    if member is None or member.left_on is not None or not member.is_coordinator:
        return None
    return member


def has_group(participant_id: int) -> bool:
    return (
        GroupMember.select()
        .where((GroupMember.participant == participant_id) & GroupMember.left_on.is_null())
        .exists()
    )


def handover_refusal(participant_id: int, plan: IndividualPlan | None) -> str | None:
    """Why the plan cannot be handed over now (a translation key), or None."""
    if not has_group(participant_id):
        return "plandoc.error.no_group"
    if current_coordinator(plan) is None:
        return "plandoc.error.no_coordinator"
    return None
