"""Version 7: the team columns and the handover table, on new files and on upgraded ones."""

from __future__ import annotations

from pathlib import Path

from peewee import SqliteDatabase

from tp_tui.db import close_database, open_database
from tp_tui.migrations import LATEST_VERSION
from tp_tui.models import Callback, Handover, Participant, TrustPerson, db

from .old_files import STAMP, file_at_version

TABLES = ("trust_person", "participant", "contact", "callback", "round_visit", "revision")


def _version_6_file(path: Path) -> None:
    """A file as version 6 left it: a trust person, a participant they are responsible for,
    a contact, a callback and a round visit logged by them."""
    old = file_at_version(path, 6)
    old.execute_sql(
        "INSERT INTO trust_person (name, initials, created_at) VALUES ('Kari TP', 'KT', ?)",
        (STAMP,),
    )
    old.execute_sql(
        "INSERT INTO participant (name, search_text, sort_key, name_is_nickname, status, "
        "referral_note, consent_note, about, responsible_id, created_at, updated_at, version) "
        "VALUES ('Ola Nordmann', 'ola nordmann on', 'ola nordmann', 0, 'active', '', '', '', "
        "1, ?, ?, 1)",
        (STAMP, STAMP),
    )
    old.execute_sql(
        "INSERT INTO contact (participant_id, at, kind, destination_note, life_areas, outcome, "
        "note, after_hours, logged_by_id, created_at, updated_at, version) "
        "VALUES (1, ?, 'phone', '', 1, 'reached', 'Ringte', 0, 1, ?, ?, 1)",
        (STAMP, STAMP, STAMP),
    )
    old.execute_sql(
        "INSERT INTO callback (participant_id, caller_name, reason, received_at, due_at, "
        "logged_by_id, created_at, updated_at, version) "
        "VALUES (1, '', 'Ville prate', ?, ?, 1, ?, ?, 1)",
        (STAMP, STAMP, STAMP, STAMP),
    )
    old.execute_sql(
        "INSERT INTO round_visit (place_id, visited_on, minutes, conversations, new_people, "
        "life_areas, note, logged_by_id, created_at) VALUES (1, '2026-01-01', 60, 2, 0, 0, '', "
        "1, ?)",
        (STAMP,),
    )
    old.close()


def _rows(database: SqliteDatabase, table: str) -> tuple[list[str], list[tuple[object, ...]]]:
    cursor = database.execute_sql(f"SELECT * FROM {table} ORDER BY rowid")
    return [column[0] for column in cursor.description], cursor.fetchall()


def test_upgrade_from_version_6_keeps_every_row(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _version_6_file(path)
    plain = SqliteDatabase(str(path))
    before = {table: _rows(plain, table) for table in TABLES}
    plain.close()

    open_database(path)
    try:
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == LATEST_VERSION >= 7
        for table, (columns, rows) in before.items():
            listed = ", ".join(f'"{column}"' for column in columns)
            after = db.execute_sql(f"SELECT {listed} FROM {table} ORDER BY rowid").fetchall()
            assert after == rows, table
        person = TrustPerson.get_by_id(1)
        assert (person.login, person.active, person.present_on) == ("", True, None)
        assert Callback.get_by_id(1).assigned_to_id is None
        assert Participant.get_by_id(1).responsible_id == 1
        assert Handover.select().count() == 0
    finally:
        close_database()


def test_the_team_step_also_reads_for_postgresql() -> None:
    from tp_tui.migrations.m0007_team import statements

    postgres = statements(sqlite=False)
    assert any("SERIAL PRIMARY KEY" in sql for sql in postgres)
    assert all("AUTOINCREMENT" not in sql for sql in postgres)
    assert any("DEFAULT TRUE" in sql for sql in postgres)
