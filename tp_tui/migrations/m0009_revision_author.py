"""Version 9: each revision records which trust person made the change (``made_by_id``).

On a team's database ``ctrl+z`` undid the newest change of anyone: Kari could take back the
contact Eva had just logged. With the author kept, undo takes back one's own changes only.
Revisions from before keep no author (NULL) and stay undoable by whoever asks, as before.
"""

from __future__ import annotations

from typing import Any


def statements() -> list[str]:
    """The change of version 9; the same SQL reads for SQLite and PostgreSQL."""
    return ["ALTER TABLE revision ADD COLUMN made_by_id INTEGER NULL REFERENCES trust_person (id)"]


def upgrade(database: Any) -> None:
    for statement in statements():
        database.execute_sql(statement)
