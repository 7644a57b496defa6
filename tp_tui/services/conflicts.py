"""Two trust persons editing one record: the second save is refused and told what changed.

Every save moves the record's ``version`` on and keeps the state before it as a revision
(:func:`tp_tui.services.history.revised`). The form remembers the version it opened; if the
stored one has moved on, the revision that holds the opened version is the state the form
started from, and the fields that differ from the stored row are what someone else changed.
The form keeps what was typed; saving again on top passes the new version (an explicit choice).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from peewee import Model

from tp_tui.models import Revision
from tp_tui.services.history import snapshot


@dataclass(frozen=True)
class FieldChange:
    """A field someone else changed: its name in the code and the value now stored."""

    field: str
    now: Any


class ChangedSince(Exception):
    """The record was saved by someone else after the form opened; nothing was overwritten.

    ``changes`` says which fields (of those the form shows) differ; ``version`` is the stored
    version, to save on top of it when the user chooses to.
    """

    def __init__(self, record_id: int, changes: tuple[FieldChange, ...], version: int) -> None:
        super().__init__(record_id)
        self.record_id = record_id
        self.changes = changes
        self.version = version


def _opened_state(record: Model, version: int) -> dict[str, Any] | None:
    """The record as it was at ``version``, from the revisions kept on each save."""
    query = (
        Revision.select(Revision.data)
        .where(
            (Revision.entity == type(record)._meta.table_name)
            & (Revision.entity_id == record.get_id())
        )
        .order_by(Revision.id.desc())
    )
    for revision in query:
        data = json.loads(revision.data or "{}")
        if data.get("version") == version:
            return dict(data)
    return None


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime | date) else value


def changes_since(record: Model, version: int, fields: tuple[str, ...]) -> tuple[FieldChange, ...]:
    """The ``fields`` of ``record`` that differ from the record at ``version``, with their
    values now; every field when that state is no longer known."""
    stored = snapshot(record)
    opened = _opened_state(record, version)
    result = []
    for name in fields:
        column = name if name in stored else f"{name}_id"
        if opened is None or _plain(opened.get(column)) != stored.get(column):
            result.append(FieldChange(name, getattr(record, name)))
    return tuple(result)


def check_version(record: Model, expected: int | None, fields: tuple[str, ...]) -> None:
    """Refuse the save (:class:`ChangedSince`) if ``record`` moved on from ``expected``."""
    current = int(record.version)  # type: ignore[attr-defined]
    if expected is not None and current != expected:
        raise ChangedSince(int(record.get_id()), changes_since(record, expected, fields), current)
