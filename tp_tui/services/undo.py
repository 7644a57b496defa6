"""Undo the last change, from any screen, also after a restart: revisions make it possible.

Each revision holds the record as it was before a change. Undoing puts that state back (or
removes what was created, or restores what was deleted) and keeps a revision of its own, so the
record's history stays complete.

On a team's database each trust person undoes their own changes only (the revision's
``made_by``), and not one that a colleague has changed again since: that would throw away the
colleague's work without them knowing (:class:`UndoBlocked`).
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


class UndoBlocked(Exception):
    """Nothing was undone: a colleague changed the record after this change."""

    def __init__(self, entity: str, action: str) -> None:
        super().__init__(entity)
        self.entity = entity
        self.action = action


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


def last_undoable(me: int | None = None) -> Revision | None:
    """The newest revision not yet undone of a change that can be undone, made by ``me`` (or
    before authors were kept; with ``me`` None, only those).

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
            & (Revision.made_by.is_null() | (Revision.made_by == me))
        )
        .order_by(Revision.id.desc())
        .first()
    )
    return revision


def _changed_by_others_since(revision: Revision, me: int | None) -> bool:
    """A later change of the same record by someone else (revisions without an author, from
    before m0009, count as nobody's)."""
    others = Revision.made_by.is_null(False)
    if me is not None:
        others &= Revision.made_by != me
    return bool(
        Revision.select(Revision.id)
        .where(
            (Revision.entity == revision.entity)
            & (Revision.entity_id == revision.entity_id)
            & (Revision.id > revision.id)
            & others
        )
        .exists()
    )


def undo_last(clock: Clock) -> Undone | None:
    """Reverse my newest change not yet undone; None when there is nothing to undo.

    Raises:
        UndoBlocked: a colleague has changed the record since; nothing is undone.
    """
    from tp_tui.services.team import my_id

    now = clock.now()
    me = my_id()
    with write():
        revision = last_undoable(me)
        if revision is None:
            return None
        if _changed_by_others_since(revision, me):
            raise UndoBlocked(revision.entity, revision.action)
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
