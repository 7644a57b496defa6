"""Type-ahead: keys typed while a screen is still opening reach that screen, in order.

Textual gives a key to whatever has focus when the key is read. A form opened with ``ctrl+l``
mounts its fields and focuses the first one a moment later, so "Kari" typed at once after
``ctrl+l`` (a quick typist, a paste, a slow laptop) went to nothing and was lost. Here a key that
arrives while the screen on top has not yet been drawn once is held, with every key after it;
once the screen has run its mount (and so set its focus), they are given out one by one, and a
key that opens another screen holds the rest again.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any
from weakref import WeakSet

from textual import events
from textual._wait import wait_for_idle  # what Textual's Pilot waits with between keys
from textual.app import App, ScreenStackError
from textual.screen import Screen

# How often to check that the screen waited for is still there: one that goes away before it
# is drawn must not keep the keys.
LONGEST_HOLD = 0.5
# The longest wait between two held keys being given out.
KEY_PACE = 0.1


class TypeAhead:
    """Holds keys for ``app`` until its top screen is ready; ``deliver`` handles one key as
    the app would have (Textual's own ``App.on_event``)."""

    def __init__(self, app: App[Any], deliver: Callable[[events.Key], Awaitable[None]]) -> None:
        self._app = app
        self._deliver = deliver
        self._held: list[events.Key] = []
        self._ready: WeakSet[Screen[object]] = WeakSet()

    def hold(self, event: events.Key) -> bool:
        """True if the key is kept for later (the caller then does nothing with it)."""
        try:
            screen = self._app.screen
        except ScreenStackError:  # no screen yet: nothing to wait for
            return False
        if not self._held and screen in self._ready:
            return False
        self._held.append(event)
        if len(self._held) == 1:
            self._wait_for(screen)
        return True

    def _wait_for(self, screen: Screen[object]) -> None:
        # Runs after the screen has handled what is queued before it (compose, mount, focus)
        # and been drawn; handed to the app so keys go out in the app's own order.
        screen.call_after_refresh(self._app.call_later, self._ready_now, screen)
        self._app.set_timer(LONGEST_HOLD, partial(self._if_gone, screen))

    async def _if_gone(self, screen: Screen[object]) -> None:
        """A screen closed before it was drawn never says it is ready: wait for the one on top
        now. One still opening (a slow machine) is waited for: a key given to a form whose
        fields are not all there yet would be lost, or worse."""
        if not self._held or screen in self._ready:
            return
        if self._app.screen is screen:
            self._app.set_timer(LONGEST_HOLD, partial(self._if_gone, screen))
        else:
            self._wait_for(self._app.screen)

    async def _ready_now(self, screen: Screen[object]) -> None:
        self._ready.add(screen)
        while self._held:
            if self._app.screen not in self._ready:
                self._wait_for(self._app.screen)
                return
            await self._deliver(self._held.pop(0))
            if self._held:
                # At a typist's pace: what this key set off (a search as a name is typed, a
                # field that moves focus on) is done before the next key is read.
                await wait_for_idle(0, KEY_PACE)
