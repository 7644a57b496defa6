"""The palette finds each screen by every name the interface gives it, in the user's language:
"Tilbakeringinger" and "Ringeliste" both open the call list."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import zip_longest
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandInput, CommandPalette
from textual.pilot import Pilot

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.i18n import LANGUAGES, set_language, t
from tp_tui.palette import SCREEN_NAMES, other_names
from tp_tui.views.callbacks import CallbacksScreen
from tp_tui.views.team import TeamScreen

from .helpers import palette, top_palette_hit, wait_until

SCREEN_CLASSES = {
    "nav.today": "TodayScreen",
    "nav.participants": "ParticipantsScreen",
    "nav.callbacks": "CallbacksScreen",
    "nav.rounds": "RoundsScreen",
    "nav.process": "ProcessScreen",
    "nav.statistics": "StatisticsScreen",
    "team_admin.command": "TeamScreen",
}


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    set_language(request.param)
    yield request.param
    set_language("en")


async def _first_hit(pilot: Pilot[Any], name: str, label: str, shown: str = "") -> None:
    """Type ``name`` into the open palette and wait until its first hit is the screen ``label``.

    ``shown`` is the label the palette's first hit has now (the last name's), or "" when that
    is not known. Hits stay until the next search has some, so a first hit that could already
    pass for ``label`` is cleared first, by a word that finds nothing: the hit waited for is
    then this name's, not the last's.
    """
    app = pilot.app
    query = app.screen.query_one(CommandInput)
    if not shown or shown.startswith(label) or label.startswith(shown):
        query.value = "qqzzxx"
        await wait_until(pilot, lambda: top_palette_hit(app) == "", "no hit for a made-up word")
    query.value = name
    await wait_until(
        pilot,
        lambda: top_palette_hit(app).startswith(label),
        f"{label!r} as the first hit for {name!r}",
    )


def _names_by_turns() -> list[tuple[str, str]]:
    """Each other name of each screen with the screen's label: the screens' first names, then
    their second ones, and so on, so that the next name's screen is mostly another one."""
    names = [[(name, t(screen.label)) for name in other_names(screen)] for screen in SCREEN_NAMES]
    return [pair for turn in zip_longest(*names) for pair in turn if pair is not None]


async def _open_palette(pilot: Pilot[Any]) -> None:
    await pilot.press("ctrl+p")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette), "the palette")


def test_every_screen_has_another_name_in_every_language() -> None:
    for language in LANGUAGES:
        set_language(language)
        try:
            assert all(other_names(screen) for screen in SCREEN_NAMES), language
        finally:
            set_language("en")
    assert {screen.label for screen in SCREEN_NAMES} == set(SCREEN_CLASSES)


async def test_each_name_of_a_screen_finds_it_first(
    db_path: Path, clock: FrozenClock, language: str
) -> None:
    """Every name, in every language, puts the screen first in the palette; and the first hit
    of a screen's own name opens that screen (the test below does it for the other names as a
    person types them)."""
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_palette(pilot)
        shown = ""
        for name, label in _names_by_turns():
            await _first_hit(pilot, name, label, shown)
            shown = label
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, CommandPalette), "no palette")
        for screen in SCREEN_NAMES:
            label = t(screen.label)
            await _open_palette(pilot)
            await _first_hit(pilot, label, label)
            await pilot.press("enter")
            await wait_until(pilot, lambda: not isinstance(app.screen, CommandPalette), "a screen")
            await pilot.pause()
            assert type(app.screen).__name__ == SCREEN_CLASSES[screen.label], (language, label)
            if isinstance(app.screen, TeamScreen):
                await pilot.press("escape")
            await app.switch_mode("today" if screen.label != "nav.today" else "rounds")
            await pilot.pause()


async def test_tilbakeringinger_opens_the_call_list(db_path: Path, clock: FrozenClock) -> None:
    """The words of the issue, typed as a person types them."""
    set_language("nb")
    try:
        app = TpApp(clock=clock)
        async with app.run_test(size=(100, 30)) as pilot:
            for name in ("Tilbakeringinger", "Ringeliste"):
                await palette(pilot, name, "Ringeliste")
                await pilot.press("enter")
                await wait_until(
                    pilot, lambda: isinstance(app.screen, CallbacksScreen), "the call list"
                )
                await app.switch_mode("today")
                await pilot.pause()
    finally:
        set_language("en")
