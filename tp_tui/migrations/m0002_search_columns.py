"""Version 2: folded search text and a Norwegian sort key on participants.

LIKE folds only ASCII ("øy" did not find "Øyvind") and byte order sorts Å before Æ and Ø, so
both are computed in Python and stored. Existing rows are filled in.
"""

from __future__ import annotations

from typing import Any

from peewee import Table, TextField
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
    participant = Table("participant", ("id", "name", "phone", "search_text", "sort_key"))
    participant = participant.bind(database)
    for row in list(participant.select(participant.id, participant.name, participant.phone)):
        participant.update(
            {
                participant.search_text: search_text(row["name"], phone_digits(row["phone"])),
                participant.sort_key: sort_key(row["name"]),
            }
        ).where(participant.id == row["id"]).execute()
