"""Version 6: indexes for the screens' lists, so they cost the same with a million contacts.

Three indexes on ``participant``; rows are not touched.

- ``(status, archived_at)``: the lists of people the programme is working with (Today's "not
  heard from", the process board, the contact form's participant picker) read the active,
  paused or prospective participants that are not archived, and only those; most participants
  in a file that has run for years are closed.
- ``(archived_at, sort_key, id)``: the participant list comes page by page in Norwegian
  alphabetical order straight from the index, without sorting every participant first; the next
  page starts after the last row shown (``(sort_key, id) > (…)``).
- ``(status, closed_on)``: the notice on start counts the participants closed longer than the
  retention time from the index alone, without reading each closed participant's row.

The SQL is written out here, as the schema is at this version; ``CREATE INDEX`` reads the same
on SQLite and PostgreSQL, so this step runs on both. The names are the ones peewee gives the
indexes declared in ``Participant.Meta``.
"""

from __future__ import annotations

from typing import Any

STATEMENTS: tuple[str, ...] = (
    "CREATE INDEX participant_status_archived_at ON participant (status, archived_at)",
    "CREATE INDEX participant_archived_at_sort_key_id ON participant (archived_at, sort_key, id)",
    "CREATE INDEX participant_status_closed_on ON participant (status, closed_on)",
)


def upgrade(database: Any) -> None:
    for statement in STATEMENTS:
        database.execute_sql(statement)
