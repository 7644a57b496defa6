from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot

from .helpers import screen_text

# No animations: screens are the same every run (the app keeps the cursor from blinking when
# it runs without a terminal, see TpApp.on_descendant_focus).
os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")


@pytest.fixture(autouse=True)
def show_the_screen_on_failure(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A failing UI test also says what the user saw: the screen at the moment it failed."""
    run_test = App.run_test

    @asynccontextmanager
    async def run_test_showing_the_screen(
        self: App[Any], *args: Any, **kwargs: Any
    ) -> AsyncIterator[Pilot[Any]]:
        async with run_test(self, *args, **kwargs) as pilot:
            try:
                yield pilot
            except BaseException as error:
                if self.is_running and isinstance(error, Exception):
                    try:
                        error.add_note("The screen at the failure:\n" + screen_text(self))
                    except Exception as unreadable:  # the report must not hide the failure
                        error.add_note(f"(the screen could not be read: {unreadable!r})")
                raise

    monkeypatch.setattr(App, "run_test", run_test_showing_the_screen)
    yield
