"""Version 5: anonymous answers to the participant survey and the partner survey.

``survey_response`` is one filled-in form: which survey and the month it was answered, nothing
more. There is deliberately no link to a participant, no date or timestamp (a day could be
matched against the day's contacts) and no free-text comment (free text can name a person).
``survey_answer`` holds one score per question; NULL is "don't know / not relevant". The answers
go with their response (ON DELETE CASCADE). Neither table has triggers into the search index or
the revision history, and erasing a participant does not touch them: there is nothing to find.

The SQL is written out here, as the schema was at this version; it runs on SQLite and, with
its own id column, on PostgreSQL. Existing rows are not touched.
"""

from __future__ import annotations

from typing import Any

from peewee import SqliteDatabase


def statements(sqlite: bool) -> list[str]:
    """The schema of version 5, for SQLite or (``sqlite`` False) PostgreSQL."""
    id_column = "id INTEGER NOT NULL PRIMARY KEY" if sqlite else "id SERIAL PRIMARY KEY"
    return [
        f"CREATE TABLE survey_response ({id_column}, "
        "survey TEXT NOT NULL CHECK (survey IN ('participant', 'partner')), "
        "answered_month TEXT NOT NULL CHECK (answered_month LIKE '____-__'))",
        "CREATE INDEX survey_response_survey_answered_month "
        "ON survey_response (survey, answered_month)",
        f"CREATE TABLE survey_answer ({id_column}, "
        "response_id INTEGER NOT NULL REFERENCES survey_response (id) ON DELETE CASCADE, "
        "question TEXT NOT NULL, "
        "score INTEGER CHECK (score IS NULL OR score >= 1))",
        "CREATE UNIQUE INDEX survey_answer_response_id_question "
        "ON survey_answer (response_id, question)",
    ]


def upgrade(database: Any) -> None:
    for statement in statements(isinstance(database, SqliteDatabase)):
        database.execute_sql(statement)
