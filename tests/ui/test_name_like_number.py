"""A name typed that looks like a phone number or a date is asked about before it is saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.screen import Screen

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.models import Callback, Participant
from tp_tui.views.callback_form import CallbackFormScreen
from tp_tui.views.participant_form import ParticipantFormScreen
from tp_tui.widgets.confirm import ConfirmScreen

from .helpers import type_text, wait_until


async def save_and_answer_no(pilot: Pilot[Any], form: type[Screen[Any]]) -> None:
    """ctrl+s; the form asks whether the name that looks like a phone number is meant; no
    goes back to the form."""
    app = pilot.app
    await pilot.press("ctrl+s")
    await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
    question = app.screen
    assert isinstance(question, ConfirmScreen)
    assert "looks like a phone number" in question.question
    await pilot.press("n")
    await wait_until(pilot, lambda: isinstance(app.screen, form), "back")


async def test_the_form_asks_and_keeps_the_name_when_the_answer_is_no(
    db_path: Path, clock: FrozenClock
) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "n")
        await wait_until(pilot, lambda: isinstance(app.screen, ParticipantFormScreen), "form")
        await type_text(pilot, "+47 912 34 567")
        await save_and_answer_no(pilot, ParticipantFormScreen)
        assert Participant.select().count() == 0
        await pilot.press("ctrl+s", "y")
        await wait_until(pilot, lambda: Participant.select().count() == 1, "saved when asked")
        assert Participant.get().name == "+47 912 34 567"


async def test_a_call_owed_to_a_free_name_like_a_number_is_asked_about(
    db_path: Path, clock: FrozenClock
) -> None:
    """ctrl+r with the caller's number typed where the name goes: the form asks; no goes back
    to the name, yes notes the call under that name."""
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: isinstance(app.screen, CallbackFormScreen), "form")
        await type_text(pilot, "+47 912 34 567")
        await pilot.press("tab")
        await type_text(pilot, "91234567")
        await pilot.press("tab")
        await type_text(pilot, "Ringte")
        await save_and_answer_no(pilot, CallbackFormScreen)
        assert app.screen.focused is app.screen.query_one("#picker-input")
        assert Callback.select().count() == 0
        await pilot.press("ctrl+s", "y")
        await wait_until(pilot, lambda: Callback.select().count() == 1, "noted when asked")
        assert Callback.get().caller_name == "+47 912 34 567"
