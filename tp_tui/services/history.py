"""Edits keep the record's history: the state before each change is kept as a revision.

The revisions one transaction keeps are one change (a contact and the call it returned, a guest
and their call owed): undo takes back the whole change, and only it (``tp_tui.services.undo``).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, cast
from weakref import WeakKeyDictionary

from peewee import DatabaseProxy, Field, Model, SqliteDatabase, fn

from tp_tui.clock import FrozenClock
from tp_tui.db import current_write
from tp_tui.models import Revision, db
from tp_tui.services.team import current_trust_person_id


def plain(value: Any) -> Any:
    """A stored value as JSON holds it: a date or a moment as ISO text, anything else as is."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def snapshot(record: Model) -> dict[str, Any]:
    """The record's stored fields as JSON-ready values (foreign keys as ids)."""
    data = record.__data__
    return {name: plain(value) for name, value in data.items()}


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


class _OpenChange(threading.local):
    """The change being kept in this thread's transaction: which :func:`write` it belongs to,
    its first revision, and what the first revision should say of the change as a whole."""

    write: int | None = None
    leader: int | None = None
    kind: str | None = None
    role: str | None = None
    reverses: int | None = None


_open = _OpenChange()


def _leader_for(serial: int | None) -> int | None:
    return _open.leader if serial is not None and _open.write == serial else None


def keep_revision(
    entity: str,
    entity_id: int,
    action: str,
    at: datetime,
    participant_id: int | None,
    data: str = "{}",
) -> Revision:
    """Insert one revision, as part of the change this transaction makes (the first revision
    of a transaction leads the change; the others name it)."""
    serial = current_write()
    leader = _leader_for(serial)
    revision = Revision(
        at=at,
        entity=entity,
        entity_id=entity_id,
        participant=participant_id,
        action=action,
        data=data,
        made_by=current_trust_person_id(FrozenClock(at)),
    )
    if leader is not None:
        revision.change_id = leader
    elif serial is not None and _open.write == serial:
        revision.kind, revision.role, revision.reverses_id = _open.kind, _open.role, _open.reverses
    insert_record(revision)
    if leader is None and serial is not None:
        _open.write, _open.leader = serial, int(revision.id)
    return revision


def record_revision(
    record: Model,
    action: str,
    at: datetime,
    participant_id: int | None,
    before: dict[str, Any] | None = None,
) -> Revision:
    """Keep ``before`` (the state prior to ``action``) so the change can be read back or undone,
    with who made it (undo takes back one's own changes only)."""
    data = json.dumps(before, ensure_ascii=False) if before else "{}"
    return keep_revision(
        type(record)._meta.table_name, int(record.get_id()), action, at, participant_id, data
    )


def name_change(kind: str, role: str | None = None, reverses: int | None = None) -> None:
    """Say what the change this transaction makes is ("stage.move"), for undo's message, when
    its first revision's entity and action do not tell it well; call it inside :func:`write`."""
    serial = current_write()
    if serial is None:
        return
    leader = _leader_for(serial)
    if leader is not None:
        Revision.update(kind=kind, role=role, reverses_id=reverses).where(
            Revision.id == leader
        ).execute()
        return
    _open.write, _open.leader = serial, None
    _open.kind, _open.role, _open.reverses = kind, role, reverses


def join_change_of(record: Model, kind: str, at: datetime) -> None:
    """Keep this transaction's revisions in the change that made ``record``, named ``kind``
    (closing the call a contact answered belongs to logging that contact: one change, undone
    as one), when that is still the newest change of whoever makes this one, not undone."""
    serial = current_write()
    made = (
        Revision.select()
        .where(
            (Revision.entity == type(record)._meta.table_name)
            & (Revision.entity_id == record.get_id())
        )
        .order_by(Revision.id.desc())
        .first()
    )
    if serial is None or made is None:
        return
    me = current_trust_person_id(FrozenClock(at))
    leader = Revision.get_or_none(Revision.id == (made.change_id or made.id))
    if leader is None or leader.undone_at is not None or leader.role is not None:
        return
    newer = Revision.select(Revision.id).where(
        Revision.change_id.is_null() & (Revision.id > leader.id) & (Revision.made_by == me)
    )
    if leader.made_by_id != me or newer.exists():
        return
    Revision.update(kind=kind).where(Revision.id == leader.id).execute()
    _open.write, _open.leader = serial, int(leader.id)


@dataclass
class Unkept:
    """A change kept out of the history on purpose (an anonymous survey form): undo knows of it
    only while this process runs. ``after`` is the newest revision when it was made (or
    undone), which places it among the changes that are kept; ``rows`` holds, once it is
    undone, what redo puts back."""

    entity: str
    entity_id: int
    after: int
    rows: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


# Per open database: made (newest last), and undone (newest last, for redo).
_unkept: WeakKeyDictionary[object, tuple[list[Unkept], list[Unkept]]] = WeakKeyDictionary()


def newest_revision_id() -> int:
    newest = Revision.select(fn.MAX(Revision.id)).scalar()
    return int(newest or 0)


def unkept() -> tuple[list[Unkept], list[Unkept]]:
    """This process's changes without revisions on the open database: (made, undone)."""
    database = db.obj
    if database not in _unkept:
        _unkept[database] = ([], [])
    return _unkept[database]


def remember_unkept(entity: str, entity_id: int) -> None:
    """Tell undo of a change made without a revision (see :class:`Unkept`)."""
    made, undone = unkept()
    made.append(Unkept(entity, entity_id, newest_revision_id()))
    undone.clear()  # a new change: what was undone before stays undone


def delete_revised(record: Model, now: datetime, participant_id: int | None) -> None:
    """Delete ``record``, keeping the whole row as a revision so the delete can be undone."""
    record_revision(record, "delete", now, participant_id, snapshot(record))
    record.delete_instance()


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
