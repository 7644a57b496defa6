"""The open app when the team's server goes away: it stays, says so once, and comes back by itself.

What the user meets: one notice when the connection is lost, and the header saying since when
the lists show what was last read, until the server answers again; every form stays open
with what was typed, and its save says "not saved". A check on a connection of its own runs in
a thread every few seconds, so no key waits for a timeout; when the server answers, the app
connects again, says so, and reads the screen anew.

Any handler of any screen or widget may be the one that meets the lost connection. Textual
stops a widget's message loop after an error in one of its handlers, so the error is caught one
step before that, around the dispatch of each message: private Textual API, kept in
``tp_tui/textual_private.py`` with the rest (``tests/unit/test_textual_private.py`` fails
loudly if Textual changes it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events
from textual.message_pump import MessagePump
from textual.screen import ModalScreen

from tp_tui.db import ServerGone
from tp_tui.i18n import t
from tp_tui.textual_private import guard_handlers

if TYPE_CHECKING:
    from tp_tui.app import TpApp

RETRY_SECONDS = 3.0


def _lost_in(pump: MessagePump) -> bool:
    """Tell the app its server is gone; False when the app is not tp-tui's (re-raise)."""
    app: Any = pump.app
    if not hasattr(app, "server_lost"):
        return False
    app.server_lost()
    return True


def guard_dispatch() -> None:
    """Catch ServerGone in every handler of every screen and widget (installed once).

    Each handler on its own, so that the handlers after it still run: Textual's own handler of
    a resumed screen (which draws it) comes after the screen's, which reads its lists. Actions
    run by keys are caught around the whole message.
    """
    guard_handlers(ServerGone, _lost_in)


class ServerWatch:
    """The app's state of its connection: lost since when, and the retry until it is back."""

    def __init__(self, app: TpApp) -> None:
        from tp_tui.server_link import current_server

        self.app = app
        self.lost_at: str | None = None
        self._sub_title = ""
        self._probing = False
        # Only a server can go away: a file's app pays nothing for the guard on every message.
        self.serving = current_server() is not None
        if self.serving:
            guard_dispatch()

    @property
    def lost(self) -> bool:
        return self.lost_at is not None

    def server_lost(self) -> None:
        if self.lost:
            return  # said once; the header keeps saying it
        app = self.app
        self.lost_at = app.clock.now().strftime("%H:%M")
        self._sub_title = app.sub_title
        app.sub_title = t("server.gone.header", time=self.lost_at)
        app.notify(t("server.gone.notice"), markup=False, severity="error", timeout=20)

    def watch(self) -> None:
        """On a server database, look every few seconds: a form that caught the error itself
        (and said "not saved") must not leave the app unaware that the server is gone."""
        if self.serving:
            self.app.set_interval(RETRY_SECONDS, self._check, name="server-watch")

    def _check(self) -> None:
        from tp_tui.server_link import current_server

        server = current_server()
        if not self.lost and server is not None and server.gone:
            self.server_lost()
        if self._probing or not self.lost:
            return
        self._probing = True
        self.app.run_worker(self._probe, thread=True, exit_on_error=False, group="server-probe")

    def _probe(self) -> None:
        from tp_tui.server_link import current_server, probe

        database = current_server()
        answered = database is not None and probe(database)
        self.app.call_from_thread(self._probed, answered)

    def _probed(self, answered: bool) -> None:
        from tp_tui.server_link import current_server, reconnect

        self._probing = False
        database = current_server()
        if not answered or database is None or not reconnect(database):
            return
        app = self.app
        self.lost_at = None
        app.sub_title = self._sub_title
        app.notify(t("server.back.notice"), markup=False, timeout=10)
        # The screen under any form reads its lists anew when the form closes.
        if not isinstance(app.screen, ModalScreen):
            app.screen.post_message(events.ScreenResume())
