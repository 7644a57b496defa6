"""Edits keep the record's history: the state before each change is kept as a revision."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from peewee import Model

from tp_tui.models import Revision


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def snapshot(record: Model) -> dict[str, Any]:
    """The record's stored fields as JSON-ready values (foreign keys as ids)."""
    data = record.__data__
    return {name: _plain(value) for name, value in data.items()}


def record_revision(
    record: Model,
    action: str,
    at: datetime,
    participant_id: int | None,
    before: dict[str, Any] | None = None,
) -> Revision:
    """Keep ``before`` (the state prior to ``action``) so the change can be read back or undone."""
    return Revision.create(
        at=at,
        entity=type(record)._meta.table_name,
        entity_id=record.get_id(),
        participant=participant_id,
        action=action,
        data=json.dumps(before or {}, ensure_ascii=False),
    )


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
