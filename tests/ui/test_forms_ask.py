"""Every form with changes asks before Esc throws them away; 'No' keeps the form as typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.screen import Screen
from textual.widgets import Input

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.models import Goal, StageRecord
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.views.form_base import FormScreen
from tp_tui.widgets.choice import KeyChoice
from tp_tui.widgets.confirm import ConfirmScreen

from .helpers import type_text, wait_until

# The key that opens each form on the participant's page (after a pick list: Enter on "new"),
# and a change made in it.
FORMS = {
    "goal": (("g", "enter"), ("1", "h", "i")),
    "member": (("a", "enter"), ("n",)),
    "plan": (("p", "n"), ("1",)),  # a new row of the plan document: its life area
    "ratings": (("r",), ("3",)),
    "checklist": (("k",), ("1",)),
    "stage": (("s",), ("3",)),
    "summary": (("u",), ("h",)),
}


def _state(form: Screen[object]) -> tuple[object, ...]:
    """What every field of the form holds."""
    inputs = tuple(field.value for field in form.query(Input))
    return inputs + tuple(tuple(choice.values) for choice in form.query(KeyChoice))


@pytest.mark.parametrize("form", sorted(FORMS))
async def test_esc_on_a_changed_form_asks_and_no_keeps_it(
    form: str, db_path: Path, clock: FrozenClock
) -> None:
    kari = add_participant(ParticipantInput(name="Kari Nordmann", intake="01.10.2026"), clock)
    opening, change = FORMS[form]
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_participant(kari.id)
        await pilot.pause()
        await pilot.press(*opening)
        await wait_until(pilot, lambda: isinstance(app.screen, FormScreen), f"the {form} form")
        opened = app.screen
        await pilot.press(*change)
        typed = _state(opened)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await pilot.press("n")
        await wait_until(pilot, lambda: app.screen is opened, "the form again")
        assert _state(opened) == typed
        await pilot.press("escape", "y")
        await wait_until(pilot, lambda: not isinstance(app.screen, FormScreen), "the page")


@pytest.mark.parametrize("form", sorted(FORMS))
async def test_esc_on_an_unchanged_form_closes_at_once(
    form: str, db_path: Path, clock: FrozenClock
) -> None:
    kari = add_participant(ParticipantInput(name="Kari Nordmann", intake="01.10.2026"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_participant(kari.id)
        await pilot.pause()
        await pilot.press(*FORMS[form][0])
        await wait_until(pilot, lambda: isinstance(app.screen, FormScreen), f"the {form} form")
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ in {"ParticipantDetailScreen", "PickScreen", "PlanScreen"}
    assert Goal.select().count() == 0


async def test_no_to_closing_early_keeps_the_stage_form_as_typed(
    db_path: Path, clock: FrozenClock
) -> None:
    kari = add_participant(ParticipantInput(name="Kari Nordmann", intake="01.10.2026"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_participant(kari.id)
        await pilot.pause()
        await pilot.press("s", "6", "tab", "tab")
        await type_text(pilot, "Flytter")
        await pilot.press("tab", "o", "ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, FormScreen), "the form again")
        assert app.screen.query_one("#reason", Input).value == "Flytter"
        assert app.screen.query_one("#stage", KeyChoice).value == "6"
        assert app.screen.query_one("#closing_reason", KeyChoice).value is not None
    assert StageRecord.select().where(StageRecord.stage == 6).count() == 0
