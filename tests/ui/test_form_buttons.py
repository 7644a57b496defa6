"""The forms' buttons do what their keys do, for whoever reaches for the mouse."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.models import Participant, SurveyResponse
from tp_tui.views.participant_form import ParticipantFormScreen
from tp_tui.views.survey_form import SurveyFormScreen, open_survey_form

from .helpers import type_text


async def test_save_and_cancel_buttons(db_path: Path, clock: FrozenClock) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f3", "n")
        await pilot.click("#cancel")  # nothing typed: closes without asking
        await pilot.pause()
        assert not isinstance(app.screen, ParticipantFormScreen)
        await pilot.press("n")
        await type_text(pilot, "Kari Nordmann")
        await pilot.click("#save")
        await pilot.pause()
        assert not isinstance(app.screen, ParticipantFormScreen)
    assert [p.name for p in Participant.select()] == ["Kari Nordmann"]


async def test_save_and_another_button(db_path: Path, clock: FrozenClock) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 50)) as pilot:
        open_survey_form(app)
        await pilot.pause()
        await pilot.press("p", "enter", "5", "4", "3", "2", "1")  # the participant survey
        another = app.screen.query_one("#another", Button)
        another.scroll_visible(animate=False)  # below the questions
        await pilot.pause()
        await pilot.click(another)
        await pilot.pause()
        assert isinstance(app.screen, SurveyFormScreen)  # open again for the next form
    assert SurveyResponse.select().count() == 1
