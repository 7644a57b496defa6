"""The traps of SECURITY.md not covered elsewhere, each with a test."""

from __future__ import annotations

import threading
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tp_tui.cli import run
from tp_tui.clock import OSLO, FrozenClock
from tp_tui.models import Participant, db
from tp_tui.services.callbacks import CallbackInput, validate_callback
from tp_tui.services.contacts import ContactInput, validate_contact
from tp_tui.services.validation import ValidationFailed
from tp_tui.settings import Settings

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=OSLO)


def _pragmas() -> tuple[object, ...]:
    return tuple(
        db.execute_sql(f"PRAGMA {name}").fetchone()[0]
        for name in (
            "journal_mode",
            "synchronous",
            "foreign_keys",
            "secure_delete",
            "temp_store",
            "busy_timeout",
        )
    )


def test_every_connection_has_the_safe_settings_also_in_a_worker_thread(db_path: Path) -> None:
    here = _pragmas()
    seen: list[tuple[object, ...]] = []
    worker = threading.Thread(target=lambda: seen.append(_pragmas()))  # its own connection
    worker.start()
    worker.join()
    assert here == seen[0] == ("wal", 2, 1, 1, 2, 10_000)


def test_printed_lists_keep_colons_and_brackets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = str(tmp_path / "tp.db")
    assert run(["--db", database, "participants", "add", ":warning: Ola [bold]x[/]"]) == 0
    assert run(["--db", database, "participants"]) == 0
    out = capsys.readouterr().out
    assert ":warning: Ola [bold]x[/]" in out and "⚠" not in out


def test_retention_lists_long_closed_participants(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TP_TUI_NOW", "2026-11-26T10:00")
    database = str(tmp_path / "tp.db")
    assert run(["--db", database, "retention"]) == 0
    assert "No participant" in capsys.readouterr().out
    Participant.create(
        name="Gammel Sak",
        status="closed",
        closed_on=date(2023, 6, 1),
        created_at=NOW,
        updated_at=NOW,
    )
    assert run(["--db", database, "retention"]) == 0
    out = capsys.readouterr().out
    assert "Gammel Sak" in out and "01.06.2023" in out


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=30), st.text(max_size=30), st.text(max_size=10))
def test_contact_and_callback_checks_never_raise(
    db_path: Path, when: str, duration: str, kind: str
) -> None:
    try:
        validate_contact(ContactInput(1, when, kind=kind or "phone", duration=duration), NOW)
    except ValidationFailed as failed:
        assert all(error.key for error in failed.errors.values())
    try:
        validate_callback(CallbackInput(None, "r", when, duration, kind), NOW, Settings())
    except ValidationFailed as failed:
        assert all(error.key for error in failed.errors.values())


def test_a_saved_hostile_name_is_announced_literally(db_path: Path) -> None:
    import asyncio

    from tp_tui.app import TpApp

    async def main() -> list[str]:
        app = TpApp(clock=FrozenClock(NOW))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("f3", "n")
            for char in "[b]x[/b]":
                key = {"[": "left_square_bracket", "]": "right_square_bracket", "/": "slash"}.get(
                    char, char
                )
                await pilot.press(key)
            await pilot.press("ctrl+s")
            await pilot.pause()
            return [str(n.message) for n in app._notifications]  # noqa: SLF001

    messages = asyncio.run(main())
    assert any("[b]x[/b]" in message for message in messages)
