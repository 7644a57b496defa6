"""Full-text search on PostgreSQL, for :func:`tp_tui.services.search.search`.

The words are found through the expression indexes of migration 3 (``to_tsvector('simple',
column)`` on contact notes, participant names and callback reasons): the rows themselves are the
index, so deleted or edited text is never found. The typed words become quoted prefix lexemes
(``'nams':* & 'øy':*``), never tsquery syntax, so nothing typed can raise or change the query's
meaning. Results as on SQLite: best rank first, equal ranks newest first, participants last.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from tp_tui.migrations.m0003_search_index import PG_CONFIG
from tp_tui.models import Callback, Contact, db

# One statement over the three sources; each branch can use its table's expression index.
# The text comes whole (a note is short) and the first match is marked here, in Python, as
# FTS5's snippet does: ts_headline drops the punctuation around its fragment ("[bold]" lost "[").
_SEARCH = f"""
WITH q AS (SELECT to_tsquery('{PG_CONFIG}', %(query)s) AS query),
hits AS (
    SELECT 1 AS kind, c.id, c.note AS body, c.at AS at, c.participant_id, NULL AS caller,
           ts_rank(to_tsvector('{PG_CONFIG}', c.note), q.query) AS score
    FROM contact c, q
    WHERE to_tsvector('{PG_CONFIG}', c.note) @@ q.query
    UNION ALL
    SELECT 2, p.id, p.name, NULL, p.id, NULL,
           ts_rank(to_tsvector('{PG_CONFIG}', p.name), q.query)
    FROM participant p, q
    WHERE to_tsvector('{PG_CONFIG}', p.name) @@ q.query
    UNION ALL
    SELECT 3, b.id, b.reason, b.received_at, b.participant_id, b.caller_name,
           ts_rank(to_tsvector('{PG_CONFIG}', b.reason), q.query)
    FROM callback b, q
    WHERE to_tsvector('{PG_CONFIG}', b.reason) @@ q.query
),
page AS (
    SELECT * FROM hits
    ORDER BY score DESC, COALESCE(at, '') DESC, id * 4 + kind DESC
    LIMIT %(limit)s
)
SELECT page.kind, page.id, page.at, page.caller, page.participant_id, participant.name,
       page.body
FROM page
LEFT JOIN participant ON participant.id = page.participant_id
ORDER BY page.score DESC, COALESCE(page.at, '') DESC, page.id * 4 + page.kind DESC
"""


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


def search_rows(words: list[str], limit: int, marks: tuple[str, str]) -> list[Any]:
    """(kind, id, participant id, name or caller, time, marked text) rows, best first."""
    params = {"query": ts_query(words), "limit": limit}
    rows = db.execute_sql(_SEARCH, params).fetchall()
    result = []
    for kind, row_id, at, caller, participant_id, name, body in rows:
        when: datetime | None = None
        if kind == 1:
            when = Contact.at.python_value(at)
        elif kind == 3:
            when = Callback.received_at.python_value(at)
        shown = name if name is not None else (caller or "")
        snippet = mark_first_match(body or "", words, marks)
        result.append((kind, row_id, participant_id, shown, when, snippet))
    return result
