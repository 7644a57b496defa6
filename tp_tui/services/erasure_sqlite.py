"""Erasure on a SQLite file: leave no copy of deleted text in the file or its WAL.

Deleting rows is not enough. ``secure_delete`` zeroes deleted cells, but a b-tree rebalance can
leave stale copies of moved cells in a page's unused area, and FTS5 keeps deleted words until a
merge (see migration 3). So after the delete, outside the transaction, the index is optimized,
the file is rebuilt with ``VACUUM`` and the WAL is checkpointed and truncated; only then is no
byte of the name or the notes left in the ``.db`` or ``-wal`` file.
"""

from __future__ import annotations

from peewee import DatabaseError

from tp_tui.models import db


def scrub_file() -> bool:
    """Optimize the search index, VACUUM, checkpoint and truncate the WAL; False if another
    copy of tp (or a reader) kept the WAL busy. Runs outside any transaction (VACUUM cannot
    run inside one)."""
    try:
        has_index = db.execute_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_index'"
        ).fetchone()
        if has_index:
            db.execute_sql("INSERT INTO search_index (search_index) VALUES ('optimize')")
        db.execute_sql("VACUUM")
        busy = db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    except DatabaseError:
        return False
    return bool(busy == 0)
