"""Undo on a team's database: each trust person takes back their own changes, never a
colleague's, and not one a colleague has changed again since."""

from __future__ import annotations

from pathlib import Path

import pytest

from tp_tui.clock import FrozenClock
from tp_tui.models import Contact, Revision, TrustPerson
from tp_tui.services.contacts import ContactInput, log_contact, update_contact
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.services.undo import UndoBlocked, undo_last

pytestmark = pytest.mark.engines


def as_(monkeypatch: pytest.MonkeyPatch, login: str) -> None:
    monkeypatch.setenv("TP_TUI_USER", login)


def note(text: str, participant_id: int) -> ContactInput:
    return ContactInput(participant_id, "i dag 10", note=text)


def test_undo_takes_back_my_change_not_the_colleagues_newer_one(
    db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    as_(monkeypatch, "kari")
    ola = add_participant(ParticipantInput(name="Ola Nordmann"), clock)
    mine = log_contact(note("Kari snakket med Ola", ola.id), clock)
    as_(monkeypatch, "eva")
    theirs = log_contact(note("Eva ringte Ola", ola.id), clock)
    eva = TrustPerson.get(TrustPerson.login == "eva")
    assert Revision.get(Revision.entity_id == theirs.id).made_by_id == eva.id

    as_(monkeypatch, "kari")
    undone = undo_last(clock)
    assert undone is not None and undone.entity_id == mine.id
    assert Contact.get_or_none(Contact.id == mine.id) is None
    assert Contact.get_or_none(Contact.id == theirs.id) is not None  # Eva's stays


def test_undo_is_refused_when_a_colleague_changed_it_since(
    db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    as_(monkeypatch, "kari")
    ola = add_participant(ParticipantInput(name="Ola Nordmann"), clock)
    contact = log_contact(note("Kari snakket med Ola", ola.id), clock)
    as_(monkeypatch, "eva")
    update_contact(contact.id, note("Eva la til: om husleia", ola.id), clock)

    as_(monkeypatch, "kari")
    with pytest.raises(UndoBlocked):
        undo_last(clock)
    assert Contact.get_by_id(contact.id).note == "Eva la til: om husleia"


def test_my_own_undos_do_not_block_the_next(
    db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    as_(monkeypatch, "kari")
    ola = add_participant(ParticipantInput(name="Ola Nordmann"), clock)
    contact = log_contact(note("Først", ola.id), clock)
    update_contact(contact.id, note("Så", ola.id), clock)
    assert undo_last(clock) is not None  # the edit
    assert Contact.get_by_id(contact.id).note == "Først"
    assert undo_last(clock) is not None  # the logging
    assert Contact.get_or_none(Contact.id == contact.id) is None
