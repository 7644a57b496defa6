"""Version 3: a full-text index over contact notes, participant names and callback reasons.

One FTS5 table, ``search_index``, one column ``body``. The rowid says what a row is:
``id * 4 + kind``, kind 1 a contact (its note), 2 a participant (their name), 3 a callback (its
reason). Triggers on the three tables keep it in step; empty text is not indexed.

Tokenizer ``unicode61 remove_diacritics 0``: unicode61 folds case across Unicode ("øy" finds
"Øyvind") and never folds ø or æ, but removing diacritics would turn å into a ("as" would find
"Ås"). So removal is off and å, æ, ø stay letters of their own; the price is that "cafe" does not
find "café". Prefix queries ("nams"*) find "namsmannen".

An ordinary FTS5 table, which keeps its own copy of each text, was chosen over a contentless or
external-content one. Those hold no verbatim copy, but on our SQLite (3.40: no contentless_delete)
they forget a row only when given exactly the text that was indexed. If that ever differs (a
table rebuilt by a later migration, which drops these triggers; a change made while they were
missing) FTS5 raises nothing: the row's old words silently stay in the index, findable, and stay
in the file after the participant is erased. An ordinary table deletes by rowid and is always
exact. The copy costs little in privacy: in every variant the index holds each word with its
position, so it is a copy of the text in all but punctuation and case. What counts is erasure:

- the copy goes with its row, and ``secure_delete`` (on for every connection) zeroes the cell;
- FTS5 does not take a deleted row's words out of the index at once: it writes delete markers and
  drops the words when segments merge. So deleting a participant runs FTS5 ``optimize`` in the
  same statement (a trigger), which rewrites the index without them; freed pages are zeroed.
  Edited or singly deleted notes keep their old words until a merge (the revision history keeps
  the old text anyway); ``tp_tui.services.search.optimize_index`` forces one.
- Measured: even so, SQLite can leave copies of deleted text in the file. ``secure_delete`` zeroes
  deleted cells, but when a b-tree rebalance moves cells to another page, the old page keeps their
  bytes in its unused area; deleting the moved cell later zeroes only the new copy. This happens
  in plain tables too (seen on one shaped like ``contact``) and, the index being a second copy,
  more often with it. Only a
  ``VACUUM`` (then ``wal_checkpoint(TRUNCATE)``) after the delete removes every copy.

Deleting a participant deletes their contacts and callbacks by foreign-key cascade; those deletes
fire the contact and callback delete triggers (whatever ``recursive_triggers`` says) before the
participant's AFTER DELETE trigger, so ``optimize`` sees them gone. With foreign keys off the
contacts stay, and so do their index rows: the index always matches the tables. A REPLACE that
deletes a row without firing its delete trigger is covered by INSERT OR REPLACE in the index.

A later migration that rebuilds contact, participant or callback (new table, copy, drop, rename)
loses these triggers with the old table and must call ``create_triggers`` again.

On PostgreSQL there is no second copy at all: an expression index (GIN over
``to_tsvector('simple', column)``) on each of the three tables finds the words, so a deleted or
edited row takes its words with it, exactly and at once, with no trigger to keep in step.
``simple`` lowercases with the database's character type (a UTF-8 one folds "Ø" to "ø") and,
like the SQLite tokenizer above, keeps å, æ, ø and other accents as they are.
"""

from __future__ import annotations

from typing import Any

from peewee import SqliteDatabase

TOKENIZER = "unicode61 remove_diacritics 0"

# (kind code, table, indexed column)
SOURCES: tuple[tuple[int, str, str], ...] = (
    (1, "contact", "note"),
    (2, "participant", "name"),
    (3, "callback", "reason"),
)


def _triggers(kind: int, table: str, column: str) -> list[str]:
    add = (
        f"INSERT OR REPLACE INTO search_index (rowid, body) "
        f"SELECT new.id * 4 + {kind}, new.{column} WHERE new.{column} <> '';"
    )
    remove = f"DELETE FROM search_index WHERE rowid = old.id * 4 + {kind};"
    # Erasing a participant takes their words out of the index at once (see above).
    purge = "INSERT INTO search_index (search_index) VALUES ('optimize');" if kind == 2 else ""
    return [
        f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} BEGIN {add} END",
        # Only when the text (or id) changed: saving other fields leaves the index alone.
        f"CREATE TRIGGER search_{table}_update AFTER UPDATE OF id, {column} ON {table} "
        f"WHEN old.{column} IS NOT new.{column} OR old.id IS NOT new.id "
        f"BEGIN {remove} {add} END",
        f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN {remove} {purge} END",
    ]


def create_index(database: Any) -> None:
    database.execute_sql(
        f"CREATE VIRTUAL TABLE search_index USING fts5(body, tokenize = '{TOKENIZER}')"
    )


def create_triggers(database: Any) -> None:
    for kind, table, column in SOURCES:
        for statement in _triggers(kind, table, column):
            database.execute_sql(statement)


def fill_index(database: Any) -> None:
    """Index the rows that exist already."""
    for kind, table, column in SOURCES:
        database.execute_sql(
            f"INSERT INTO search_index (rowid, body) "
            f"SELECT id * 4 + {kind}, {column} FROM {table} WHERE {column} <> ''"
        )


# The text search configuration; tp_tui.services.search_server queries with the same one.
PG_CONFIG = "simple"


def create_server_indexes(database: Any) -> None:
    """PostgreSQL: one expression index per source column (the same expression search uses)."""
    for _, table, column in SOURCES:
        database.execute_sql(
            f"CREATE INDEX {table}_{column}_search ON {table} "
            f"USING gin (to_tsvector('{PG_CONFIG}', {column}))"
        )


def upgrade(database: Any) -> None:
    if not isinstance(database, SqliteDatabase):
        create_server_indexes(database)
        return
    create_index(database)
    create_triggers(database)
    fill_index(database)
