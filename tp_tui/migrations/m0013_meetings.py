"""Version 13: the audit trail says who; responsibility-group meetings with what they decided.

On a team's database an access request ("who looked at my file?") could not be answered: an
audit row held the time and the action but not the trust person. Each row now records the
trust person's id (``trust_person_id``); rows from before keep NULL ("not recorded"). The
column has no foreign key: audit rows are never changed (migration 4), so nothing may cascade
into them.

A group meeting was only a contact with free text. Now a meeting (``group_meeting``, beside
the contact logged for it) records who of the group came (``meeting_attendee``), the decisions,
and action points (``action_point``) each with an owner and a deadline, open until done.
Every row is kept as it was.
"""

from __future__ import annotations

from typing import Any

from peewee import SqliteDatabase


def statements(sqlite: bool) -> list[str]:
    """The change of version 13, for SQLite or PostgreSQL."""
    id_column = "id INTEGER NOT NULL PRIMARY KEY" if sqlite else "id SERIAL PRIMARY KEY"
    return [
        "ALTER TABLE audit_event ADD COLUMN trust_person_id INTEGER NULL",
        f"CREATE TABLE group_meeting ({id_column}, "
        "participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE, "
        "contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL, "
        "held_on DATE NOT NULL, "
        "decisions TEXT NOT NULL DEFAULT '', "
        "created_at TEXT NOT NULL, "
        "updated_at TEXT NOT NULL, "
        "version INTEGER NOT NULL DEFAULT 1)",
        "CREATE INDEX group_meeting_participant_id ON group_meeting (participant_id)",
        "CREATE INDEX group_meeting_contact_id ON group_meeting (contact_id)",
        "CREATE INDEX group_meeting_held_on ON group_meeting (held_on)",
        f"CREATE TABLE meeting_attendee ({id_column}, "
        "meeting_id INTEGER NOT NULL REFERENCES group_meeting (id) ON DELETE CASCADE, "
        "member_id INTEGER NOT NULL REFERENCES group_member (id) ON DELETE CASCADE)",
        "CREATE INDEX meeting_attendee_meeting_id ON meeting_attendee (meeting_id)",
        "CREATE INDEX meeting_attendee_member_id ON meeting_attendee (member_id)",
        f"CREATE TABLE action_point ({id_column}, "
        "meeting_id INTEGER NOT NULL REFERENCES group_meeting (id) ON DELETE CASCADE, "
        "participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE, "
        "text TEXT NOT NULL, "
        "owner TEXT NOT NULL DEFAULT '', "
        "owner_member_id INTEGER REFERENCES group_member (id) ON DELETE SET NULL, "
        "due_on DATE NOT NULL, "
        "done_on DATE, "
        "version INTEGER NOT NULL DEFAULT 1)",
        "CREATE INDEX action_point_meeting_id ON action_point (meeting_id)",
        "CREATE INDEX action_point_participant_id ON action_point (participant_id)",
        "CREATE INDEX action_point_owner_member_id ON action_point (owner_member_id)",
        "CREATE INDEX action_point_due_on ON action_point (due_on)",
        "CREATE INDEX action_point_participant_id_done_on_due_on "
        "ON action_point (participant_id, done_on, due_on)",
    ]


def upgrade(database: Any) -> None:
    for statement in statements(isinstance(database, SqliteDatabase)):
        database.execute_sql(statement)
