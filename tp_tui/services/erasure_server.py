"""Erasure on a PostgreSQL server: the tables that held the rows are rewritten.

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
"""

from __future__ import annotations

from dataclasses import dataclass

from peewee import DatabaseError

from tp_tui.models import BaseModel, Handover, Participant, PlanItem, RoundVisit, db
from tp_tui.services.erasure_rows import MODELS


@dataclass(frozen=True)
class ServerScrub:
    """How the rewrite of the tables on a PostgreSQL server went."""

    done: bool
    problem: str = ""  # a key in locale/*_server_erasure.py when not done
    rewritten: tuple[str, ...] = ()  # tables that got new files


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
