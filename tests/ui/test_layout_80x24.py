"""At 80×24 every screen shows the keys that matter and what a trust person reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.services.process import process_board
from tp_tui.settings import Settings

from .helpers import screen_text, type_text

ESSENTIAL = ("^l Log contact", "^r Call owed", "^z Undo", "f9 End of day", "? Keys", "^q Quit")


@pytest.mark.parametrize("screen_key", ["f2", "f3", "f4", "f5", "f6", "f7"])
async def test_the_footer_shows_the_keys_that_work_everywhere(
    demo_db: Path, clock: FrozenClock, screen_key: str
) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(screen_key)
        await pilot.pause()
        bottom = screen_text(app).splitlines()[-1]
        for shown in ESSENTIAL:
            assert shown in bottom, f"{shown!r} is not in the footer on {screen_key}: {bottom!r}"
        assert "f3f4" not in screen_text(app)


async def test_today_shows_the_whole_reason_for_the_row_under_the_cursor(
    demo_db: Path, clock: FrozenClock
) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        calls = app.screen.query_one("#callbacks", DataTable)
        calls.focus()
        await pilot.pause()
        reason = str(calls.get_cell_at(Coordinate(calls.cursor_row, 3)).plain)
        detail = " ".join(screen_text(app).splitlines()[-4:-2])  # the two lines above the keys
        assert " ".join(reason.split()) in " ".join(detail.split())
        # The reason column gets the width the others leave: more than a few letters.
        assert calls.columns[calls.ordered_columns[3].key].width >= 18
        # The rounds are on the first screen, not below it.
        assert "This week's meeting-place rounds" in screen_text(app)


async def test_a_participant_just_moved_on_shows_the_days_from_the_start(
    demo_db: Path, clock: FrozenClock
) -> None:
    """The late mark counts from the start of the period: the card says so, with the days."""
    board = process_board(clock.now(), Settings())
    late = next(card for cards in board.values() for card in cards if card.late)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        assert f"{late.days_in_stage}d" in screen_text(app)
        assert f"!{late.days_since_start}d" in screen_text(app)


async def test_search_shows_the_whole_text_of_the_result_under_the_cursor(
    demo_db: Path, clock: FrozenClock
) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "namsmann")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("enter", "down")
        await pilot.pause()
        hits = app.screen.query_one("#hits", DataTable)
        assert hits.has_focus
        text = str(hits.get_cell_at(Coordinate(hits.cursor_row, 3)).plain)
        shown = " ".join(line.strip(" █") for line in screen_text(app).splitlines())
        assert " ".join(text.split()) in " ".join(shown.split())
        assert hits.columns[hits.ordered_columns[3].key].width >= 20
