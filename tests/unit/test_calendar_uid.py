"""Calendar UIDs: stable for the same call, never shared by calls of two databases."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from tp_tui.cli import run
from tp_tui.clock import OSLO
from tp_tui.services.calendar_uid import callback_uid


def _uids(path: Path) -> list[str]:
    return [str(event["UID"]) for event in Calendar.from_ical(path.read_bytes()).walk("VEVENT")]


def _week(db: Path, target: Path) -> list[str]:
    assert run(["--db", str(db), "callbacks", "--format", "ics", "-o", str(target), "--force"]) == 0
    return _uids(target)


def _database_with_calls(db: Path, now: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TP_TUI_NOW", now)
    for name, phone in (("Kari Nordmann", "912 34 567"), ("Per Hansen", "987 65 432")):
        command = ["callbacks", "add", name, "--reason", "Ring tilbake", "--phone", phone]
        assert run(["--db", str(db), *command]) == 0


def test_two_databases_never_share_a_uid_and_a_restore_keeps_them(
    private_dirs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine, colleagues = tmp_path / "mine.db", tmp_path / "colleague.db"
    _database_with_calls(mine, "2026-11-26T09:00", monkeypatch)
    _database_with_calls(colleagues, "2026-11-26T09:05", monkeypatch)
    monkeypatch.setenv("TP_TUI_NOW", "2026-11-26T10:00")
    my_uids = _week(mine, tmp_path / "mine.ics")
    their_uids = _week(colleagues, tmp_path / "colleague.ics")
    assert len(my_uids) == len(their_uids) == 2  # call #1 and #2 in both files
    assert len(set(my_uids)) == 2
    assert not set(my_uids) & set(their_uids)
    assert all(uid.endswith("@tp-tui") and "Kari" not in uid for uid in my_uids)
    assert _week(mine, tmp_path / "again.ics") == my_uids  # the same call, the same UID
    assert run(["--db", str(mine), "backup"]) == 0
    later = ["callbacks", "add", "Ola", "--phone", "40000001", "--reason", "Ny"]
    assert run(["--db", str(mine), *later]) == 0
    assert run(["--db", str(mine), "restore", "1", "--yes"]) == 0
    assert _week(mine, tmp_path / "restored.ics") == my_uids


def test_the_uid_is_the_call_in_its_database() -> None:
    made = datetime(2026, 11, 26, 9, 0, tzinfo=OSLO)
    uid = callback_uid(5, made, "1:2026-01-05T08:00:00+01:00")
    assert uid == callback_uid(5, made, "1:2026-01-05T08:00:00+01:00")
    assert uid != callback_uid(5, made, "1:2026-02-01T08:00:00+01:00")  # another database
    assert uid != callback_uid(6, made, "1:2026-01-05T08:00:00+01:00")  # another call
