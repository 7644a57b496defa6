"""Which rows go when a participant is erased, and deleting them.

Every row that is theirs, table by table (their own record first when counted, the history
last), found by id; and the rows elsewhere that name them without being theirs (calls owed to
their name as a free name, other people's notes: see erasure_matches.py). Deleting is children
first, explicitly, so the same rows go whether foreign keys are on (cascade) or off.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from peewee import SqliteDatabase

from tp_tui.models import (
    AreaRating,
    BaseModel,
    Callback,
    ChecklistMark,
    ConsentGrant,
    Contact,
    ExportRecord,
    Goal,
    GoalEvent,
    GroupMember,
    Handover,
    IndividualPlan,
    PlanItem,
    Revision,
    StageRecord,
    db,
    delete_query,
)
from tp_tui.services.erasure_matches import Unlinked, find_unlinked

# How counts are shown: the participant's own record first, the history last.
COUNT_ORDER = (
    "contacts", "callbacks", "goals", "goal_events", "ratings", "stage_records", "checklist",
    "group_members", "plans", "consents", "exports", "revisions",
)  # fmt: skip
# SQLite allows a few hundred variables in a statement: ids are deleted this many at a time.
CHUNK = 500


def _ids(query: Any) -> list[int]:
    return [row.id for row in query]


def _revision_ids(participant_id: int, contacts: list[int], callbacks: list[int]) -> list[int]:
    """Revisions about this person, however they were recorded.

    history.record_revision sets participant_id for participant, contact and callback
    revisions, but a snapshot can still name them where it is not set: a contact moved to
    another participant keeps its old owner in the "before" data, and a callback to a free
    name later tied to them has no participant id. So the JSON snapshot is checked too.
    """
    entity_rows = [
        ("participant", [participant_id]),
        ("contact", contacts),
        ("callback", callbacks),
    ]
    sqlite = isinstance(db.obj, SqliteDatabase)
    mark = db.param  # "?" on SQLite, "%s" on PostgreSQL
    clauses = [f"participant_id = {mark}"]
    params: list[object] = [participant_id]
    if sqlite:
        clauses.append(f"(json_valid(data) AND json_extract(data, '$.participant') = {mark})")
        params.append(participant_id)
    for entity, ids in entity_rows:
        if ids:
            marks = ", ".join(mark for _ in ids)
            clauses.append(f"(entity = {mark} AND entity_id IN ({marks}))")
            params += [entity, *ids]
    sql = f"SELECT id FROM revision WHERE {' OR '.join(clauses)}"
    found = [row[0] for row in db.execute_sql(sql, params).fetchall()]
    if not sqlite:
        found = sorted(set(found) | set(_snapshot_revision_ids(participant_id)))
    return found


def _snapshot_revision_ids(participant_id: int) -> list[int]:
    """PostgreSQL: snapshots naming the participant, read in Python (the column is text that
    may not be valid JSON, and PostgreSQL 15 has no test for that which cannot raise)."""
    sql = "SELECT id, data FROM revision WHERE position('\"participant\"' in data) > 0"
    found = []
    for revision_id, data in db.execute_sql(sql).fetchall():
        try:
            snapshot = json.loads(data)
        except ValueError:
            continue
        owner = snapshot.get("participant") if isinstance(snapshot, dict) else None
        if type(owner) is int and owner == participant_id:
            found.append(int(revision_id))
    return found


def _targets(participant_id: int, free_calls: tuple[int, ...] = ()) -> dict[str, list[int]]:
    """The ids of every row that goes, per table, in the order they are deleted; with the
    calls owed to a free name that is theirs (see services/erasure_matches.py)."""
    contacts = _ids(Contact.select(Contact.id).where(Contact.participant == participant_id))
    callbacks = _ids(Callback.select(Callback.id).where(Callback.participant == participant_id))
    calls = [*callbacks, *free_calls]
    goals = _ids(Goal.select(Goal.id).where(Goal.participant == participant_id))

    def of(model: Any) -> list[int]:
        return _ids(model.select(model.id).where(model.participant == participant_id))

    return {
        "revisions": _revision_ids(participant_id, contacts, calls),
        "exports": of(ExportRecord),
        "consents": of(ConsentGrant),
        "ratings": of(AreaRating),
        "goal_events": _ids(GoalEvent.select(GoalEvent.id).where(GoalEvent.goal.in_(goals))),
        "goals": goals,
        "stage_records": of(StageRecord),
        "checklist": of(ChecklistMark),
        "plans": of(IndividualPlan),
        "group_members": of(GroupMember),
        "callbacks": callbacks,
        "free_calls": list(free_calls),
        "contacts": contacts,
    }


MODELS: dict[str, type[BaseModel]] = {
    "revisions": Revision, "exports": ExportRecord, "consents": ConsentGrant,
    "ratings": AreaRating, "goal_events": GoalEvent, "goals": Goal,
    "stage_records": StageRecord, "checklist": ChecklistMark, "plans": IndividualPlan,
    "group_members": GroupMember, "callbacks": Callback, "free_calls": Callback,
    "contacts": Contact,
}  # fmt: skip


def what_goes(participant_id: int, keep_unlinked: bool) -> tuple[dict[str, list[int]], Unlinked]:
    """Their rows, and the rows naming them elsewhere (none when those are kept)."""
    unlinked = find_unlinked(participant_id)
    targets = _targets(participant_id, () if keep_unlinked else unlinked.free_calls)
    own = set(targets["revisions"])
    unlinked = replace(unlinked, revisions=tuple(r for r in unlinked.revisions if r not in own))
    return targets, Unlinked() if keep_unlinked else unlinked


def delete_rows(participant_id: int, targets: dict[str, list[int]]) -> None:
    """Delete ``targets`` (from :func:`what_goes`) and what hangs off them, inside the caller's
    transaction; the participant's own row is the caller's to delete, last."""
    # Other people's callbacks may point at these contacts or callbacks: unlink them first,
    # whatever the foreign-key setting of this connection.
    if targets["contacts"]:
        Callback.update(contact=None).where(Callback.contact.in_(targets["contacts"])).execute()
    calls = targets["callbacks"] + targets["free_calls"]
    if calls:
        Callback.update(rescheduled_from=None).where(Callback.rescheduled_from.in_(calls)).execute()
    # The plan document's rows (m0012) hold the participant's goals: before their plan.
    plans = IndividualPlan.select(IndividualPlan.id).where(
        IndividualPlan.participant == participant_id
    )
    delete_query(PlanItem).where(PlanItem.plan.in_(plans)).execute()
    # Children first, explicitly: the same rows go with foreign keys on (cascade) or off.
    for table, ids in targets.items():
        model = MODELS[table]
        for start in range(0, len(ids), CHUNK):
            delete_query(model).where(model.id.in_(ids[start : start + CHUNK])).execute()
    # Handovers (m0007) may carry a note about the person: they go too.
    delete_query(Handover).where(Handover.participant == participant_id).execute()
