"""Logging contacts, callbacks and undo through the services."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tp_tui.clock import OSLO, FrozenClock
from tp_tui.domain import LifeArea
from tp_tui.models import Callback, Contact, Participant, Revision
from tp_tui.services.callbacks import (
    CallbackInput,
    callbacks_overview,
    complete_callback,
    default_due,
    register_callback,
    reschedule_callback,
    returned_same_day,
)
from tp_tui.services.contacts import (
    ContactInput,
    delete_contact,
    is_after_hours,
    log_contact,
    parse_duration,
    update_contact,
)
from tp_tui.services.participants import ParticipantInput, add_participant, find_participants
from tp_tui.services.undo import undo_last
from tp_tui.services.validation import ValidationFailed
from tp_tui.settings import Settings


@pytest.fixture
def kari(db_path: Path, clock: FrozenClock) -> Participant:
    return add_participant(ParticipantInput(name="Kari Nordmann", phone="91234567"), clock)


def test_log_a_phone_call_today(kari: Participant, clock: FrozenClock) -> None:
    contact = log_contact(
        ContactInput(
            kari.id, "i dag", kind="phone", life_areas=(LifeArea.HOUSING,), note="Husleie"
        ),
        clock,
    )
    stored = Contact.get_by_id(contact.id)
    assert stored.at == clock.now()
    assert (stored.kind, stored.arena, stored.life_areas, stored.note) == (
        "phone",
        "phone",
        LifeArea.HOUSING.bit,
        "Husleie",
    )
    assert not stored.after_hours


@pytest.mark.parametrize(
    ("data", "field", "key"),
    [
        (ContactInput(None, "i dag"), "participant", "contact.error.participant"),
        (ContactInput(999, "i dag"), "participant", "contact.error.participant"),
        (ContactInput(1, "31.02"), "when", "date.error.no_such_date"),
        (ContactInput(1, "i morgen"), "when", "contact.error.future"),
        (
            ContactInput(1, "i dag", kind="accompaniment"),
            "destination",
            "contact.error.destination_needed",
        ),
        (ContactInput(1, "i dag", duration="lenge"), "duration", "contact.error.duration"),
        (ContactInput(1, "i dag", kind="fax"), "kind", "contact.error.kind"),
    ],
)
def test_bad_contacts_are_refused(
    kari: Participant, clock: FrozenClock, data: ContactInput, field: str, key: str
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        log_contact(data, clock)
    assert caught.value.errors[field].key == key
    assert Contact.select().count() == 0


@pytest.mark.parametrize(
    ("typed", "minutes"),
    [
        ("45", 45),
        ("45 min", 45),
        ("1t", 60),
        ("1,5 t", 90),
        ("1:30", 90),
        ("2 timer", 120),
        ("", None),
    ],
)
def test_duration_as_people_write_it(typed: str, minutes: int | None) -> None:
    assert parse_duration(typed) == minutes


def test_after_hours_is_evenings_and_weekends() -> None:
    settings = Settings()
    assert is_after_hours(datetime(2026, 11, 26, 19, 0, tzinfo=OSLO), settings)
    assert is_after_hours(datetime(2026, 11, 28, 11, 0, tzinfo=OSLO), settings)
    assert not is_after_hours(datetime(2026, 11, 26, 11, 0, tzinfo=OSLO), settings)


def test_edit_keeps_history_delete_and_undo(kari: Participant, clock: FrozenClock) -> None:
    contact = log_contact(ContactInput(kari.id, "i dag 09:00", note="Første"), clock)
    update_contact(contact.id, ContactInput(kari.id, "i dag 09:30", note="Rettet"), clock, 1)
    revision = Revision.get((Revision.entity == "contact") & (Revision.action == "update"))
    assert json.loads(revision.data)["note"] == "Første"
    delete_contact(contact.id, clock)
    assert Contact.select().count() == 0
    undone = undo_last(clock)
    assert undone is not None and undone.action == "delete"
    restored = Contact.get_by_id(contact.id)
    assert restored.note == "Rettet"
    assert restored.at == datetime(2026, 11, 26, 9, 30, tzinfo=OSLO)
    assert undo_last(clock) is not None  # then the edit is undone
    assert Contact.get_by_id(contact.id).note == "Første"
    assert undo_last(clock) is not None  # then the logging itself
    assert Contact.select().count() == 0


def test_undo_survives_a_restart(kari: Participant, clock: FrozenClock, db_path: Path) -> None:
    from tp_tui.db import close_database, open_database

    log_contact(ContactInput(kari.id, "i dag", note="Skal angres"), clock)
    close_database()
    open_database(db_path)
    assert undo_last(clock) is not None
    assert Contact.select().count() == 0


def test_callbacks_due_today_by_default(kari: Participant, clock: FrozenClock) -> None:
    settings = Settings()
    callback = register_callback(CallbackInput(kari.id, "Om husleia"), clock, settings)
    assert callback.due_at == datetime(2026, 11, 26, 15, 30, tzinfo=OSLO)
    evening = datetime(2026, 11, 26, 18, 0, tzinfo=OSLO)
    assert default_due(evening, settings) == datetime(2026, 11, 26, 23, 59, tzinfo=OSLO)
    stranger = register_callback(
        CallbackInput(None, "Bekymret", "fre 10", "Mor til Jonas", "+47 900 11 223"),
        clock,
        settings,
    )
    assert (stranger.caller_phone, stranger.due_at) == (
        "+4790011223",
        datetime(2026, 11, 27, 10, 0, tzinfo=OSLO),
    )
    with pytest.raises(ValidationFailed) as caught:
        register_callback(CallbackInput(None, "x", caller_phone="abc"), clock, settings)
    assert set(caught.value.errors) == {"caller_name", "caller_phone"}


def test_overview_done_and_rescheduled(kari: Participant, clock: FrozenClock) -> None:
    settings = Settings()
    now = clock.now()
    owed = register_callback(CallbackInput(kari.id, "I dag"), clock, settings)
    old = Callback.create(
        participant=kari,
        reason="Fra i går",
        received_at=now - timedelta(days=1),
        due_at=now - timedelta(hours=20),
        created_at=now,
        updated_at=now,
    )
    later = register_callback(CallbackInput(kari.id, "Lørdag", "lør 12"), clock, settings)
    overview = callbacks_overview(now)
    assert [c.id for c in overview.overdue] == [old.id]
    assert [c.id for c in overview.today] == [owed.id]
    assert [c.id for c in overview.later_this_week] == [later.id]
    complete_callback(owed.id, "reached", clock)
    new = reschedule_callback(old.id, "i morgen 10", clock, settings)
    overview = callbacks_overview(now)
    assert {c.id for c in overview.done_today} == {owed.id, old.id}
    assert Callback.get_by_id(old.id).outcome == "no_answer"
    assert new.rescheduled_from == old
    assert returned_same_day(owed.received_at, now)
    assert not returned_same_day(old.received_at, now)


def test_picker_finds_by_part_of_name_and_initials(db_path: Path, clock: FrozenClock) -> None:
    for name in ("Kari Nordmann", "Karin Berg", "Ola Nordmann", "Øyvind Åsheim"):
        add_participant(ParticipantInput(name=name), clock)
    assert [m.name for m in find_participants("kn")][:1] == ["Kari Nordmann"]
    assert [m.name for m in find_participants("kari")] == ["Kari Nordmann", "Karin Berg"]
    assert [m.name for m in find_participants("nord")] == ["Kari Nordmann", "Ola Nordmann"]
    assert [m.name for m in find_participants("øy")] == ["Øyvind Åsheim"]
    assert [m.name for m in find_participants("krnd")] == ["Kari Nordmann"]
    assert find_participants("") == []
