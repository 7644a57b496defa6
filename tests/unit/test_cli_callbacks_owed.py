"""``tp callbacks add`` and ``tp callbacks done``: the phone rang while the trust person was
out; and a name that fits more than one participant is never guessed, by any command."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from tests.unit.cli_db import file_with, stored
from tp_tui.cli import run
from tp_tui.clock import OSLO
from tp_tui.models import Callback, Contact

Capture = pytest.CaptureFixture[str]
PEOPLE = ("Siv Rønning", "Roy-Arne Sivertsen", "Ronny Berg", "Kari Nordmann")


@pytest.fixture(autouse=True)
def thursday_morning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TP_TUI_NOW", "2026-11-26T10:00")


@pytest.fixture
def db(tmp_path: Path, capsys: Capture) -> str:
    path = file_with(tmp_path, *PEOPLE)
    capsys.readouterr()
    return path


def test_a_call_owed_to_a_participant_and_to_a_free_name(db: str, capsys: Capture) -> None:
    args = ["--db", db, "--lang", "en", "callbacks", "add"]
    assert run([*args, "kari", "--reason", "Om husleia", "--due", "i dag 15:30"]) == 0
    assert "Noted: call Kari Nordmann back, due Thursday 26.11.2026 15:30 (no. 1)." in (
        capsys.readouterr().out
    )
    assert run([*args, "Mor til Jonas", "--reason", "Bekymret", "--phone", "412 34 567"]) == 0
    with stored(db):
        calls = [(c.participant_id, c.caller_name, c.caller_phone) for c in Callback.select()]
        first = Callback.get_by_id(1)
        assert (first.reason, first.due_at) == (
            "Om husleia",
            datetime(2026, 11, 26, 15, 30, tzinfo=OSLO),
        )
    assert calls == [(4, "", None), (None, "Mor til Jonas", "+4741234567")]


def test_a_free_name_needs_a_number_and_bad_input_saves_nothing(db: str, capsys: Capture) -> None:
    args = ["--db", db, "--lang", "en", "callbacks", "add"]
    assert run([*args, "Mor til Jonas", "--reason", "Bekymret"]) == 2
    assert "give the number with --phone" in capsys.readouterr().err
    assert run([*args, "kari", "--reason", "x", "--due", "31.02"]) == 2
    with stored(db):
        assert Callback.select().count() == 0


def test_done_logs_the_phone_contact_with_the_note_as_one_change(db: str, capsys: Capture) -> None:
    assert run(["--db", db, "callbacks", "add", "kari", "--reason", "Om husleia"]) == 0
    done = ["--db", db, "--lang", "en", "callbacks", "done"]
    assert run([*done, "1", "--note", "Snakket om husleia"]) == 0
    assert "Done: Kari Nordmann reached (no. 1)." in capsys.readouterr().out
    with stored(db):
        call, contact = Callback.get_by_id(1), Contact.get()
        assert (contact.kind, contact.outcome) == ("phone", "reached")
        assert contact.note == "Snakket om husleia"
        assert (call.outcome, call.contact_id) == ("reached", contact.id)
    assert run([*done, "1"]) == 2  # already returned: nothing changes
    assert "already returned" in capsys.readouterr().err
    # ctrl+z (here: the service) takes back the contact and reopens the call together.
    from tp_tui.clock import FrozenClock
    from tp_tui.services.undo import undo_last

    with stored(db):
        undone = undo_last(FrozenClock(datetime(2026, 11, 26, 11, 0, tzinfo=OSLO)))
        assert undone is not None and undone.kind == "contact.returned"
        assert Contact.select().count() == 0 and Callback.get_by_id(1).done_at is None


def test_done_refuses_what_it_cannot_keep(db: str, capsys: Capture) -> None:
    args = ["--db", db, "callbacks", "add"]
    assert run([*args, "Mor til Jonas", "--reason", "Bekymret", "--phone", "41234567"]) == 0
    assert run([*args, "kari", "--reason", "x"]) == 0
    done = ["--db", db, "--lang", "en", "callbacks", "done"]
    assert run([*done, "1", "--note", "Ringte"]) == 2  # a free name: no contact to keep it with
    assert run([*done, "2", "--outcome", "no_answer", "--note", "x"]) == 2
    assert run([*done, "99"]) == 2
    assert "No call owed has no. 99." in capsys.readouterr().err
    with pytest.raises(SystemExit) as bad:
        run([*done, "١٢"])
    assert bad.value.code == 2
    with stored(db):
        assert Callback.select().where(Callback.done_at.is_null(False)).count() == 0
    assert run([*done, "2", "--outcome", "no_answer"]) == 0
    with stored(db):
        assert Callback.get_by_id(2).outcome == "no_answer" and Contact.select().count() == 0


@pytest.mark.parametrize(
    ("typed", "rivals"),
    [("siv", ("Siv Rønning", "Roy-Arne Sivertsen")), ("Ro", ("Ronny Berg", "Roy-Arne Sivertsen"))],
)
def test_a_name_that_fits_several_is_never_guessed(
    db: str, capsys: Capture, typed: str, rivals: tuple[str, ...]
) -> None:
    for command in (["log", typed], ["callbacks", "add", typed, "--reason", "x"]):
        assert run(["--db", db, "--lang", "en", *command]) == 2
        err = capsys.readouterr().err
        assert f"Several participants match «{typed}»" in err
        assert all(name in err for name in rivals)
    with stored(db):
        assert Contact.select().count() == Callback.select().count() == 0


@pytest.mark.parametrize(
    ("typed", "who"),
    [("Siv Rønning", "Siv Rønning"), ("kari", "Kari Nordmann"), ("rb", "Ronny Berg")],
)
def test_an_exact_name_unique_initials_or_a_unique_start_picks(
    db: str, capsys: Capture, typed: str, who: str
) -> None:
    assert run(["--db", db, "--lang", "en", "log", typed]) == 0
    assert f"Logged conversation with {who}" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["+47 912 34 567", "31.02.2026"])
def test_a_name_like_a_phone_number_or_a_date_needs_yes(
    db: str, capsys: Capture, name: str
) -> None:
    from tp_tui.models import Participant

    assert run(["--db", db, "--lang", "en", "participants", "add", name]) == 2
    assert "not a name" in capsys.readouterr().err
    assert run(["--db", db, "participants", "add", name, "--yes"]) == 0
    with stored(db):
        assert Participant.select().where(Participant.name == name).count() == 1


@pytest.mark.parametrize(
    ("name", "goes_in"), [("+47 912 34 567", "--phone"), ("31.02.2026", "--due")]
)
def test_a_free_name_like_a_phone_number_or_a_date_needs_yes(
    db: str, capsys: Capture, name: str, goes_in: str
) -> None:
    """The number typed where the caller's name goes: asked about, nothing noted until --yes."""
    args = ["--db", db, "--lang", "en", "callbacks", "add", name, "--reason", "Ringte"]
    assert run([*args, "--phone", "412 34 567"]) == 2
    said = capsys.readouterr().err
    assert "not a name" in said and goes_in in said and "Nothing was saved" in said
    with stored(db):
        assert Callback.select().count() == 0
    assert run([*args, "--phone", "412 34 567", "--yes"]) == 0
    with stored(db):
        assert [c.caller_name for c in Callback.select()] == [name]
