"""Control characters never reach the terminal through an edit form, nor get stored.

A row written before tp-tui cleaned text at every door (or by another program) may hold escape
sequences: an OSC 52 sequence in a name wrote to the clipboard on every cursor blink of the
edit form. Such rows are put in here with raw SQL, past the models; the forms open on them.
"""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import Input, TextArea

from tp_tui.app import TpApp
from tp_tui.cli import run
from tp_tui.clock import FrozenClock
from tp_tui.models import Callback, Contact, Participant, db
from tp_tui.services.callbacks import CallbackInput, register_callback
from tp_tui.services.contacts import ContactInput, log_contact
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.settings import Settings

from .helpers import screen_text, wait_until

CLIPBOARD = "Ola\x1b]52;c;ZWNobyBoaQ==\x07"
BLANKING = "Kari\x1b[2J\x1b]0;pwned\x07X"
BIDI = "Anne\u202eesrever"
# What must never be drawn: C0 controls but newline, C1 controls, bidi overrides and isolates.
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def raw(sql: str, *params: object) -> None:
    db.execute_sql(sql, params)  # past the models' cleaning, as an old row would be


async def test_edit_forms_on_rows_holding_escape_codes(db_path: Path, clock: FrozenClock) -> None:
    person = add_participant(ParticipantInput(name="Placeholder"), clock)
    contact = log_contact(ContactInput(person.id, "i dag 09:00", note="x"), clock)
    callback = register_callback(CallbackInput(person.id, "y"), clock, Settings())
    raw("UPDATE participant SET name = ?, about = ? WHERE id = ?", CLIPBOARD, BIDI, person.id)
    raw("UPDATE contact SET note = ? WHERE id = ?", BLANKING, contact.id)
    raw("UPDATE callback SET reason = ? WHERE id = ?", BLANKING, callback.id)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        app.open_participant(person.id)
        await pilot.pause()
        await pilot.press("e")  # the participant's edit form
        await wait_until(pilot, lambda: bool(app.screen.query("#name")), "the edit form")
        name = app.screen.query_one("#name", Input)
        assert name.value == "Ola"
        assert not UNSAFE.search(screen_text(app))
        await pilot.press("ctrl+s")  # saved as shown: the row is clean from now on
        await wait_until(pilot, lambda: not app.screen.query("#name"), "the form closed")
        stored = db.execute_sql("SELECT name, about FROM participant").fetchone()
        assert stored == ("Ola", "Anneesrever")
        await pilot.press("f2")
        # Today lists the call owed; the contact is edited from the participant's page.
        assert not UNSAFE.search(screen_text(app))
        app.open_participant(person.id)
        await pilot.pause()
        app.screen.query_one("#detail-contacts").focus()
        await pilot.press("enter")  # the contact's edit form
        await wait_until(pilot, lambda: bool(app.screen.query("#note")), "the contact form")
        assert app.screen.query_one("#note", TextArea).text == "KariX"
        assert not UNSAFE.search(screen_text(app))
        await pilot.press("escape")
    assert Contact.get_by_id(contact.id).note == "KariX"
    assert Callback.get_by_id(callback.id).reason == "KariX"


def test_every_door_stores_clean_text(db_path: Path, clock: FrozenClock) -> None:
    """The command line, the services behind the forms, an update: none stores a control."""
    assert run(["--db", str(db_path), "participants", "add", CLIPBOARD]) == 0
    added = add_participant(ParticipantInput(name=BLANKING, about=BIDI), clock)
    Participant.update(referral_note=CLIPBOARD).where(Participant.id == added.id).execute()
    stored = db.execute_sql("SELECT name, about, referral_note FROM participant").fetchall()
    assert stored == [("Ola", "", ""), ("KariX", "Anneesrever", "Ola")]
