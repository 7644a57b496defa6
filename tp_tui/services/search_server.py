"""Full-text search on PostgreSQL, for :func:`tp_tui.services.search.search`.

The words are found through the expression indexes of migration 3 (``to_tsvector('simple',
column)`` on contact notes, participant names and callback reasons): the rows themselves are the
index, so deleted or edited text is never found. The typed words become quoted prefix lexemes
(``'nams':* & 'øy':*``), never tsquery syntax, so nothing typed can raise or change the query's
meaning.

Results as on SQLite: best match first, equal ones newest first (the contact's time or the
call's), participants last, then by ``id * 4 + kind``. "Best" is ``ts_rank`` divided by
``1 + ln(number of distinct words)``: a word said more often counts more, a long note that
mentions it once counts less (like FTS5's bm25; plain ``ts_rank`` ignores length, and its own
length normalisations rank "Husleie husleie" below "Husleie").

At scale, ranking every match is what cost: at 1M contacts "om" matches 349,000 notes, and
``ts_rank`` parsed every one of them again (1.8 s or more; 240 ms at 100k). So only the newest
``CANDIDATES`` matching contacts (by their time) and the last ``CANDIDATES`` matching callbacks
and participants (by id: the order they were written down) are ranked, and the page is the best
of those. A word with fewer matches than that is ranked over all of them, as before; for a
common one the page is the best of its most recent mentions, which is what a caseworker
searching looks for.

The candidates are found in steps whose cost does not rest on how the planner judges a word
(left to it, it judged badly both ways: for "husleia" it read 108,000 contacts newest first,
parsing each, to find 1,000; for a word found nowhere it read every callback):

1. The text index gives up to ``EXACT`` + 1 matches of each kind, in no order. A kind with at
   most ``EXACT`` has them all, and keeps the newest. Most searches end here.
2. A kind with more (a common word): the matches among its newest ``WINDOW`` rows, the text
   index ANDed with the index on ``contact.at`` (or the primary key) from the ``WINDOW``-th
   newest row on, found first by reading that index from its end. If they hold ``CANDIDATES``
   matches, those are the newest of the whole table.
3. Otherwise (a word common once and rarer lately) every match, and the newest are kept.

Every step reads the matches from the text indexes as bitmaps (sequential and plain index scans
are switched off for those statements, ``SET LOCAL``), so no text is parsed to find them; only
the candidates are parsed again, to rank them. The page's order and the participants' names are
done for the page only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from tp_tui.migrations.m0003_search_index import PG_CONFIG
from tp_tui.models import Callback, Contact, db

# How many of the newest matches of each kind are ranked; up to how many matches are taken from
# the text index in one go; among how many of the newest rows a common word is looked for first
# (one in at least CANDIDATES / WINDOW of them, 1 %, is served from there). See above.
CANDIDATES = 200
EXACT = 5000
WINDOW = 20000

_QUERY = f"to_tsquery('{PG_CONFIG}', %(query)s)"
_SCORE = f"ts_rank(words, {_QUERY}) / (1 + ln(greatest(length(words), 1)))"

# kind: (table, newer rows have a greater, what is read: kind, id, time, participant id,
# caller's name, text)
_SOURCES: dict[int, tuple[str, str, str]] = {
    1: ("contact", "at", "1, id, at, participant_id, NULL::text, note"),
    2: ("participant", "id", "2, id, NULL::text, id, NULL::text, name"),
    3: ("callback", "id", "3, id, received_at, participant_id, caller_name, reason"),
}
_AS = "(kind, id, at, participant_id, caller, body)"


def _matches(text: str) -> str:
    return f"to_tsvector('{PG_CONFIG}', {text}) @@ {_QUERY}"


def _scored(kind: int, rows: str, total: str) -> str:
    """The newest CANDIDATES of ``rows`` with their score (parsed for these only), and
    ``total``."""
    # The times are UTC text of one fixed form: byte order ("C") is time order, and sorting
    # many matches that way is several times as quick as by the database's collation.
    order = 'at COLLATE "C" DESC, id DESC' if kind == 1 else "id DESC"
    newest = f"SELECT * FROM ({rows}) AS found ORDER BY {order} LIMIT %(candidates)s"
    return (
        f"SELECT newest.kind, newest.id, newest.at, newest.participant_id, newest.caller, "
        f"newest.body, {_SCORE} AS score, {total} AS total "
        f"FROM ({newest}) AS newest, LATERAL to_tsvector('{PG_CONFIG}', newest.body) AS words"
    )


def _from_index(kind: int) -> str:
    """Step 1: up to EXACT + 1 matches, in no order; ``total`` says how many."""
    table, _, columns = _SOURCES[kind]
    text = columns.rpartition(", ")[2]
    limited = f"SELECT {columns} FROM {table} WHERE {_matches(text)} LIMIT %(exact)s + 1"
    counted = f"SELECT *, count(*) OVER () AS total FROM ({limited}) AS limited {_AS}"
    return _scored(kind, counted, "newest.total")


def _from_recent(kind: int) -> str:
    """Step 2: the matches among the newest rows: from the text index and, ANDed with it, the
    index on the time (or the primary key) from the WINDOW-th newest row on."""
    table, newer, columns = _SOURCES[kind]
    text = columns.rpartition(", ")[2]
    recent = f"SELECT {columns} FROM {table} WHERE {_matches(text)} AND {newer} >= %(since_{kind})s"
    return _scored(kind, f"SELECT * FROM ({recent}) AS recent {_AS}", "0")


def _since(kind: int) -> str:
    """The time (or id) of the WINDOW-th newest row; NULL if there are fewer."""
    table, newer, _ = _SOURCES[kind]
    return f"(SELECT {newer} FROM {table} ORDER BY {newer} DESC OFFSET %(window)s - 1 LIMIT 1)"


def _from_all(kind: int) -> str:
    """Step 3: every match."""
    table, _, columns = _SOURCES[kind]
    text = columns.rpartition(", ")[2]
    every = f"SELECT {columns} FROM {table} WHERE {_matches(text)}"
    return _scored(kind, f"SELECT * FROM ({every}) AS matched {_AS}", "0")


_STEPS = {
    step: {kind: f"({make(kind)})" for kind in _SOURCES}
    for step, make in (("index", _from_index), ("recent", _from_recent), ("all", _from_all))
}
_NAMES = "SELECT id, name FROM participant WHERE id = ANY(%(ids)s)"

# (kind, id, stored time or None, participant id, caller's name, text, score, total)
_Row = tuple[int, int, str | None, int | None, str | None, str, float, int]


def ts_query(words: list[str]) -> str:
    """Every word a quoted prefix lexeme, all required; quotes and backslashes escaped."""
    quoted = ("'" + word.replace("\\", "\\\\").replace("'", "''") + "':*" for word in words)
    return " & ".join(quoted)


def mark_first_match(text: str, words: list[str], marks: tuple[str, str]) -> str:
    """The text with the first word that starts with a typed word between ``marks``."""
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    found = re.search(rf"(?<!\w)(?:{alternatives})\w*", text, re.IGNORECASE) if words else None
    if found is None:
        return text
    start, end = found.span()
    return text[:start] + marks[0] + text[start:end] + marks[1] + text[end:]


def _run(step: str, kinds: Iterable[int], params: dict[str, Any]) -> list[_Row]:
    """One step for these kinds, in one statement; the matches from the text index only."""
    statement = " UNION ALL ".join(_STEPS[step][kind] for kind in kinds)
    with db.atomic():
        db.execute_sql("SET LOCAL enable_seqscan = off")  # for this transaction only
        db.execute_sql("SET LOCAL enable_indexscan = off")
        rows: list[_Row] = db.execute_sql(statement, params).fetchall()
        # As they were, in case this runs inside a longer transaction.
        db.execute_sql("SET LOCAL enable_seqscan TO DEFAULT")
        db.execute_sql("SET LOCAL enable_indexscan TO DEFAULT")
    return rows


def _candidates(query: str, candidates: int) -> list[_Row]:
    """The newest ``candidates`` matches of each kind, with their scores (see above)."""
    exact = max(EXACT, candidates)
    params: dict[str, Any] = {
        "query": query,
        "candidates": candidates,
        "exact": exact,
        "window": max(WINDOW, candidates),
    }
    rows = _run("index", _SOURCES, params)
    common = sorted({row[0] for row in rows if row[7] > exact})
    if not common:
        return rows
    found = [row for row in rows if row[0] not in common]
    # Read from the end of the index on the time or of the primary key (planner's choice).
    statement = "SELECT " + ", ".join(_since(kind) for kind in common)
    since = dict(zip(common, db.execute_sql(statement, params).fetchone(), strict=True))
    windowed = [kind for kind in common if since[kind] is not None]
    params.update({f"since_{kind}": since[kind] for kind in windowed})
    recent = _run("recent", windowed, params) if windowed else []
    for kind in common:
        of_kind = [row for row in recent if row[0] == kind]
        if len(of_kind) == candidates:
            found.extend(of_kind)
        else:  # fewer rows than WINDOW, or a word common once and rarer lately
            found.extend(_run("all", [kind], params))
    return found


def search_rows(
    words: list[str], limit: int, marks: tuple[str, str], newest: bool = False
) -> list[Any]:
    """(kind, id, participant id, name or caller, time, marked text) rows, best first, or with
    ``newest`` participants first and then newest first, as on SQLite."""
    rows = _candidates(ts_query(words), max(limit, CANDIDATES))
    if newest:
        # The candidates are the newest of each kind, so the newest page is among them.
        rows.sort(key=lambda row: (row[0] == 2, row[2] or "", row[1] * 4 + row[0]), reverse=True)
    else:
        # Best first, equal ones newest first (participants have no time: last), then
        # id * 4 + kind.
        rows.sort(key=lambda row: (row[6], row[2] or "", row[1] * 4 + row[0]), reverse=True)
    page = rows[:limit]
    ids = sorted({row[3] for row in page if row[3] is not None})
    names = dict(db.execute_sql(_NAMES, {"ids": ids}).fetchall()) if ids else {}
    result = []
    for kind, row_id, at, participant_id, caller, body, _, _ in page:
        when: datetime | None = None
        if kind == 1:
            when = Contact.at.python_value(at)
        elif kind == 3:
            when = Callback.received_at.python_value(at)
        name = names.get(participant_id) if participant_id is not None else None
        shown = name if name is not None else (caller or "")
        snippet = mark_first_match(body or "", words, marks)
        result.append((kind, row_id, participant_id, shown, when, snippet))
    return result
