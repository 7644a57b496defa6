"""Lists longer than the screen: a first page at once, the rest as the user scrolls.

Every person here is invented; they are made through the services, as the app makes them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import partial
from itertools import product
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.domain import LifeArea
from tp_tui.folding import sort_key
from tp_tui.services.callbacks import CallbackInput, register_callback
from tp_tui.services.contacts import ContactInput, log_contact
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.settings import Settings
from tp_tui.views.participant_detail import ParticipantDetailScreen
from tp_tui.views.participants import PAGE

from .helpers import column, type_text, wait_until

FIRST = ("Kari", "Ola", "Ingrid", "Per", "Sigrid", "Lars", "Marit", "Nils", "Åse", "Øystein")
MIDDLE = ("Marie", "Johan", "Sofie")
LAST = ("Berg", "Dahl", "Hansen", "Lie", "Moen", "Nilsen", "Strand", "Vik", "Ødegård", "Ås")


def add_people(clock: FrozenClock) -> list[str]:
    """300 participants (more than any screen holds); their names in Norwegian order."""
    names = [f"{first} {middle} {last}" for first, middle, last in product(FIRST, MIDDLE, LAST)]
    for name in names:
        add_participant(ParticipantInput(name=name), clock)
    return sorted(names, key=sort_key)


def names_in(table: DataTable[object]) -> list[str]:
    return column(table)


async def press_until(
    pilot: Pilot[Any], key: str, done: Callable[[], object], most: int = 60
) -> int:
    """Press ``key`` until ``done()`` holds; how many presses it took."""
    for presses in range(1, most + 1):
        await pilot.press(key)
        await pilot.pause()
        if done():
            return presses
    raise AssertionError(f"{key} pressed {most} times and still not there")


async def test_participant_list_loads_as_it_is_scrolled(db_path: Path, clock: FrozenClock) -> None:
    ordered = add_people(clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        table = app.screen.query_one("#participants", DataTable)
        # A first page, more than the screen shows; the count is of everyone, not the page.
        assert table.row_count == PAGE < len(ordered)
        assert names_in(table) == ordered[:PAGE]
        assert "300" in str(app.screen.query_one("#count", Static).render())

        # End goes to the last row loaded; the next page comes, and again, to the very last.
        await press_until(pilot, "end", lambda: table.row_count == len(ordered))
        await press_until(pilot, "end", lambda: table.cursor_row == len(ordered) - 1)
        assert names_in(table) == ordered  # every one once, in order
        row_key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        assert row_key.value is not None
        assert app.screen.query_one("#count", Static).render() is not None
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ParticipantDetailScreen)
        assert app.screen.detail is not None and app.screen.detail.name == ordered[-1]


async def test_page_down_loads_more_and_search_finds_beyond_the_first_page(
    db_path: Path, clock: FrozenClock
) -> None:
    ordered = add_people(clock)
    wanted = ordered[-2]  # far beyond the first page
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        table = app.screen.query_one("#participants", DataTable)
        assert wanted not in names_in(table)
        await press_until(pilot, "pagedown", lambda: table.row_count > PAGE)
        assert names_in(table) == ordered[: table.row_count]

        await pilot.press("/")
        await type_text(pilot, wanted.lower())
        await pilot.pause()
        assert names_in(table) == [wanted]
        assert "1 participant" in str(app.screen.query_one("#count", Static).render())

        # Emptying the search brings back the whole list, a page at a time again.
        await pilot.press("escape")
        await pilot.pause()
        assert names_in(table) == ordered[:PAGE]


async def test_today_not_heard_from_loads_as_it_is_scrolled(
    db_path: Path, clock: FrozenClock
) -> None:
    ordered = add_people(clock)  # all active, none heard from yet
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        quiet = app.screen.query_one("#not-heard", DataTable)
        assert 0 < quiet.row_count < len(ordered)
        quiet.focus()
        await press_until(pilot, "end", lambda: quiet.row_count == len(ordered))
        assert sorted(names_in(quiet), key=sort_key) == ordered


async def test_contact_history_loads_as_it_is_scrolled(db_path: Path, clock: FrozenClock) -> None:
    kari = add_participant(ParticipantInput(name="Kari Nordmann"), clock)
    settings = Settings()
    now = clock.now()
    for days in range(120):
        when = (now - timedelta(days=days + 1)).strftime("%d.%m.%Y 12:00")
        data = ContactInput(
            kari.id, when, kind="phone", life_areas=(LifeArea.HOUSING,), note=f"Samtale {days}"
        )
        log_contact(data, clock, settings)
    app = TpApp(clock=clock)
    async with app.run_test(size=(110, 40)) as pilot:
        app.open_participant(kari.id)
        await pilot.pause()
        screen = app.screen
        title = screen.query_one("#contacts-title", Static)
        contacts = screen.query_one("#detail-contacts", DataTable)
        assert contacts.row_count == 10
        assert "10 of 120" in str(title.render())
        await pilot.press("m")  # as before: fifty more
        await pilot.pause()
        assert contacts.row_count == 60
        assert "60 of 120" in str(title.render())
        contacts.focus()
        await press_until(pilot, "end", lambda: contacts.row_count == 120)
        assert "120 of 120" in str(title.render())
        notes = column(contacts, 4)
        assert notes == [f"Samtale {days}" for days in range(120)]  # newest first, no repeats


async def test_callbacks_section_loads_as_it_is_scrolled(db_path: Path, clock: FrozenClock) -> None:
    settings = Settings()
    for number in range(80):
        register_callback(
            CallbackInput(None, f"Ville prate {number}", "", f"Innringer {number}", "91234567"),
            clock,
            settings,
        )
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        today = app.screen.query_one("#cb-today", DataTable)
        assert 0 < today.row_count < 80
        today.focus()
        await press_until(pilot, "end", lambda: today.row_count == 80)
        assert len(set(column(today, 3))) == 80


async def test_a_tall_screen_is_filled(db_path: Path, clock: FrozenClock) -> None:
    ordered = add_people(clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 90)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await pilot.pause()
        table = app.screen.query_one("#participants", DataTable)
        # More rows fit than a page holds: the next page comes without a key pressed.
        assert table.size.height > PAGE
        assert PAGE < table.row_count < len(ordered)
        assert names_in(table) == ordered[: table.row_count]


def _more_came(table: DataTable[object], loaded: int) -> bool:
    """More rows than ``loaded``, and room under the view to scroll on into them."""
    return table.row_count > loaded and table.max_scroll_y > table.scroll_y


async def test_scrolling_the_view_without_the_cursor_loads_more(
    db_path: Path, clock: FrozenClock
) -> None:
    ordered = add_people(clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        table = app.screen.query_one("#participants", DataTable)
        assert table.row_count == PAGE
        # What the mouse wheel and the scroll bar do: move the view, not the cursor. A line at
        # a time to the end of the rows there are, then wait for the next page to come.
        while table.row_count < len(ordered):
            loaded = table.row_count
            for _ in range(len(ordered)):
                if table.scroll_y >= table.max_scroll_y:
                    break
                table.scroll_down(animate=False)
            await wait_until(
                pilot,
                partial(_more_came, table, loaded),
                f"more than {loaded} rows after scrolling to the end of them",
            )
        assert table.cursor_row == 0
        assert names_in(table) == ordered
