"""Copy a laptop's SQLite file into a new team database on PostgreSQL, every row, at once.

The target is opened and migrated to the same schema version as the file (both at the latest:
the command line has just migrated the file). Then, in one transaction on the server, every
table's rows are copied with their ids, the id sequences are moved past the highest id, and the
rows are counted on both sides: any difference rolls everything back, so the server holds either
the whole file or nothing. Tables go parents first (the order of their foreign keys), so every
reference points to a row that is already there.

A target that holds anything but the meeting places every new database starts with is refused:
two caseloads are never merged by accident. Those starting rows are replaced by the file's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tp_tui.db import StorageError

# Rows a new database starts with (migration 1): replaced, not counted as "not empty".
SEEDED_TABLES = frozenset({"meeting_place"})
# SQLite's own tables and the FTS5 index (the server searches the tables themselves).
_SKIPPED_PREFIXES = ("sqlite_", "search_index")
_CHUNK = 1000


@dataclass(frozen=True)
class TableCount:
    table: str
    source: int
    target: int


def _source_tables(source: Any) -> list[str]:
    rows = source.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
    ).fetchall()
    return [name for (name,) in rows if not name.startswith(_SKIPPED_PREFIXES)]


def _parents_first(source: Any, tables: list[str]) -> list[str]:
    """Tables ordered so that each comes after the tables it refers to."""
    parents = {
        table: {
            row[2]
            for row in source.execute_sql(f'PRAGMA foreign_key_list("{table}")').fetchall()
            if row[2] != table
        }
        for table in tables
    }
    ordered: list[str] = []
    while len(ordered) < len(tables):
        ready = [t for t in tables if t not in ordered and parents[t] <= set(ordered)]
        if not ready:
            raise StorageError("transfer.error.schema", table=", ".join(sorted(parents)))
        ordered.extend(sorted(ready))
    return ordered


def _target_columns(target: Any, table: str) -> dict[str, str]:
    rows = target.execute_sql(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = %s",
        (table,),
    ).fetchall()
    return dict(rows)


def _count(database: Any, table: str) -> int:
    return int(database.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()[0])


def _converter(data_type: str) -> Any:
    """SQLite keeps booleans as 0/1; PostgreSQL wants true/false."""
    if data_type == "boolean":
        return lambda value: None if value is None else bool(value)
    return lambda value: value


def _copy_table(source: Any, target: Any, table: str) -> None:
    source_columns = [row[1] for row in source.execute_sql(f'PRAGMA table_info("{table}")')]
    target_columns = _target_columns(target, table)
    if set(source_columns) != set(target_columns):
        raise StorageError("transfer.error.schema", table=table)
    converters = [_converter(target_columns[column]) for column in source_columns]
    names = ", ".join(f'"{column}"' for column in source_columns)
    marks = ", ".join("%s" for _ in source_columns)
    insert = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'
    cursor = source.execute_sql(f'SELECT {names} FROM "{table}" ORDER BY rowid')
    while rows := cursor.fetchmany(_CHUNK):
        converted = [tuple(c(v) for c, v in zip(converters, row, strict=True)) for row in rows]
        target.cursor().executemany(insert, converted)
    if "id" in target_columns:
        # The next new row gets a number no row in the file ever had.
        target.execute_sql(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
            f'COALESCE((SELECT max(id) FROM "{table}"), 0) + 1, false)'
        )


def copy_to_server(source: Any, url: str) -> list[TableCount]:
    """Copy every row of the open SQLite ``source`` into the empty database at ``url``.

    Raises:
        StorageError: the target is not empty or not reachable, or the counts differ (then
            nothing was written to it).
    """
    from tp_tui.server import display_url, open_server

    target = open_server(url)
    try:
        tables = _parents_first(source, _source_tables(source))
        with target.atomic():
            for table in tables:
                if table not in SEEDED_TABLES and _count(target, table):
                    raise StorageError(
                        "transfer.error.not_empty", url=display_url(url), table=table
                    )
            for table in reversed(tables):
                if table in SEEDED_TABLES:
                    target.execute_sql(f'DELETE FROM "{table}"')
            for table in tables:
                _copy_table(source, target, table)
            counts = [TableCount(t, _count(source, t), _count(target, t)) for t in tables]
            differ = [count.table for count in counts if count.source != count.target]
            if differ:
                raise StorageError("transfer.error.counts", table=", ".join(differ))
    finally:
        target.close()
    return counts
