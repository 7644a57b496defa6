"""The audit trail: appended in the caller's transaction, never changed or deleted, ids only; and
the ``tp erase`` / ``tp audit`` commands that use it."""

from __future__ import annotations

import argparse
import io
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from peewee import IntegrityError

from tp_tui.clock import FrozenClock
from tp_tui.commands.privacy import (
    add_audit_arguments,
    add_erase_arguments,
    audit_command,
    erase_command,
)
from tp_tui.db import close_database, open_database, write
from tp_tui.migrations import LATEST_VERSION
from tp_tui.models import AuditEvent, Participant, db, delete_query
from tp_tui.services.audit import AuditLine, record, trail
from tp_tui.services.backup_purge import backup_folder
from tp_tui.services.erasure import erase
from tp_tui.settings import Settings

from .old_files import file_at_version

NAME = "Kari Nordmann"
REFUSED = (IntegrityError, sqlite3.DatabaseError)


def test_rows_are_appended_and_read_back_oldest_first(db_path: Path, clock: FrozenClock) -> None:
    now = clock.now()
    with write():
        record("export.summary", 7, now, "export", 3)
        record("view", 7, now - timedelta(hours=1))
        record("print", 8, now)
    assert [line[:4] for line in map(_fields, trail(7))] == [
        (now - timedelta(hours=1), "view", "", None),
        (now, "export.summary", "export", 3),
    ]
    assert trail(99) == []
    with pytest.raises(ValueError):
        record("Kari Nordmann looked at", 7, now)


def _fields(line: AuditLine) -> tuple[object, ...]:
    return (line.at, line.action, line.entity, line.entity_id)


def test_a_failed_transaction_takes_its_audit_row_back(db_path: Path, clock: FrozenClock) -> None:
    with pytest.raises(RuntimeError), write():
        record("view", 7, clock.now())
        raise RuntimeError
    assert trail(7) == []


def test_the_trail_cannot_be_changed_or_deleted(db_path: Path, clock: FrozenClock) -> None:
    with write():
        record("view", 7, clock.now())
    with pytest.raises(REFUSED, match="append-only"):
        AuditEvent.update(action="nothing").execute()
    with pytest.raises(REFUSED, match="append-only"):
        delete_query(AuditEvent).execute()
    with pytest.raises(REFUSED, match="append-only"):
        AuditEvent.get().delete_instance()
    # Nor from outside the app, with plain sqlite3 on the file.
    other = sqlite3.connect(db_path)
    try:
        for statement in ("UPDATE audit_event SET participant_id = 8", "DELETE FROM audit_event"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                other.execute(statement)
    finally:
        other.close()
    assert [line.action for line in trail(7)] == ["view"]


def test_upgrade_from_version_3_keeps_every_row(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = file_at_version(path, 3)
    stamp = "2026-01-05T09:00:00+00:00"
    for action in ("view", "export.summary"):
        old.execute_sql(
            "INSERT INTO audit_event (at, action, participant_id, entity) VALUES (?, ?, 1, '')",
            (stamp, action),
        )
    old.execute_sql("UPDATE audit_event SET entity = 'x' WHERE id = 2")  # allowed before 4
    old.close()

    open_database(path)
    try:
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == LATEST_VERSION >= 4
        assert [(line.action, line.entity) for line in trail(1)] == [
            ("view", ""),
            ("export.summary", "x"),
        ]
        with pytest.raises(REFUSED, match="append-only"):
            delete_query(AuditEvent).execute()
    finally:
        close_database()


# The commands, called as the CLI calls them.


def erase_args(demo_db: Path, *argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_erase_arguments(parser)
    args = parser.parse_args(argv)
    args.db, args.demo = str(demo_db), False
    return args


def audit_args(participant_id: int) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_audit_arguments(parser)
    return parser.parse_args(["--participant", str(participant_id)])


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def kari() -> int:
    return int(Participant.get(Participant.name == NAME).id)


def test_erase_refuses_without_a_terminal_or_yes(
    demo_db: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(NAME + "\n"))
    assert erase_command(erase_args(demo_db, NAME), Settings(), clock) == 2
    assert "--yes" in capsys.readouterr().err
    # --yes still needs the full name of exactly one person: no part, number or initials.
    for loose in ("Kari", "Nordman", "KN", "#10", "#99999", ""):
        assert erase_command(erase_args(demo_db, loose, "--yes"), Settings(), clock) == 2
    assert Participant.get_or_none(Participant.name == NAME) is not None
    assert AuditEvent.select().count() == 0


def test_erase_on_a_terminal_asks_for_the_full_name(
    demo_db: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    person = kari()
    monkeypatch.setattr("sys.stdin", Terminal("Kari\n"))
    assert erase_command(erase_args(demo_db, NAME), Settings(), clock) == 2
    out = capsys.readouterr()
    assert "contacts: 96" in out.out and "not the participant's name" in out.err
    assert Participant.get_or_none(Participant.id == person) is not None

    monkeypatch.setattr("sys.stdin", Terminal(f"{NAME}\n"))
    assert erase_command(erase_args(demo_db, f"#{person}"), Settings(), clock) == 0
    assert f"Erased #{person}" in capsys.readouterr().out
    assert Participant.get_or_none(Participant.id == person) is None


def test_erase_yes_lists_old_backups_and_purges_them_when_asked(
    demo_db: Path, clock: FrozenClock, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = backup_folder(demo_db)
    folder.mkdir(parents=True)
    backup = folder / (clock.now() - timedelta(days=1)).strftime("tp-%Y%m%d-%H%M%S.db")
    backup.write_bytes(NAME.encode())
    person = kari()
    assert erase_command(erase_args(demo_db, NAME, "--yes"), Settings(), clock) == 0
    out = capsys.readouterr().out
    assert str(backup) in out and "--purge-backups" in out and backup.exists()

    assert erase_command(erase_args(demo_db, "Stian Eggen", "--yes", "--purge-backups"),
                         Settings(), clock) == 0  # fmt: skip
    assert "1 file overwritten and deleted" in capsys.readouterr().out
    assert not backup.exists()
    assert erase_command(erase_args(demo_db, "--scrub"), Settings(), clock) == 0

    # The access request after erasure: the number, the times, the actions; no name.
    assert audit_command(audit_args(person), Settings(), clock) == 0
    out = capsys.readouterr().out
    assert "erased" in out and "Erased on 26.11.2026" in out and "Kari" not in out


def test_audit_prints_ids_and_actions_only(
    demo_db: Path,
    clock: FrozenClock,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TP_TUI_USER", "tpdemo")
    person = kari()
    assert audit_command(audit_args(person), Settings(), clock) == 0
    assert f"No audit entries for participant #{person}" in capsys.readouterr().out
    with write():
        record("view", person, clock.now())
        record("export.summary", person, clock.now(), "export", 4)
    assert audit_command(audit_args(person), Settings(), clock) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"Audit trail for participant #{person}",
        "26.11.2026 10:00  viewed  by Demo Tillitsperson (tpdemo)",
        "26.11.2026 10:00  exported (summary)  export #4  by Demo Tillitsperson (tpdemo)",
    ]


def test_a_number_given_again_after_erasure_is_marked(
    db_path: Path, clock: FrozenClock, capsys: pytest.CaptureFixture[str]
) -> None:
    """SQLite may give the highest erased id to the next participant: the trail says so."""
    now = clock.now()
    first = Participant.create(name="Først", created_at=now, updated_at=now)
    erase(first.id, "Først", clock)
    second = Participant.create(name="Neste", created_at=now, updated_at=now)
    with write():
        record("view", second.id, now)
    assert audit_command(audit_args(second.id), Settings(), clock) == 0
    out = capsys.readouterr().out
    assert second.id == first.id  # reused: the participant table has no AUTOINCREMENT
    assert "a later participant given the same number" in out


def test_a_failed_print_and_an_erasure_tombstone_are_told_in_words(
    demo_db: Path, clock: FrozenClock, capsys: pytest.CaptureFixture[str]
) -> None:
    person = kari()
    with write():
        record("print.failed", person, clock.now())
        record("erase", person, clock.now(), "participant", person)
        record("erase.files", person, clock.now(), "files", 3)
    assert audit_command(audit_args(person), Settings(), clock) == 0
    out = capsys.readouterr().out
    assert "printing failed: nothing went to the printer" in out
    assert "printed (" not in out
    assert "3 files tp had written about them overwritten and deleted" in out
    assert "later participant" not in out  # the tombstone belongs to the erasure
