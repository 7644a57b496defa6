"""Version 2: folded search text and a Norwegian sort key on participants.

LIKE folds only ASCII ("øy" did not find "Øyvind") and byte order sorts Å before Æ and Ø, so
both are computed in Python and stored. Existing rows are filled in.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from peewee import TextField
from playhouse.migrate import SchemaMigrator, migrate

# -- Frozen: the folding and phone code as it was when version 2 was written ------------------
# Copied from tp_tui/folding.py and tp_tui/phone.py (at the commit that froze them here), not
# imported: a later change there (a better sort order, another country's numbers) must not
# change what an old migration writes. The app's own code fills the columns anew on any save.

_NORDIC = {"æ": "{", "ø": "|", "å": "}"}
_NORWAY = "47"
_NATIONAL_LENGTH = 8


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _strip_accents(text: str) -> str:
    keep = set("æøå")
    out = []
    for char in text:
        if char in keep:
            out.append(char)
            continue
        decomposed = unicodedata.normalize("NFD", char)
        out.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    return "".join(out)


def sort_key(text: str) -> str:
    folded = _fold(text)
    folded = folded.replace("ä", "æ").replace("ö", "ø")
    folded = _strip_accents(folded)
    return "".join(_NORDIC.get(char, char) for char in folded)


def _initials(name: str) -> str:
    parts = name.replace("-", " ").split()
    return "".join(part[0] for part in parts if part).casefold()


def search_text(name: str, phone_digits: str = "") -> str:
    return " ".join(part for part in (_fold(name), _initials(name), phone_digits) if part)


def phone_digits(e164: str | None) -> str:
    if not e164:
        return ""
    digits = e164.lstrip("+")
    if e164.startswith("+" + _NORWAY) and len(digits) == len(_NORWAY) + _NATIONAL_LENGTH:
        return digits[len(_NORWAY) :]
    return digits


# -- The migration -------------------------------------------------------------------------------


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
