"""Rows that name an erased person without being linked to them: calls owed to a free name with
their name or number (any format), round notes, other people's notes and call reasons. They are
in the plan, erased with the person (calls deleted, name and number taken out of the texts), or
kept when asked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tp_tui.cli import run
from tp_tui.clock import FrozenClock
from tp_tui.db import write
from tp_tui.models import Callback, Contact, MeetingPlace, Participant, RoundVisit, db
from tp_tui.services.erasure import erase, plan_erasure
from tp_tui.services.erasure_matches import REDACTED, PersonMarks, redact

NAME = "Kari Nordmann"


def _free_call(name: str, phone: str | None, reason: str, clock: FrozenClock) -> int:
    now = clock.now()
    call = Callback.create(participant=None, caller_name=name, caller_phone=phone, reason=reason,
                           received_at=now, due_at=now, created_at=now, updated_at=now)  # fmt: skip
    return int(call.id)


@pytest.fixture
def named(demo_db: Path, clock: FrozenClock) -> dict[str, int]:
    """Kari (phone set to 912 34 567) named in rows that are not hers."""
    kari = Participant.get(Participant.name == NAME)
    stian = Participant.get(Participant.name == "Stian Eggen")
    now = clock.now()
    with write():
        Participant.update(phone="+4791234567").where(Participant.id == kari.id).execute()
        ids = {
            "kari": kari.id,
            "by_name": _free_call("kari  nordmann", None, "Vil bytte time", clock),
            "by_phone": _free_call("Ukjent", "0047 912-34-567", "Ringte fra ny telefon", clock),
            "stranger": _free_call("Per Hansen", "+4798765432", "Om en venn", clock),
        }
        place = MeetingPlace.select().first() or MeetingPlace.create(name="Huset", threshold="low")
        ids["round"] = RoundVisit.create(place=place, visited_on=date(2026, 11, 20), created_at=now,
                                         note="Traff Kari Nordmann, tlf 91 23 45 67. Kaffe.").id
        note = "Snakket om KARI NORDMANN og husleie"
        ids["contact"] = Contact.create(participant=stian, at=now, kind="phone", created_at=now,
                                        updated_at=now, note=note).id
    return ids  # fmt: skip


def test_redacting_takes_the_name_and_any_form_of_the_number() -> None:
    marks = PersonMarks(NAME, "+4791234567")
    for written in ("912 34 567", "91234567", "+47 912 34 567", "0047-91234567", "91.23.45.67"):
        assert redact(f"Ring {written} i dag", marks) == f"Ring {REDACTED} i dag", written
    assert redact("kari   nordmann kom", marks) == f"{REDACTED} kom"
    assert redact("Ring 22 33 44 55 og Kari", marks) == "Ring 22 33 44 55 og Kari"  # not hers


@pytest.mark.engines
def test_the_plan_shows_them_and_erasure_takes_them(
    demo_db: Path, named: dict[str, int], clock: FrozenClock, engine: str
) -> None:
    plan = plan_erasure(named["kari"])
    assert plan.unlinked["free_calls"] == 2
    assert plan.unlinked["round_notes"] == 1 and plan.unlinked["contact_notes"] == 1
    erase(named["kari"], NAME, clock)
    assert Callback.get_or_none(Callback.id == named["by_name"]) is None
    assert Callback.get_or_none(Callback.id == named["by_phone"]) is None
    assert Callback.get_by_id(named["stranger"]).caller_name == "Per Hansen"
    assert RoundVisit.get_by_id(named["round"]).note == f"Traff {REDACTED}, tlf {REDACTED}. Kaffe."
    assert Contact.get_by_id(named["contact"]).note == f"Snakket om {REDACTED} og husleie"
    if engine != "sqlite":
        return  # the index and the file below are SQLite's (a server's tables are rewritten)
    found = db.execute_sql(
        "SELECT count(*) FROM search_index WHERE search_index MATCH ?", ('"nordmann"',)
    ).fetchone()[0]
    assert found == 0
    data = demo_db.read_bytes()
    for word in (b"Nordmann", b"NORDMANN", b"nordmann", b"912-34-567", b"91 23 45 67"):
        assert word not in data, word
    assert b"husleie" in data and b"Per Hansen" in data


@pytest.mark.engines
def test_kept_when_asked(named: dict[str, int], clock: FrozenClock) -> None:
    erase(named["kari"], NAME, clock, keep_unlinked=True)
    assert Callback.get_by_id(named["by_name"]).caller_name == "kari  nordmann"
    assert "Kari Nordmann" in RoundVisit.get_by_id(named["round"]).note


def test_tp_erase_lists_them_and_says_how_to_keep_them(
    named: dict[str, int], demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db.close()
    assert run(["--db", str(demo_db), "--lang", "en", "erase", NAME, "--yes"]) == 0
    out = capsys.readouterr().out
    assert "calls owed to a free name with their name or number: 2" in out
    assert "round notes: 1" in out and "--keep-unlinked" in out
    db.connect(reuse_if_open=True)
    assert Callback.get_or_none(Callback.id == named["by_phone"]) is None


def test_tp_erase_keep_unlinked_says_they_stay(
    named: dict[str, int], demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db.close()
    command = ["--db", str(demo_db), "--lang", "en", "erase", NAME, "--yes", "--keep-unlinked"]
    assert run(command) == 0
    assert "KEPT as they are" in capsys.readouterr().out
    db.connect(reuse_if_open=True)
    assert Callback.get_or_none(Callback.id == named["by_phone"]) is not None
