"""Participants, driven with the keyboard as a trust person would."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import DataTable, Input, Static

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.db import close_database, open_database
from tp_tui.models import Participant, Revision
from tp_tui.views.participant_detail import ParticipantDetailScreen
from tp_tui.views.participant_form import ParticipantFormScreen

from .helpers import column, type_text


def message(app: TpApp, field: str) -> str:
    return str(app.screen.query_one(f"#{field}-message", Static).render())


async def test_add_find_quit_and_reopen(db_path: Path, clock: FrozenClock) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "n")
        assert isinstance(app.screen, ParticipantFormScreen)
        await type_text(pilot, "Kari Nordmann")
        await pilot.press("tab")
        await type_text(pilot, "+47 912 34 567")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ParticipantFormScreen)
        kari = Participant.get()
        assert (kari.name, kari.phone, kari.intake_on) == (
            "Kari Nordmann",
            "+4791234567",
            date(2026, 11, 26),
        )
        await pilot.press("/")
        await type_text(pilot, "nord")
        await pilot.pause()
        assert column(app.screen.query_one(DataTable)) == ["Kari Nordmann"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ParticipantDetailScreen)
        await pilot.press("ctrl+q")
    close_database()
    open_database(db_path)
    again = TpApp(clock=clock)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "/")
        await type_text(pilot, "kn")
        await pilot.pause()
        assert column(again.screen.query_one(DataTable)) == ["Kari Nordmann"]


async def test_bad_input_is_explained_and_nothing_is_lost(
    db_path: Path, clock: FrozenClock
) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "n", "tab")
        await type_text(pilot, "91x")
        await pilot.press("tab")
        await type_text(pilot, "31.02")
        await pilot.pause()
        assert "only have digits" in message(app, "phone")
        assert "no such date: 31.02" in message(app, "intake")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ParticipantFormScreen)
        assert "must be filled in" in message(app, "name")
        assert "Not saved" in str(app.screen.query_one("#form-message", Static).render())
        assert Participant.select().count() == 0
        # Everything typed is still there; mending the fields saves.
        assert app.screen.query_one("#phone", Input).value == "91x"
        assert app.screen.query_one("#name", Input).has_focus
        await type_text(pilot, "Ola Nordmann")
        await pilot.press("tab")  # entering a field selects it: typing replaces
        await type_text(pilot, "912 34 567")
        await pilot.press("tab")
        await type_text(pilot, "i går")
        await pilot.pause()
        assert message(app, "intake") == "→ Wednesday 25.11.2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        ola = Participant.get()
        assert (ola.name, ola.phone, ola.intake_on) == (
            "Ola Nordmann",
            "+4791234567",
            date(2026, 11, 25),
        )


async def test_cancel_asks_before_throwing_away(db_path: Path, clock: FrozenClock) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "n")
        await type_text(pilot, "Per")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("n")  # no, keep it
        await pilot.pause()
        assert app.screen.query_one("#name", Input).value == "Per"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert not isinstance(app.screen, ParticipantFormScreen)
        assert Participant.select().count() == 0


async def test_edit_keeps_history_and_archive_hides(db_path: Path, clock: FrozenClock) -> None:
    from tp_tui.services.participants import ParticipantInput, add_participant

    add_participant(ParticipantInput(name="Kari Nordmann"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "e")
        await pilot.press("end")
        await type_text(pilot, " Berg")
        await pilot.press("ctrl+s")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert column(table) == ["Kari Nordmann Berg"]
        assert Revision.select().where(Revision.action == "update").count() == 1
        await pilot.press("a")
        await pilot.pause()
        assert table.row_count == 0
        assert Participant.get().archived_at is not None
        await pilot.press("v")
        await pilot.pause()
        assert column(table) == ["Kari Nordmann Berg"]
