"""Edits keep the record's history: the state before each change is kept as a revision."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, cast

from peewee import DatabaseProxy, Field, Model, SqliteDatabase

from tp_tui.clock import FrozenClock
from tp_tui.models import Revision
from tp_tui.services.team import current_trust_person_id


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def snapshot(record: Model) -> dict[str, Any]:
    """The record's stored fields as JSON-ready values (foreign keys as ids)."""
    data = record.__data__
    return {name: _plain(value) for name, value in data.items()}


# INSERT statements by model and the fields given, written once (see insert_record).
_INSERTS: dict[tuple[type[Model], tuple[str, ...]], tuple[str, tuple[Field, ...]]] = {}


def insert_record(record: Model) -> int:
    """Save a new ``record`` as ``record.save()`` does, and return its new id.

    The same row is stored (the fields the record holds, each through its field's
    ``db_value``), but the INSERT is written once per model and set of fields instead of being
    built by peewee on every save: on the save path of a contact that building costs more than
    SQLite's own work. Other databases than SQLite go through peewee.
    """
    model = type(record)
    meta = model._meta
    database = meta.database.obj if isinstance(meta.database, DatabaseProxy) else meta.database
    primary_key = cast(Field, meta.primary_key)
    data = record.__data__
    if not isinstance(database, SqliteDatabase) or data.get(primary_key.name) is not None:
        record.save(force_insert=True)
        return int(record.get_id())
    names = tuple(name for name in data if name != primary_key.name)
    statement = _INSERTS.get((model, names))
    if statement is None:
        fields = tuple(meta.fields[name] for name in names)
        columns = ", ".join(f'"{field.column_name}"' for field in fields)
        marks = ", ".join("?" for _ in fields)
        statement = (f'INSERT INTO "{meta.table_name}" ({columns}) VALUES ({marks})', fields)
        _INSERTS[(model, names)] = statement
    sql, fields = statement
    cursor = database.execute_sql(sql, [field.db_value(data[field.name]) for field in fields])
    new_id = int(cursor.lastrowid)
    data[primary_key.name] = new_id
    record._dirty.clear()  # type: ignore[attr-defined]  # as save() leaves it
    return new_id


def record_revision(
    record: Model,
    action: str,
    at: datetime,
    participant_id: int | None,
    before: dict[str, Any] | None = None,
) -> Revision:
    """Keep ``before`` (the state prior to ``action``) so the change can be read back or undone,
    with who made it (undo takes back one's own changes only)."""
    revision = Revision(
        at=at,
        entity=type(record)._meta.table_name,
        entity_id=record.get_id(),
        participant=participant_id,
        action=action,
        data=json.dumps(before, ensure_ascii=False) if before else "{}",
        made_by=current_trust_person_id(FrozenClock(at)),
    )
    insert_record(revision)
    return revision


@contextmanager
def revised(
    record: Model, now: datetime, participant_id: int | None, action: str = "update"
) -> Iterator[None]:
    """Change ``record`` inside the block; it is then saved with ``updated_at`` and ``version``
    moved on, and its earlier state kept as a revision (for history and undo)."""
    before = snapshot(record)
    yield
    record.updated_at = now  # type: ignore[attr-defined]
    record.version += 1  # type: ignore[attr-defined]
    record.save()
    record_revision(record, action, now, participant_id, before)
