"""Erasure: a participant and every row that names them leave the database, and the file.

Deleting rows is not enough. ``secure_delete`` zeroes deleted cells, but a b-tree rebalance can
leave stale copies of moved cells in a page's unused area, and FTS5 keeps deleted words until a
merge (see migration 3). So after the delete, outside the transaction, the index is optimized,
the file is rebuilt with ``VACUUM`` and the WAL is checkpointed and truncated; only then is no
byte of the name or the notes left in the ``.db`` or ``-wal`` file. The audit trail keeps the
participant's id and "erase" (ids only, no names), so an access request can still be answered.

On a PostgreSQL server a deleted row stays in its table's pages as a dead tuple until a vacuum
(and a plain ``VACUUM`` only marks the space free: the bytes stay in the page until reused). So
the tables that held the rows are rewritten with ``VACUUM (FULL)``, which copies the live rows
into new files (a new ``pg_relation_filenode``), rebuilds the indexes and the TOAST table, and
drops the old files. It needs the table's owner (or, from PostgreSQL 17, the MAINTAIN
privilege) -- anyone else gets a warning and the table skipped, so success is checked by the
filenode changing, not by the absence of an error -- and an exclusive lock, taken under a short
``lock_timeout`` so the app never hangs behind a colleague's open transaction. A transaction
older than the delete (a colleague's, a replica's feedback, a prepared transaction) makes the
rewrite keep the deleted rows; that is checked and said. What the server keeps beyond the
tables (write-ahead log, replicas, its own backups, freed disk blocks) is its administrator's.

Backups made before the erasure still hold the person: they are listed, never touched unless
the user asks for them to be purged. For a server database these are the ``pg_dump`` files
``tp backup`` wrote (tp_tui.services.server_backup).
"""

from __future__ import annotations

import calendar
import hashlib
import json
import os
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast

from peewee import DatabaseError, ModelSelect, PostgresqlDatabase, SqliteDatabase

from tp_tui.clock import OSLO, Clock
from tp_tui.db import write
from tp_tui.domain import ParticipantStatus
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
    Participant,
    PlanItem,
    Revision,
    RoundVisit,
    StageRecord,
    db,
    delete_query,
)
from tp_tui.paths import data_dir
from tp_tui.services.audit import record
from tp_tui.services.erasure_matches import Unlinked, find_unlinked, marks_of, redact_unlinked
from tp_tui.services.history import keep_revision, name_change
from tp_tui.services.written_files import files_holding
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
    # Rows that name them without being theirs (erasure_matches.Unlinked.counts()).
    unlinked: dict[str, int] = field(default_factory=dict)
    files: tuple[Path, ...] = ()  # exports tp wrote that still hold them (written_files.py)


@dataclass(frozen=True)
class ErasureResult:
    counts: dict[str, int]
    erased_at: datetime
    scrubbed: bool  # False: another copy kept the file busy; run scrub() again later
    on_server: bool = False  # PostgreSQL: tables rewritten, no file of ours
    problem: str = ""  # why not scrubbed, a translation key (see ServerScrub)
    files: tuple[Path, ...] = ()  # exports tp wrote that held them: to list, or to purge


@dataclass(frozen=True)
class ServerScrub:
    """How the rewrite of the tables on a PostgreSQL server went."""

    done: bool
    problem: str = ""  # a key in locale/*_server_erasure.py when not done
    rewritten: tuple[str, ...] = ()  # tables that got new files


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


def _what_goes(participant_id: int, keep_unlinked: bool) -> tuple[dict[str, list[int]], Unlinked]:
    """Their rows, and the rows naming them elsewhere (none when those are kept)."""
    unlinked = find_unlinked(participant_id)
    targets = _targets(participant_id, () if keep_unlinked else unlinked.free_calls)
    own = set(targets["revisions"])
    unlinked = replace(unlinked, revisions=tuple(r for r in unlinked.revisions if r not in own))
    return targets, Unlinked() if keep_unlinked else unlinked


def plan_erasure(participant_id: int) -> ErasurePlan:
    """What erasing would delete: rows per table, the rows elsewhere that name them, and the
    name to confirm against."""
    participant = Participant.get_or_none(Participant.id == participant_id)
    if participant is None:
        raise ErasureRefused("erase.error.no_id", id=participant_id)
    targets, unlinked = _what_goes(participant_id, keep_unlinked=False)
    counts = {table: len(targets[table]) for table in COUNT_ORDER}
    files = _their_files(participant)
    return ErasurePlan(participant_id, participant.name, counts, unlinked.counts(), files)


def _their_files(participant: Participant) -> tuple[Path, ...]:
    return tuple(files_holding(participant.id, marks_of(participant).spellings()))


def erase(
    participant_id: int, typed_name: str, clock: Clock, keep_unlinked: bool = False
) -> ErasureResult:
    """Delete the participant and every row about them, then scrub the file (see the module).

    Calls owed to their name or number as a free name go too, and their name and number are
    taken out of other people's notes, unless ``keep_unlinked``."""
    now = clock.now()
    on_server = isinstance(db.obj, PostgresqlDatabase)
    delete_xid: int | None = None
    with write():
        participant = Participant.get_or_none(Participant.id == participant_id)
        if participant is None:
            raise ErasureRefused("erase.error.no_id", id=participant_id)
        if typed_name.strip() != participant.name.strip():
            raise ErasureRefused("erase.error.name_mismatch")
        targets, unlinked = _what_goes(participant_id, keep_unlinked)
        files = _their_files(participant)
        redact_unlinked(unlinked, marks_of(participant))
        # Other people's callbacks may point at these contacts or callbacks: unlink them first,
        # whatever the foreign-key setting of this connection.
        if targets["contacts"]:
            Callback.update(contact=None).where(Callback.contact.in_(targets["contacts"])).execute()
        calls = targets["callbacks"] + targets["free_calls"]
        if calls:
            Callback.update(rescheduled_from=None).where(
                Callback.rescheduled_from.in_(calls)
            ).execute()
        # The plan document's rows (m0012) hold the participant's goals: before their plan.
        plans = IndividualPlan.select(IndividualPlan.id).where(
            IndividualPlan.participant == participant_id
        )
        delete_query(PlanItem).where(PlanItem.plan.in_(plans)).execute()
        # Children first, explicitly: the same rows go with foreign keys on (cascade) or off.
        for table, ids in targets.items():
            model = MODELS[table]
            for start in range(0, len(ids), 500):  # stay under SQLite's variable limit
                delete_query(model).where(model.id.in_(ids[start : start + 500])).execute()
        # Handovers (m0007) may carry a note about the person: they go too.
        delete_query(Handover).where(Handover.participant == participant_id).execute()
        participant.delete_instance()  # its trigger optimizes the search index
        record("erase", participant_id, now, "participant", participant_id)
        # Undo stops here, saying why: an erasure is final. The mark names no one.
        name_change("participant.erase", role="final")
        keep_revision("erasure", 0, "erase", now, None)
        if on_server:
            # The deleting transaction's id: a snapshot older than it keeps the dead rows.
            delete_xid = int(db.execute_sql("SELECT txid_current()").fetchone()[0])
    counts = {table: len(targets[table]) for table in COUNT_ORDER}
    if on_server:
        outcome = scrub_server(ERASED_TABLES, delete_xid)
        return ErasureResult(counts, now, outcome.done, True, outcome.problem, files)
    return ErasureResult(counts, now, scrub(), files=files)


def result_message(result: ErasureResult, participant_id: int, count: int) -> str:
    """What to tell the user after :func:`erase`: true for the engine it ran on.

    On a server never "the file": rows deleted, tables rewritten (or why not, and whom to ask),
    and what the server itself keeps.
    """
    from tp_tui.i18n import t

    if not result.on_server:
        if result.scrubbed:
            return t("erase.done", id=participant_id, count=count)
        return t("erase.not_scrubbed", id=participant_id)
    if result.scrubbed:
        first = t("erase.server.done", id=participant_id, count=count)
    else:
        first = t("erase.server.not_scrubbed", id=participant_id, count=count)
        first += " " + t(result.problem or "erase.server.reason.failed")
    return first + " " + t("erase.server.keeps")


def scrub_message(outcome: ServerScrub) -> str:
    """What ``tp erase --scrub`` says on a server."""
    from tp_tui.i18n import t

    if outcome.done:
        return t("erase.server.scrubbed") + " " + t("erase.server.keeps")
    return t("erase.server.scrub_failed") + " " + t(outcome.problem or "erase.server.reason.failed")


def scrub() -> bool:
    """Leave no copy of deleted text in the file or its WAL; False if another copy held it.

    On a PostgreSQL server: rewrite every table that holds participant data (see
    :func:`scrub_server`, which also says why not). Runs outside any transaction (VACUUM
    cannot run inside one).
    """
    database = db.obj
    if isinstance(database, PostgresqlDatabase):
        return scrub_server(ERASED_TABLES).done
    if not isinstance(database, SqliteDatabase):
        return False
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


# Every table that holds rows about a participant (what erase() deletes or unlinks), by name.
# RoundVisit: its note may name them (erasure_matches redacts it).
_ERASED_MODELS: tuple[type[BaseModel], ...] = (
    Participant,
    *MODELS.values(),
    Handover,
    RoundVisit,
    PlanItem,
)
ERASED_TABLES: tuple[str, ...] = tuple(
    dict.fromkeys(model._meta.table_name for model in _ERASED_MODELS)
)
LOCK_TIMEOUT = "5s"  # how long the rewrite waits for a colleague's transaction on a table
# SQLSTATEs: lock_not_available, insufficient_privilege.
_LOCKED, _DENIED = "55P03", "42501"


def _filenodes(tables: tuple[str, ...]) -> dict[str, int | None]:
    sql = "SELECT t, pg_relation_filenode(to_regclass(t)) FROM unnest(%s::text[]) AS t"
    return {str(name): node for name, node in db.execute_sql(sql, (list(tables),)).fetchall()}


def _older_snapshots(reference_xid: int) -> bool:
    """Something on the server may still see rows deleted by transaction ``reference_xid``:
    another session of this database (or a standby's feedback) with a snapshot or transaction
    that old, a replication slot holding rows back, or a prepared transaction."""
    reference = "(%s::bigint %% 4294967296)::text::xid"
    sessions = (
        "SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
        "AND (datname = current_database() OR backend_type = 'walsender') "
        "AND backend_type <> 'autovacuum worker' "
        f"AND (age(backend_xmin) >= age({reference}) OR age(backend_xid) >= age({reference}))"
    )
    slots = f"SELECT count(*) FROM pg_replication_slots WHERE age(xmin) >= age({reference})"
    prepared = (
        "SELECT count(*) FROM pg_prepared_xacts WHERE database = current_database() "
        f"AND age(transaction) >= age({reference})"
    )
    for sql in (sessions, slots, prepared):
        params = (reference_xid,) * sql.count("%s")
        if int(db.execute_sql(sql, params).fetchone()[0]):
            return True
    return False


def _sqlstate(error: Exception) -> str:
    for candidate in (error, *error.args, error.__cause__, error.__context__):
        code = getattr(candidate, "pgcode", None)
        if code:
            return str(code)
    return ""


def scrub_server(tables: tuple[str, ...], delete_xid: int | None = None) -> ServerScrub:
    """Rewrite ``tables`` with VACUUM (FULL) so deleted rows leave the server's table files.

    Outside any transaction, in autocommit (restored afterwards), under ``LOCK_TIMEOUT``
    (restored afterwards). Done only when every table got a new file and nothing older than
    the delete (``delete_xid``; else now) could still see the deleted rows.
    """
    if db.in_transaction():
        return ServerScrub(False, "erase.server.reason.failed")
    connection = db.connection()
    autocommit = connection.autocommit
    try:
        if not autocommit:
            connection.rollback()
            connection.autocommit = True
        timeout = db.execute_sql("SELECT current_setting('lock_timeout')").fetchone()[0]
        try:
            return _rewrite(tables, delete_xid)
        finally:
            db.execute_sql("SELECT set_config('lock_timeout', %s, false)", (timeout,))
    except DatabaseError:
        return ServerScrub(False, "erase.server.reason.failed")
    finally:
        if connection.autocommit != autocommit:
            connection.autocommit = autocommit


def _rewrite(tables: tuple[str, ...], delete_xid: int | None) -> ServerScrub:
    if delete_xid is None:
        delete_xid = int(db.execute_sql("SELECT txid_current()").fetchone()[0])
    held = _older_snapshots(delete_xid)
    present = {name: node for name, node in _filenodes(tables).items() if node is not None}
    db.execute_sql("SELECT set_config('lock_timeout', %s, false)", (LOCK_TIMEOUT,))
    problem = ""
    if present:
        names = ", ".join('"' + name.replace('"', '""') + '"' for name in present)
        try:
            db.execute_sql(f"VACUUM (FULL) {names}")
        except DatabaseError as error:
            code = _sqlstate(error)
            # A statement_timeout (57014) set for the role is the administrator's: "failed".
            problem = {
                _LOCKED: "erase.server.reason.locked",
                _DENIED: "erase.server.reason.not_owner",
            }.get(code, "erase.server.reason.failed")
    after = _filenodes(tuple(present))
    rewritten = tuple(name for name, node in present.items() if after.get(name) != node)
    if not problem and len(rewritten) < len(present):
        # VACUUM skips a table it may not touch with a warning, not an error.
        problem = "erase.server.reason.not_owner"
    if not problem and (held or _older_snapshots(delete_xid)):
        problem = "erase.server.reason.held"
    return ServerScrub(not problem, problem, rewritten)


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


def _server_backup_time(path: Path) -> datetime | None:
    """When ``tp backup`` made a pg_dump file: its name, in Oslo time (server_backup's rule)."""
    from tp_tui.services.server_backup import NAME_FORMAT

    try:
        return datetime.strptime(path.name, f"{NAME_FORMAT}.dump").replace(tzinfo=OSLO)
    except ValueError:
        return None


def backups_older_than(db_path: Path | str, when: datetime) -> list[Path]:
    """Backups of this database made before ``when``, oldest first (they may hold erased data).

    ``db_path`` is the database file, or a ``postgresql://`` URL: then the pg_dump files
    ``tp backup`` wrote for that server database (half-written ``.partial`` files never count).
    """
    from tp_tui.server import is_server_url

    if is_server_url(db_path):
        from tp_tui.services.server_backup import backup_folder as server_folder

        folder, pattern, when_made = server_folder(str(db_path)), "*.dump", _server_backup_time
    else:
        folder, pattern, when_made = backup_folder(Path(db_path)), BACKUP_PATTERN, _backup_time
    found = []
    for path in folder.glob(pattern):
        made = when_made(path)
        # The same second counts: a backup tp made just before erasing is named with it.
        if made is not None and made <= when and path.is_file():
            found.append((made, path))
    return [path for _, path in sorted(found)]


def current_server_url() -> str | None:
    """The bound server database as a URL for :func:`backups_older_than` (no user, no
    password), or None for a file. Built from the connection the way server_backup names its
    folders: host (or "local" for a socket), port, database."""
    database = db.obj
    if not isinstance(database, PostgresqlDatabase):
        return None
    params = database.connect_params
    host = str(params.get("host") or "")
    host = "" if not host or host.startswith("/") else host
    host = f"[{host}]" if ":" in host else host
    port = f":{params['port']}" if params.get("port") else ""
    return f"postgresql://{host}{port}/{database.database}"


def _zero(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as handle:
        block = b"\0" * 65536
        written = 0
        while written < size:
            written += handle.write(block[: min(len(block), size - written)])
        handle.flush()
        os.fsync(handle.fileno())


def purge_files(participant_id: int, paths: list[Path], now: datetime) -> int:
    """Overwrite and remove ``paths`` (see :func:`purge_backups`), drop them from the ledger of
    written files, and leave the tombstone in the audit trail: how many files went, no names."""
    from tp_tui.services.written_files import forget

    removed = purge_backups(paths)
    forget(paths)
    if removed:
        with write():
            record("erase.files", participant_id, now, "files", removed)
    return removed


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
