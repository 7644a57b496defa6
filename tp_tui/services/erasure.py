"""Erasure: a participant and every row that names them leave the database, and the file.

Deleting rows is not enough. ``secure_delete`` zeroes deleted cells, but a b-tree rebalance can
leave stale copies of moved cells in a page's unused area, and FTS5 keeps deleted words until a
merge (see migration 3). So after the delete, outside the transaction, the index is optimized,
the file is rebuilt with ``VACUUM`` and the WAL is checkpointed and truncated; only then is no
byte of the name or the notes left in the ``.db`` or ``-wal`` file. The audit trail keeps the
participant's id and "erase" (ids only, no names), so an access request can still be answered.

Backups made before the erasure still hold the person: they are listed, never touched unless
the user asks for them to be purged.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast

from peewee import DatabaseError, ModelSelect, SqliteDatabase

from tp_tui.clock import OSLO, Clock
from tp_tui.db import write
from tp_tui.domain import ParticipantStatus
from tp_tui.models import (
    AreaRating,
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
    Participant,
    Revision,
    StageRecord,
    db,
)
from tp_tui.paths import data_dir
from tp_tui.services.audit import record
from tp_tui.settings import Settings

# How counts are shown: the participant's own record first, the history last.
COUNT_ORDER = (
    "contacts", "callbacks", "goals", "goal_events", "ratings", "stage_records", "checklist",
    "group_members", "plans", "consents", "exports", "revisions",
)  # fmt: skip
BACKUP_PATTERN = "tp-*.db"
BACKUP_NAME_FORMAT = "tp-%Y%m%d-%H%M%S.db"  # the backup service's naming, in Oslo time


class ErasureRefused(Exception):
    """Nothing was erased; ``key`` is a translation key."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class ErasurePlan:
    participant_id: int
    name: str  # for the confirmation only: never logged
    counts: dict[str, int]


@dataclass(frozen=True)
class ErasureResult:
    counts: dict[str, int]
    erased_at: datetime
    scrubbed: bool  # False: another copy kept the file busy; run scrub() again later


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


def _targets(participant_id: int) -> dict[str, list[int]]:
    """The ids of every row that goes, per table, in the order they are deleted."""
    contacts = _ids(Contact.select(Contact.id).where(Contact.participant == participant_id))
    callbacks = _ids(Callback.select(Callback.id).where(Callback.participant == participant_id))
    goals = _ids(Goal.select(Goal.id).where(Goal.participant == participant_id))

    def of(model: Any) -> list[int]:
        return _ids(model.select(model.id).where(model.participant == participant_id))

    return {
        "revisions": _revision_ids(participant_id, contacts, callbacks),
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
        "contacts": contacts,
    }


MODELS = {
    "revisions": Revision, "exports": ExportRecord, "consents": ConsentGrant,
    "ratings": AreaRating, "goal_events": GoalEvent, "goals": Goal,
    "stage_records": StageRecord, "checklist": ChecklistMark, "plans": IndividualPlan,
    "group_members": GroupMember, "callbacks": Callback, "contacts": Contact,
}  # fmt: skip


def plan_erasure(participant_id: int) -> ErasurePlan:
    """What erasing would delete: rows per table, and the name to confirm against."""
    participant = Participant.get_or_none(Participant.id == participant_id)
    if participant is None:
        raise ErasureRefused("erase.error.no_id", id=participant_id)
    targets = _targets(participant_id)
    counts = {table: len(targets[table]) for table in COUNT_ORDER}
    return ErasurePlan(participant_id, participant.name, counts)


def erase(participant_id: int, typed_name: str, clock: Clock) -> ErasureResult:
    """Delete the participant and every row about them, then scrub the file (see the module)."""
    now = clock.now()
    with write():
        participant = Participant.get_or_none(Participant.id == participant_id)
        if participant is None:
            raise ErasureRefused("erase.error.no_id", id=participant_id)
        if typed_name.strip() != participant.name.strip():
            raise ErasureRefused("erase.error.name_mismatch")
        targets = _targets(participant_id)
        # Other people's callbacks may point at these contacts or callbacks: unlink them first,
        # whatever the foreign-key setting of this connection.
        if targets["contacts"]:
            Callback.update(contact=None).where(Callback.contact.in_(targets["contacts"])).execute()
        if targets["callbacks"]:
            Callback.update(rescheduled_from=None).where(
                Callback.rescheduled_from.in_(targets["callbacks"])
            ).execute()
        # Children first, explicitly: the same rows go with foreign keys on (cascade) or off.
        for table, ids in targets.items():
            model = MODELS[table]
            for start in range(0, len(ids), 500):  # stay under SQLite's variable limit
                model.delete().where(model.id.in_(ids[start : start + 500])).execute()
        # Handovers (m0007) may carry a note about the person: they go too.
        Handover.delete().where(Handover.participant == participant_id).execute()
        participant.delete_instance()  # its trigger optimizes the search index
        record("erase", participant_id, now, "participant", participant_id)
    counts = {table: len(targets[table]) for table in COUNT_ORDER}
    return ErasureResult(counts, now, scrub())


def scrub() -> bool:
    """Leave no copy of deleted text in the file or its WAL; False if another copy held it.

    Runs outside any transaction (VACUUM cannot run inside one).
    """
    database = db.obj
    if not isinstance(database, SqliteDatabase):
        return True
    try:
        has_index = db.execute_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_index'"
        ).fetchone()
        if has_index:
            db.execute_sql("INSERT INTO search_index (search_index) VALUES ('optimize')")
        db.execute_sql("VACUUM")
        busy = db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    except DatabaseError:
        return False
    return bool(busy == 0)


def _backup_time(path: Path) -> datetime | None:
    try:
        return datetime.strptime(path.name, BACKUP_NAME_FORMAT).replace(tzinfo=OSLO)
    except ValueError:
        return None


def backup_folder(db_path: Path) -> Path:
    """Where the backup service keeps this database's backups (its rule, not imported).

    A file in the data folder uses its stem; any other file its stem and a short hash of its full
    path, so two files called ``tp.db`` never share a folder (nor have each other's purged).
    """
    path = Path(db_path).expanduser().resolve()
    name = path.stem
    if path.parent != data_dir().resolve():
        name += "-" + hashlib.sha256(str(path).encode()).hexdigest()[:8]
    return data_dir() / "backups" / name


def backups_older_than(db_path: Path, when: datetime) -> list[Path]:
    """Backups of this database made before ``when``, oldest first (they may hold erased data)."""
    folder = backup_folder(db_path)
    found = []
    for path in folder.glob(BACKUP_PATTERN):
        made = _backup_time(path)
        if made is not None and made < when and path.is_file():
            found.append((made, path))
    return [path for _, path in sorted(found)]


def _zero(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as handle:
        block = b"\0" * 65536
        written = 0
        while written < size:
            written += handle.write(block[: min(len(block), size - written)])
        handle.flush()
        os.fsync(handle.fileno())


def purge_backups(paths: list[Path]) -> int:
    """Overwrite each backup (and any -wal/-shm beside it) with zeros, fsync, then delete it.

    On SSDs and copy-on-write file systems the old blocks may survive an overwrite; encryption
    at rest is what protects those. Returns how many backups were removed.
    """
    removed = 0
    for path in paths:
        if not path.is_file():
            continue
        for part in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            if part.is_file():
                _zero(part)
                part.unlink()
        removed += 1
    return removed


def _months_before(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _retention_due(now: datetime, settings: Settings) -> ModelSelect[Participant]:
    cutoff = _months_before(now.date(), settings.retention_months)
    return Participant.select(Participant.id).where(
        (Participant.status == ParticipantStatus.CLOSED.value)
        & Participant.closed_on.is_null(False)
        & (Participant.closed_on < cutoff)
    )


def retention_candidates(now: datetime, settings: Settings) -> list[tuple[int, str, date]]:
    """Participants closed longer than ``settings.retention_months``: (id, name, closed on)."""
    query = _retention_due(now, settings).select(
        Participant.id, Participant.name, Participant.closed_on
    )
    # Plain tuples: a model object for each of thousands of closed participants costs more
    # than the query.
    return cast(
        list[tuple[int, str, date]],
        list(query.order_by(Participant.closed_on, Participant.id).tuples()),
    )


def retention_count(now: datetime, settings: Settings) -> int:
    """How many :func:`retention_candidates` there are, counted in SQLite (the notice on start
    needs only the number)."""
    return int(_retention_due(now, settings).count())
