"""Two trust persons on one goal, group member, plan or call owed: the second change is refused
with what the first one changed, nothing is overwritten, and saving on top is a choice."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tp_tui.clock import FrozenClock
from tp_tui.domain import LifeArea, PlanStatus
from tp_tui.models import Callback, Goal, GroupMember, IndividualPlan, Participant, TrustPerson
from tp_tui.services.callbacks import (
    CallbackInput,
    callback_input,
    callback_version,
    complete_callback,
    register_callback,
    reschedule_callback,
    update_callback,
)
from tp_tui.services.conflicts import ChangedSince
from tp_tui.services.handover import hand_over_callback
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.services.plan import (
    MemberInput,
    add_goal,
    goal_history,
    goal_version,
    member_version,
    plan_version,
    remove_member,
    save_member,
    set_plan_status,
    update_goal,
)
from tp_tui.settings import Settings

pytestmark = pytest.mark.engines


@pytest.fixture
def kari(db_path: Path, clock: FrozenClock) -> Participant:
    return add_participant(ParticipantInput(name="Kari Nordmann", intake="01.09.2026"), clock)


def _fields(refused: pytest.ExceptionInfo[ChangedSince]) -> list[str]:
    return [change.field for change in refused.value.changes]


# Goals


def test_the_second_save_of_a_goal_is_told_what_changed(
    kari: Participant, clock: FrozenClock
) -> None:
    goal = add_goal(kari.id, LifeArea.HOUSING, "Egen leilighet", "wanted", clock)
    first, second = goal_version(goal.id), goal_version(goal.id)  # two forms open
    assert first == second == 1
    update_goal(goal.id, "Egen leilighet", "working", clock, expected_version=first)
    with pytest.raises(ChangedSince) as refused:
        update_goal(goal.id, "Egen leilighet i sentrum", "wanted", clock, expected_version=second)
    assert _fields(refused) == ["status"]
    assert refused.value.changes[0].now == "working"
    stored = Goal.get_by_id(goal.id)
    assert (stored.text, stored.status, stored.version) == ("Egen leilighet", "working", 2)
    assert len(goal_history(goal.id)) == 2  # the refused save left no event
    # Saving again on top of what is stored is the user's explicit choice.
    update_goal(
        goal.id, "Egen leilighet i sentrum", "wanted", clock, expected_version=refused.value.version
    )
    stored = Goal.get_by_id(goal.id)
    assert (stored.text, stored.status, stored.version) == ("Egen leilighet i sentrum", "wanted", 3)


def test_a_goal_saved_as_it_now_stands_is_no_conflict(
    kari: Participant, clock: FrozenClock
) -> None:
    goal = add_goal(kari.id, LifeArea.WORK, "Jobb", "wanted", clock)
    opened = goal_version(goal.id)
    update_goal(goal.id, "Jobb i Tromsø", "wanted", clock, expected_version=opened)
    # Both typed the same words: nothing of theirs would be lost.
    assert update_goal(goal.id, "Jobb i Tromsø", "wanted", clock, expected_version=opened)
    assert Goal.get_by_id(goal.id).version == 2


# Group members


def test_the_second_save_of_a_member_is_told_what_changed(
    kari: Participant, clock: FrozenClock
) -> None:
    nav = save_member(kari.id, MemberInput("nav", "Per Veileder", "veileder", "91234567"), clock)
    opened = member_version(nav.id)
    save_member(
        kari.id, MemberInput("nav", "Per Veileder", "veileder", "98765432"), clock, nav.id, opened
    )
    typed = MemberInput("nav", "Per A. Veileder", "veileder", "91234567")
    with pytest.raises(ChangedSince) as refused:
        save_member(kari.id, typed, clock, nav.id, opened)
    assert _fields(refused) == ["phone"]
    stored = GroupMember.get_by_id(nav.id)
    assert (stored.name, stored.phone) == ("Per Veileder", "+4798765432")
    save_member(kari.id, typed, clock, nav.id, refused.value.version)
    stored = GroupMember.get_by_id(nav.id)
    assert (stored.name, stored.phone, stored.version) == ("Per A. Veileder", "+4791234567", 3)


def test_a_new_coordinator_moves_the_one_before_on(kari: Participant, clock: FrozenClock) -> None:
    nav = save_member(kari.id, MemberInput("nav", "Per", is_coordinator=True), clock)
    opened = member_version(nav.id)
    save_member(kari.id, MemberInput("gp", "dr. Eide", is_coordinator=True), clock)
    # The form on NAV still says "coordinator": saving it would take the role back silently.
    with pytest.raises(ChangedSince) as refused:
        save_member(
            kari.id, MemberInput("nav", "Per", "leder", is_coordinator=True), clock, nav.id, opened
        )
    assert _fields(refused) == ["is_coordinator"]
    assert refused.value.changes[0].now is False
    assert GroupMember.get_by_id(nav.id).role == ""


def test_removing_a_member_someone_just_edited_is_refused(
    kari: Participant, clock: FrozenClock
) -> None:
    nav = save_member(kari.id, MemberInput("nav", "Per Veileder"), clock)
    listed = member_version(nav.id)  # the list is read
    save_member(kari.id, MemberInput("nav", "Per Veileder", "ny rolle"), clock, nav.id, listed)
    with pytest.raises(ChangedSince) as refused:
        remove_member(nav.id, clock, listed)
    assert _fields(refused) == ["role"]
    assert GroupMember.get_by_id(nav.id).left_on is None  # still in the group
    remove_member(nav.id, clock, refused.value.version)
    assert GroupMember.get_by_id(nav.id).left_on == clock.today()


def test_editing_a_member_someone_removed_meanwhile_says_so(
    kari: Participant, clock: FrozenClock
) -> None:
    nav = save_member(kari.id, MemberInput("nav", "Per"), clock)
    opened = member_version(nav.id)
    remove_member(nav.id, clock, opened)
    with pytest.raises(ChangedSince) as refused:
        save_member(kari.id, MemberInput("nav", "Per", "veileder"), clock, nav.id, opened)
    assert _fields(refused) == ["left_on"]
    assert refused.value.changes[0].now == clock.today()
    # Removing twice keeps the first date.
    remove_member(nav.id, FrozenClock(clock.now() + timedelta(days=1)))
    assert GroupMember.get_by_id(nav.id).left_on == clock.today()


# The individual plan


def test_the_second_plan_status_is_told_what_changed(kari: Participant, clock: FrozenClock) -> None:
    set_plan_status(kari.id, PlanStatus.DRAFT, clock)
    first, second = plan_version(kari.id), plan_version(kari.id)
    set_plan_status(kari.id, PlanStatus.OFFERED, clock, first)
    with pytest.raises(ChangedSince) as refused:
        set_plan_status(kari.id, PlanStatus.DECLINED, clock, second)
    assert _fields(refused) == ["status"]
    assert refused.value.changes[0].now == "offered"
    plan = IndividualPlan.get()
    assert (plan.status, plan.declined_on) == ("offered", None)
    set_plan_status(kari.id, PlanStatus.DECLINED, clock, refused.value.version)
    assert IndividualPlan.get().status == "declined"


def test_a_plan_started_by_someone_else_meanwhile_is_a_conflict(
    kari: Participant, clock: FrozenClock
) -> None:
    opened = plan_version(kari.id)
    assert opened == 0  # no plan yet
    set_plan_status(kari.id, PlanStatus.DRAFT, clock, opened)
    with pytest.raises(ChangedSince) as refused:
        set_plan_status(kari.id, PlanStatus.OFFERED, clock, opened)
    assert _fields(refused) == ["status"]
    assert IndividualPlan.get().status == "draft"


def test_a_new_coordinator_does_not_stand_in_the_way_of_the_status(
    kari: Participant, clock: FrozenClock
) -> None:
    set_plan_status(kari.id, PlanStatus.DRAFT, clock)
    opened = plan_version(kari.id)
    gp = save_member(kari.id, MemberInput("gp", "dr. Eide", is_coordinator=True), clock)
    assert plan_version(kari.id) == opened + 1  # the plan's coordinator changed
    set_plan_status(kari.id, PlanStatus.OFFERED, clock, opened)
    plan = IndividualPlan.get()
    assert (plan.status, plan.coordinator_id) == ("offered", gp.id)


# Calls owed


def _callback(clock: FrozenClock, participant_id: int | None = None) -> Callback:
    data = CallbackInput(participant_id, "Ville prate om NAV", "", "Ukjent innringer", "91234567")
    return register_callback(data, clock, Settings())


def test_the_second_edit_of_a_callback_is_told_what_changed(
    kari: Participant, clock: FrozenClock
) -> None:
    owed = _callback(clock, kari.id)
    stored = callback_input(owed.id)
    assert stored is not None
    data, opened = stored
    assert data.reason == "Ville prate om NAV"
    update_callback(
        owed.id, CallbackInput(kari.id, "Ville prate om husleie", data.due), clock, Settings(),
        opened,
    )  # fmt: skip
    typed = CallbackInput(kari.id, data.reason, "i morgen 10")
    with pytest.raises(ChangedSince) as refused:
        update_callback(owed.id, typed, clock, Settings(), opened)
    assert _fields(refused) == ["reason"]
    assert Callback.get_by_id(owed.id).reason == "Ville prate om husleie"
    update_callback(owed.id, typed, clock, Settings(), refused.value.version)
    stored_now = Callback.get_by_id(owed.id)
    assert (stored_now.reason, stored_now.due_at.day) == ("Ville prate om NAV", 27)


def test_marking_done_a_call_someone_else_returned_says_so(
    kari: Participant, clock: FrozenClock
) -> None:
    owed = _callback(clock, kari.id)
    picked = callback_version(owed.id)  # both lists read it
    complete_callback(owed.id, "reached", clock, expected_version=picked)
    later = FrozenClock(clock.now() + timedelta(minutes=30))
    with pytest.raises(ChangedSince) as refused:
        complete_callback(owed.id, "left_message", later, expected_version=picked)
    assert set(_fields(refused)) >= {"done_at", "outcome"}
    stored = Callback.get_by_id(owed.id)
    assert (stored.outcome, stored.done_at) == ("reached", clock.now())
    # Even on top of the stored version a returned call is not marked twice.
    with pytest.raises(ChangedSince):
        complete_callback(owed.id, "left_message", later, expected_version=refused.value.version)
    # A caller that does not say what it read never overwrites it either.
    complete_callback(owed.id, "no_answer", later)
    assert Callback.get_by_id(owed.id).outcome == "reached"
    with pytest.raises(ChangedSince):
        reschedule_callback(owed.id, "i morgen 10", later, Settings(), picked)
    assert Callback.select().count() == 1


def test_marking_done_a_call_handed_over_meanwhile_is_refused(
    kari: Participant, clock: FrozenClock
) -> None:
    owed = _callback(clock, kari.id)
    picked = callback_version(owed.id)
    eva = TrustPerson.create(name="Eva Solheim", login="eva", created_at=clock.now())
    hand_over_callback(owed.id, eva.id, clock)
    with pytest.raises(ChangedSince) as refused:
        complete_callback(owed.id, "reached", clock, expected_version=picked)
    assert _fields(refused) == ["assigned_to"]
    assert Callback.get_by_id(owed.id).done_at is None
    complete_callback(owed.id, "reached", clock, expected_version=refused.value.version)
    assert Callback.get_by_id(owed.id).outcome == "reached"


def test_a_free_name_callback_reads_back_as_typed(db_path: Path, clock: FrozenClock) -> None:
    owed = _callback(clock)
    stored = callback_input(owed.id)
    assert stored is not None
    data, version = stored
    assert (data.participant_id, data.caller_name, data.caller_phone) == (
        None, "Ukjent innringer", "+4791234567",
    )  # fmt: skip
    update_callback(owed.id, data, clock, Settings(), version)  # unchanged: saves as it was
    assert Callback.get_by_id(owed.id).due_at == owed.due_at
