"""Version 12: the individual plan is a document, not only a status.

- ``plan_item``: one row of the plan per life area goal — the participant's goal in their words,
  the measures, who is responsible, by when, when it is evaluated. Goes with its plan (and so
  with the participant) ON DELETE CASCADE; ``version`` is moved on by each save, as elsewhere.
- ``individual_plan.agreed_on`` / ``agreement_note``: the participant's agreement to the plan.
- ``individual_plan.handed_to``: to whom the plan was handed over (the coordinator's name and
  agency as they were that day).

Every row is kept; the new columns have defaults. The SQL is written out as the schema is at this
version, for SQLite or (``sqlite`` False) PostgreSQL.
"""

from __future__ import annotations

from typing import Any

from peewee import SqliteDatabase


def statements(sqlite: bool) -> list[str]:
    """The changes of version 12, for SQLite or PostgreSQL."""
    id_column = "id INTEGER NOT NULL PRIMARY KEY" if sqlite else "id SERIAL PRIMARY KEY"
    return [
        "ALTER TABLE individual_plan ADD COLUMN agreed_on DATE",
        "ALTER TABLE individual_plan ADD COLUMN agreement_note TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE individual_plan ADD COLUMN handed_to TEXT NOT NULL DEFAULT ''",
        f"CREATE TABLE plan_item ({id_column}, "
        "plan_id INTEGER NOT NULL REFERENCES individual_plan (id) ON DELETE CASCADE, "
        "life_area TEXT NOT NULL, "
        "goal_text TEXT NOT NULL DEFAULT '', "
        "measures TEXT NOT NULL DEFAULT '', "
        "responsible TEXT NOT NULL DEFAULT '', "
        "due_on DATE, "
        "evaluate_on DATE, "
        "sort_order INTEGER NOT NULL DEFAULT 0, "
        "updated_at TEXT NOT NULL, "
        "version INTEGER NOT NULL DEFAULT 1)",
        "CREATE INDEX plan_item_plan_id ON plan_item (plan_id)",
    ]


def upgrade(database: Any) -> None:
    for statement in statements(isinstance(database, SqliteDatabase)):
        database.execute_sql(statement)
