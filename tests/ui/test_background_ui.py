"""Slow work runs beside the screen: the statistics' count, an export, the automatic backup and
an erasure each run in a thread, and the keys are answered meanwhile.

Each job is made slow by holding it on a threading.Event until the test has pressed its keys;
nothing here waits a fixed time or measures one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static, TabbedContent

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.export.deliver import exports_dir
from tp_tui.models import Contact, Participant
from tp_tui.views import statistics
from tp_tui.views.erase_form import EraseScreen
from tp_tui.views.export_dialog import ExportDialog
from tp_tui.views.participants import ParticipantsScreen
from tp_tui.views.statistics import StatisticsScreen

from .helpers import PATIENCE, notifications, open_erase_form, settle, type_text, wait_until


class Held:
    """Wraps a function so that each call waits until the test lets it go; counts the calls
    and the most that ran at once."""

    def __init__(self, real: Callable[..., Any]) -> None:
        self.real = real
        self.go = threading.Event()
        self.started = threading.Event()
        self.calls = 0
        self.at_once = 0
        self.running = 0
        self._lock = threading.Lock()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            self.calls += 1
            self.running += 1
            self.at_once = max(self.at_once, self.running)
        self.started.set()
        try:
            self.go.wait(PATIENCE)  # a failed test never leaves the thread waiting for ever
            return self.real(*args, **kwargs)
        finally:
            with self._lock:
                self.running -= 1


@pytest.fixture
def held() -> Iterator[list[Held]]:
    made: list[Held] = []
    yield made
    for one in made:
        one.go.set()


def hold(monkeypatch: pytest.MonkeyPatch, held: list[Held], target: Any, name: str) -> Held:
    slow = Held(getattr(target, name))
    monkeypatch.setattr(target, name, slow)
    held.append(slow)
    return slow


def period(app: TpApp) -> str:
    return str(app.screen.query_one("#period", Static).render())


async def test_keys_are_answered_while_the_statistics_are_counted(
    demo_db: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch, held: list[Held]
) -> None:
    count = hold(monkeypatch, held, statistics, "period_stats")
    app = TpApp(clock=clock, demo=True)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("f7")
        await wait_until(pilot, count.started.is_set, "the count started")
        assert isinstance(app.screen, StatisticsScreen)
        tabs = app.screen.query_one("#tabs", TabbedContent)
        # A slow count says so, and the tabs still answer their keys meanwhile.
        await wait_until(pilot, lambda: tabs.loading, "the loading indicator over the figures")
        await pilot.press("2")
        await wait_until(pilot, lambda: tabs.active == "tab-weeks", "the weeks' tab")
        assert count.running == 1  # answered while the count still runs
        # Two more periods asked for while it counts: counted once after it, never side by side.
        await pilot.press("l", "m", "l")
        await pilot.pause()
        assert count.calls == 1
        count.go.set()
        await settle(pilot)
        assert period(app) == "Statistics 01.01.2025 – 31.12.2025 · last year"
        assert not tabs.loading
        assert count.at_once == 1
        assert count.calls == 2  # the first, then the last one asked for


async def test_an_export_is_written_while_the_screen_answers_and_never_twice_at_once(
    demo_db: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch, held: list[Held]
) -> None:
    import tp_tui.export.deliver

    writing = hold(monkeypatch, held, tp_tui.export.deliver, "deliver")
    target = exports_dir() / "statistikk-20260101-20261126.csv"
    app = TpApp(clock=clock, demo=True)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("f7")
        await settle(pilot)
        await pilot.press("x", "c", "ctrl+s")  # CSV, to the file name it suggests
        await wait_until(pilot, writing.started.is_set, "the export started")
        await wait_until(
            pilot, lambda: f"Writing {target}" in notifications(app), "that the file is written"
        )
        await pilot.press("3")  # the screen answers meanwhile
        tabs = app.screen.query_one("#tabs", TabbedContent)
        await wait_until(pilot, lambda: tabs.active == "tab-stages", "the stages' tab")
        assert writing.running == 1
        await pilot.press("x", "c", "ctrl+s")  # the same export again, before the first is done
        await wait_until(
            pilot,
            lambda: "An export is still being written" in notifications(app),
            "that an export is still being written",
        )
        assert not target.exists()
        writing.go.set()
        await settle(pilot)
        assert f"Written: {target}" in notifications(app)
        assert not isinstance(app.screen, ExportDialog)
    assert target.read_bytes().startswith("\ufeff".encode())
    assert writing.calls == 1


async def test_the_backup_due_on_start_is_made_beside_the_first_screen(
    db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch, held: list[Held]
) -> None:
    import tp_tui.services.autobackup
    from tp_tui.services.backup import backup_dir

    backing_up = hold(monkeypatch, held, tp_tui.services.autobackup, "make_backup")
    app = TpApp(clock=clock, db_path=db_path, backup_on_start=True)
    async with app.run_test(size=(100, 34)) as pilot:
        await wait_until(pilot, backing_up.started.is_set, "the backup started")
        await pilot.press("f3")  # the keys are answered while it copies
        await wait_until(
            pilot, lambda: isinstance(app.screen, ParticipantsScreen), "the participants"
        )
        assert backing_up.running == 1  # answered while the backup is still being made
        app._backup_if_due()  # the timer fires meanwhile: no second backup beside the first
        backing_up.go.set()
        await settle(pilot)
    assert backing_up.calls == 1
    assert len(list(backup_dir(db_path).glob("tp-*.db"))) == 1


async def test_an_erasure_says_it_is_working_and_cannot_be_cancelled_halfway(
    demo_db: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch, held: list[Held]
) -> None:
    from tp_tui.services import erasure

    rebuilding = hold(monkeypatch, held, erasure, "scrub_file")
    kari = Participant.get(Participant.name == "Kari Nordmann")
    app = TpApp(clock=clock, db_path=demo_db)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("f3")
        await open_erase_form(pilot, kari.id)
        await type_text(pilot, "Kari Nordmann")
        await pilot.press("enter")
        await wait_until(pilot, rebuilding.started.is_set, "the file being rebuilt")
        message = str(app.screen.query_one("#erase-message", Static).render())
        assert message.startswith("Erasing")
        assert app.screen.query_one(Input).disabled
        await pilot.press("escape")  # half an erasure is not cancelled
        await pilot.pause()
        assert isinstance(app.screen, EraseScreen)
        assert "cancelled" not in notifications(app).casefold()
        rebuilding.go.set()
        await settle(pilot)
        assert isinstance(app.screen, ParticipantsScreen)
        assert f"Erased #{kari.id}:" in notifications(app)
        assert Participant.get_or_none(Participant.id == kari.id) is None
        assert Contact.select().where(Contact.participant == kari.id).count() == 0
    assert rebuilding.calls == 1
    assert b"Kari Nordmann" not in demo_db.read_bytes()


async def test_a_file_that_cannot_be_written_is_said_plainly_from_the_thread(
    demo_db: Path, clock: FrozenClock, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    target = blocker / "statistics.csv"
    app = TpApp(clock=clock, demo=True)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("f7")
        await settle(pilot)
        await pilot.press("x", "c")
        await settle(pilot)
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert f"Could not write {target}: " in notifications(app)
        assert isinstance(app.screen, StatisticsScreen)  # no traceback, the app goes on
    assert not target.exists()
