"""Team settings: who I am, colleagues, who has left, who is at work today (service rules)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tp_tui.clock import FrozenClock
from tp_tui.i18n import set_language
from tp_tui.models import Callback, Participant, Revision, TrustPerson
from tp_tui.services.callbacks import CallbackInput, register_callback
from tp_tui.services.contacts import ContactInput, log_contact
from tp_tui.services.handover import HandoverInput, hand_over_participant
from tp_tui.services.participants import ParticipantInput, add_participant, set_archived
from tp_tui.services.team import at_work_today, colleagues, current_trust_person, my_id
from tp_tui.services.team_admin import (
    PersonInput,
    add_colleague,
    find_by_login,
    list_team,
    responsibilities,
    set_active,
    set_present,
    update_me,
    update_person,
)
from tp_tui.services.validation import ValidationFailed
from tp_tui.settings import Settings

pytestmark = pytest.mark.engines

ME = "kari.tp"


@pytest.fixture(autouse=True)
def login(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("TP_TUI_USER", ME)
    return ME


def errors_of(failed: pytest.ExceptionInfo[ValidationFailed]) -> dict[str, str]:
    return {field: error.key for field, error in failed.value.errors.items()}


def test_i_set_my_name_and_initials(db_path: Path, clock: FrozenClock) -> None:
    me = update_me(PersonInput("  Kari   Nordmann ", "kn"), clock, ME)
    assert (me.name, me.initials, me.login) == ("Kari Nordmann", "KN", ME)
    assert my_id() == me.id
    (row,) = list_team(ME, clock.today())
    assert row.is_me and row.name == "Kari Nordmann" and row.active


def test_initials_come_from_the_name_when_left_empty(db_path: Path, clock: FrozenClock) -> None:
    eva = add_colleague(PersonInput("Eva Marie Solheim-Berg", "", "eva"), clock)
    assert eva.initials == "EMSB"
    per = add_colleague(PersonInput("Per Ole Åsmund Hansen Lie", "", "per"), clock)
    assert per.initials == "POÅH"  # four letters at most


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (PersonInput("", "KN", "ola"), {"name": "team_admin.error.name_missing"}),
        (PersonInput("x" * 81, "KN", "ola"), {"name": "team_admin.error.name_too_long"}),
        (PersonInput("Ola Hansen", "OLAHA", "ola"), {"initials": "team_admin.error.initials"}),
        (PersonInput("Ola Hansen", "O1", "ola"), {"initials": "team_admin.error.initials"}),
        (PersonInput("Ola Hansen", "OH", ""), {"login": "team_admin.error.login_missing"}),
        (PersonInput("Ola Hansen", "OH", "ola h"), {"login": "team_admin.error.login_spaces"}),
        (PersonInput("Ola Hansen", "OH", "o" * 65), {"login": "team_admin.error.login_invalid"}),
        (PersonInput("Ola Hansen", "OH", "EVA"), {"login": "team_admin.error.login_taken"}),
    ],
)
def test_a_colleague_with_bad_input_is_not_added(
    db_path: Path, clock: FrozenClock, data: PersonInput, expected: dict[str, str]
) -> None:
    add_colleague(PersonInput("Eva Solheim", "ES", "eva"), clock)
    before = TrustPerson.select().count()  # Eva, and me (the change is recorded as mine)
    with pytest.raises(ValidationFailed) as failed:
        add_colleague(data, clock)
    assert errors_of(failed) == expected
    assert TrustPerson.select().count() == before


def test_every_problem_is_told_at_once(db_path: Path, clock: FrozenClock) -> None:
    with pytest.raises(ValidationFailed) as failed:
        add_colleague(PersonInput("Ola Hansen", "12", "ola h"), clock)
    assert set(errors_of(failed)) == {"initials", "login"}


def test_a_colleague_added_before_they_start_is_found_when_they_do(
    db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    current_trust_person(clock)
    eva = add_colleague(PersonInput("Eva Solheim", "es", "eva"), clock)
    ola = add_participant(ParticipantInput(name="Ola Nordmann"), clock)
    # A handover goes to her before she has ever opened the app.
    assert [c.name for c in colleagues(my_id() or 0, clock.today())] == ["Eva Solheim"]
    hand_over_participant(ola.id, HandoverInput(eva.id), clock)
    monkeypatch.setenv("TP_TUI_USER", "eva")
    assert my_id() == eva.id
    assert current_trust_person(clock).id == eva.id
    assert TrustPerson.select().count() == 2  # nobody new was made for her


def test_edit_a_colleague_and_keep_the_earlier_state(db_path: Path, clock: FrozenClock) -> None:
    current_trust_person(clock)
    eva = add_colleague(PersonInput("Eva Solheim", "ES", "eva"), clock)
    update_person(eva.id, PersonInput("Eva Solheim Berg", "esb", "eva.berg"), clock, ME)
    stored = TrustPerson.get_by_id(eva.id)
    assert (stored.name, stored.initials, stored.login) == ("Eva Solheim Berg", "ESB", "eva.berg")
    assert find_by_login("EVA.BERG") == stored
    revision = (
        Revision.select()
        .where((Revision.entity == "trust_person") & (Revision.action == "update"))
        .get()
    )
    assert json.loads(revision.data)["name"] == "Eva Solheim"


def test_a_login_cannot_be_taken_from_a_colleague(db_path: Path, clock: FrozenClock) -> None:
    eva = add_colleague(PersonInput("Eva Solheim", "ES", "eva"), clock)
    per = add_colleague(PersonInput("Per Hansen", "PH", "per"), clock)
    with pytest.raises(ValidationFailed) as failed:
        update_person(per.id, PersonInput("Per Hansen", "PH", "Eva"), clock, ME)
    assert errors_of(failed) == {"login": "team_admin.error.login_taken"}
    assert failed.value.errors["login"].params["name"] == "Eva Solheim"
    update_person(eva.id, PersonInput("Eva S.", "ES", "eva"), clock, ME)  # her own: fine
    assert TrustPerson.get_by_id(per.id).login == "per"


def test_my_own_login_is_not_changed_here(db_path: Path, clock: FrozenClock) -> None:
    me = current_trust_person(clock)
    with pytest.raises(ValidationFailed) as failed:
        update_person(me.id, PersonInput("Kari Nordmann", "KN", "kari.new"), clock, ME)
    assert errors_of(failed) == {"login": "team_admin.error.own_login"}
    assert TrustPerson.get_by_id(me.id).login == ME


def test_a_colleague_who_left_is_no_longer_offered_but_still_named(
    db_path: Path, clock: FrozenClock
) -> None:
    current_trust_person(clock)
    eva = add_colleague(PersonInput("Eva Solheim", "ES", "eva"), clock)
    TrustPerson.update(present_on=clock.today()).where(TrustPerson.id == eva.id).execute()
    ola = add_participant(ParticipantInput(name="Ola Nordmann"), clock)
    hand_over_participant(ola.id, HandoverInput(eva.id), clock)
    left = set_active(eva.id, False, clock, ME)
    assert left.participants == 1
    me = my_id() or 0
    assert colleagues(me, clock.today()) == ()
    assert at_work_today(me, clock.today()) == ()
    with pytest.raises(ValidationFailed):  # no handover to someone who has left
        hand_over_participant(ola.id, HandoverInput(eva.id), clock)
    # Nothing is moved or deleted: she is still responsible and listed, as having left.
    assert Participant.get_by_id(ola.id).responsible_id == eva.id
    row = next(r for r in list_team(ME, clock.today()) if r.id == eva.id)
    assert not row.active and not row.present_today and row.name == "Eva Solheim"
    assert list_team(ME, clock.today())[-1].id == eva.id  # those who left come last
    set_active(eva.id, True, clock, ME)
    assert [c.name for c in colleagues(me, clock.today())] == ["Eva Solheim"]
    actions = [r.action for r in Revision.select().where(Revision.entity == "trust_person")]
    assert actions.count("deactivate") == 1 and actions.count("activate") == 1


def test_leaving_counts_open_participants_and_calls_only(db_path: Path, clock: FrozenClock) -> None:
    current_trust_person(clock)
    eva = add_colleague(PersonInput("Eva Solheim", "ES", "eva"), clock)
    names = ("Ola Nordmann", "Per Hansen", "Lise Berg")
    people = [add_participant(ParticipantInput(name=name), clock) for name in names]
    for person in people:
        hand_over_participant(person.id, HandoverInput(eva.id), clock)
    set_archived(people[2].id, True, clock)
    Participant.update(status="closed").where(Participant.id == people[1].id).execute()
    open_call = register_callback(CallbackInput(people[0].id, "Ring"), clock, Settings())
    done_call = register_callback(CallbackInput(people[0].id, "Ringt"), clock, Settings())
    Callback.update(assigned_to=eva.id).where(
        Callback.id.in_([open_call.id, done_call.id])
    ).execute()
    Callback.update(done_at=clock.now()).where(Callback.id == done_call.id).execute()
    left = responsibilities(eva.id)
    assert (left.participants, left.callbacks) == (1, 1)
    assert left.describe() == "responsibility for 1 participant and 1 call to return"
    Callback.update(done_at=clock.now()).where(Callback.id == open_call.id).execute()
    set_language("nb")
    try:
        assert responsibilities(eva.id).describe() == "ansvar for 1 deltaker"
    finally:
        set_language("en")
    assert not responsibilities(my_id() or 0)


def test_i_cannot_make_myself_inactive(db_path: Path, clock: FrozenClock) -> None:
    me = current_trust_person(clock)
    add_colleague(PersonInput("Eva Solheim", "ES", "eva"), clock)
    with pytest.raises(ValidationFailed) as failed:
        set_active(me.id, False, clock, ME)
    assert errors_of(failed) == {"active": "team_admin.error.self_inactive"}
    assert TrustPerson.get_by_id(me.id).active


def test_the_last_active_trust_person_stays_active(db_path: Path, clock: FrozenClock) -> None:
    me = current_trust_person(clock)
    eva = add_colleague(PersonInput("Eva Solheim", "ES", "eva"), clock)
    TrustPerson.update(active=False).where(TrustPerson.id == me.id).execute()  # done by Eva
    with pytest.raises(ValidationFailed) as failed:
        set_active(eva.id, False, clock, ME)
    assert errors_of(failed) == {"active": "team_admin.error.last_active"}
    assert TrustPerson.get_by_id(eva.id).active


def test_i_say_i_am_at_work_or_not_without_saving_anything(
    db_path: Path, clock: FrozenClock
) -> None:
    current_trust_person(clock)
    eva = add_colleague(PersonInput("Eva Solheim", "ES", "eva"), clock)
    set_present(True, clock, ME)
    assert next(r for r in list_team(ME, clock.today()) if r.is_me).present_today
    assert Participant.select().count() == 0
    # Eva sees me as the one colleague at work today.
    assert [c.name for c in at_work_today(eva.id, clock.today())] == [ME]
    set_present(False, clock, ME)
    assert not next(r for r in list_team(ME, clock.today()) if r.is_me).present_today


def test_not_at_work_holds_when_i_save_later_the_same_day(
    db_path: Path, clock: FrozenClock
) -> None:
    set_present(False, clock, ME)
    ola = add_participant(ParticipantInput(name="Ola Nordmann"), clock)
    log_contact(ContactInput(ola.id, "i dag 09:00"), clock)
    assert TrustPerson.get_by_id(my_id()).present_on is None
