"""Without a terminal (tests, screenshots) the text cursor never blinks: a screenshot taken
mid-blink would differ from one taken a moment later."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input, TextArea

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock

from .helpers import wait_until


async def test_the_cursor_in_a_form_is_steady(demo_db: Path, clock: FrozenClock) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "n")  # the new-participant form, the name field focused
        await wait_until(pilot, lambda: isinstance(app.focused, Input), "a focused text field")
        field = app.focused
        assert isinstance(field, Input)
        await wait_until(pilot, lambda: not field.cursor_blink, "a steady cursor in the field")
        assert field._cursor_visible  # noqa: SLF001 - shown, and it stays shown


def steady(field: Input | TextArea) -> Callable[[], bool]:
    return lambda: not field.cursor_blink


async def test_every_field_of_the_contact_form_is_steady(
    demo_db: Path, clock: FrozenClock
) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+l")
        for _ in range(8):  # through the form's fields, as Tab does
            await pilot.press("tab")
            field = app.focused
            if isinstance(field, Input | TextArea):
                await wait_until(pilot, steady(field), f"a steady cursor in {field.id}")
