"""The one-key choices (kind, life areas, outcome, …) are chosen with the mouse as well."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.domain import LifeArea
from tp_tui.models import Callback, Contact, Participant
from tp_tui.services.callbacks import CallbackInput, register_callback
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.settings import Settings
from tp_tui.views.contact_form import ContactFormScreen
from tp_tui.widgets.choice import KeyChoice

from .helpers import type_text, wait_until


@pytest.fixture
def kari(db_path: Path, clock: FrozenClock) -> Participant:
    return add_participant(ParticipantInput(name="Kari Nordmann", phone="91234567"), clock)


async def click_option(pilot: Pilot[Any], selector: str, label: str) -> None:
    """Click the middle of the option whose label is ``label``, where it is drawn."""
    choice = pilot.app.screen.query_one(selector, KeyChoice)
    choice.scroll_visible(animate=False)
    await pilot.pause()
    index = next(i for i, option in enumerate(choice.options) if option.label == label)
    line, start, end, _ = next(spot for spot in choice._spots if spot[3] == index)  # noqa: SLF001
    left, top = choice.styles.padding.left, choice.styles.padding.top
    assert await pilot.click(selector, offset=(left + (start + end) // 2, top + line))


async def test_kind_areas_and_outcome_are_clicked(kari: Participant, clock: FrozenClock) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+l")
        await type_text(pilot, "kari")
        await pilot.press("enter", "enter")
        assert isinstance(app.screen, ContactFormScreen)
        await click_option(pilot, "#kind", "SMS")
        assert app.screen.query_one("#kind", KeyChoice).value == "sms"
        assert app.screen.query_one("#kind", KeyChoice).has_focus  # a click does not move on
        await click_option(pilot, "#areas", "Housing")
        await click_option(pilot, "#areas", "Income")
        await click_option(pilot, "#areas", "Housing")  # a second click takes it off again
        assert app.screen.query_one("#areas", KeyChoice).values == ["income"]
        await click_option(pilot, "#outcome", "no answer")
        await click_option(pilot, "#kind", "phone")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: Contact.select().exists(), "the contact saved")
        contact = Contact.get()
        assert (contact.kind, contact.outcome) == ("phone", "no_answer")
        assert contact.life_areas == LifeArea.INCOME.bit


async def test_clicking_beside_the_options_changes_nothing(
    kari: Participant, clock: FrozenClock
) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+l")
        await type_text(pilot, "kari")
        await pilot.press("enter", "enter")
        kind = app.screen.query_one("#kind", KeyChoice)
        before = kind.value
        last_end = max(spot[2] for spot in kind._spots if spot[0] == 0)  # noqa: SLF001
        if last_end + 2 < kind.content_size.width:
            await pilot.click("#kind", offset=(last_end + 2, 0))
            assert kind.value == before


async def test_a_call_returned_is_marked_with_a_click(
    kari: Participant, clock: FrozenClock
) -> None:
    register_callback(CallbackInput(kari.id, "Om husleia"), clock, Settings())
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        app.screen.query_one("#cb-today").focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen.query("#outcome"), "how the call went")
        await click_option(pilot, "#outcome", "no answer")
        assert app.screen.query_one("#outcome", KeyChoice).value == "no_answer"
        assert Callback.select().count() == 1
