"""Version 2: folded search text and a Norwegian sort key on participants.

LIKE folds only ASCII ("øy" did not find "Øyvind") and byte order sorts Å before Æ and Ø, so
both are computed in Python and stored. Existing rows are filled in.
"""

from __future__ import annotations

from typing import Any

from peewee import TextField
from playhouse.migrate import SchemaMigrator, migrate

from tp_tui.folding import search_text, sort_key
from tp_tui.phone import phone_digits


def upgrade(database: Any) -> None:
    migrator = SchemaMigrator.from_database(database)
    migrate(
        migrator.add_column("participant", "search_text", TextField(default="")),
        migrator.add_column("participant", "sort_key", TextField(default="")),
        migrator.add_index("participant", ("search_text",), False),
        migrator.add_index("participant", ("sort_key",), False),
    )
    mark = database.param  # "?" on SQLite, "%s" on PostgreSQL
    rows = database.execute_sql("SELECT id, name, phone FROM participant").fetchall()
    for row_id, name, phone in rows:
        database.execute_sql(
            f"UPDATE participant SET search_text = {mark}, sort_key = {mark} WHERE id = {mark}",
            (search_text(name, phone_digits(phone)), sort_key(name), row_id),
        )
