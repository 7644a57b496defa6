"""Version 11: a consent says until when it holds, how it was given, and has a version.

A consent register per participant: each purpose given to a recipient on a day may now end on
a day (``expires_on``; NULL: until withdrawn), says whether it was given orally or in writing
(``given_how``; empty for the rows from before, which did not say), and moves its ``version`` on
with each save, so a withdrawal made on a form opened before a colleague's is told instead of
overwriting it. Today finds the consents about to end by ``expires_on``. Every row is kept.
"""

from __future__ import annotations

from typing import Any


def statements() -> list[str]:
    """The changes of version 11; the same SQL reads for SQLite and PostgreSQL."""
    return [
        "ALTER TABLE consent_grant ADD COLUMN expires_on DATE NULL",
        "ALTER TABLE consent_grant ADD COLUMN given_how TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE consent_grant ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
        "CREATE INDEX consent_grant_expires_on ON consent_grant (expires_on)",
    ]


def upgrade(database: Any) -> None:
    for statement in statements():
        database.execute_sql(statement)
