"""A name typed that looks like a phone number or a date is asked about before it is saved."""

from __future__ import annotations

from pathlib import Path

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.models import Participant
from tp_tui.views.participant_form import ParticipantFormScreen
from tp_tui.widgets.confirm import ConfirmScreen

from .helpers import type_text, wait_until


async def test_the_form_asks_and_keeps_the_name_when_the_answer_is_no(
    db_path: Path, clock: FrozenClock
) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "n")
        await wait_until(pilot, lambda: isinstance(app.screen, ParticipantFormScreen), "form")
        await type_text(pilot, "+47 912 34 567")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        question = app.screen
        assert isinstance(question, ConfirmScreen)
        assert "looks like a phone number" in question.question
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, ParticipantFormScreen), "back")
        assert Participant.select().count() == 0
        await pilot.press("ctrl+s", "y")
        await wait_until(pilot, lambda: Participant.select().count() == 1, "saved when asked")
        assert Participant.get().name == "+47 912 34 567"
