"""The shell: opens on Today, keys shown, help, palette, small terminals, Norwegian."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.i18n import set_language
from tp_tui.models import Participant
from tp_tui.views.participant_detail import ParticipantDetailScreen
from tp_tui.views.participants import ParticipantsScreen
from tp_tui.views.today import TodayScreen
from tp_tui.widgets.key_footer import KeyFooter

from .helpers import column, palette


async def test_opens_on_today_with_date_and_week(demo_db: Path, clock: FrozenClock) -> None:
    app = TpApp(clock=clock, demo=True)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, TodayScreen)
        day_line = app.screen.query_one("#day-line", Static)
        assert str(day_line.render()) == "Thursday 26.11.2026 · week 48 · Mine"
        callbacks = app.screen.query_one("#callbacks", DataTable)
        assert any("OVERDUE" in text for text in column(callbacks))
        await pilot.press("f3")
        assert isinstance(app.screen, ParticipantsScreen)
        await pilot.press("f2")
        assert isinstance(app.screen, TodayScreen)


async def test_today_row_opens_the_participant(demo_db: Path, clock: FrozenClock) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        quiet = app.screen.query_one("#not-heard", DataTable)
        first = column(quiet)[0]
        quiet.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ParticipantDetailScreen)
        assert Participant.get_by_id(app.screen.participant_id).name == first


async def test_question_mark_shows_every_key(db_path: Path, clock: FrozenClock) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "question_mark")
        await pilot.pause()
        assert app.screen.query("HelpPanel")
        keys = {binding.description for (_, binding, _, _) in app.active_bindings.values()}
        assert {"New", "Edit", "Archive", "Search", "Today", "Callbacks", "Log contact"} <= keys
        assert "Participants" not in keys  # the key for the screen you are on is left out
        await pilot.press("question_mark")
        await pilot.pause()
        assert not app.screen.query("HelpPanel")


async def test_palette_jumps_to_a_participant(demo_db: Path, clock: FrozenClock) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await palette(pilot, "Øyvind", "Øyvind Åsheim")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ParticipantDetailScreen)
        assert Participant.get_by_id(app.screen.participant_id).name == "Øyvind Åsheim"


async def test_palette_has_screens_and_no_screenshot(db_path: Path, clock: FrozenClock) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Today" in titles and "Participants" in titles and "New participant" in titles
        assert "Screenshot" not in titles


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_small_terminal_and_no_colour(
    demo_db: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = TpApp(clock=clock)
    async with app.run_test(size=size) as pilot:
        for key in ("f3", "enter", "escape", "f2"):
            await pilot.press(key)
            await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert app.screen.query_one(KeyFooter).region.bottom == size[1]


async def test_norwegian_interface(demo_db: Path, clock: FrozenClock) -> None:
    set_language("nb")
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        assert (
            str(app.screen.query_one("#day-line", Static).render())
            == "torsdag 26.11.2026 · uke 48 · Mine"
        )
        await pilot.press("f3")
        descriptions = {b.description for (_, b, _, _) in app.active_bindings.values()}
        assert {"Ny", "Endre", "Arkiver", "I dag", "Ring tilbake", "Logg kontakt"} <= descriptions
