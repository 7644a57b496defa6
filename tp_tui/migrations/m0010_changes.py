"""Version 10: revisions are grouped into changes, so undo takes back exactly the last change.

Before, ctrl+z undid the newest revision of a contact, call or participant, reaching past a
newer stage move or round visit it knew nothing of, and took a guest's call owed back without
the guest. Now every change of any record keeps its revisions under one change (``change_id``
names the change's first revision; NULL: the revision is a change of its own, as every revision
from before was), with what it was (``kind``), and, for undo and redo, the change it took back
(``role``, ``reverses_id``). Every row is kept as it was.
"""

from __future__ import annotations

from typing import Any


def statements() -> list[str]:
    """The change of version 10; the same SQL reads for SQLite and PostgreSQL."""
    return [
        "ALTER TABLE revision ADD COLUMN change_id INTEGER NULL",
        "ALTER TABLE revision ADD COLUMN kind TEXT NULL",
        "ALTER TABLE revision ADD COLUMN role TEXT NULL",
        "ALTER TABLE revision ADD COLUMN reverses_id INTEGER NULL",
    ]


def upgrade(database: Any) -> None:
    for statement in statements():
        database.execute_sql(statement)
