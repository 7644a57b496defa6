"""Type-ahead: every key reaches what it was typed for, in order, however fast it comes.

Textual reads keys faster than the widgets handle them: the app hands a key to the focused
widget's queue and reads the next one at once. Three ways that lost what people typed:

- a form opened with ``ctrl+l`` mounts its fields and focuses the first one a moment later, so
  "Kari" typed at once after ``ctrl+l`` went to nothing;
- ``ctrl+s`` is an app-wide key handled the moment it is read, while the last letters typed
  before it still waited in the field's queue: "Testperson Fast Q" was saved as
  "Testperson Fast";
- Enter on a list that closes and opens a form: the letters after it went to the list, or to
  the page below, before the form was there.

So a key is given out only when the one before it has been seen through: every widget on the
screen has handled what was queued when it was given (and with it the key), and the screen on
top has been drawn since. A key that arrives meanwhile waits, with every key after it; one that
arrives while the screen on top has not yet been drawn once waits for it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any
from weakref import WeakSet

from textual import events
from textual.app import App, ScreenStackError
from textual.screen import Screen

# How often to look again at a screen waited for: one that goes away before it is drawn, or
# while its keys are handled, must not keep the keys.
LOOK_AGAIN = 0.05
LONGEST_HOLD = 0.5
# A key whose handling is not seen through in this time (a handler that waits on something
# else) lets the next one go, as if there were no type-ahead.
MOST_WAIT = 2.0


class TypeAhead:
    """Gives keys to ``app`` one at a time; ``deliver`` handles one key as the app would have
    (Textual's own ``App.on_event``)."""

    def __init__(self, app: App[Any], deliver: Callable[[events.Key], Awaitable[None]]) -> None:
        self._app = app
        self._deliver = deliver
        self._held: list[events.Key] = []
        self._ready: WeakSet[Screen[object]] = WeakSet()
        self._busy = False
        """A key has been given out and its handling is not yet seen through."""
        self._settling: set[asyncio.Task[None]] = set()

    async def key(self, event: events.Key) -> None:
        """A key just read by the app: give it out now, or keep it until its turn."""
        if not self.hold(event):
            await self._give(event)

    def hold(self, event: events.Key) -> bool:
        """True if the key is kept for later (the caller then does nothing with it)."""
        try:
            screen = self._app.screen
        except ScreenStackError:  # no screen yet: nothing to wait for
            return False
        if not self._held and not self._busy and screen in self._ready:
            return False
        self._held.append(event)
        if len(self._held) == 1 and not self._busy:
            self._wait_for(screen)
        return True

    async def _give(self, event: events.Key) -> None:
        try:
            screen = self._app.screen
        except ScreenStackError:
            await self._deliver(event)
            return
        self._busy = True
        try:
            await self._deliver(event)
        finally:
            task = asyncio.create_task(self._settle(screen))
            self._settling.add(task)
            task.add_done_callback(self._settling.discard)

    async def _settle(self, screen: Screen[object]) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + MOST_WAIT
        try:
            # What a key sets off posts more messages (a field's Submitted bubbles up to the
            # form, which moves the focus on): round after round, until nothing is queued.
            while await self._handled(screen, deadline):
                try:
                    screen = self._app.screen
                except ScreenStackError:
                    break
                pumps = (self._app, *screen.walk_children(with_self=True))
                if all(pump.message_queue_size == 0 for pump in pumps):
                    break
        finally:
            self._busy = False
            if self._held:
                # What the key set off may have opened or closed a screen: wait for the one on
                # top to be drawn before the next key.
                self._wait_for(self._app.screen)

    async def _handled(self, screen: Screen[object], deadline: float) -> bool:
        """Until the app and every widget of ``screen`` have handled what is queued now;
        False if that could not be seen in time (or the screen closed meanwhile)."""
        pending = 0
        done = asyncio.Event()

        def one_done() -> None:
            nonlocal pending
            pending -= 1
            if pending == 0:
                done.set()

        for pump in (self._app, *screen.walk_children(with_self=True)):
            if pump.call_later(one_done):
                pending += 1
        if not pending:
            return False
        loop = asyncio.get_running_loop()
        while not done.is_set():
            try:
                await asyncio.wait_for(done.wait(), LOOK_AGAIN)
            except TimeoutError:
                # A closed screen's widgets handle nothing more: its key is seen through.
                if screen not in self._app.screen_stack or loop.time() > deadline:
                    return False
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
        if not self._held or self._busy or screen in self._ready:
            return
        if self._app.screen is screen:
            self._app.set_timer(LONGEST_HOLD, partial(self._if_gone, screen))
        else:
            self._wait_for(self._app.screen)

    async def _ready_now(self, screen: Screen[object]) -> None:
        self._ready.add(screen)
        if self._busy or not self._held:
            return
        if self._app.screen not in self._ready:
            self._wait_for(self._app.screen)
            return
        await self._give(self._held.pop(0))
