"""Goals with history, area ratings with change since intake, the group, the plan's steps."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tp_tui.clock import OSLO, FrozenClock
from tp_tui.domain import LifeArea, PlanStatus
from tp_tui.models import GroupMember, IndividualPlan, Participant
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.services.plan import (
    MemberInput,
    add_goal,
    area_standings,
    goal_history,
    rate_area,
    remove_member,
    save_member,
    set_plan_status,
    update_goal,
)
from tp_tui.services.validation import ValidationFailed


@pytest.fixture
def kari(db_path: Path, clock: FrozenClock) -> Participant:
    return add_participant(ParticipantInput(name="Kari Nordmann", intake="01.09.2026"), clock)


def test_goal_history_keeps_every_wording_and_status(kari: Participant, clock: FrozenClock) -> None:
    goal = add_goal(kari.id, LifeArea.HOUSING, "Få egen leilighet", "wanted", clock)
    update_goal(goal.id, "Få egen leilighet i sentrum", "working", clock)
    update_goal(goal.id, "Få egen leilighet i sentrum", "working", clock)  # no change: no event
    update_goal(goal.id, "Få egen leilighet i sentrum", "reached", clock)
    assert [(e.status, e.text) for e in goal_history(goal.id)] == [
        ("wanted", "Få egen leilighet"),
        ("working", "Få egen leilighet i sentrum"),
        ("reached", "Få egen leilighet i sentrum"),
    ]
    with pytest.raises(ValidationFailed):
        add_goal(kari.id, LifeArea.HOUSING, "  ", "wanted", clock)


def test_ratings_show_the_change_since_intake(kari: Participant) -> None:
    first = FrozenClock(datetime(2026, 9, 1, 12, 0, tzinfo=OSLO))
    rate_area(kari.id, LifeArea.HOUSING, 1, first)
    rate_area(kari.id, LifeArea.HOUSING, 4, FrozenClock(first.now() + timedelta(days=60)))
    rate_area(kari.id, LifeArea.INCOME, 2, first)
    standing = area_standings(kari.id)
    assert (standing[LifeArea.HOUSING].first, standing[LifeArea.HOUSING].latest) == (1, 4)
    assert standing[LifeArea.HOUSING].change == 3
    assert standing[LifeArea.INCOME].change is None
    assert standing[LifeArea.SAFETY].latest is None
    with pytest.raises(ValidationFailed):
        rate_area(kari.id, LifeArea.SAFETY, 6, first)


def test_one_coordinator_at_most_and_leaving_keeps_the_row(
    kari: Participant, clock: FrozenClock
) -> None:
    nav = save_member(
        kari.id, MemberInput("nav", "Randi Olsen", "veileder", "22 33 44 55", True), clock
    )
    gp = save_member(kari.id, MemberInput("gp", "dr. Eide", "fastlege", "", True), clock)
    assert not GroupMember.get_by_id(nav.id).is_coordinator
    assert GroupMember.get_by_id(gp.id).is_coordinator
    assert IndividualPlan.get(IndividualPlan.participant == kari.id).coordinator_id == gp.id
    remove_member(nav.id, clock)
    assert GroupMember.get_by_id(nav.id).left_on == clock.today()
    with pytest.raises(ValidationFailed):
        save_member(kari.id, MemberInput("nav", phone="abc"), clock)


def test_plan_steps_keep_their_dates(kari: Participant, clock: FrozenClock) -> None:
    set_plan_status(kari.id, PlanStatus.DRAFT, clock)
    later = FrozenClock(clock.now() + timedelta(days=10))
    plan = set_plan_status(kari.id, PlanStatus.OFFERED, later)
    plan = set_plan_status(kari.id, PlanStatus.DRAFT, later)  # back to draft: first date stays
    assert (plan.status, plan.draft_started_on, plan.offered_on) == (
        "draft",
        clock.today(),
        later.today(),
    )
