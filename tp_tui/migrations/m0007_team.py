"""Version 7: a team on one database — who is who, who is in today, handovers.

- ``trust_person.login``: the login name a trust person is found by (the OS user name, or
  ``TP_TUI_USER``; on a shared server the login the lead maps to). Empty on rows made before.
- ``trust_person.active``: a colleague who has left stays (their contacts keep their name) but
  is not offered for handovers.
- ``trust_person.present_on``: the day the trust person last said "I am at work" (or opened the
  app); calls are handed to colleagues present today.
- ``callback.assigned_to_id``: the colleague a call was handed to (NULL: whoever logged it).
- ``handover``: a participant handed from one trust person to another, with a date and a note.
  The history is kept: rows are only added. Goes with the participant (ON DELETE CASCADE).

Existing rows are kept; the new columns have defaults. The SQL is written out as the schema is
at this version, for SQLite or (``sqlite`` False) PostgreSQL.
"""

from __future__ import annotations

from typing import Any

from peewee import SqliteDatabase


def statements(sqlite: bool) -> list[str]:
    """The changes of version 7, for SQLite or PostgreSQL."""
    id_column = "id INTEGER NOT NULL PRIMARY KEY" if sqlite else "id SERIAL PRIMARY KEY"
    true = "1" if sqlite else "TRUE"
    return [
        "ALTER TABLE trust_person ADD COLUMN login TEXT NOT NULL DEFAULT ''",
        f"ALTER TABLE trust_person ADD COLUMN active BOOLEAN NOT NULL DEFAULT {true}",
        "ALTER TABLE trust_person ADD COLUMN present_on DATE",
        "CREATE INDEX trust_person_login ON trust_person (login)",
        "ALTER TABLE callback ADD COLUMN assigned_to_id INTEGER "
        "REFERENCES trust_person (id) ON DELETE SET NULL",
        "CREATE INDEX callback_assigned_to_id ON callback (assigned_to_id)",
        f"CREATE TABLE handover ({id_column}, "
        "participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE, "
        "from_person_id INTEGER REFERENCES trust_person (id) ON DELETE SET NULL, "
        "to_person_id INTEGER REFERENCES trust_person (id) ON DELETE SET NULL, "
        "handed_on DATE NOT NULL, "
        "note TEXT NOT NULL DEFAULT '', "
        "recorded_at TEXT NOT NULL)",
        "CREATE INDEX handover_participant_id ON handover (participant_id)",
    ]


def upgrade(database: Any) -> None:
    for statement in statements(isinstance(database, SqliteDatabase)):
        database.execute_sql(statement)
