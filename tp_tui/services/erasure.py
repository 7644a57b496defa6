"""Erasure: a participant and every row that names them leave the database, and the file.

The rows go in one transaction (erasure_rows.py); then, outside it, no copy is left behind: the
SQLite file is rebuilt (erasure_sqlite.py), or on a server the tables are rewritten
(erasure_server.py). The audit trail keeps the participant's id and "erase" (ids only, no
names), so an access request can still be answered. Backups and exports made before still hold
them: backup_purge.py lists and, when asked, purges them. What to tell the user is the caller's
(tp_tui/erasure_words.py): this returns what happened.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from peewee import PostgresqlDatabase, SqliteDatabase

from tp_tui.clock import Clock
from tp_tui.db import write
from tp_tui.models import Participant, db
from tp_tui.services.audit import record
from tp_tui.services.erasure_matches import marks_of, redact_unlinked
from tp_tui.services.erasure_rows import COUNT_ORDER, delete_rows, what_goes
from tp_tui.services.erasure_server import ERASED_TABLES, scrub_server
from tp_tui.services.erasure_sqlite import scrub_file
from tp_tui.services.history import keep_revision, name_change
from tp_tui.services.written_files import files_holding


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


def plan_erasure(participant_id: int) -> ErasurePlan:
    """What erasing would delete: rows per table, the rows elsewhere that name them, and the
    name to confirm against."""
    participant = Participant.get_or_none(Participant.id == participant_id)
    if participant is None:
        raise ErasureRefused("erase.error.no_id", id=participant_id)
    targets, unlinked = what_goes(participant_id, keep_unlinked=False)
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
        targets, unlinked = what_goes(participant_id, keep_unlinked)
        files = _their_files(participant)
        redact_unlinked(unlinked, marks_of(participant))
        delete_rows(participant_id, targets)
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


def scrub() -> bool:
    """Leave no copy of deleted text in the file or its WAL; False if another copy held it.

    On a PostgreSQL server: rewrite every table that holds participant data (see
    :func:`~tp_tui.services.erasure_server.scrub_server`, which also says why not). Runs
    outside any transaction (VACUUM cannot run inside one).
    """
    database = db.obj
    if isinstance(database, PostgresqlDatabase):
        return scrub_server(ERASED_TABLES).done
    if not isinstance(database, SqliteDatabase):
        return False
    return scrub_file()
