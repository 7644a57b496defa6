"""``tp log`` and ``tp today``, as a trust person types them at the end of the day."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from tests.unit.cli_db import stored
from tp_tui.cli import run
from tp_tui.clock import OSLO
from tp_tui.domain import LifeArea, mask_to_areas
from tp_tui.models import Callback, Contact, Participant

Capture = pytest.CaptureFixture[str]


@pytest.fixture(autouse=True)
def thursday_afternoon(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TP_TUI_NOW", "2026-11-26T15:00")


@pytest.fixture
def db(tmp_path: Path, capsys: Capture) -> str:
    """A database with Kari and Ola Nordmann and Per Hansen."""
    path = str(tmp_path / "tp.db")
    for name, phone in (("Kari Nordmann", "91234567"), ("Ola Nordmann", "41234567")):
        assert run(["--db", path, "participants", "add", name, "--phone", phone]) == 0
    assert run(["--db", path, "participants", "add", "Per Hansen"]) == 0
    capsys.readouterr()
    return path


def section(out: str, heading: str) -> list[str]:
    """The lines under a heading in ``tp today``, with runs of spaces made single."""
    lines = out.splitlines()
    start = lines.index(heading) + 1
    end = lines.index("", start) if "" in lines[start:] else len(lines)
    return [" ".join(line.split()) for line in lines[start:end]]


def contact_count(path: str) -> int:
    with stored(path):
        return int(Contact.select().count())


def test_log_by_part_of_a_name_and_by_initials_then_today_shows_it(
    db: str, capsys: Capture
) -> None:
    note = ["--note", "Ringte om husleia"]
    assert run(["--db", db, "log", "Kari N", "--kind", "phone", "--area", "housing", *note]) == 0
    assert (
        capsys.readouterr().out == "Logged phone with Kari Nordmann, Thursday 26.11.2026 15:00.\n"
    )
    assert run(["log", "ph", "--when", "i dag 09:30", "--note", "Kaffe\npå Huset", "--db", db]) == 0
    out = capsys.readouterr().out
    assert out == "Logged conversation with Per Hansen, Thursday 26.11.2026 09:30.\n"

    assert run(["--db", db, "today"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Thursday 26.11.2026 · week 48"
    assert section(out, "Contacts logged today") == [
        "Time Who Kind Note",
        "09:30 Per Hansen conversation Kaffe på Huset",
        "15:00 Kari Nordmann phone Ringte om husleia",
    ]
    assert section(out, "Not heard from in 14 days or more") == [
        "Who Phone Last contact Days",
        "Ola Nordmann 412 34 567 – never",
    ]
    with stored(db):
        contact = Contact.get(Contact.note == "Ringte om husleia")
        assert mask_to_areas(contact.life_areas) == [LifeArea.HOUSING]
        assert contact.arena == "phone"


def test_norwegian_labels_as_codes_and_norwegian_output(db: str, capsys: Capture) -> None:
    args = ["--kind", "telefon", "--area", "bolig,Inntekt", "--area", "arbeid"]
    assert run(["--lang", "nb", "--db", db, "log", "kn", *args, "--when", "i går 14"]) == 0
    assert capsys.readouterr().out == "Logget telefon med Kari Nordmann, onsdag 25.11.2026 14:00.\n"
    with stored(db):
        contact = Contact.get()
        assert contact.kind == "phone"
        assert mask_to_areas(contact.life_areas) == [
            LifeArea.HOUSING,
            LifeArea.WORK,
            LifeArea.INCOME,
        ]
    assert run(["--db", db, "today", "--lang", "nb"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "torsdag 26.11.2026 · uke 48"
    assert section(out, "Kontakter logget i dag") == ["Ingen kontakter logget ennå i dag."]
    assert section(out, "Tilbakeringinger i dag og forfalte") == ["Ingen å ringe tilbake i dag."]


def test_a_destination_means_an_accompaniment(db: str, capsys: Capture) -> None:
    assert run(["--db", db, "log", "Per", "--to", "namsmannen", "--minutes", "1,5 t"]) == 0
    assert "Logged accompaniment with Per Hansen" in capsys.readouterr().out
    with stored(db):
        contact = Contact.get()
        assert (contact.destination, contact.duration_minutes) == ("bailiff", 90)
    assert run(["--db", db, "log", "Per", "--kind", "phone", "--to", "nav"]) == 2
    err = capsys.readouterr().err
    assert err == "--to is only for an accompaniment (--kind accompaniment).\n"
    assert contact_count(db) == 1


def test_a_tie_is_never_guessed(db: str, capsys: Capture) -> None:
    assert run(["--db", db, "log", "Nordmann", "--note", "Hvem?"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "Several participants match «Nordmann». Type more of the name, or part of the phone "
        "number:",
        "  Kari Nordmann  912 34 567",
        "  Ola Nordmann   412 34 567",
    ]
    assert contact_count(db) == 0
    assert run(["--db", db, "log", "Nordmann 412"]) == 0  # part of the phone settles it
    assert "with Ola Nordmann" in capsys.readouterr().out


def test_unknown_name_and_unknown_codes(db: str, capsys: Capture) -> None:
    assert run(["--db", db, "log", "Trine"]) == 2
    assert capsys.readouterr().err == "No participant matches «Trine».\n"
    assert run(["--db", db, "log", "Kari", "--kind", "kaffe", "--area", "bolig,hus"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "Unknown value for --kind: «kaffe». Use one of: conversation, phone, sms, home_visit, "
        "accompaniment, group_meeting, meeting_place.",
        "Unknown value for --area: «hus». Use one of: housing, work, leisure, network, income, "
        "health, safety, substance_use.",
    ]
    assert contact_count(db) == 0


def test_a_date_that_does_not_exist_or_has_not_happened(db: str, capsys: Capture) -> None:
    assert run(["--db", db, "log", "Kari", "--when", "31.02"]) == 2
    captured = capsys.readouterr()
    assert captured.err == "When: There is no such date: 31.02.\n"
    assert captured.out == ""
    assert run(["--db", db, "log", "Kari", "--when", "i morgen 10"]) == 2
    assert capsys.readouterr().err.startswith("When: ")
    assert contact_count(db) == 0


def test_hostile_text_is_stored_without_its_controls_and_printed_harmless(
    db: str, tmp_path: Path, capsys: Capture
) -> None:
    note = "\x1b[2J[bold]Husleie[/bold] :warning: \x1b]0;tittel\x07\u202eok"
    assert run(["--db", db, "participants", "add", "Eva\x1b[31m Lie"]) == 0
    assert run(["--db", db, "log", "Eva", "--note", note]) == 0
    assert run(["--db", db, "today"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "Logged conversation with Eva Lie, Thursday 26.11.2026 15:00." in out
    assert "15:00 Eva Lie conversation [bold]Husleie[/bold] :warning: ok" in section(
        out, "Contacts logged today"
    )
    with stored(db):  # the words as typed; the terminal controls never stored
        assert Contact.get().note == "[bold]Husleie[/bold] :warning: ok"


def test_today_on_an_empty_database(tmp_path: Path, capsys: Capture) -> None:
    assert run(["--db", str(tmp_path / "tp.db"), "today"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Thursday 26.11.2026 · week 48"
    assert section(out, "Callbacks due today and overdue") == ["No calls owed today."]
    assert section(out, "Contacts logged today") == ["No contacts logged yet today."]
    assert section(out, "Not heard from in 14 days or more") == [
        "Everyone has been heard from recently."
    ]
    rounds = section(out, "This week's meeting-place rounds")
    assert rounds[0] == "Place Planned Status"
    assert "Kafé 103 26.11.2026 MISSING" in rounds  # 11:00 and an hour have passed


def test_callbacks_due_and_overdue(db: str, capsys: Capture) -> None:
    now = datetime(2026, 11, 26, 15, 0, tzinfo=OSLO)
    with stored(db):
        kari = Participant.get(Participant.name == "Kari Nordmann")
        for due, reason in ((datetime(2026, 11, 25, 14, 0), "Husleia"), (now, "Time hos NAV")):
            Callback.create(
                participant=kari,
                reason=reason,
                received_at=now,
                due_at=due.replace(tzinfo=OSLO),
                created_at=now,
                updated_at=now,
            )
    assert run(["--db", db, "--lang", "nb", "today"]) == 0
    assert section(capsys.readouterr().out, "Tilbakeringinger i dag og forfalte") == [
        "Nr. Frist Hvem Telefon Hva gjelder det",  # the number is what `tp callbacks done` takes
        "1 FORFALT 25.11.2026 14:00 Kari Nordmann 912 34 567 Husleia",
        "2 15:00 Kari Nordmann 912 34 567 Time hos NAV",
    ]


def test_a_reader_that_stops_early_gets_no_traceback(db: str, tmp_path: Path) -> None:
    """``tp today | head -1``: the pipe closes before tp has written; tp ends quietly."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line
    try:
        finished = subprocess.run(
            [sys.executable, "-m", "tp_tui", "--db", db, "--lang", "en", "today"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "TP_TUI_NOW": "2026-11-26T15:00"},
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert "Traceback" not in finished.stderr
    assert finished.returncode == 0
