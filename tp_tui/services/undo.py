"""Undo the last change, from any screen, also after a restart: revisions make it possible.

Each revision holds the record as it was before a change. Undoing puts that state back (or
removes what was created, or restores what was deleted) and keeps a revision of its own, so the
record's history stays complete.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tp_tui.clock import Clock
from tp_tui.db import write
from tp_tui.models import Callback, Contact, MomentField, Participant, Revision
from tp_tui.services.history import record_revision, snapshot

UNDOABLE: dict[str, type[Contact] | type[Callback] | type[Participant]] = {
    "contact": Contact,
    "callback": Callback,
    "participant": Participant,
}
ACTIONS = ("create", "update", "delete", "archive", "unarchive")


@dataclass(frozen=True)
class Undone:
    """What was undone, for the message: the entity and the action that was reversed."""

    entity: str
    action: str
    entity_id: int
    participant_id: int | None


def _stored(model: type[Any], data: dict[str, Any]) -> dict[str, Any]:
    """A snapshot's JSON values back into what the fields store (times as datetimes)."""
    values: dict[str, Any] = {}
    for name, value in data.items():
        field = model._meta.fields.get(name)
        if field is None:
            continue
        if isinstance(field, MomentField) and isinstance(value, str):
            value = datetime.fromisoformat(value)
        values[name] = value
    return values


def last_undoable() -> Revision | None:
    """The newest revision not yet undone of a change that can be undone.

    ``entity || ''`` keeps SQLite off the (entity, entity_id) index, which would read every
    revision of contacts, callbacks and participants (nearly all of them) and sort them for the
    newest; without it SQLite walks revision by id from the end and stops at the first match.
    """
    revision: Revision | None = (
        Revision.select()
        .where(
            Revision.undone_at.is_null()
            & Revision.entity.concat("").in_(list(UNDOABLE))
            & Revision.action.in_(ACTIONS)
        )
        .order_by(Revision.id.desc())
        .first()
    )
    return revision


def undo_last(clock: Clock) -> Undone | None:
    """Reverse the newest change not yet undone; None when there is nothing to undo."""
    now = clock.now()
    with write():
        revision = last_undoable()
        if revision is None:
            return None
        model = UNDOABLE[revision.entity]
        before = _stored(model, json.loads(revision.data))
        current = model.get_or_none(model.id == revision.entity_id)
        if revision.action == "create":
            if current is not None:
                record_revision(current, "undo", now, revision.participant_id, snapshot(current))
                current.delete_instance()
        elif revision.action == "delete":
            model.insert(**before).execute()
            restored = model.get_by_id(revision.entity_id)
            record_revision(restored, "undo", now, revision.participant_id)
        elif current is not None:
            state = snapshot(current)
            for name, value in before.items():
                if name not in ("id", "version"):
                    setattr(current, name, value)
            current.version = int(getattr(current, "version", 0)) + 1
            current.save()
            record_revision(current, "undo", now, revision.participant_id, state)
        revision.undone_at = now
        revision.save()
    return Undone(revision.entity, revision.action, revision.entity_id, revision.participant_id)
