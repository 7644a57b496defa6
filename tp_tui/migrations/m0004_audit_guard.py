"""Version 4: the audit trail is append-only.

Two triggers refuse any UPDATE or DELETE on ``audit_event``, so a row, once written, stays as it
was: the log of who looked at or sent out what cannot be tidied away afterwards. Rows keep only
ids and actions, never names or notes, so they may (and must) outlive an erased participant: an
access request after erasure can still be answered with "erased on …". There is no foreign key
from ``audit_event`` to ``participant``, so erasing a participant leaves these rows alone.

Existing rows are kept as they are. On PostgreSQL one trigger function does the same, for each
row updated or deleted (a TRUNCATE needs the table's owner, who could drop the trigger anyway).
"""

from __future__ import annotations

from typing import Any

from peewee import SqliteDatabase

MESSAGE = "audit trail is append-only"


SERVER_STATEMENTS: tuple[str, ...] = (
    "CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    f"$$ BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$",
    "CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event "
    "FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()",
)


def upgrade(database: Any) -> None:
    if not isinstance(database, SqliteDatabase):
        for statement in SERVER_STATEMENTS:
            database.execute_sql(statement)
        return
    for event in ("UPDATE", "DELETE"):
        database.execute_sql(
            f"CREATE TRIGGER audit_event_no_{event.lower()} BEFORE {event} ON audit_event "
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
        )
