"""A team's server that goes away while the app is open: the app stays, says so once, keeps the
form as typed, comes back by itself, and never reports a save that did not commit.

Run against a real server of the test's own, stopped and started by the test."""

from __future__ import annotations

from typing import Any

import pytest
from textual.message_pump import MessagePump

from tp_tui.app import TpApp
from tp_tui.cli import run
from tp_tui.clock import FrozenClock
from tp_tui.db import ServerGone, close_database, open_database
from tp_tui.models import Participant
from tp_tui.server_link import ServerDatabase
from tp_tui.views.server_watch import guard_dispatch

from ..own_server import OwnServer, own_server  # noqa: F401  (the fixture)
from .helpers import notifications, screen_text, type_text, wait_until

GONE_NOTICE = "server is not answering"


def _names() -> list[str]:
    return sorted(p.name for p in Participant.select())


async def test_the_app_waits_for_the_server_and_saves_what_was_typed(
    own_server: OwnServer,  # noqa: F811
    clock: FrozenClock,
) -> None:
    assert run(["--db", own_server.url, "participants", "add", "Kari Nordmann"]) == 0
    open_database(own_server.url)
    try:
        app = TpApp(clock=clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("f3")
            await wait_until(pilot, lambda: "Kari Nordmann" in screen_text(app), "the list")
            own_server.stop()
            # Every screen asks the server for its lists: none of them may end the app.
            for screen_key in ("f4", "f2", "f5", "f6", "f7", "f3"):
                await pilot.press(screen_key)
            await wait_until(pilot, lambda: app.server.lost, "that the server is gone")
            await pilot.pause()
            assert app.is_running
            assert notifications(app).count(GONE_NOTICE) == 1  # said once, not at every key
            assert "Offline since 10:00 · lists as last read" in screen_text(app)  # marked as old
            assert "Kari Nordmann" in screen_text(app)  # what was last read stays

            await pilot.press("n")
            await type_text(pilot, "Ola Nordmann")
            await pilot.press("ctrl+s")
            await wait_until(
                pilot, lambda: "this was not saved" in screen_text(app), "the form saying so"
            )
            assert "Ola Nordmann" in screen_text(app)  # the form keeps what was typed

            own_server.start()
            await wait_until(pilot, lambda: not app.server.lost, "contact again", timeout=60)
            # The notice is a message of its own: it may come a moment after the header changes.
            await wait_until(
                pilot,
                lambda: "Contact with the server again" in notifications(app),
                "the notice that the server answers again",
            )
            await pilot.press("ctrl+s")
            await wait_until(
                pilot,
                lambda: "Ola Nordmann" in screen_text(app) and not app.screen.is_modal,
                "the saved participant in the list",
            )
            assert "Offline since" not in screen_text(app)
        assert _names() == ["Kari Nordmann", "Ola Nordmann"]
    finally:
        close_database()


def _stop_before(monkeypatch: pytest.MonkeyPatch, server: OwnServer, method: str) -> None:
    """The server stops just before the command's transaction begins or commits."""
    original = getattr(ServerDatabase, method)

    def stopping(self: ServerDatabase, *args: Any) -> Any:
        monkeypatch.setattr(ServerDatabase, method, original)
        server.stop()
        return original(self, *args)

    monkeypatch.setattr(ServerDatabase, method, stopping)


@pytest.mark.parametrize("moment", ["begin", "commit"])
def test_a_command_cut_off_by_the_server_says_so_and_reports_nothing_saved(
    own_server: OwnServer,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    moment: str,
) -> None:
    assert run(["--db", own_server.url, "participants", "add", "Kari Nordmann"]) == 0
    capsys.readouterr()
    _stop_before(monkeypatch, own_server, moment)
    assert run(["--db", own_server.url, "participants", "add", "Ola Nordmann"]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert "Added" not in out  # never reported done
    assert "No contact with the team's server" in err
    own_server.start()
    open_database(own_server.url)
    try:
        assert _names() == ["Kari Nordmann"]
    finally:
        close_database()


def test_a_connection_dropped_while_idle_is_opened_again_quietly(
    own_server: OwnServer,  # noqa: F811
) -> None:
    """The server restarted between two keys: the next read works, nobody is told anything."""
    open_database(own_server.url)
    try:
        own_server.stop()
        own_server.start()
        assert _names() == []
        own_server.stop()
        with pytest.raises(ServerGone):
            _names()
    finally:
        close_database()


def test_the_guard_sits_where_textual_dispatches_messages() -> None:
    """Private Textual API (tp_tui/views/server_watch.py): fails loudly if Textual changes it."""
    guard_dispatch()
    assert getattr(MessagePump._dispatch_message, "tp_guarded", False)  # noqa: SLF001
