"""A colleague leaves: everything they still have goes to one trust person, with the history."""

from __future__ import annotations

from pathlib import Path

import pytest

from tp_tui.cli import run
from tp_tui.clock import FrozenClock
from tp_tui.db import close_database, open_database
from tp_tui.models import Callback, Handover, Participant, TrustPerson
from tp_tui.services.callbacks import CallbackInput, register_callback
from tp_tui.services.handover import HandoverInput, hand_over_everything, still_held_by
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.services.team_admin import responsibilities
from tp_tui.services.validation import ValidationFailed
from tp_tui.settings import Settings

pytestmark = pytest.mark.engines


@pytest.fixture(autouse=True)
def kari(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TP_TUI_USER", "kari.tp")


def evas_work(clock: FrozenClock, monkeypatch: pytest.MonkeyPatch) -> tuple[int, list[int]]:
    """Eva is responsible for Ola (open) and Per (closed), logged one call and was handed one;
    one call she logged is returned. Returns Eva's id and the ids of the open calls she owes."""
    monkeypatch.setenv("TP_TUI_USER", "eva")
    ola = add_participant(ParticipantInput(name="Ola Nordmann"), clock)
    per = add_participant(ParticipantInput(name="Per Hansen"), clock)
    eva = TrustPerson.get(TrustPerson.login == "eva")
    Participant.update(responsible=eva.id).where(Participant.id.in_([ola.id, per.id])).execute()
    Participant.update(status="closed").where(Participant.id == per.id).execute()
    logged = register_callback(CallbackInput(ola.id, "Eva ringer"), clock, Settings())
    done = register_callback(CallbackInput(ola.id, "Ringt"), clock, Settings())
    Callback.update(done_at=clock.now(), outcome="reached").where(Callback.id == done.id).execute()
    monkeypatch.setenv("TP_TUI_USER", "kari.tp")
    handed = register_callback(CallbackInput(ola.id, "Gitt Eva"), clock, Settings())
    Callback.update(assigned_to=eva.id).where(Callback.id == handed.id).execute()
    return int(eva.id), [logged.id, handed.id]


def test_everything_eva_still_has_goes_to_tor(
    db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    eva, open_calls = evas_work(clock, monkeypatch)
    tor = TrustPerson.create(name="Tor Brekke", initials="TB", login="tor", created_at=clock.now())
    assert (responsibilities(eva).participants, responsibilities(eva).callbacks) == (1, 2)

    moved = hand_over_everything(eva, HandoverInput(tor.id, note="Eva har sluttet"), clock)

    assert (moved.participants, moved.callbacks) == (1, 2)
    assert still_held_by(eva) == ([], [])
    ola = Participant.get(Participant.name == "Ola Nordmann")
    assert ola.responsible_id == tor.id
    assert Participant.get(Participant.name == "Per Hansen").responsible_id == eva  # closed
    handover = Handover.get(Handover.participant == ola.id)
    assert (handover.from_person, handover.to_person, handover.note) == (
        TrustPerson.get_by_id(eva), tor, "Eva har sluttet",
    )  # fmt: skip
    assert {c.assigned_to_id for c in Callback.select().where(Callback.id.in_(open_calls))} == {
        tor.id
    }


def test_handing_over_to_the_one_leaving_is_refused(
    db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    eva, _ = evas_work(clock, monkeypatch)
    with pytest.raises(ValidationFailed) as failed:
        hand_over_everything(eva, HandoverInput(eva), clock)
    assert set(failed.value.errors) == {"to_person"}
    assert responsibilities(eva).participants == 1  # nothing moved


def test_tp_team_handover_on_the_command_line(
    tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "team.db"
    open_database(path)
    try:
        eva, _ = evas_work(clock, monkeypatch)
    finally:
        close_database()
    monkeypatch.setenv("TP_TUI_NOW", "2026-11-26T10:00")
    team = ["--db", str(path), "--lang", "en", "team", "handover", "eva", "--to"]
    assert run([*team, "nobody"]) == 2
    assert run([*team, "kari.tp"]) == 0
    open_database(path)
    try:
        assert still_held_by(eva) == ([], [])
        me = TrustPerson.get(TrustPerson.login == "kari.tp")
        assert Participant.get(Participant.name == "Ola Nordmann").responsible_id == me.id
    finally:
        close_database()
