"""Mine or the team's on the command line and the printed sheet: a trust person on a shared
database prints the calls they owe; ``--team`` prints everyone's."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from tp_tui.cli import run
from tp_tui.clock import OSLO, FrozenClock
from tp_tui.db import close_database, open_database
from tp_tui.export.callback_list import render_text
from tp_tui.models import Callback, TrustPerson
from tp_tui.services.callback_list import callback_week
from tp_tui.services.callbacks import CallbackInput, callback_section, register_callback
from tp_tui.services.handover import hand_over_callback
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.services.team import my_id
from tp_tui.settings import Settings

NOW = datetime(2026, 11, 26, 15, 0, tzinfo=OSLO)  # a Thursday, week 48

Capture = pytest.CaptureFixture[str]


@pytest.fixture(autouse=True)
def kari(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TP_TUI_USER", "kari.tp")
    monkeypatch.setenv("TP_TUI_NOW", "2026-11-26T15:00")


def eva() -> TrustPerson:
    return TrustPerson.create(name="Eva Solheim", initials="ES", login="eva", created_at=NOW)


def two_trust_persons() -> None:
    """Kari owes "Kari ringer"; Eva owes "Eva ringer" and the call Kari handed her."""
    clock = FrozenClock(NOW)
    ola = add_participant(ParticipantInput(name="Ola Nordmann"), clock)
    register_callback(CallbackInput(ola.id, "Kari ringer"), clock, Settings())
    handed = register_callback(CallbackInput(ola.id, "Gitt til Eva"), clock, Settings())
    colleague = eva()
    Callback.create(
        participant=ola, reason="Eva ringer", received_at=NOW, due_at=NOW,
        logged_by=colleague, created_at=NOW, updated_at=NOW,
    )  # fmt: skip
    hand_over_callback(handed.id, colleague.id, clock)


def reasons(lines: object) -> list[str]:
    return sorted(line.reason for line in lines)  # type: ignore[attr-defined]


def test_callback_sections_show_the_calls_i_owe(db_path: Path) -> None:
    two_trust_persons()
    me = my_id()
    assert me is not None
    assert reasons(callback_section("today", NOW, mine=me)) == ["Kari ringer"]
    assert reasons(callback_section("today", NOW)) == ["Eva ringer", "Gitt til Eva", "Kari ringer"]
    eva_id = TrustPerson.get(TrustPerson.login == "eva").id
    assert reasons(callback_section("today", NOW, mine=eva_id)) == ["Eva ringer", "Gitt til Eva"]


def test_the_printed_sheet_says_whose_calls_it_holds(db_path: Path) -> None:
    two_trust_persons()
    me = my_id()
    sheet = callback_week(2026, 48, NOW, mine=me)
    text = render_text(sheet)
    assert "Kari ringer" in text
    assert "Eva ringer" not in text and "Gitt til Eva" not in text
    assert "kari.tp" in text.splitlines()[2]  # the generated line names whose calls
    everyone = render_text(callback_week(2026, 48, NOW))
    assert "Eva ringer" in everyone and "kari.tp" not in everyone


@pytest.fixture
def shared_file(tmp_path: Path) -> str:
    path = tmp_path / "team.db"
    open_database(path)
    try:
        two_trust_persons()
    finally:
        close_database()
    return str(path)


def test_tp_today_shows_mine_and_the_team_on_request(shared_file: str, capsys: Capture) -> None:
    assert run(["--db", shared_file, "--lang", "en", "today"]) == 0
    mine = capsys.readouterr().out
    assert "Kari ringer" in mine and "Eva ringer" not in mine
    assert mine.splitlines()[0].endswith("· kari.tp")
    assert run(["--db", shared_file, "--lang", "en", "today", "--team"]) == 0
    team = capsys.readouterr().out
    assert "Kari ringer" in team and "Eva ringer" in team and "Gitt til Eva" in team
    assert team.splitlines()[0].endswith("· Team's")


def test_tp_callbacks_prints_mine_unless_team(shared_file: str, capsys: Capture) -> None:
    assert run(["--db", shared_file, "--lang", "en", "callbacks", "--week"]) == 0
    mine = capsys.readouterr().out
    assert "Kari ringer" in mine and "Eva ringer" not in mine
    assert "calls owed by kari.tp" in mine
    assert run(["--db", shared_file, "--lang", "en", "callbacks", "--week", "--team"]) == 0
    team = capsys.readouterr().out
    assert "Eva ringer" in team and "Gitt til Eva" in team and "owed by" not in team


def test_a_file_of_one_trust_person_prints_as_before(tmp_path: Path, capsys: Capture) -> None:
    path = str(tmp_path / "alone.db")
    open_database(Path(path))
    try:
        clock = FrozenClock(NOW)
        ola = add_participant(ParticipantInput(name="Ola Nordmann"), clock)
        register_callback(CallbackInput(ola.id, "Ring"), clock, Settings())
    finally:
        close_database()
    assert run(["--db", path, "--lang", "en", "today"]) == 0
    out = capsys.readouterr().out
    assert "Ring" in out and out.splitlines()[0].endswith("week 48")
    assert run(["--db", path, "--lang", "en", "callbacks", "--week"]) == 0
    assert "owed by" not in capsys.readouterr().out
