"""Version 6: the indexes the screens' lists need, on new files and on upgraded ones."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from peewee import PostgresqlDatabase, SqliteDatabase

from tp_tui.clock import OSLO
from tp_tui.db import close_database, open_database
from tp_tui.migrations import LATEST_VERSION
from tp_tui.models import BaseModel, Participant, db
from tp_tui.services.participants import list_participants
from tp_tui.services.today import not_heard_from

from .old_files import file_at_version

SCREEN_INDEXES = {
    "participant_status_archived_at": ["status", "archived_at"],
    "participant_archived_at_sort_key_id": ["archived_at", "sort_key", "id"],
    "participant_status_closed_on": ["status", "closed_on"],
}
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=OSLO)


def _indexes(table: str) -> dict[str, list[str]]:
    names = [row[1] for row in db.execute_sql(f"PRAGMA index_list({table})").fetchall()]
    return {
        name: [row[2] for row in db.execute_sql(f"PRAGMA index_info({name})").fetchall()]
        for name in names
    }


def _version_5_file(path: Path) -> None:
    """A file as version 5 left it, with participants (one archived, one closed), contacts,
    a callback and revisions."""
    old = file_at_version(path, 5)
    stamp = "2026-01-05T09:00:00+00:00"
    people = [
        ("Kari Nordmann", "kari nordmann kn", "kari nordmann", "active", None, None),
        ("Øyvind Ås", "øyvind ås øå", "|yvind }s", "paused", None, None),
        ("Ola Berg", "ola berg ob", "ola berg", "closed", "2023-02-01", None),
        ("Åse Lie", "åse lie ål", "}se lie", "active", None, stamp),
    ]
    for name, search, sort, status, closed_on, archived_at in people:
        old.execute_sql(
            "INSERT INTO participant (name, search_text, sort_key, name_is_nickname, status, "
            "referral_note, consent_note, about, closed_on, archived_at, created_at, "
            "updated_at, version) VALUES (?, ?, ?, 0, ?, '', '', '', ?, ?, ?, ?, 1)",
            (name, search, sort, status, closed_on, archived_at, stamp, stamp),
        )
    old.execute_sql(
        "INSERT INTO contact (participant_id, at, kind, destination_note, life_areas, outcome, "
        "note, after_hours, created_at, updated_at, version) "
        "VALUES (1, ?, 'phone', '', 1, 'reached', 'Ringte om husleia', 0, ?, ?, 1)",
        (stamp, stamp, stamp),
    )
    old.execute_sql(
        "INSERT INTO callback (participant_id, caller_name, reason, received_at, due_at, "
        "created_at, updated_at, version) VALUES (1, '', 'Ville prate', ?, ?, ?, ?, 1)",
        (stamp, stamp, stamp, stamp),
    )
    old.execute_sql(
        "INSERT INTO revision (at, entity, entity_id, participant_id, action, data) "
        "VALUES (?, 'contact', 1, 1, 'create', '{}')",
        (stamp,),
    )
    old.close()


def test_upgrade_from_version_5_keeps_every_row_and_adds_the_indexes(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _version_5_file(path)
    tables = ("participant", "contact", "callback", "revision", "meeting_place", "search_index")
    plain = SqliteDatabase(str(path))
    before = {
        table: plain.execute_sql(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
        for table in tables
    }
    plain.close()

    open_database(path)
    try:
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == LATEST_VERSION >= 6
        for table, rows in before.items():
            # Later versions add columns at the end (m0007: callback.assigned_to_id): the
            # columns of version 5 hold the same values.
            after = db.execute_sql(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
            assert [row[: len(rows[0])] for row in after] == rows if rows else after == rows
        indexes = _indexes("participant")
        for name, columns in SCREEN_INDEXES.items():
            assert indexes[name] == columns
        # The lists read through them as before: Norwegian order, archived left out.
        assert [row.name for row in list_participants()] == [
            "Kari Nordmann",
            "Ola Berg",
            "Øyvind Ås",
        ]
        assert [row.name for row in list_participants(limit=1, after=("kari nordmann", 1))] == [
            "Ola Berg"
        ]
        assert [person.name for person in not_heard_from(NOW, 14)] == [
            "Øyvind Ås",  # never heard from comes first
            "Kari Nordmann",
        ]
    finally:
        close_database()


def test_every_index_the_models_declare_in_meta_is_in_a_new_file(db_path: Path) -> None:
    """The models' Meta indexes and the migrations agree (a file is made by the migrations,
    never by create_tables), with the same columns and uniqueness."""
    for model in BaseModel.__subclasses__():
        table = model._meta.table_name
        unique = {
            row[1]: bool(row[2]) for row in db.execute_sql(f"PRAGMA index_list({table})").fetchall()
        }
        present = {tuple(columns): unique[name] for name, columns in _indexes(table).items()}
        for fields, is_unique in model._meta.indexes:
            columns = tuple(model._meta.fields[name].column_name for name in fields)
            assert present.get(columns) == is_unique, f"{table}: index on {columns}"
    assert Participant._meta.indexes


def test_the_step_also_reads_for_postgresql() -> None:
    executed: list[str] = []

    class Recorder(PostgresqlDatabase):
        def execute_sql(self, sql: str, *args: object, **kwargs: object) -> None:
            executed.append(sql)

    from tp_tui.migrations.m0006_screen_indexes import upgrade

    upgrade(Recorder("nowhere"))
    assert len(executed) == len(SCREEN_INDEXES)
    assert all(statement.startswith("CREATE INDEX participant_") for statement in executed)
