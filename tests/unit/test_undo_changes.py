"""Undo takes back exactly the last change, whatever it was, as one; redo makes it again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tp_tui.clock import FrozenClock
from tp_tui.domain import GoalStatus, LifeArea, ParticipantStatus, PlanStatus, Stage
from tp_tui.models import (
    AreaRating,
    Callback,
    ChecklistMark,
    Contact,
    Goal,
    GroupMember,
    IndividualPlan,
    MeetingPlace,
    Participant,
    RoundVisit,
    StageRecord,
    SurveyAnswer,
    SurveyResponse,
    TrustPerson,
)
from tp_tui.services.callbacks import CallbackInput, complete_callback, register_callback
from tp_tui.services.contacts import ContactInput, log_contact
from tp_tui.services.erasure import erase
from tp_tui.services.handover import HandoverInput, hand_over_participant
from tp_tui.services.participants import ParticipantInput, add_participant, set_archived
from tp_tui.services.places import PlaceInput, save_place
from tp_tui.services.plan import (
    MemberInput,
    add_goal,
    rate_area,
    remove_member,
    save_member,
    set_plan_status,
)
from tp_tui.services.process import change_stage, reopen, tick
from tp_tui.services.rounds import RoundInput, log_visit, register_guest
from tp_tui.services.surveys import questions, record_response
from tp_tui.services.team import login_name
from tp_tui.services.team_admin import PersonInput, add_colleague, set_present
from tp_tui.services.undo import NotUndoable, Undone, redo_last, undo_last
from tp_tui.settings import Settings

pytestmark = pytest.mark.engines


def undo(clock: FrozenClock) -> Undone:
    undone = undo_last(clock)
    assert undone is not None
    return undone


def redo(clock: FrozenClock) -> Undone:
    redone = redo_last(clock)
    assert redone is not None
    return redone


def stage_of(participant_id: int) -> int:
    record = (
        StageRecord.select()
        .where(StageRecord.participant == participant_id)
        .order_by(StageRecord.id.desc())
        .first()
    )
    assert record is not None
    return int(record.stage)


@pytest.fixture
def ola(db_path: Path, clock: FrozenClock) -> int:
    return int(add_participant(ParticipantInput(name="Ola Testesen"), clock).id)


def test_a_stage_move_is_undone_not_the_older_guest_and_call(ola: int, clock: FrozenClock) -> None:
    """The issue's case: a guest with a call owed, then a stage move; ctrl+z takes back the move."""
    guest, callback = register_guest("Sola", "", "Vil snakke om bolig", clock, Settings())
    change_stage(ola, Stage.MAP_NEEDS, "", "", clock)

    undone = undo(clock)
    assert (undone.kind, undone.name) == ("stage.move", "Ola Testesen")
    assert stage_of(ola) == Stage.ESTABLISH
    assert Callback.get_or_none(Callback.id == callback) is not None  # the call owed stays

    undone = undo(clock)  # then the guest and the call owed, together
    assert (undone.kind, undone.name) == ("round.guest", "Sola")
    assert Participant.get_or_none(Participant.id == guest) is None
    assert Callback.get_or_none(Callback.id == callback) is None


def test_a_goal_is_undone_without_the_participant(ola: int, clock: FrozenClock) -> None:
    goal = add_goal(ola, LifeArea.HOUSING, "Egen leilighet", GoalStatus.WANTED.value, clock)

    undone = undo(clock)
    assert (undone.kind, undone.name) == ("goal.create", "Ola Testesen")
    assert Goal.get_or_none(Goal.id == goal.id) is None
    assert Participant.get_by_id(ola).name == "Ola Testesen"
    assert stage_of(ola) == Stage.ESTABLISH

    assert redo(clock).kind == "goal.create"
    assert Goal.get_by_id(goal.id).text == "Egen leilighet"


def test_a_contact_and_the_call_it_returned_are_one_change(ola: int, clock: FrozenClock) -> None:
    call = register_callback(CallbackInput(ola, "Ringte om NAV"), clock, Settings())
    contact = log_contact(ContactInput(ola, "i dag 10", note="Snakket om NAV"), clock)
    complete_callback(call.id, "reached", clock, contact.id)

    undone = undo(clock)
    assert (undone.kind, undone.name) == ("contact.returned", "Ola Testesen")
    assert Contact.get_or_none(Contact.id == contact.id) is None
    reopened = Callback.get_by_id(call.id)
    assert (reopened.done_at, reopened.contact_id) == (None, None)

    redo(clock)
    assert Contact.get_by_id(contact.id).note == "Snakket om NAV"
    assert Callback.get_by_id(call.id).contact_id == contact.id


def test_each_kind_of_change_is_undone_and_redone(ola: int, clock: FrozenClock) -> None:
    """Every change a trust person makes, newest first: undo puts the stored state back exactly,
    redo brings each change again."""

    def stored() -> tuple[object, ...]:
        return (
            stage_of(ola),
            Participant.get_by_id(ola).status,
            Participant.get_by_id(ola).archived_at,
            ChecklistMark.select().count(),
            AreaRating.select().count(),
            [(m.name, m.left_on) for m in GroupMember.select().order_by(GroupMember.id)],
            [p.status for p in IndividualPlan.select()],
            [p.name for p in MeetingPlace.select().order_by(MeetingPlace.id)],
            RoundVisit.select().count(),
            TrustPerson.select().count(),
            Participant.get_by_id(ola).responsible_id,
            [p.present_on for p in TrustPerson.select().order_by(TrustPerson.id)],
        )

    colleague = add_colleague(PersonInput("Eva Kollega", "EK", "eva"), clock)
    steps: list[Callable[[], object]] = [
        lambda: tick(ola, Stage.ESTABLISH, "consent_recorded", True, clock),
        lambda: rate_area(ola, LifeArea.HOUSING, 2, clock),
        lambda: save_member(ola, MemberInput("nav", name="Nina Nav"), clock),
        lambda: remove_member(GroupMember.get().id, clock),
        lambda: set_plan_status(ola, PlanStatus.DRAFT, clock),
        lambda: save_place(PlaceInput("Kafé Testen", "low"), None, clock),
        lambda: save_place(PlaceInput("Kafé Prøven"), MeetingPlace.get().id, clock),
        lambda: log_visit(RoundInput(MeetingPlace.get().id, "i dag"), clock),
        lambda: add_colleague(PersonInput("Per Kollega", "PK", "per"), clock),
        lambda: set_present(False, clock, login_name()),
        lambda: hand_over_participant(ola, HandoverInput(colleague.id), clock),
        lambda: change_stage(
            ola, Stage.CLOSE, "", "", clock, "masters_own_life", confirm_early=True
        ),
        lambda: reopen(ola, "", "Kom tilbake", clock),
        lambda: set_archived(ola, True, clock),
    ]
    states = [stored()]
    for step in steps:
        step()
        states.append(stored())
    for n, (a, b) in enumerate(zip(states, states[1:], strict=False)):
        assert a != b, n  # each step changed what is stored

    for before in reversed(states[:-1]):
        undo(clock)
        assert stored() == before
    assert undo(clock).kind == "trust_person.create"  # then Eva's being added
    assert redo(clock).kind == "trust_person.create"
    for after in states[1:]:
        redo(clock)
        assert stored() == after
    assert redo_last(clock) is None


def test_a_new_change_ends_what_can_be_redone(ola: int, clock: FrozenClock) -> None:
    change_stage(ola, Stage.MAP_NEEDS, "", "", clock)
    undo(clock)
    rate_area(ola, LifeArea.HEALTH, 4, clock)
    assert redo_last(clock) is None
    assert stage_of(ola) == Stage.ESTABLISH


def test_undo_and_redo_take_turns_over_several_changes(ola: int, clock: FrozenClock) -> None:
    first = rate_area(ola, LifeArea.HEALTH, 4, clock)
    second = rate_area(ola, LifeArea.HOUSING, 2, clock)
    undo(clock)
    undo(clock)
    assert AreaRating.select().count() == 0
    redo(clock)
    assert [r.id for r in AreaRating.select()] == [first.id]
    undo(clock)  # the redo is itself a change to take back
    assert AreaRating.select().count() == 0
    redo(clock)
    redo(clock)
    assert sorted(r.id for r in AreaRating.select()) == [first.id, second.id]
    assert redo_last(clock) is None


def test_an_erasure_stops_undo_and_undoes_nothing_older(ola: int, clock: FrozenClock) -> None:
    kari = add_participant(ParticipantInput(name="Kari Slettes"), clock)
    rate_area(ola, LifeArea.HEALTH, 4, clock)
    erase(kari.id, "Kari Slettes", clock)

    with pytest.raises(NotUndoable) as refused:
        undo_last(clock)
    assert (refused.value.kind, refused.value.reason) == ("participant.erase", "final")
    assert AreaRating.select().count() == 1


def test_a_participant_with_a_colleagues_records_is_not_taken_back(
    db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TP_TUI_USER", "kari")
    ola = add_participant(ParticipantInput(name="Ola Testesen"), clock)
    monkeypatch.setenv("TP_TUI_USER", "eva")
    log_contact(ContactInput(ola.id, "i dag 10", note="Eva møtte Ola"), clock)
    monkeypatch.setenv("TP_TUI_USER", "kari")

    with pytest.raises(NotUndoable) as refused:
        undo_last(clock)
    assert refused.value.reason == "depends"
    assert Participant.get_or_none(Participant.id == ola.id) is not None
    assert Contact.select().count() == 1


def test_a_participant_taken_back_leaves_nothing_of_them_and_cannot_be_redone(
    db_path: Path, clock: FrozenClock
) -> None:
    from tp_tui.models import Revision

    ola = add_participant(
        ParticipantInput(name="Ola Angres", status=ParticipantStatus.ACTIVE.value), clock
    )
    assert undo(clock).kind == "participant.create"
    assert Participant.select().count() == StageRecord.select().count() == 0
    assert not [r for r in Revision.select() if "Angres" in r.data]
    with pytest.raises(NotUndoable) as refused:
        redo_last(clock)
    assert refused.value.reason == "not_redoable"
    assert Participant.get_or_none(Participant.id == ola.id) is None


def test_a_survey_form_is_undone_while_the_app_runs_and_leaves_no_history(
    ola: int, clock: FrozenClock
) -> None:
    from tp_tui.models import Revision

    revisions = Revision.select().count()
    scores = dict.fromkeys((q.code for q in questions(None, "participant")), 3)
    rate_area(ola, LifeArea.HEALTH, 4, clock)
    record_response("participant", "2026-11", scores)
    assert Revision.select().count() == revisions + 1  # the rating's; none for the form

    assert undo(clock).kind == "survey_response.create"
    assert SurveyResponse.select().count() == SurveyAnswer.select().count() == 0
    assert AreaRating.select().count() == 1
    redo(clock)
    assert SurveyAnswer.select().count() == len(scores)
    undo(clock)
    undo(clock)
    assert AreaRating.select().count() == 0
