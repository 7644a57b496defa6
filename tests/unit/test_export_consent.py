"""``tp export summary`` obeys the consent register on the day it is made: notes go out only
under a notes consent, a purpose withdrawn or expired is left out, and the file says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from tp_tui.cli import run

Capture = pytest.CaptureFixture[str]


@pytest.fixture
def db(tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("TP_TUI_NOW", "2026-11-26T15:00")
    path = str(tmp_path / "tp.db")
    base = ["--db", path, "--lang", "en"]
    assert run([*base, "participants", "add", "Kari Nordmann"]) == 0
    assert (
        run([*base, "log", "kari", "--when", "i dag 10:00", "--note", "Tilbakefall i helga"]) == 0
    )
    for purpose in ("contacts", "goals"):
        assert run([*base, "consent", "kari", "--purpose", purpose, "--given", "01.11.2026"]) == 0
    capsys.readouterr()
    return path


def export(db: str, *extra: str) -> list[str]:
    return ["--db", db, "--lang", "en", "export", "summary", "Kari Nordmann", *extra]


def test_notes_stay_out_without_a_notes_consent_and_both_say_so(db: str, capsys: Capture) -> None:
    assert run(export(db, "--include-notes")) == 0
    out, err = capsys.readouterr()
    assert "Tilbakefall" not in out
    assert "Notes from the contacts: not agreed to share." in out
    assert "Notes from the contacts are left out" in err


def test_notes_go_out_under_a_notes_consent_until_it_is_withdrawn(db: str, capsys: Capture) -> None:
    consent = ["--db", db, "consent", "kari", "--purpose", "notes"]
    assert run([*consent, "--given", "20.11.2026"]) == 0
    capsys.readouterr()
    assert run(export(db, "--include-notes")) == 0
    out, err = capsys.readouterr()
    assert "Tilbakefall i helga" in out and "included because they were asked for" in out
    assert err == ""
    assert run([*consent, "--withdraw"]) == 0
    capsys.readouterr()
    assert run(export(db, "--include-notes")) == 0
    out, _ = capsys.readouterr()
    assert "Tilbakefall" not in out
    assert "Notes from the contacts: agreement withdrawn 26.11.2026." in out


def test_a_purpose_that_has_expired_is_left_out_from_the_next_day(
    db: str, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(["--db", db, "consent", "kari", "--purpose", "plan", "--until", "30.11.2026"]) == 0
    capsys.readouterr()
    assert run(export(db)) == 0
    assert "individual plan" not in capsys.readouterr().out.split("What is left out")[1]
    monkeypatch.setenv("TP_TUI_NOW", "2026-12-01T09:00")
    assert run(export(db)) == 0
    out = capsys.readouterr().out
    assert "Individual plan: the agreement held until 30.11.2026." in out
