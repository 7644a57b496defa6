"""Small helpers for driving the app like a person does."""

from __future__ import annotations

import asyncio
import io
import time
from collections.abc import Awaitable, Callable
from typing import Any

from rich.console import Console
from textual import events
from textual.app import App
from textual.command import Command, CommandList, CommandPalette
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import DataTable

# Long enough for a busy 2-core machine; a condition that holds returns at once.
PATIENCE = 20.0

KEY_NAMES = {
    " ": "space",
    "/": "slash",
    ".": "full_stop",
    "+": "plus",
    "-": "minus",
    ":": "colon",
    "[": "left_square_bracket",
    "]": "right_square_bracket",
}


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Press one key per character, as a person typing."""
    await pilot.press(*[KEY_NAMES.get(char, char) for char in text])


async def type_quickly(pilot: Pilot[Any], text: str) -> None:
    """Type ``text`` into the focused field as a quick typist does: one key event per
    character, through the app as ``type_text`` sends them, in order; but the keys come one
    after another, as a terminal delivers fast typing, and the test waits once, when the app
    has taken the last, not after each key (which costs Pilot.press two idle waits a key).

    For plain text into one field; keys that move the focus or open a screen go by
    ``pilot.press``, so that the next key waits for where they lead.
    """
    app = pilot.app
    driver = app._driver  # noqa: SLF001
    assert driver is not None
    for char in text:
        key = char if char.isalnum() else _character_to_key(char)
        event = events.Key(key, char)
        event.set_sender(app)
        driver.send_message(event)
    # The driver hands each message to the app in the order sent: when this one is run, the
    # app has passed every key on to the focused widget; pause() then waits for the widget.
    taken = asyncio.Event()
    driver.send_message(events.Callback(callback=taken.set))
    await taken.wait()
    await pilot.pause()


async def wait_until(
    pilot: Pilot[Any], condition: Callable[[], object], what: str, timeout: float = PATIENCE
) -> None:
    """Let the app run until ``condition()`` holds, or fail saying what the user never saw.

    Tests wait on what a person would wait for, never on a fixed time: a slow machine only
    makes the wait longer, not the test wrong.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"after {timeout:.0f} s the screen still does not show {what}")
        await pilot.pause(0.02)


async def settle(pilot: Pilot[Any]) -> None:
    """Let what the last key started finish: its slow work in a thread (statistics, an
    export, an erasure, a backup) and what the screen shows of the result."""
    await pilot.pause()
    deadline = time.monotonic() + PATIENCE
    while any(worker.is_running for worker in pilot.app.workers):
        if time.monotonic() > deadline:
            raise AssertionError(f"after {PATIENCE:.0f} s the work started is still running")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()  # its result shown, which may start the next


def counted(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """For a snapshot: press ``keys``, then wait until what they started in a thread (the
    statistics' count) is on the screen."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press(*keys)
        await settle(pilot)

    return run_before


def top_palette_hit(app: App[Any]) -> str:
    """The text of the highlighted (first) hit in the open command palette, or ""."""
    if not isinstance(app.screen, CommandPalette):
        return ""
    hits = app.screen.query_one(CommandList)
    option = hits.highlighted_option
    if not isinstance(option, Command):  # nothing yet, or "No matches found"
        return ""
    return str(option.hit.text or option.hit.prompt)


async def palette(pilot: Pilot[Any], query: str, expect: str) -> None:
    """Open the command palette, type ``query`` and wait until the top hit reads ``expect``."""
    await pilot.press("ctrl+p")
    await wait_until(
        pilot, lambda: isinstance(pilot.app.screen, CommandPalette), "the command palette"
    )
    await type_text(pilot, query)
    await wait_until(
        pilot,
        lambda: expect.casefold() in top_palette_hit(pilot.app).casefold(),
        f"{expect!r} as the palette's first hit for {query!r}",
    )


def column(table: DataTable[Any], index: int = 0) -> list[str]:
    """The plain text of one column of a table, top to bottom."""
    return [str(getattr(cell, "plain", cell)) for cell in table.get_column_at(index)]


def notifications(app: App[Any]) -> str:
    """Every message the app has shown in a toast so far, in one string."""
    return " ".join(str(n.message) for n in app._notifications)  # noqa: SLF001


def screen_text(app: App[Any]) -> str:
    """What the terminal shows right now, as plain text, line by line (as a screenshot does)."""
    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), record=True, legacy_windows=False
    )
    # Textual's own export_screenshot renders the same way; there is no public text export.
    update = app.screen._compositor.render_update(  # noqa: SLF001
        full=True,
        screen_stack=app._background_screens,  # noqa: SLF001
    )
    console.print(update)
    return console.export_text(styles=False)


async def open_erase_form(pilot: Pilot[Any], participant_id: int) -> None:
    """The participant's page, then E: the erase form, as a user opens it."""
    from tp_tui.views.erase_form import EraseScreen

    pilot.app.open_participant(participant_id)  # type: ignore[attr-defined]
    await settle(pilot)
    await pilot.press("E")
    await settle(pilot)
    assert isinstance(pilot.app.screen, EraseScreen)
