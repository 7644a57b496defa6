"""A moment typed in the contact and callback forms is read back on the line under it as it is
typed (widgets/date_field.py): what was understood, or why it cannot be read."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.views.callback_form import CallbackFormScreen
from tp_tui.views.contact_form import ContactFormScreen

from .helpers import wait_until


def _line(app: TpApp, field: str) -> Static:
    return app.screen.query_one(f"#{field}-message", Static)


def _says(app: TpApp, field: str) -> str:
    """What the field's line says; "" until the form is on the screen."""
    found = app.screen.query(f"#{field}-message")
    return str(found.first(Static).render()) if found else ""


async def test_each_form_says_what_a_typed_moment_means(
    db_path: Path, clock: FrozenClock
) -> None:
    """Frozen on Thursday 26.11.2026 10:00: "i går 14" is past, "i morgen 10" is to come."""
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        app.push_screen(ContactFormScreen())
        # As opened: the moment the form filled in, now.
        await wait_until(
            pilot, lambda: _says(app, "when") == "→ Thursday 26.11.2026 10:00", "now understood"
        )
        app.screen.query_one("#when", Input).value = "i går 14"
        await wait_until(
            pilot,
            lambda: _says(app, "when") == "→ Wednesday 25.11.2026 14:00",
            "yesterday at 14 understood",
        )
        app.screen.query_one("#when", Input).value = "31.02"
        await wait_until(pilot, lambda: _line(app, "when").has_class("error"), "an error")
        assert "no such date" in str(_line(app, "when").render())

        app.pop_screen()
        app.push_screen(CallbackFormScreen())
        # Empty: when a call is due by default, said before anything is typed.
        await wait_until(pilot, lambda: _says(app, "due").startswith("→ "), "the default due")
        app.screen.query_one("#due", Input).value = "i morgen 10"
        await wait_until(
            pilot,
            lambda: _says(app, "due") == "→ Friday 27.11.2026 10:00",
            "tomorrow at 10 understood",
        )
        assert not _line(app, "due").has_class("error")
