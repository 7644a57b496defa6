"""Undo the last change, from any screen, also after a restart; redo what was just undone.

A change is what one save wrote (``tp_tui.services.history``): a stage move, a round visit, a
guest with their call owed, a contact and the call it returned. Each revision in it holds a
record as it was before; undoing puts every record of the change back as it was (removes what
was created, brings back what was deleted), newest first, and keeps those steps as a change of
its own, so redo is undoing the undo, and the records' history stays complete.

On a team's database each trust person undoes their own changes only (the revision's
``made_by``), and not one that a colleague has changed again since: that would throw away the
colleague's work without them knowing (:class:`UndoBlocked`). A change that cannot be undone
(an erasure) stops undo there: it says so and undoes nothing older (:class:`NotUndoable`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from peewee import DateField, ForeignKeyField, ModelSelect

from tp_tui.clock import Clock
from tp_tui.db import write
from tp_tui.models import (
    ALL_MODELS,
    BaseModel,
    Callback,
    MeetingPlace,
    MomentField,
    Participant,
    Revision,
    RoundVisit,
    TrustPerson,
    delete_query,
)
from tp_tui.services.history import (
    Unkept,
    keep_revision,
    name_change,
    newest_revision_id,
    snapshot,
    unkept,
)

MODELS: dict[str, type[BaseModel]] = {model._meta.table_name: model for model in ALL_MODELS}
# Undo's own revisions from before m0010 ("undo") are steps, not changes to take back.
OLD_UNDO_ACTION = "undo"
# Redo must stop at the newest change made since the undo; looking further back than this many
# undos already redone is not worth it (one would have to redo that many times first).
REDO_DEPTH = 500


class UndoBlocked(Exception):
    """Nothing was undone: a colleague changed a record of the change after it was made."""

    def __init__(self, entity: str, action: str) -> None:
        super().__init__(entity)
        self.entity = entity
        self.action = action


class NotUndoable(Exception):
    """Nothing was undone (or redone): the change cannot be; ``reason`` says why, ``kind``
    which change it is (a key below ``change.``)."""

    def __init__(self, kind: str, reason: str, name: str = "") -> None:
        super().__init__(kind)
        self.kind = kind
        self.reason = reason  # "final", "depends", "gone", "not_redoable"
        self.name = name


@dataclass(frozen=True)
class Undone:
    """What was undone or redone, for the message: which change, and for whom."""

    kind: str
    name: str
    participant_id: int | None
    entity: str
    action: str
    entity_id: int


def _mine(me: int | None) -> Any:
    mine = Revision.made_by.is_null()
    return mine | (Revision.made_by == me) if me is not None else mine


def _leaders(me: int | None) -> ModelSelect[Revision]:
    """The first revision of each of my changes (a revision from before m0010 is a change)."""
    return Revision.select().where(
        Revision.change_id.is_null() & (Revision.action != OLD_UNDO_ACTION) & _mine(me)
    )


def last_undoable(me: int | None = None) -> Revision | None:
    """The first revision of my newest change not yet undone (an undo is not such a change:
    redo is how to take it back); with ``me`` None, of changes made before authors were kept.

    SQLite walks revision by id from the end and stops at the first match.
    """
    revision: Revision | None = (
        _leaders(me)
        .where(Revision.undone_at.is_null() & (Revision.role.is_null() | (Revision.role != "undo")))
        .order_by(Revision.id.desc())
        .first()
    )
    return revision


def last_redoable(me: int | None = None) -> Revision | None:
    """The undo to take back: my newest undo not yet redone, unless I made a change since."""
    query = (
        _leaders(me)
        .where(Revision.role.is_null() | (Revision.role != "redo"))
        .order_by(Revision.id.desc())
        .limit(REDO_DEPTH)
    )
    for revision in query:
        if revision.role != "undo":
            return None  # a change made after the undos: what they took back stays taken back
        if revision.undone_at is None:
            return revision
    return None


def _change(leader: Revision) -> list[Revision]:
    """Every revision of the change ``leader`` leads, oldest first."""
    rest = Revision.select().where((Revision.change_id == leader.id) & (Revision.id > leader.id))
    return [leader, *rest.order_by(Revision.id)]


def _changed_by_others_since(revisions: list[Revision], me: int | None) -> bool:
    """A later change of one of these records by someone else (revisions without an author,
    from before m0009, count as nobody's)."""
    ours = [revision.id for revision in revisions]
    for revision in revisions:
        others = Revision.made_by.is_null(False) & Revision.id.not_in(ours)
        if me is not None:
            others &= Revision.made_by != me
        later = Revision.select(Revision.id).where(
            (Revision.entity == revision.entity)
            & (Revision.entity_id == revision.entity_id)
            & (Revision.id > revision.id)
            & others
        )
        if later.exists():
            return True
    return False


def _stored(model: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    """A snapshot's JSON values back into what the fields store (times and days as such)."""
    values: dict[str, Any] = {}
    for name, value in data.items():
        field = model._meta.fields.get(name)
        if field is None:
            continue
        if isinstance(value, str) and isinstance(field, MomentField):
            value = datetime.fromisoformat(value)
        elif isinstance(value, str) and isinstance(field, DateField):
            value = date.fromisoformat(value)
        values[name] = value
    return values


def _kind(leader: Revision) -> str:
    return leader.kind or f"{leader.entity}.{leader.action}"


def _name(revisions: Iterable[Revision]) -> tuple[str, int | None]:
    """Whom (or which place or colleague) the change was about, read before it is taken back."""
    for revision in revisions:
        if revision.participant_id is not None:
            person = Participant.get_or_none(Participant.id == revision.participant_id)
            if person is not None:
                return str(person.name), int(revision.participant_id)
    for revision in revisions:
        if revision.entity == "meeting_place":
            place = MeetingPlace.get_or_none(MeetingPlace.id == revision.entity_id)
            return (str(place.name) if place else ""), None
        if revision.entity == "round_visit":
            visit = RoundVisit.get_or_none(RoundVisit.id == revision.entity_id)
            place = MeetingPlace.get_or_none(MeetingPlace.id == visit.place_id) if visit else None
            return (str(place.name) if place else ""), None
        if revision.entity == "callback":
            call = Callback.get_or_none(Callback.id == revision.entity_id)
            if call is not None and call.caller_name:
                return str(call.caller_name), None
        if revision.entity == "trust_person":
            colleague = TrustPerson.get_or_none(TrustPerson.id == revision.entity_id)
            return (str(colleague.name) if colleague else ""), None
    return "", None


def _dependents(model: type[BaseModel], record_id: int) -> bool:
    """Rows elsewhere still point at the record: removing it would take them along, or leave
    them pointing nowhere (the revisions about it are history, not dependents)."""
    for field, child in model._meta.backrefs.items():
        if child is Revision or not isinstance(field, ForeignKeyField):
            continue
        if child.select(child.id).where(field == record_id).exists():
            return True
    return False


def _take_back(revision: Revision, now: datetime, kind: str, name: str, forget: set[int]) -> None:
    """Put the record of ``revision`` back as it was before it, keeping that step as a revision
    of the change being made (not for a participant in ``forget``: see :func:`_reverse`)."""
    model = MODELS.get(revision.entity)
    if model is None:
        raise NotUndoable(kind, "final", name)
    current = model.get_or_none(model.id == revision.entity_id)
    participant_id = revision.participant_id
    if revision.action == "create":
        if current is None:
            return  # already gone
        if _dependents(model, revision.entity_id):
            raise NotUndoable(kind, "depends", name)
        if model is Participant:
            delete_query(Revision).where(Revision.participant == revision.entity_id).execute()
            current.delete_instance()
            keep_revision(revision.entity, revision.entity_id, "delete", now, None)
            return
        if participant_id in forget:
            current.delete_instance()  # made for them in this change: it goes with them
            return
        keep_revision(
            revision.entity,
            revision.entity_id,
            "delete",
            now,
            participant_id,
            json.dumps(snapshot(current), ensure_ascii=False),
        )
        current.delete_instance()
        return
    if participant_id in forget:
        return  # what the change did to their records goes with them
    before = _stored(model, json.loads(revision.data or "{}"))
    if revision.action == "delete":
        if not before:
            raise NotUndoable(kind, "not_redoable", name)
        if current is None:
            model.insert(**before).execute()
            keep_revision(revision.entity, revision.entity_id, "create", now, participant_id)
        return
    if current is None:
        raise NotUndoable(kind, "gone", name)
    state = snapshot(current)
    for field, value in before.items():
        if field not in ("id", "version"):
            setattr(current, field, value)
    if "version" in model._meta.fields:
        current.version = int(state.get("version") or 0) + 1  # type: ignore[attr-defined]
    current.save()
    keep_revision(
        revision.entity,
        revision.entity_id,
        "update",
        now,
        participant_id,
        json.dumps(state, ensure_ascii=False),
    )


def _reverse(leader: Revision, role: str, now: datetime, me: int | None) -> Undone:
    """Take back the whole change ``leader`` leads, newest revision first, as one change."""
    revisions = _change(leader)
    kind = _kind(leader)
    name, participant_id = _name(revisions)
    if leader.role == "final":
        raise NotUndoable(kind, "final", name)
    if _changed_by_others_since(revisions, me):
        raise UndoBlocked(leader.entity, leader.action)
    # A participant that never should have been goes with everything the change made for
    # them and their history, which names them: only a mark of the step is kept, with nothing
    # of them in it, so it cannot be redone.
    forget = {
        revision.entity_id
        for revision in revisions
        if revision.entity == "participant" and revision.action == "create"
    }
    # Marked first: taking back a participant deletes their revisions, and SQLite may give the
    # next revision the freed id.
    Revision.update(undone_at=now).where(Revision.id == leader.id).execute()
    name_change(kind, role, int(leader.id))
    for revision in reversed(revisions):
        _take_back(revision, now, kind, name, forget)
    return Undone(kind, name, participant_id, leader.entity, leader.action, int(leader.entity_id))


def undo_last(clock: Clock) -> Undone | None:
    """Take back my newest change not yet undone; None when there is nothing to undo.

    Raises:
        UndoBlocked: a colleague has changed a record of it since; nothing is undone.
        NotUndoable: the change cannot be undone (or no longer); nothing is undone.
    """
    from tp_tui.services.team import my_id

    now = clock.now()
    me = my_id()
    with write():
        leader = last_undoable(me)
        made, undone = unkept()
        if made and (leader is None or leader.id <= made[-1].after):
            change = made[-1]
            _take_back_unkept(change)
            made.pop()
            change.after = newest_revision_id()
            undone.append(change)
            return Undone(f"{change.entity}.create", "", None, change.entity, "create", 0)
        if leader is None:
            return None
        return _reverse(leader, "undo", now, me)


def redo_last(clock: Clock) -> Undone | None:
    """Make again what my last undo took back; None when there is nothing to redo (nothing
    undone, or a change made since).

    Raises:
        UndoBlocked: a colleague has changed a record of it since; nothing is redone.
        NotUndoable: what was undone cannot be made again; nothing is redone.
    """
    from tp_tui.services.team import my_id

    now = clock.now()
    me = my_id()
    with write():
        leader = last_redoable(me)
        made, undone = unkept()
        if undone and (leader is None or leader.id <= undone[-1].after):
            change = undone[-1]
            if _made_since(change.after, me):
                undone.clear()
                return None
            _put_back_unkept(change)
            undone.pop()
            change.after = newest_revision_id()
            made.append(change)
            return Undone(f"{change.entity}.create", "", None, change.entity, "create", 0)
        if leader is None:
            return None
        return _reverse(leader, "redo", now, me)


def _made_since(revision_id: int, me: int | None) -> bool:
    """A change of mine kept after ``revision_id`` that is not an undo or redo."""
    return bool(_leaders(me).where((Revision.id > revision_id) & Revision.role.is_null()).exists())


def _take_back_unkept(change: Unkept) -> None:
    """Remove what a change without revisions made, keeping its rows in memory for redo."""
    model = MODELS[change.entity]
    record = model.get_or_none(model.id == change.entity_id)
    if record is None:
        return
    rows: list[tuple[str, dict[str, Any]]] = [(change.entity, dict(record.__data__))]
    for field, child in model._meta.backrefs.items():
        for row in child.select().where(field == change.entity_id).order_by(child.id):
            rows.append((child._meta.table_name, dict(row.__data__)))
    for table, data in reversed(rows):
        delete_query(MODELS[table]).where(MODELS[table].id == data["id"]).execute()
    change.rows = rows


def _put_back_unkept(change: Unkept) -> None:
    for table, data in change.rows:
        MODELS[table].insert(**data).execute()
    change.rows = []
