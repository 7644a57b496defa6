"""A team on one database: who I am, mine and the team's, handovers, who is at work today."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tp_tui.clock import FrozenClock
from tp_tui.models import Callback, Handover, MeetingPlace, Participant, Revision, TrustPerson
from tp_tui.services.callbacks import CallbackInput, due_callbacks, register_callback
from tp_tui.services.contacts import ContactInput, log_contact
from tp_tui.services.handover import (
    HandoverInput,
    hand_over_callback,
    hand_over_participant,
    handovers_for,
)
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.services.rounds import RoundInput, log_visit
from tp_tui.services.team import at_work_today, current_trust_person, is_single_user, my_id
from tp_tui.services.today import contacts_today, not_heard_from, today_overview
from tp_tui.services.validation import ValidationFailed
from tp_tui.settings import Settings


@pytest.fixture(autouse=True)
def login(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("TP_TUI_USER", "kari.tp")
    return "kari.tp"


def colleague(name: str, clock: FrozenClock, present: bool = False) -> TrustPerson:
    login = name.lower().replace(" ", ".")
    return TrustPerson.create(
        name=name,
        login=login,
        present_on=clock.today() if present else None,
        created_at=clock.now(),
    )


def test_i_am_made_on_first_use_and_found_again(db_path: Path, clock: FrozenClock) -> None:
    assert my_id() is None  # nothing is written just by looking
    me = current_trust_person(clock)
    assert me.login == "kari.tp"
    assert current_trust_person(clock).id == me.id == my_id()
    assert TrustPerson.select().count() == 1


def test_the_trust_person_of_an_older_single_user_file_is_claimed(
    db_path: Path, clock: FrozenClock
) -> None:
    old = TrustPerson.create(name="Demo", initials="D", created_at=clock.now())
    assert my_id() == old.id
    assert current_trust_person(clock).id == old.id
    assert TrustPerson.get_by_id(old.id).login == "kari.tp"


def test_every_save_records_who_logged_it(db_path: Path, clock: FrozenClock) -> None:
    kari = add_participant(ParticipantInput(name="Ola Nordmann"), clock)
    contact = log_contact(ContactInput(kari.id, "i dag 09:00"), clock)
    callback = register_callback(CallbackInput(kari.id, "Ville prate"), clock, Settings())
    place = MeetingPlace.select().first()
    visit = log_visit(RoundInput(place.id, "i dag"), clock)
    me = my_id()
    assert me is not None
    assert contact.logged_by_id == callback.logged_by_id == visit.logged_by_id == me  # type: ignore[attr-defined]
    assert TrustPerson.get_by_id(me).present_on == clock.today()


def test_today_mine_and_the_teams(db_path: Path, clock: FrozenClock) -> None:
    ola = add_participant(ParticipantInput(name="Ola Nordmann"), clock)
    per = add_participant(ParticipantInput(name="Per Hansen"), clock)
    log_contact(ContactInput(ola.id, "i dag 09:00"), clock)
    register_callback(CallbackInput(ola.id, "Mitt"), clock, Settings())
    me = my_id()
    assert me is not None
    eva = colleague("Eva Solheim", clock)
    Participant.update(responsible=eva).where(Participant.id == per.id).execute()
    Callback.create(
        participant=per, reason="Evas", received_at=clock.now(), due_at=clock.now(),
        logged_by=eva, created_at=clock.now(), updated_at=clock.now(),
    )  # fmt: skip
    now = clock.now()
    assert [c.reason for c in due_callbacks(now, mine=me)] == ["Mitt"]
    assert {c.reason for c in due_callbacks(now)} == {"Mitt", "Evas"}
    assert len(contacts_today(now, mine=eva.id)) == 0
    assert len(contacts_today(now, mine=me)) == 1
    later = now + timedelta(days=30)
    assert [p.name for p in not_heard_from(later, 14, mine=eva.id)] == ["Per Hansen"]
    assert {p.name for p in not_heard_from(later, 14)} == {"Ola Nordmann", "Per Hansen"}
    overview = today_overview(now, Settings(), mine=eva.id)
    assert [c.reason for c in overview.callbacks] == ["Evas"]
    assert not is_single_user()


def test_hand_a_participant_over_and_keep_the_history(db_path: Path, clock: FrozenClock) -> None:
    ola = add_participant(ParticipantInput(name="Ola Nordmann"), clock)
    me = current_trust_person(clock)
    eva = colleague("Eva Solheim", clock)
    hand_over_participant(ola.id, HandoverInput(eva.id, "i dag", "Permisjon"), clock)
    assert Participant.get_by_id(ola.id).responsible_id == eva.id
    hand_over_participant(ola.id, HandoverInput(me.id, "+2", "Tilbake"), clock)
    lines = handovers_for(ola.id)
    assert [(line.from_name, line.to_name) for line in lines] == [
        ("Eva Solheim", "kari.tp"),
        ("kari.tp", "Eva Solheim"),
    ]
    assert lines[0].handed_on == clock.today() + timedelta(days=2)
    assert Revision.select().where(Revision.action == "handover").count() == 2
    assert Participant.get_by_id(ola.id).version == 3


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (HandoverInput(None), "to_person"),
        (HandoverInput(9999), "to_person"),
        (HandoverInput(-1, "32.13"), "on"),
    ],
)
def test_a_handover_that_cannot_be_saved_says_why(
    db_path: Path, clock: FrozenClock, data: HandoverInput, field: str
) -> None:
    ola = add_participant(ParticipantInput(name="Ola Nordmann"), clock)
    with pytest.raises(ValidationFailed) as failed:
        hand_over_participant(ola.id, data, clock)
    assert field in failed.value.errors
    assert Handover.select().count() == 0


def test_handing_over_to_the_one_already_responsible_is_refused(
    db_path: Path, clock: FrozenClock
) -> None:
    ola = add_participant(ParticipantInput(name="Ola Nordmann"), clock)
    eva = colleague("Eva Solheim", clock)
    hand_over_participant(ola.id, HandoverInput(eva.id), clock)
    with pytest.raises(ValidationFailed) as failed:
        hand_over_participant(ola.id, HandoverInput(eva.id), clock)
    assert failed.value.errors["to_person"].key == "handover.error.same"


def test_who_is_at_work_today(db_path: Path, clock: FrozenClock) -> None:
    me = current_trust_person(clock)
    eva = colleague("Eva Solheim", clock)
    tor = colleague("Tor Brekke", clock)
    # Nobody marked in yet: every active colleague.
    assert [c.id for c in at_work_today(me.id, clock.today())] == [eva.id, tor.id]
    TrustPerson.update(present_on=clock.today()).where(TrustPerson.id == tor.id).execute()
    assert [c.id for c in at_work_today(me.id, clock.today())] == [tor.id]
    TrustPerson.update(active=False).where(TrustPerson.id == tor.id).execute()
    assert [c.id for c in at_work_today(me.id, clock.today())] == [eva.id]


def test_a_call_handed_to_a_colleague_is_theirs(db_path: Path, clock: FrozenClock) -> None:
    ola = add_participant(ParticipantInput(name="Ola Nordmann"), clock)
    callback = register_callback(CallbackInput(ola.id, "Ring meg"), clock, Settings())
    me = my_id()
    eva = colleague("Eva Solheim", clock, present=True)
    hand_over_callback(callback.id, eva.id, clock)
    stored = Callback.get_by_id(callback.id)
    assert stored.assigned_to_id == eva.id and stored.logged_by_id == me
    now = clock.now()
    assert due_callbacks(now, mine=me) == ()
    assert [c.id for c in due_callbacks(now, mine=eva.id)] == [callback.id]


def test_a_returned_call_is_not_handed_over(db_path: Path, clock: FrozenClock) -> None:
    ola = add_participant(ParticipantInput(name="Ola Nordmann"), clock)
    callback = register_callback(CallbackInput(ola.id, "Ring meg"), clock, Settings())
    Callback.update(done_at=clock.now()).where(Callback.id == callback.id).execute()
    eva = colleague("Eva Solheim", clock)
    with pytest.raises(ValidationFailed) as failed:
        hand_over_callback(callback.id, eva.id, clock)
    assert failed.value.errors["callback"].key == "handover.error.callback_done"


def test_erasing_a_participant_removes_their_handovers(db_path: Path, clock: FrozenClock) -> None:
    from tp_tui.services.erasure import erase

    ola = add_participant(ParticipantInput(name="Ola Nordmann"), clock)
    eva = colleague("Eva Solheim", clock)
    hand_over_participant(ola.id, HandoverInput(eva.id, note="Ola vil bytte"), clock)
    erase(ola.id, "Ola Nordmann", clock)
    assert Handover.select().count() == 0
    assert TrustPerson.select().count() == 2  # the trust persons stay


def test_with_several_trust_persons_without_login_nobody_is_guessed(
    db_path: Path, clock: FrozenClock
) -> None:
    TrustPerson.create(name="Gammel A", created_at=clock.now())
    TrustPerson.create(name="Gammel B", created_at=clock.now())
    assert my_id() is None
    me = current_trust_person(clock)
    assert (me.name, me.login) == ("kari.tp", "kari.tp")
