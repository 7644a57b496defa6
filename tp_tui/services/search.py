"""Full-text search over contact notes, participant names and callback reasons.

Runs on the FTS5 index of migration 3 (``search_index``; see that module for how it is kept in
step and what deleting means for it); on PostgreSQL on its text search (search_server.py).
What the user typed is never FTS5 syntax: it is cut into words, and each word becomes a quoted
prefix term; every word must match.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from peewee import SqliteDatabase

from tp_tui.models import Callback, Contact, db
from tp_tui.text import one_line

# Caps on what is turned into a query, to bound its cost; more words would only narrow further.
MAX_WORDS = 16
MAX_WORD_CHARS = 64
# The search screen waits for a word of at least this many characters: one letter is the start
# of a large part of all words, slow to rank on a big file and seldom what is looked for.
MIN_WORD_CHARS = 2
SNIPPET_CHARS = 80
SNIPPET_TOKENS = 12
ELLIPSIS = "…"

KINDS = {1: "contact", 2: "participant", 3: "callback"}

# The two orders of the results: the search screen shows the newest first, a key switches.
NEWEST = "newest"
BEST = "best"
ORDERS = (NEWEST, BEST)

# Private-use characters mark the match inside FTS5's snippet, to find it after cleaning; they
# are removed before anyone sees the text (the one-line cleaning keeps them, unlike controls).
_OPEN, _CLOSE = "\ue000", "\ue001"

# The rowid of search_index is id * 4 + kind (migration 3).
#
# Results come best match first (FTS5's rank, bm25), equal ranks newest first (the contact's time
# or the call's, participants last), then by rowid. Sorting every match that way would mean
# joining contact and callback for every match (at 1M contacts 30,000 rows for "husleia") and
# building a snippet for each: about four times as long as ranking alone (benchmark 6). So the
# page is chosen in steps, and only its own rows are joined.
#
# First every match with its rank, kept only if it is among the best ``limit`` ranks: those
# better than the page's last rank all belong to the page; of those equal to it (often thousands
# at 1M: short notes with the same words tie) the newest fill the page (see _newest). Used twice,
# ``hits`` is computed once (SQLite 3.35 and later materialize such a CTE; older ones rank twice).
_RANKED = """
WITH hits(id, score) AS (
    SELECT rowid, rank FROM search_index WHERE search_index MATCH ?1
),
cut(score) AS (
    SELECT max(score) FROM (SELECT score FROM hits ORDER BY score LIMIT ?2)
)
SELECT id, score FROM hits WHERE score <= (SELECT score FROM cut)
"""

# Newest first needs no rank: every match's rowid, then the newest of them (see _newest).
_MATCHES = "SELECT rowid FROM search_index WHERE search_index MATCH ?"

# Contacts newest first: the index on contact.at read from its end (rowid DESC within the same
# time, as the order above); the ids alone, read faster than with the times.
_CONTACTS_NEWEST = "SELECT id FROM contact ORDER BY at DESC, id DESC"
_CONTACT_TIMES = "SELECT id, at FROM contact WHERE id IN ({ids})"
_CALLBACK_TIMES = "SELECT id, received_at FROM callback WHERE id IN ({ids})"
# Rows fetched, and ids per statement (well under SQLite's 999 parameters before 3.32).
_CHUNK = 500
# Reading contacts newest first finds the newest tied ones quickly when they are recent. It gives
# up after this many entries per tied contact, and each is looked up by id instead: a lookup costs
# about as much as reading 8 entries, so giving up adds at most half to the cost.
_WALK_PER_LOOKUP = 4

# Then what to show, for the rows of the page only. snippet() needs the MATCH; the rows are picked
# by a range FTS5 can seek to and a list SQLite checks after it (the unary + keeps FTS5 from
# looking each rowid up alone, which would read the whole index once per rowid for a prefix).
_ROWS = """
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
  AND search_index.rowid BETWEEN ? AND ?
  AND +search_index.rowid IN ({rowids})
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


def long_enough(text: str) -> bool:
    """Whether what was typed holds a word of at least MIN_WORD_CHARS characters."""
    return any(len(word) >= MIN_WORD_CHARS for word in query_words(text))


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


def _stored_time(row: _Row) -> str:
    """The time as stored (ISO text, compared as SQLite compares it); "" for a participant."""
    rowid, _, contact_at, received_at = row[:4]
    kind = rowid % 4
    stored = contact_at if kind == 1 else received_at if kind == 3 else None
    return stored or ""


def _in_order(page: dict[int, float], rows: list[_Row]) -> list[_Row]:
    """The rows, lowest score first; equal scores newest first, participants last, then by
    rowid."""
    ordered = sorted(rows, key=lambda row: row[0], reverse=True)
    ordered.sort(key=_stored_time, reverse=True)
    ordered.sort(key=lambda row: page[row[0]])
    return ordered


def _times(statement: str, ids: list[int]) -> dict[int, str]:
    """id → stored time, looked up by primary key."""
    times: dict[int, str] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        cursor = db.execute_sql(statement.format(ids=", ".join("?" * len(chunk))), chunk)
        times.update(cursor.fetchall())
    return times


def _newest_contacts(ids: set[int], count: int) -> list[int] | None:
    """The ``count`` newest of these contacts, found by reading contacts newest first; None if
    that took more than _WALK_PER_LOOKUP entries per contact (they are old)."""
    found: list[int] = []
    cursor = db.execute_sql(_CONTACTS_NEWEST)
    try:
        for _ in range(_WALK_PER_LOOKUP * len(ids) // _CHUNK + 1):
            rows = cursor.fetchmany(_CHUNK)
            for (contact_id,) in rows:
                if contact_id in ids:
                    found.append(contact_id)
                    if len(found) == count:
                        return found
            if not rows:
                return found  # the others are gone
        return None
    finally:
        cursor.close()


def _newest(tied: list[int], count: int) -> set[int]:
    """The ``count`` newest of these equally ranked rowids, as the order of ``_in_order``."""
    contacts = {rowid // 4 for rowid in tied if rowid % 4 == 1}
    newest = _newest_contacts(contacts, count) if len(contacts) > count else None
    contact_times = _times(_CONTACT_TIMES, sorted(contacts if newest is None else newest))
    callbacks = _times(_CALLBACK_TIMES, [rowid // 4 for rowid in tied if rowid % 4 == 3])
    times = {key * 4 + 1: at for key, at in contact_times.items()}
    times.update({key * 4 + 3: at for key, at in callbacks.items()})
    # Contacts the reading skipped are older than ``count`` others: they cannot be among these.
    candidates = [rowid for rowid in tied if rowid % 4 != 1 or rowid in times]
    candidates.sort(key=lambda rowid: (times.get(rowid) or "", rowid), reverse=True)
    return set(candidates[:count])


def search(query: str, limit: int = 50, order: str = NEWEST) -> list[SearchHit]:
    """Notes, names and callback reasons matching every word typed.

    ``order`` NEWEST: participants whose name matches first (they have no time), then contacts
    and calls newest first, so a note written today is at the top even for a common word.
    ``order`` BEST: best matches first, equally good ones newest first.

    "nams" finds "namsmannen", "øy" finds "Øyvind"; archived participants are included.
    Nothing is found for an empty or punctuation-only query, or on a database without the
    index. Safe from any thread: peewee gives each thread its own connection.
    """
    expression = match_expression(query)
    if not expression or limit <= 0:
        return []
    if not isinstance(db.obj, SqliteDatabase):
        return _search_server(query, limit, order)
    page = _newest_page(expression, limit) if order == NEWEST else _best_page(expression, limit)
    if not page:
        return []
    rowids = sorted(page)
    statement = _ROWS.format(rowids=", ".join("?" * len(rowids)))
    params = (_OPEN, _CLOSE, ELLIPSIS, SNIPPET_TOKENS, expression, rowids[0], rowids[-1], *rowids)
    rows = cast(list[_Row], db.execute_sql(statement, params).fetchall())
    return [hit for hit in map(_hit, _in_order(page, rows)) if hit is not None]


def _newest_page(expression: str, limit: int) -> dict[int, float]:
    """The page's rowids, each with 0 for a participant and 1 otherwise (see _in_order)."""
    matches = [rowid for (rowid,) in db.execute_sql(_MATCHES, (expression,)).fetchall()]
    people = sorted((rowid for rowid in matches if rowid % 4 == 2), reverse=True)[:limit]
    dated = [rowid for rowid in matches if rowid % 4 in (1, 3)]
    room = limit - len(people)
    if room <= 0:
        chosen: set[int] = set()
    elif len(dated) > room:
        chosen = _newest(dated, room)
    else:
        chosen = set(dated)
    page = dict.fromkeys(people, 0.0)
    page.update(dict.fromkeys(chosen, 1.0))
    return page


def _best_page(expression: str, limit: int) -> dict[int, float]:
    """The page's rowids with their rank (lower is better)."""
    ranked = cast(list[tuple[int, float]], db.execute_sql(_RANKED, (expression, limit)).fetchall())
    if len(ranked) > limit:  # more ties with the last rank than places left: keep the newest
        last = max(score for _, score in ranked)
        tied = [rowid for rowid, score in ranked if score == last]
        chosen = _newest(tied, limit - (len(ranked) - len(tied)))
        page = {rowid: score for rowid, score in ranked if score < last or rowid in chosen}
    else:
        page = dict(ranked)
    return page


def _search_server(query: str, limit: int, order: str) -> list[SearchHit]:
    """The same search on PostgreSQL (tp_tui.services.search_server)."""
    from tp_tui.services.search_server import search_rows

    rows = search_rows(query_words(query), limit, (_OPEN, _CLOSE), newest=order == NEWEST)
    return [
        SearchHit(
            kind=KINDS[kind],
            id=row_id,
            participant_id=participant_id,
            participant_name=name,
            at=at,
            snippet=_excerpt(snippet),
        )
        for kind, row_id, participant_id, name, at, snippet in rows
    ]


def optimize_index() -> None:
    """Merge the index into one segment, so words of deleted or edited text leave it now.

    Deleting a participant does this by itself (a trigger); call it after other deletions whose
    words must not linger. Freed pages are zeroed by ``secure_delete``; a VACUUM and a
    ``wal_checkpoint(TRUNCATE)`` are still needed to be sure no copy is left in the file.
    """
    if isinstance(db.obj, SqliteDatabase):
        db.execute_sql("INSERT INTO search_index (search_index) VALUES ('optimize')")
