"""Version 13: the audit trail says who; ratings and responsibility-group meetings.

On a team's database an access request ("who looked at my file?") could not be answered: an
audit row held the time and the action but not the trust person. Each row now records the
trust person's id (``trust_person_id``); rows from before keep NULL ("not recorded"). The
column has no foreign key: audit rows are never changed (migration 4), so nothing may cascade
into them. Every row is kept as it was.
"""

from __future__ import annotations

from typing import Any


def statements() -> list[str]:
    """The change of version 13; the same SQL reads for SQLite and PostgreSQL."""
    return [
        "ALTER TABLE audit_event ADD COLUMN trust_person_id INTEGER NULL",
    ]


def upgrade(database: Any) -> None:
    for statement in statements():
        database.execute_sql(statement)
