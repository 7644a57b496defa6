"""The end of day, driven with the keyboard: log contacts, return calls, undo, close the day."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static, TextArea

from tp_tui.app import TpApp
from tp_tui.clock import OSLO, FrozenClock
from tp_tui.domain import LifeArea
from tp_tui.models import Callback, Contact, Participant
from tp_tui.services.callbacks import CallbackInput, register_callback
from tp_tui.services.contacts import ContactInput, log_contact
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.settings import Settings
from tp_tui.views.callbacks import CallbacksScreen
from tp_tui.views.contact_form import ContactFormScreen
from tp_tui.views.participant_detail import ParticipantDetailScreen

from .helpers import column, notifications, palette, type_text


@pytest.fixture
def people(db_path: Path, clock: FrozenClock) -> dict[str, Participant]:
    return {
        name.split()[0].lower(): add_participant(ParticipantInput(name=name, phone=phone), clock)
        for name, phone in (("Kari Nordmann", "91234567"), ("Ola Hansen", "41234567"))
    }


async def test_a_phone_call_in_at_most_ten_keys(
    people: dict[str, Participant], clock: FrozenClock
) -> None:
    """Phone call to a known participant, today, one life area, a one-word note."""
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        keys = ["ctrl+l", "enter", "enter", "p", "1", "tab", "ctrl+s"]
        await pilot.press(keys[0])
        await type_text(pilot, "kari")  # the name search: letters do not count
        await pilot.press(*keys[1:6])
        await type_text(pilot, "Husleie")  # the note: letters do not count
        await pilot.press(keys[6])
        await pilot.pause()
        assert len(keys) <= 10
        contact = Contact.get()
        assert contact.participant_id == people["kari"].id
        assert (contact.kind, contact.arena, contact.note) == ("phone", "phone", "Husleie")
        assert contact.life_areas == LifeArea.HOUSING.bit
        assert contact.at == clock.now()
        assert not isinstance(app.screen, ContactFormScreen)
        # It shows on Today at once.
        assert "Kari Nordmann" in column(app.screen.query_one("#contacts", DataTable), 1)


async def test_save_and_log_another_keeps_person_and_date(
    people: dict[str, Participant], clock: FrozenClock
) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("ctrl+l")
        await type_text(pilot, "oh")
        await pilot.press("enter")  # entering the date field selects it: typing replaces
        await type_text(pilot, "i går 14")
        await pilot.press("enter", "s", "ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, ContactFormScreen)
        await pilot.press("enter", "h", "ctrl+s")
        await pilot.pause()
        contacts = list(Contact.select().order_by(Contact.id))
        assert [(c.participant_id, c.kind) for c in contacts] == [
            (people["ola"].id, "sms"),
            (people["ola"].id, "home_visit"),
        ]
        yesterday = datetime(2026, 11, 25, 14, 0, tzinfo=OSLO)
        assert [c.at for c in contacts] == [yesterday, yesterday]


async def test_bad_input_is_explained_and_kept(
    people: dict[str, Participant], clock: FrozenClock
) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("ctrl+l")
        await type_text(pilot, "zzz")
        await pilot.pause()
        assert "No participant matches" in str(app.screen.query_one("#picked", Static).render())
        await pilot.press("tab")
        await type_text(pilot, "31.02")
        await pilot.pause()
        assert "no such date" in str(app.screen.query_one("#when-message", Static).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ContactFormScreen)
        assert "Choose who" in str(app.screen.query_one("#participant-message", Static).render())
        assert Contact.select().count() == 0


async def test_logging_a_contact_offers_to_close_the_call_owed(
    people: dict[str, Participant], clock: FrozenClock
) -> None:
    owed = register_callback(CallbackInput(people["kari"].id, "Om husleia"), clock, Settings())
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        app.open_participant(people["kari"].id)
        await pilot.pause()
        await pilot.press("l")  # from the participant's page: the person is filled in
        await pilot.pause()
        await pilot.press("enter", "p", "ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        callback = Callback.get_by_id(owed.id)
        assert callback.done_at == clock.now() and callback.outcome == "reached"
        assert callback.contact_id == Contact.get().id
        assert isinstance(app.screen, ParticipantDetailScreen)


async def test_return_calls_from_the_callbacks_screen(
    people: dict[str, Participant], clock: FrozenClock
) -> None:
    settings = Settings()
    now = clock.now()
    late = Callback.create(
        participant=people["ola"],
        reason="Fra i går",
        received_at=now - timedelta(days=1),
        due_at=now - timedelta(hours=20),
        created_at=now,
        updated_at=now,
    )
    today = register_callback(CallbackInput(people["kari"].id, "Husleia"), clock, settings)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("f4")
        assert isinstance(app.screen, CallbacksScreen)
        assert column(app.screen.query_one("#cb-overdue", DataTable), 1) == ["Ola Hansen"]
        app.screen.query_one("#cb-overdue", DataTable).focus()
        await pilot.press("enter")  # returned: how did it go?
        await pilot.pause()
        await pilot.press("n")  # no answer -> try again when? (tomorrow)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert Callback.get_by_id(late.id).outcome == "no_answer"
        retry = Callback.get(Callback.rescheduled_from == late.id)
        assert retry.due_at.date() == clock.today() + timedelta(days=1)
        app.screen.query_one("#cb-today", DataTable).focus()
        await pilot.press("enter", "r")  # reached -> the contact form, filled in
        await pilot.pause()
        assert isinstance(app.screen, ContactFormScreen)
        # Everything but the note is filled in: what is typed next is the note, not the time.
        await type_text(pilot, "Snakket om husleia")
        await pilot.press("ctrl+s")
        await pilot.pause()
        done = Callback.get_by_id(today.id)
        contact = Contact.get()
        assert (done.outcome, done.contact_id) == ("reached", contact.id)
        assert (contact.kind, contact.participant_id) == ("phone", people["kari"].id)
        assert (contact.note, contact.at) == ("Snakket om husleia", clock.now())
        returned = column(app.screen.query_one("#cb-done", DataTable), 1)
        assert sorted(returned) == ["Kari Nordmann", "Ola Hansen"]


async def test_a_call_owed_to_someone_not_in_the_programme(
    db_path: Path, clock: FrozenClock
) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("ctrl+r")
        await type_text(pilot, "Mor til Jonas")
        await pilot.press("tab")
        await type_text(pilot, "900 11 223")
        await pilot.press("tab")
        await type_text(pilot, "Bekymret")
        await pilot.press("ctrl+s")
        await pilot.pause()
        callback = Callback.get()
        assert (callback.participant_id, callback.caller_name, callback.caller_phone) == (
            None,
            "Mor til Jonas",
            "+4790011223",
        )
        assert callback.due_at == datetime(2026, 11, 26, 15, 30, tzinfo=OSLO)
        assert "Mor til Jonas" in column(app.screen.query_one("#callbacks", DataTable), 1)


async def test_delete_and_undo_also_after_a_restart(
    people: dict[str, Participant], clock: FrozenClock, db_path: Path
) -> None:
    log_contact(ContactInput(people["kari"].id, "i dag 09:00", note="Kaffe"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        app.open_participant(people["kari"].id)
        await pilot.pause()
        app.screen.query_one("#detail-contacts", DataTable).focus()
        await pilot.press("x")
        await pilot.pause()
        assert Contact.select().count() == 0
        assert column(app.screen.query_one("#detail-contacts", DataTable), 4) == [""]
        # No question (it is quick), but it says what went and how to get it back.
        told = "Deleted the contact (conversation, 26.11.2026 09:00). ctrl+z brings it back."
        assert told in notifications(app)
    from tp_tui.db import close_database, open_database

    close_database()
    open_database(db_path)
    again = TpApp(clock=clock)
    async with again.run_test(size=(100, 34)) as pilot:
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert Contact.get().note == "Kaffe"


async def test_edit_a_contact_from_the_history(
    people: dict[str, Participant], clock: FrozenClock
) -> None:
    log_contact(ContactInput(people["kari"].id, "i dag 09:00", note="Kafe"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        app.open_participant(people["kari"].id)
        await pilot.pause()
        app.screen.query_one("#detail-contacts", DataTable).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactFormScreen)
        await type_text(pilot, " og tur")  # the cursor starts at the end of the note
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert Contact.get().note == "Kafe og tur"
        assert "Kafe og tur" in column(app.screen.query_one("#detail-contacts", DataTable), 4)


async def test_close_the_day_lists_what_is_open(
    people: dict[str, Participant], clock: FrozenClock
) -> None:
    register_callback(CallbackInput(people["kari"].id, "Husleia", "i dag 9"), clock, Settings())
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        text = "\n".join(str(w.render()) for w in app.screen.query(Static))
        assert "1 call not returned yet" in text
        assert "Kari Nordmann" in text and "Husleia" in text
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CallbacksScreen)


async def test_pick_the_day_in_a_calendar(
    people: dict[str, Participant], clock: FrozenClock
) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("ctrl+l")
        await type_text(pilot, "kari")
        await pilot.press("enter")
        await type_text(pilot, "14:15")
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("left", "up", "enter")  # a day back, a week back: 18.11
        await pilot.pause()
        assert app.screen.query_one("#when", Input).value == "18.11.2026 14:15"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert Contact.get().at == datetime(2026, 11, 18, 14, 15, tzinfo=OSLO)


async def test_search_notes_and_open_the_contact(
    people: dict[str, Participant], clock: FrozenClock
) -> None:
    log_contact(ContactInput(people["ola"].id, "i går", note="Brev fra namsmannen"), clock)
    log_contact(ContactInput(people["kari"].id, "i dag 08:00", note="Kaffe"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "nams")
        await pilot.pause()
        await app.workers.wait_for_complete()  # the search runs when typing pauses
        await pilot.pause()
        hits = app.screen.query_one("#hits", DataTable)
        assert column(hits, 1) == ["Ola Hansen"]
        assert "namsmannen" in column(hits, 3)[0]
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactFormScreen)
        assert app.screen.query_one("#note", TextArea).text == "Brev fra namsmannen"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ParticipantDetailScreen)
        await palette(pilot, "kaffe", "Kaffe")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactFormScreen)
        assert app.screen.query_one("#note").text == "Kaffe"
