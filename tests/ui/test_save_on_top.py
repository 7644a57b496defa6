"""Saving on top after a conflict writes only what this user changed (issue 15, item 7).

A colleague changed the intake date while the form was open; this user changed the phone and
the note, was told, and pressed Ctrl+S again: the colleague's intake stays.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input, Static, TextArea

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.models import Participant
from tp_tui.services.participants import ParticipantInput, add_participant, update_participant
from tp_tui.views.participant_form import ParticipantFormScreen

from .helpers import notifications, screen_text, type_text, wait_until


def form_message(app: TpApp) -> str:
    return str(app.screen.query_one("#form-message", Static).render())


async def test_saving_on_top_keeps_the_colleagues_intake(
    db_path: Path, clock: FrozenClock
) -> None:
    kari = add_participant(
        ParticipantInput(name="Kari Nordmann", phone="91234567", intake="01.09.2026"), clock
    )
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3")  # the participants list, Kari on the only row
        await wait_until(pilot, lambda: "Kari Nordmann" in screen_text(app), "Kari in the list")
        await pilot.press("e")
        await wait_until(
            pilot, lambda: isinstance(app.screen, ParticipantFormScreen), "the edit form"
        )
        assert app.screen.query_one("#intake", Input).value == "01.09.2026"
        # A colleague, in their own copy of the app, moves the intake date.
        opened = Participant.get_by_id(kari.id).version
        colleague = ParticipantInput(name="Kari Nordmann", phone="91234567", intake="15.08.2026")
        update_participant(kari.id, colleague, clock, opened)
        await pilot.press("tab")  # from the name to the phone, all of it selected
        await type_text(pilot, "98765432")
        app.screen.query_one("#about", TextArea).focus()
        await type_text(pilot, "Ringer best etter kl 12")
        await pilot.press("ctrl+s")
        await wait_until(
            pilot, lambda: "someone else saved" in form_message(app), "the conflict message"
        )
        assert "Intake (now: 15.08.2026)" in form_message(app)
        assert app.screen.query_one("#phone", Input).value == "98765432"  # what was typed stays
        await pilot.press("ctrl+s")  # on top: the user's choice
        await wait_until(
            pilot, lambda: not isinstance(app.screen, ParticipantFormScreen), "the form closed"
        )
        stored = Participant.get_by_id(kari.id)
        assert stored.intake_on == date(2026, 8, 15)  # the colleague's
        assert stored.phone == "+4798765432"  # this user's
        assert stored.about == "Ringer best etter kl 12"
        # The user is told which field holds the colleague's value, not what the form showed.
        await wait_until(
            pilot,
            lambda: "Kept as someone else saved it: Intake (now: 15.08.2026)"
            in notifications(app),
            "what was kept from the colleague",
        )


async def test_a_save_on_top_that_does_not_hold_says_why_and_keeps_what_was_typed(
    db_path: Path, clock: FrozenClock
) -> None:
    kari = add_participant(ParticipantInput(name="Kari Nordmann", intake="01.09.2026"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(ParticipantFormScreen(kari.id))
        await wait_until(pilot, lambda: bool(app.screen.query("#first_contact")), "the form")
        update_participant(
            kari.id, ParticipantInput(name="Kari Nordmann", intake="15.08.2026"), clock, 1
        )
        app.screen.query_one("#first_contact", Input).focus()
        await type_text(pilot, "20.08.2026")  # before my intake, after the colleague's
        await pilot.press("ctrl+s")
        await wait_until(
            pilot, lambda: "someone else saved" in form_message(app), "the conflict message"
        )
        await pilot.press("ctrl+s")
        await wait_until(
            pilot, lambda: "does not hold" in form_message(app), "why it cannot be saved"
        )
        message = form_message(app)
        assert "Intake (now: 15.08.2026)" in message
        assert "The first contact cannot be after the intake." in message
        assert isinstance(app.screen, ParticipantFormScreen)
        assert app.screen.query_one("#first_contact", Input).value == "20.08.2026"
    stored = Participant.get_by_id(kari.id)
    assert (stored.first_contact_on, stored.version) == (None, 2)


async def test_the_whole_conflict_message_is_in_view_at_80_by_24(
    db_path: Path, clock: FrozenClock
) -> None:
    kari = add_participant(ParticipantInput(name="Kari Nordmann", intake="01.09.2026"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ParticipantFormScreen(kari.id))
        await wait_until(pilot, lambda: bool(app.screen.query("#about")), "the form")
        update_participant(
            kari.id, ParticipantInput(name="Kari Nordmann", intake="15.08.2026"), clock, 1
        )
        app.screen.query_one("#about", TextArea).focus()
        await type_text(pilot, "Notat")
        await pilot.press("ctrl+s")
        # Below the last field, the message's last words were past the bottom edge, unread.
        await wait_until(
            pilot, lambda: "Esc cancels." in screen_text(app), "the end of the conflict message"
        )
        assert "Not saved: someone else saved" in screen_text(app)
