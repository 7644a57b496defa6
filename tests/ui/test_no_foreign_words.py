"""In each language, no screen, key panel or palette shows another language's words.

Every main screen is opened, then its key panel (with a list, and with a form's fields in
focus) and the command palette (as opened, and with a search that finds nothing); what the
terminal shows, and every key description the panel lists, must hold no message of another
language's catalogue and none of the English texts Textual comes with.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.command import CommandInput, CommandPalette
from textual.pilot import Pilot

import tp_tui
from tests.foreign_words import foreign_in
from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.i18n import LANGUAGES, set_language, t

from .helpers import screen_text, wait_until

MODES = ("today", "participants", "callbacks", "rounds", "process", "statistics")


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    set_language(request.param)
    yield request.param
    set_language("en")


def _demo_text() -> str:
    """What the demo's fictional people and trust persons wrote (in Norwegian, whatever the
    interface's language): every string in the demo's modules."""
    texts = []
    for module in ("demo", "demo_meetings", "demo_surveys"):
        source = (Path(tp_tui.__file__).parent / f"{module}.py").read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                texts.append(node.value)
    return "\n".join(texts)


DEMO_TEXT = _demo_text()


def _textual_system_commands(app: App[Any]) -> set[str]:
    """The titles and help of Textual's own palette commands (App.get_system_commands)."""
    return {text for command in App.get_system_commands(app, app.screen) for text in command[:2]}


def _in_mode(app: TpApp, mode: str) -> bool:
    return app.current_mode == mode


def _shown(app: App[Any]) -> str:
    """The terminal's text, and each key's description and tooltip as the key panel has them
    (the panel wraps long ones over lines beside the screen's own text)."""
    keys = (
        f"{active.binding.description}\n{active.binding.tooltip}"
        for active in app.screen.active_bindings.values()
    )
    return screen_text(app) + "\n" + "\n".join(keys)


async def _look(pilot: Pilot[Any], where: str, seen: dict[str, list[str]]) -> None:
    app = pilot.app
    await pilot.pause()
    found = foreign_in(
        _shown(app), seen["language"][0], _textual_system_commands(app), data=DEMO_TEXT
    )
    if found:
        seen[where] = found


async def _with_keys(pilot: Pilot[Any], where: str, seen: dict[str, list[str]]) -> None:
    await _look(pilot, where, seen)
    pilot.app.action_show_help_panel()
    await wait_until(pilot, lambda: bool(pilot.app.screen.query("HelpPanel")), "the key panel")
    await _look(pilot, f"{where} + keys", seen)
    pilot.app.action_hide_help_panel()
    await wait_until(pilot, lambda: not pilot.app.screen.query("HelpPanel"), "no key panel")


async def test_no_screen_shows_another_language(
    demo_db: Path, clock: FrozenClock, language: str
) -> None:
    app = TpApp(clock=clock, demo=True)
    seen: dict[str, list[str]] = {"language": [language]}
    async with app.run_test(size=(120, 36)) as pilot:
        for mode in MODES:
            await app.switch_mode(mode)
            await wait_until(pilot, partial(_in_mode, app, mode), f"the {mode} screen")
            await app.workers.wait_for_complete()
            await _with_keys(pilot, mode, seen)
        await app.switch_mode("today")
        await pilot.pause()
        await pilot.press("ctrl+l")  # a form: its fields' keys (Input, TextArea) in the panel
        await wait_until(pilot, lambda: app.screen.is_modal, "the contact form")
        await _with_keys(pilot, "contact form", seen)
        for _ in range(3):  # to a text area and past it
            await pilot.press("tab")
            await _with_keys(pilot, "contact form, next field", seen)
        await pilot.press("escape")
        await wait_until(pilot, lambda: not app.screen.is_modal, "the form closed")
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        await _look(pilot, "palette", seen)
        app.screen.query_one(CommandInput).value = "zqxjv"
        await wait_until(
            pilot,
            lambda: t("textual.palette.no_matches") in screen_text(app),
            "the palette saying it found nothing",
        )
        await _look(pilot, "palette, nothing found", seen)
    del seen["language"]
    assert seen == {}
