"""Participants through the service layer: validation, saving, history, search, order."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tp_tui.clock import FrozenClock
from tp_tui.domain import Stage
from tp_tui.models import Participant, Revision, StageRecord
from tp_tui.services.participants import (
    ChangedElsewhere,
    ParticipantInput,
    add_participant,
    list_participants,
    set_archived,
    update_participant,
)
from tp_tui.services.validation import ValidationFailed


def add(clock: FrozenClock, name: str, phone: str = "", intake: str = "") -> Participant:
    return add_participant(ParticipantInput(name=name, phone=phone, intake=intake), clock)


def test_add_normalises_phone_and_reads_norwegian_dates(db_path: Path, clock: FrozenClock) -> None:
    kari = add(clock, "  Kari Nordmann ", "+47 912 34 567", "25.11")
    assert kari.name == "Kari Nordmann"
    assert kari.phone == "+4791234567"
    assert kari.intake_on == date(2026, 11, 25)
    record = StageRecord.get(StageRecord.participant == kari)
    assert (record.stage, record.entered_on) == (Stage.ESTABLISH, date(2026, 11, 25))


@pytest.mark.parametrize(
    ("name", "phone", "intake", "errors"),
    [
        ("", "", "", {"name": "participant.error.name_required"}),
        ("   ", "", "", {"name": "participant.error.name_required"}),
        ("Ola", "91a34567", "", {"phone": "phone.error.characters"}),
        ("Ola", "912 34", "", {"phone": "phone.error.length"}),
        ("Ola", "", "31.02.2026", {"intake": "date.error.no_such_date"}),
        ("Ola", "", "i forrige uke", {"intake": "date.error.unknown"}),
        (
            "",
            "abc",
            "32.13",
            {
                "name": "participant.error.name_required",
                "phone": "phone.error.characters",
                "intake": "date.error.no_such_date",
            },
        ),
    ],
)
def test_bad_input_is_refused_field_by_field(
    db_path: Path, clock: FrozenClock, name: str, phone: str, intake: str, errors: dict[str, str]
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        add(clock, name, phone, intake)
    assert {field: error.key for field, error in caught.value.errors.items()} == errors
    assert Participant.select().count() == 0


def test_hostile_name_keeps_its_words_and_loses_its_escape_codes(
    db_path: Path, clock: FrozenClock
) -> None:
    # Markup is only text and stays; a terminal control is never stored (issue 15.4).
    name = "[bold red]Kari[/] \x1b[2J"
    assert Participant.get_by_id(add(clock, name).id).name == "[bold red]Kari[/]"


def test_edit_keeps_the_earlier_state_and_refuses_stale_saves(
    db_path: Path, clock: FrozenClock
) -> None:
    kari = add(clock, "Kari Nordmann", "91234567")
    update_participant(
        kari.id,
        ParticipantInput(name="Kari N. Nordmann", phone="91234567"),
        clock,
        expected_version=1,
    )
    revision = Revision.select().where(Revision.action == "update").get()
    assert json.loads(revision.data)["name"] == "Kari Nordmann"
    with pytest.raises(ChangedElsewhere):
        update_participant(
            kari.id, ParticipantInput(name="Someone else"), clock, expected_version=1
        )
    assert Participant.get_by_id(kari.id).name == "Kari N. Nordmann"


def test_search_by_name_part_initials_phone_and_nordic_letters(
    db_path: Path, clock: FrozenClock
) -> None:
    add(clock, "Kari Nordmann", "912 34 567")
    add(clock, "Øyvind Åsheim", "41 00 00 01")
    add(clock, "Per-Olav Strand")

    def names(query: str) -> list[str]:
        return [row.name for row in list_participants(query)]

    assert names("kar") == ["Kari Nordmann"]
    assert names("øy") == ["Øyvind Åsheim"]
    assert names("ÅSH") == ["Øyvind Åsheim"]
    assert names("kn") == ["Kari Nordmann"]
    assert names("pos") == ["Per-Olav Strand"]
    assert names("912 34") == ["Kari Nordmann"]
    assert names("41000001") == ["Øyvind Åsheim"]
    assert names("kari strand") == []
    assert names("%") == []
    assert names("") == ["Kari Nordmann", "Per-Olav Strand", "Øyvind Åsheim"]


def test_archived_are_hidden_but_kept(db_path: Path, clock: FrozenClock) -> None:
    kari = add(clock, "Kari Nordmann")
    set_archived(kari.id, True, clock)
    assert list_participants() == []
    rows = list_participants(include_archived=True)
    assert [(row.name, row.archived) for row in rows] == [("Kari Nordmann", True)]
    set_archived(kari.id, False, clock)
    assert [row.name for row in list_participants()] == ["Kari Nordmann"]


def test_first_contact_comes_before_cooperation(db_path: Path, clock: FrozenClock) -> None:
    kari = add_participant(
        ParticipantInput(name="Kari", intake="20.11", first_contact="02.11"), clock
    )
    assert (kari.first_contact_on, kari.intake_on) == (date(2026, 11, 2), date(2026, 11, 20))
    with pytest.raises(ValidationFailed) as caught:
        add_participant(ParticipantInput(name="Ola", intake="02.11", first_contact="20.11"), clock)
    assert caught.value.errors["first_contact"].key == "participant.error.first_after_intake"


def test_a_guest_who_joins_gives_up_the_nickname(db_path: Path, clock: FrozenClock) -> None:
    guest = add_participant(ParticipantInput(name="Rød jakke", status="prospective"), clock)
    Participant.update(name_is_nickname=True).where(Participant.id == guest.id).execute()
    update_participant(guest.id, ParticipantInput(name="Jonas Berg", status="active"), clock)
    joined = Participant.get_by_id(guest.id)
    assert (joined.name, joined.name_is_nickname) == ("Jonas Berg", False)
