"""Saving on top after a conflict writes only the fields this user changed (issue 15, item 7).

Each test is two trust persons on one record: a colleague saves while the form is open, the
form is refused and told what changed, and the user saves again on top. The form passes what it
showed when it opened (``Opened``); every field left as it opened keeps the colleague's value.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tp_tui.clock import FrozenClock
from tp_tui.domain import LifeArea, PlanStatus
from tp_tui.models import Callback, Contact, Goal, GroupMember, IndividualPlan, Participant
from tp_tui.services.callbacks import (
    CallbackInput,
    callback_input,
    register_callback,
    update_callback,
)
from tp_tui.services.conflicts import (
    ChangedSince,
    OnTopInvalid,
    Opened,
    kept_since,
    merge_on_top,
)
from tp_tui.services.contacts import (
    ContactInput,
    contact_input,
    log_contact,
    update_contact,
)
from tp_tui.services.participants import (
    FORM_FIELDS,
    ParticipantInput,
    add_participant,
    participant_input,
    update_participant,
)
from tp_tui.services.plan import (
    GOAL_FIELDS,
    GoalInput,
    MemberInput,
    add_goal,
    goal_history,
    goal_version,
    member_input,
    member_version,
    plan_version,
    save_member,
    set_plan_status,
    update_goal,
)
from tp_tui.settings import Settings

pytestmark = pytest.mark.engines


def test_the_merge_takes_each_changed_field_and_keeps_the_rest() -> None:
    opened = ParticipantInput(name="Kari", phone="912 34 567", intake="01.09.2026")
    typed = replace(opened, phone="987 65 432", about="Ny")
    stored = replace(opened, intake="15.08.2026", about="Kollegaens")
    merged = merge_on_top(opened, typed, stored)
    # Changed here: phone and note (mine wins over theirs); untouched: intake (theirs).
    assert merged == replace(stored, phone="987 65 432", about="Ny")


@pytest.fixture
def kari(db_path: Path, clock: FrozenClock) -> Participant:
    return add_participant(
        ParticipantInput(name="Kari Nordmann", phone="91234567", intake="01.09.2026"), clock
    )


def _open(participant_id: int) -> Opened[ParticipantInput]:
    """A participant form opening: what it shows, and the version it read."""
    participant = Participant.get_by_id(participant_id)
    return Opened(participant_input(participant), int(participant.version))


def _refused(save: object) -> ChangedSince:
    assert callable(save)
    with pytest.raises(ChangedSince) as refused:
        save()
    return refused.value


# Participants


def test_the_issue_colleague_intake_stays_my_phone_and_note_are_saved(
    kari: Participant, clock: FrozenClock
) -> None:
    mine = _open(kari.id)
    theirs = _open(kari.id)
    update_participant(
        kari.id, replace(theirs.data, intake="15.08.2026"), clock, theirs.version, theirs
    )
    typed = replace(mine.data, phone="98765432", about="Ringer best etter kl 12")
    told = _refused(lambda: update_participant(kari.id, typed, clock, mine.version, mine))
    assert [change.field for change in told.changes] == ["intake_on"]
    saved = update_participant(kari.id, typed, clock, told.version, mine)  # ctrl+s again
    stored = Participant.get_by_id(kari.id)
    assert stored.intake_on == date(2026, 8, 15)  # the colleague's
    assert (stored.phone, stored.about) == ("+4798765432", "Ringer best etter kl 12")
    assert stored.version == 3
    kept = kept_since(saved, mine.version, FORM_FIELDS)
    assert [(change.field, change.now) for change in kept] == [("intake_on", date(2026, 8, 15))]


def test_a_field_both_changed_is_mine(kari: Participant, clock: FrozenClock) -> None:
    mine = _open(kari.id)
    update_participant(kari.id, replace(mine.data, phone="40000000", about="Deres"), clock)
    typed = replace(mine.data, phone="98765432")
    told = _refused(lambda: update_participant(kari.id, typed, clock, mine.version, mine))
    update_participant(kari.id, typed, clock, told.version, mine)
    stored = Participant.get_by_id(kari.id)
    assert (stored.phone, stored.about) == ("+4798765432", "Deres")


def test_a_field_changed_back_counts_as_untouched(kari: Participant, clock: FrozenClock) -> None:
    mine = _open(kari.id)
    update_participant(kari.id, replace(mine.data, phone="40000000"), clock)
    # The user typed another number, thought better of it and put the old one back.
    typed = replace(mine.data, phone=mine.data.phone, name="Kari N. Nordmann")
    told = _refused(lambda: update_participant(kari.id, typed, clock, mine.version, mine))
    update_participant(kari.id, typed, clock, told.version, mine)
    stored = Participant.get_by_id(kari.id)
    assert (stored.name, stored.phone) == ("Kari N. Nordmann", "+4740000000")


def test_a_merge_that_does_not_hold_is_refused_and_says_why(
    kari: Participant, clock: FrozenClock
) -> None:
    mine = _open(kari.id)
    update_participant(kari.id, replace(mine.data, intake="15.08.2026"), clock)
    # First contact 20.08 is before my intake (01.09) but after theirs (15.08).
    typed = replace(mine.data, first_contact="20.08.2026")
    told = _refused(lambda: update_participant(kari.id, typed, clock, mine.version, mine))
    with pytest.raises(OnTopInvalid) as invalid:
        update_participant(kari.id, typed, clock, told.version, mine)
    assert list(invalid.value.errors) == ["first_contact"]
    assert [change.field for change in invalid.value.changes] == ["intake_on"]
    stored = Participant.get_by_id(kari.id)
    assert (stored.first_contact_on, stored.version) == (None, 2)  # nothing saved
    # The user moves the first contact and saves on top again: it holds now.
    update_participant(kari.id, replace(typed, first_contact="10.08.2026"), clock, 2, mine)
    stored = Participant.get_by_id(kari.id)
    assert (stored.first_contact_on, stored.intake_on) == (date(2026, 8, 10), date(2026, 8, 15))


def test_a_third_save_in_between_is_told_again_then_both_are_kept(
    kari: Participant, clock: FrozenClock
) -> None:
    mine = _open(kari.id)
    update_participant(kari.id, replace(mine.data, intake="15.08.2026"), clock)
    typed = replace(mine.data, about="Mitt notat")
    told = _refused(lambda: update_participant(kari.id, typed, clock, mine.version, mine))
    # A third person saves before the user presses ctrl+s again.
    third = _open(kari.id)
    update_participant(kari.id, replace(third.data, phone="40000000"), clock, third.version)
    again = _refused(lambda: update_participant(kari.id, typed, clock, told.version, mine))
    assert [change.field for change in again.changes] == ["phone"]
    assert Participant.get_by_id(kari.id).about == ""  # nothing overwritten
    update_participant(kari.id, typed, clock, again.version, mine)
    stored = Participant.get_by_id(kari.id)
    assert (stored.intake_on, stored.phone, stored.about) == (
        date(2026, 8, 15), "+4740000000", "Mitt notat",
    )  # fmt: skip


def test_the_search_follows_a_name_kept_from_a_colleague(
    kari: Participant, clock: FrozenClock
) -> None:
    from tp_tui.services.participants import list_participants

    mine = _open(kari.id)
    update_participant(kari.id, replace(mine.data, name="Kari Solberg"), clock)
    typed = replace(mine.data, about="Notat")
    told = _refused(lambda: update_participant(kari.id, typed, clock, mine.version, mine))
    update_participant(kari.id, typed, clock, told.version, mine)
    assert [row.name for row in list_participants("solberg")] == ["Kari Solberg"]


# Contacts


def test_a_contact_saved_on_top_keeps_the_colleagues_note(
    kari: Participant, clock: FrozenClock
) -> None:
    contact = log_contact(ContactInput(kari.id, "i dag 09:00", note="Kaffe"), clock)
    stored = contact_input(contact.id)
    assert stored is not None
    mine = Opened(*stored)
    update_contact(contact.id, replace(mine.data, note="Kaffe og prat om NAV"), clock, 1)
    typed = replace(mine.data, when="i dag 08:30", duration="45")
    told = _refused(lambda: update_contact(contact.id, typed, clock, 1, None, mine))
    assert [change.field for change in told.changes] == ["note"]
    update_contact(contact.id, typed, clock, told.version, None, mine)
    saved = Contact.get_by_id(contact.id)
    assert (saved.note, saved.duration_minutes) == ("Kaffe og prat om NAV", 45)
    assert (saved.at.hour, saved.at.minute) == (8, 30)


# Calls owed


def test_a_call_saved_on_top_keeps_the_colleagues_reason(
    kari: Participant, clock: FrozenClock
) -> None:
    owed = register_callback(CallbackInput(kari.id, "Ville prate om NAV"), clock, Settings())
    stored = callback_input(owed.id)
    assert stored is not None
    mine = Opened(*stored)
    update_callback(
        owed.id, replace(mine.data, reason="Ville prate om husleia"), clock, Settings(), 1
    )
    typed = replace(mine.data, due="i morgen 10")
    told = _refused(lambda: update_callback(owed.id, typed, clock, Settings(), 1, mine))
    update_callback(owed.id, typed, clock, Settings(), told.version, mine)
    saved = Callback.get_by_id(owed.id)
    assert saved.reason == "Ville prate om husleia"
    assert (saved.due_at.day, saved.due_at.hour) == (27, 10)


# Goals, the responsibility group, the individual plan


def test_a_goal_saved_on_top_keeps_the_colleagues_status(
    kari: Participant, clock: FrozenClock
) -> None:
    goal = add_goal(kari.id, LifeArea.HOUSING, "Egen leilighet", "wanted", clock)
    mine = Opened(GoalInput("Egen leilighet", "wanted"), goal_version(goal.id) or 0)
    update_goal(goal.id, "Egen leilighet", "working", clock, expected_version=1)
    told = _refused(
        lambda: update_goal(goal.id, "Egen leilighet i sentrum", "wanted", clock, "", 1, mine)
    )
    saved = update_goal(
        goal.id, "Egen leilighet i sentrum", "wanted", clock, "", told.version, mine
    )
    assert (saved.text, saved.status) == ("Egen leilighet i sentrum", "working")
    assert [change.field for change in kept_since(saved, 1, GOAL_FIELDS)] == ["status"]
    assert goal_history(goal.id)[-1].status == "working"


def test_a_goal_form_left_as_it_was_changes_nothing_on_top(
    kari: Participant, clock: FrozenClock
) -> None:
    goal = add_goal(kari.id, LifeArea.WORK, "Jobb", "wanted", clock)
    mine = Opened(GoalInput("Jobb", "wanted"), 1)
    update_goal(goal.id, "Jobb i Tromsø", "working", clock, expected_version=1)
    told = _refused(lambda: update_goal(goal.id, "Jobb", "wanted", clock, "", 1, mine))
    update_goal(goal.id, "Jobb", "wanted", clock, "", told.version, mine)
    stored = Goal.get_by_id(goal.id)
    assert (stored.text, stored.status, stored.version) == ("Jobb i Tromsø", "working", 2)
    assert len(goal_history(goal.id)) == 2


def test_a_member_saved_on_top_keeps_the_colleagues_phone(
    kari: Participant, clock: FrozenClock
) -> None:
    nav = save_member(kari.id, MemberInput("nav", "Per Veileder", "", "91234567"), clock)
    mine = Opened(member_input(nav), member_version(nav.id) or 0)
    save_member(kari.id, replace(mine.data, phone="98765432"), clock, nav.id, 1)
    typed = replace(mine.data, role="veileder")
    told = _refused(lambda: save_member(kari.id, typed, clock, nav.id, 1, mine))
    save_member(kari.id, typed, clock, nav.id, told.version, mine)
    stored = GroupMember.get_by_id(nav.id)
    assert (stored.role, stored.phone) == ("veileder", "+4798765432")


def test_a_coordinator_named_meanwhile_stays_when_saving_on_top(
    kari: Participant, clock: FrozenClock
) -> None:
    nav = save_member(kari.id, MemberInput("nav", "Per", is_coordinator=True), clock)
    mine = Opened(member_input(nav), member_version(nav.id) or 0)
    gp = save_member(kari.id, MemberInput("gp", "dr. Eide", is_coordinator=True), clock)
    typed = replace(mine.data, role="leder")  # the box "coordinator" still ticked, untouched
    told = _refused(lambda: save_member(kari.id, typed, clock, nav.id, 1, mine))
    save_member(kari.id, typed, clock, nav.id, told.version, mine)
    assert GroupMember.get_by_id(nav.id).role == "leder"
    assert not GroupMember.get_by_id(nav.id).is_coordinator
    assert GroupMember.get_by_id(gp.id).is_coordinator
    assert IndividualPlan.get().coordinator_id == gp.id


def test_a_plan_status_left_as_it_opened_keeps_theirs(
    kari: Participant, clock: FrozenClock
) -> None:
    set_plan_status(kari.id, PlanStatus.DRAFT, clock)
    mine = Opened(PlanStatus.DRAFT, plan_version(kari.id))
    set_plan_status(kari.id, PlanStatus.OFFERED, clock, mine.version)
    # Untouched in this form: saving it on top does not take the status back.
    set_plan_status(kari.id, PlanStatus.DRAFT, clock, plan_version(kari.id), mine)
    assert IndividualPlan.get().status == "offered"
    # Changed in this form: the user's choice wins.
    set_plan_status(kari.id, PlanStatus.DECLINED, clock, plan_version(kari.id), mine)
    assert IndividualPlan.get().status == "declined"
