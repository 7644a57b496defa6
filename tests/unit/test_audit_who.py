"""Every audit row says which trust person did it, and ``tp audit`` prints it: on a team's
database an access request ("who looked at my file?") has an answer. Rows from before version
13 are kept and say that nobody was recorded."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from tp_tui.clock import FrozenClock
from tp_tui.commands.privacy import add_audit_arguments, audit_command
from tp_tui.db import close_database, open_database, write
from tp_tui.migrations import LATEST_VERSION, MIGRATION_MODULES
from tp_tui.models import AuditEvent, Participant, TrustPerson, db
from tp_tui.services.audit import record, trail
from tp_tui.settings import Settings

from .old_files import STAMP, file_at_version

pytestmark = pytest.mark.engines


def _audit(participant_id: int, clock: FrozenClock) -> None:
    parser = argparse.ArgumentParser()
    add_audit_arguments(parser)
    args = parser.parse_args(["--participant", str(participant_id)])
    assert audit_command(args, Settings(), clock) == 0


def test_each_row_names_the_trust_person_of_the_session(
    db_path: Path,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    now = clock.now()
    TrustPerson.create(name="Kari Tillit", initials="KT", login="kari", created_at=now)
    TrustPerson.create(name="Eva Tillit", initials="ET", login="eva", created_at=now)
    person = Participant.create(name="Fiktiv Deltaker", created_at=now, updated_at=now)
    monkeypatch.setenv("TP_TUI_USER", "kari")
    with write():
        record("view", person.id, now)
    monkeypatch.setenv("TP_TUI_USER", "eva")
    with write():
        record("export.summary", person.id, now, "export", 2)

    assert [line.who for line in trail(person.id)] == ["Kari Tillit (kari)", "Eva Tillit (eva)"]
    _audit(person.id, clock)
    out = capsys.readouterr().out.splitlines()
    assert out[1] == "26.11.2026 10:00  viewed  by Kari Tillit (kari)"
    assert out[2] == "26.11.2026 10:00  exported (summary)  export #2  by Eva Tillit (eva)"
    assert "Fiktiv" not in "\n".join(out)


def test_an_unknown_login_is_recorded_as_a_new_trust_person(
    db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = clock.now()
    TrustPerson.create(name="Kari Tillit", login="kari", created_at=now)
    TrustPerson.create(name="Eva Tillit", login="eva", created_at=now)
    monkeypatch.setenv("TP_TUI_USER", "vikar")
    with write():
        record("view", 5, now)
    row = AuditEvent.get()
    assert row.trust_person_id == TrustPerson.get(TrustPerson.login == "vikar").id
    assert trail(5)[0].who == "vikar"


def test_upgrade_from_version_10_keeps_every_audit_row_without_a_who(
    tmp_path: Path, clock: FrozenClock, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old.db"
    old = file_at_version(path, MIGRATION_MODULES.index("m0010_changes") + 1)
    for action in ("view", "print"):
        old.execute_sql(
            "INSERT INTO audit_event (at, action, participant_id, entity) VALUES (?, ?, 3, '')",
            (STAMP, action),
        )
    old.close()
    plain = SqliteDatabase(str(path))
    before = plain.execute_sql(
        "SELECT id, at, action, participant_id, entity, entity_id FROM audit_event ORDER BY id"
    ).fetchall()
    plain.close()

    open_database(path)
    try:
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        after = db.execute_sql(
            "SELECT id, at, action, participant_id, entity, entity_id, trust_person_id "
            "FROM audit_event ORDER BY id"
        ).fetchall()
        assert [row[:6] for row in after] == before
        assert [row[6] for row in after] == [None, None]
        _audit(3, clock)
        out = capsys.readouterr().out.splitlines()
        assert out[1:] == [
            "05.01.2026 10:00  viewed  (who: not recorded)",
            "05.01.2026 10:00  printed  (who: not recorded)",
        ]
    finally:
        close_database()


def test_the_audit_step_reads_the_same_for_postgresql() -> None:
    from tp_tui.migrations.m0013_meetings import statements

    step = "ALTER TABLE audit_event ADD COLUMN trust_person_id INTEGER NULL"
    assert step in statements(True) and step in statements(False)
