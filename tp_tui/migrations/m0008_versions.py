"""Version 8: goals, responsibility-group members and individual plans get a ``version``.

Each save moves the version on (as participants, contacts and callbacks already do), so a form
opened before someone else saved is told what changed instead of overwriting it
(:mod:`tp_tui.services.conflicts`). Existing rows are kept and start at version 1.
"""

from __future__ import annotations

from typing import Any

TABLES = ("goal", "group_member", "individual_plan")


def statements() -> list[str]:
    """The changes of version 8; the same SQL reads for SQLite and PostgreSQL."""
    return [
        f"ALTER TABLE {table} ADD COLUMN version INTEGER NOT NULL DEFAULT 1" for table in TABLES
    ]


def upgrade(database: Any) -> None:
    for statement in statements():
        database.execute_sql(statement)
