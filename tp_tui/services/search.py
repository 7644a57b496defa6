"""Full-text search over contact notes, participant names and callback reasons.

Runs on the FTS5 index of migration 3 (``search_index``; see that module for how it is kept in
step and what deleting means for it). What the user typed is never FTS5 syntax: it is cut into
words, and each word becomes a quoted prefix term; every word must match.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from peewee import SqliteDatabase

from tp_tui.models import Callback, Contact, db
from tp_tui.text import one_line

# Caps on what is turned into a query, to bound its cost; more words would only narrow further.
MAX_WORDS = 16
MAX_WORD_CHARS = 64
SNIPPET_CHARS = 80
SNIPPET_TOKENS = 12
ELLIPSIS = "…"

KINDS = {1: "contact", 2: "participant", 3: "callback"}

# Private-use characters mark the match inside FTS5's snippet, to find it after cleaning; they
# are removed before anyone sees the text (the one-line cleaning keeps them, unlike controls).
_OPEN, _CLOSE = "\ue000", "\ue001"

# The rowid of search_index is id * 4 + kind (migration 3).
_QUERY = """
SELECT search_index.rowid,
       snippet(search_index, 0, ?, ?, ?, ?),
       contact.at,
       callback.received_at,
       callback.caller_name,
       participant.id,
       participant.name
FROM search_index
LEFT JOIN contact
       ON search_index.rowid % 4 = 1 AND contact.id = search_index.rowid / 4
LEFT JOIN callback
       ON search_index.rowid % 4 = 3 AND callback.id = search_index.rowid / 4
LEFT JOIN participant
       ON participant.id = CASE search_index.rowid % 4
                               WHEN 1 THEN contact.participant_id
                               WHEN 2 THEN search_index.rowid / 4
                               ELSE callback.participant_id
                           END
WHERE search_index MATCH ?
ORDER BY search_index.rank, COALESCE(contact.at, callback.received_at) DESC,
         search_index.rowid DESC
LIMIT ?
"""

_Row = tuple[int, str | None, str | None, str | None, str | None, int | None, str | None]


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "contact", "participant" or "callback"
    id: int  # the contact, participant or callback id
    participant_id: int | None
    participant_name: str  # the caller's name for a callback from someone not in the programme
    at: datetime | None  # contact time or callback received time; None for a participant
    snippet: str  # plain text around the match, at most about 80 characters


def _word_char(char: str) -> bool:
    # As FTS5's unicode61 tokenizer: letters, numbers, private use; marks stay inside a word.
    category = unicodedata.category(char)
    return category[0] in "LNM" or category == "Co"


def query_words(text: str) -> list[str]:
    """The words in what was typed, in order, without repeats; punctuation separates words."""
    words: list[str] = []
    current: list[str] = []
    for char in unicodedata.normalize("NFC", text) + " ":
        if _word_char(char):
            current.append(char)
            continue
        word = "".join(current)[:MAX_WORD_CHARS]
        current = []
        # A run of combining marks alone is no word: the tokenizer would find nothing in it.
        if word and any(unicodedata.category(c)[0] != "M" for c in word) and word not in words:
            words.append(word)
            if len(words) == MAX_WORDS:
                break
    return words


def match_expression(text: str) -> str:
    """An FTS5 query in which every typed word is a quoted prefix term; "" when there are none."""
    return " ".join('"' + word.replace('"', '""') + '"*' for word in query_words(text))


def _excerpt(raw: str | None) -> str:
    """FTS5's snippet as one plain line of at most SNIPPET_CHARS, keeping the match in view."""
    text = one_line(raw)
    mark = max(text.find(_OPEN), 0)
    text = text.replace(_OPEN, "").replace(_CLOSE, "")
    if len(text) <= SNIPPET_CHARS:
        return text
    start = max(0, min(mark - 20, len(text) - SNIPPET_CHARS))
    piece = text[start : start + SNIPPET_CHARS]
    if start > 0:
        piece = ELLIPSIS + piece[1:]
    if start + SNIPPET_CHARS < len(text):
        piece = piece[:-1] + ELLIPSIS
    return piece


def _hit(row: _Row) -> SearchHit | None:
    rowid, snippet, contact_at, received_at, caller_name, participant_id, name = row
    kind = KINDS.get(rowid % 4)
    if kind is None:
        return None
    at: datetime | None = None
    if kind == "contact":
        if contact_at is None:
            return None  # the contact is gone: nothing to open
        at = Contact.at.python_value(contact_at)
    elif kind == "callback":
        if received_at is None:
            return None
        at = Callback.received_at.python_value(received_at)
    elif participant_id is None:
        return None
    return SearchHit(
        kind=kind,
        id=rowid // 4,
        participant_id=participant_id,
        participant_name=name if name is not None else (caller_name or ""),
        at=at,
        snippet=_excerpt(snippet),
    )


def search(query: str, limit: int = 50) -> list[SearchHit]:
    """Notes, names and callback reasons matching every word typed, best matches first.

    "nams" finds "namsmannen", "øy" finds "Øyvind"; archived participants are included.
    Nothing is found for an empty or punctuation-only query, or on a database without the index.
    """
    expression = match_expression(query)
    if not expression or limit <= 0 or not isinstance(db.obj, SqliteDatabase):
        return []
    params = (_OPEN, _CLOSE, ELLIPSIS, SNIPPET_TOKENS, expression, limit)
    rows = cast(Iterable[_Row], db.execute_sql(_QUERY, params).fetchall())
    return [hit for hit in map(_hit, rows) if hit is not None]


def optimize_index() -> None:
    """Merge the index into one segment, so words of deleted or edited text leave it now.

    Deleting a participant does this by itself (a trigger); call it after other deletions whose
    words must not linger. Freed pages are zeroed by ``secure_delete``; a VACUUM and a
    ``wal_checkpoint(TRUNCATE)`` are still needed to be sure no copy is left in the file.
    """
    if isinstance(db.obj, SqliteDatabase):
        db.execute_sql("INSERT INTO search_index (search_index) VALUES ('optimize')")
