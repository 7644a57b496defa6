"""``tp consent NAME``: lists the register, records a purpose (to the group or a named service,
until a day), withdraws it keeping the row; a name that fits several is never guessed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.unit.cli_db import file_with, stored
from tp_tui.cli import run
from tp_tui.models import ChecklistMark, ConsentGrant

Capture = pytest.CaptureFixture[str]
PEOPLE = ("Kari Nordmann", "Kari Nilsen")


@pytest.fixture(autouse=True)
def thursday_morning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TP_TUI_NOW", "2026-11-26T10:00")


@pytest.fixture
def db(tmp_path: Path, capsys: Capture) -> str:
    path = file_with(tmp_path, *PEOPLE)
    capsys.readouterr()
    return path


def test_record_list_and_withdraw(db: str, capsys: Capture) -> None:
    args = ["--db", db, "--lang", "en", "consent", "Kari Nordmann"]
    assert run([*args]) == 0
    assert "Kari Nordmann has no consent recorded." in capsys.readouterr().out
    assert run([*args, "--purpose", "goals", "--until", "31.12.2026", "--how", "written"]) == 0
    assert "agrees to share goals with the responsibility group until 31.12.2026" in (
        capsys.readouterr().out
    )
    assert run([*args, "--purpose", "plan", "--to", "NAV Tromsø", "--given", "i går"]) == 0
    assert run([*args, "--purpose", "plan", "--to", "NAV Tromsø", "--withdraw"]) == 0
    assert "It stays in the history." in capsys.readouterr().out
    assert run([*args]) == 0
    listed = capsys.readouterr().out
    assert "goals → the responsibility group · 26.11.2026–31.12.2026 · in force · written" in (
        listed
    )
    assert "individual plan → NAV Tromsø · 25.11.2026–26.11.2026 · withdrawn" in listed
    with stored(db):
        rows = [(g.scope, g.recipient, g.withdrawn_on) for g in ConsentGrant.select()]
        assert ChecklistMark.get().item == "consent_recorded"
    assert rows == [("goals", "group", None), ("plan", "NAV Tromsø", date(2026, 11, 26))]


def test_a_name_that_fits_two_is_never_guessed(db: str, capsys: Capture) -> None:
    assert run(["--db", db, "--lang", "en", "consent", "kari", "--purpose", "goals"]) == 2
    err = capsys.readouterr().err
    assert "Kari Nilsen" in err and "Kari Nordmann" in err
    with stored(db):
        assert ConsentGrant.select().count() == 0


def test_bad_input_is_refused_and_saves_nothing(db: str, capsys: Capture) -> None:
    args = ["--db", db, "--lang", "en", "consent", "nordmann"]
    assert run([*args, "--purpose", "goals", "--until", "01.01.2020"]) == 2
    assert "already have ended" in capsys.readouterr().err
    assert run([*args, "--withdraw"]) == 2
    assert "--purpose" in capsys.readouterr().err
    assert run([*args, "--purpose", "notes", "--withdraw"]) == 2
    assert "nothing changed" in capsys.readouterr().err
    assert run([*args, "--until", "31.12.2026"]) == 2
    with stored(db):
        assert ConsentGrant.select().count() == 0


def test_tp_today_lists_a_consent_about_to_end(db: str, capsys: Capture) -> None:
    args = ["--db", db, "--lang", "en"]
    assert run([*args, "today"]) == 0
    assert "Consents ending soon" not in capsys.readouterr().out
    assert run([*args, "consent", "nordmann", "--purpose", "notes", "--until", "10.12.2026"]) == 0
    assert run([*args, "consent", "nilsen", "--purpose", "goals", "--until", "31.12.2027"]) == 0
    capsys.readouterr()
    assert run([*args, "today"]) == 0
    out = capsys.readouterr().out
    assert "Consents ending soon" in out
    assert "Kari Nordmann  notes from contacts → the responsibility group  10.12.2026" in out
    assert "Kari Nilsen" not in out.split("Consents ending soon")[1].split("\n\n")[0]


def test_hostile_text_in_a_consent_is_printed_as_text(db: str, capsys: Capture) -> None:
    args = ["--db", db, "--lang", "en", "consent", "nordmann"]
    hostile = "NAV [bold]x\x1b[2J\u202e"
    assert run([*args, "--purpose", "plan", "--to", hostile, "--note", "[red]y\x07"]) == 0
    assert run(args) == 0
    out = capsys.readouterr().out
    assert "→ NAV [bold]x · " in out and "[red]y" in out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
