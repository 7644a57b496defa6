"""A team's shared database on a PostgreSQL server, opened by a ``postgresql://`` URL.

The same models and migrations as the SQLite file. What differs is kept here:

- No password ever in the URL (it would sit in shell history, ``ps`` output and config files):
  libpq reads it from ``~/.pgpass`` (or ``PGPASSFILE``) or ``PGPASSWORD``. A URL with one is
  refused before any connection is made.
- TLS whenever the server offers it (``sslmode=prefer`` unless the URL asks for more).
- PostgreSQL has no ``application_id`` or ``user_version``: a small table ``tp_meta`` marks the
  database as ours and holds the schema version. A database that has tables but no ``tp_meta``
  is someone else's and is refused untouched.
- Each migration step runs in its own transaction under an advisory lock, so two copies
  starting at once never run a step twice.
- The page check and the stamp beside the file are SQLite's; the server checks its own pages.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from peewee import DatabaseError as PeeweeDatabaseError
from peewee import ImproperlyConfigured, PostgresqlDatabase

from tp_tui.migrations import LATEST_VERSION, steps

SCHEMES = ("postgresql", "postgres")
APPLICATION = "tp-tui"
META_TABLE = "tp_meta"
# Any fixed number: the lock that makes migrations one at a time across copies of the app.
MIGRATION_LOCK = 0x54505455
CONNECT_TIMEOUT_S = 10


def is_server_url(location: object) -> bool:
    """True for ``postgresql://…`` or ``postgres://…`` (never a file name)."""
    if not isinstance(location, str):
        return False
    scheme, _, rest = location.partition("://")
    return scheme.lower() in SCHEMES and bool(rest)


def display_url(url: str) -> str:
    """The URL as shown in messages: user, host, port and database (never a password)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    user = f"{parts.username}@" if parts.username else ""
    return f"{parts.scheme}://{user}{host}{port}{parts.path}"


# libpq reads a whole connection string where it finds one: in ``dsn``, and in a database
# name that holds "=" or is itself a URL ("…/tp?dsn=password%3D…", "…/password=x%20dbname=tp").
# Such a string could carry a password, so none is taken.
_CONNINFO_KEYS = ("password", "dsn", "dbname")


def _smuggles_password(name: str, query: dict[str, str]) -> bool:
    if any(key.lower() in _CONNINFO_KEYS for key in query):
        return True
    return "=" in name or "://" in name or name.startswith(("postgres:", "postgresql:"))


def _connect_params(url: str) -> tuple[str, dict[str, Any]]:
    """(database name, connection parameters) from the URL; refuses a password in it."""
    from tp_tui.storage_errors import StorageError

    parts = urlsplit(url)
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    name = unquote(parts.path.lstrip("/"))
    if parts.password is not None or _smuggles_password(name, query):
        raise StorageError("postgres.error.password_in_url")
    if not name:
        raise StorageError("postgres.error.no_database", url=display_url(url))
    params: dict[str, Any] = dict(query)
    if parts.hostname:
        params["host"] = parts.hostname
    if parts.port:
        params["port"] = parts.port
    if parts.username:
        params["user"] = parts.username
    params.setdefault("sslmode", "prefer")
    params.setdefault("connect_timeout", CONNECT_TIMEOUT_S)
    params.setdefault("application_name", APPLICATION)
    return name, params


def _version(database: PostgresqlDatabase) -> int | None:
    """The schema version in tp_meta; None when the database has no tp_meta (not ours yet)."""
    exists = database.execute_sql("SELECT to_regclass(%s)", (META_TABLE,)).fetchone()[0]
    if exists is None:
        return None
    rows = dict(database.execute_sql(f"SELECT key, value FROM {META_TABLE}").fetchall())
    if rows.get("application") != APPLICATION:
        return -1
    return int(rows.get("schema_version", "0"))


def _has_tables(database: PostgresqlDatabase) -> bool:
    sql = (
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_schema = current_schema() AND table_name <> %s"
    )
    return bool(database.execute_sql(sql, (META_TABLE,)).fetchone()[0])


def _set_version(database: PostgresqlDatabase, version: int) -> None:
    database.execute_sql(
        f"UPDATE {META_TABLE} SET value = %s WHERE key = 'schema_version'", (str(version),)
    )


def migrate(database: PostgresqlDatabase, shown: str) -> None:
    """Make a new database ours, then bring the schema up to date one step per transaction."""
    from tp_tui.storage_errors import StorageError

    with database.atomic():
        database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        version = _version(database)
        if version is None:
            if _has_tables(database):
                raise StorageError("storage.error.not_ours", path=shown)
            database.execute_sql(
                f"CREATE TABLE {META_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
            )
            database.execute_sql(
                f"INSERT INTO {META_TABLE} (key, value) "
                f"VALUES ('application', %s), ('schema_version', '0')",
                (APPLICATION,),
            )
            version = 0
    if version < 0:
        raise StorageError("storage.error.not_ours", path=shown)
    if version > LATEST_VERSION:
        raise StorageError("storage.error.newer", path=shown)
    for number, upgrade in steps():
        if number <= version:
            continue
        with database.atomic():
            database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            current = _version(database) or 0
            if current >= number:
                continue  # another copy ran it meanwhile
            upgrade(database)
            _set_version(database, number)


def _drop_nul_characters() -> None:
    """PostgreSQL text cannot hold NUL (SQLite can): psycopg2 would refuse the whole save.
    A NUL is never meant (the display helper strips it anyway), so it is dropped on the way in."""
    try:
        from psycopg2.extensions import (
            QuotedString,
            register_adapter,
        )
    except ImportError:
        return

    def adapt(text: str) -> Any:
        return QuotedString(text.replace("\x00", ""))

    register_adapter(str, adapt)


def connect(url: str) -> PostgresqlDatabase:
    """A connected PostgresqlDatabase for ``url``, not yet checked or bound to the models.

    Raises:
        StorageError: a password in the URL, or the server cannot be reached or refuses us.
    """
    from tp_tui.server_link import ServerDatabase
    from tp_tui.storage_errors import StorageError

    name, params = _connect_params(url)
    _drop_nul_characters()
    database = ServerDatabase(name, **params)
    try:
        database.connect()
    except PeeweeDatabaseError as error:
        database.close()
        # libpq's own words (no password: there is none in the URL), first line only.
        reason = str(error).strip().splitlines()[0] if str(error).strip() else ""
        raise StorageError("postgres.error.connect", url=display_url(url), reason=reason) from error
    except ImproperlyConfigured as error:  # psycopg2 is an optional extra
        raise StorageError("postgres.error.no_driver") from error
    return database


def open_server(url: str) -> PostgresqlDatabase:
    """Connect, refuse a database that is not ours or is newer, and migrate."""
    from tp_tui.storage_errors import StorageError

    database = connect(url)
    shown = display_url(url)
    try:
        migrate(database, shown)
    except StorageError:
        database.close()
        raise
    except PeeweeDatabaseError as error:
        database.close()
        raise StorageError("storage.error.migration", version="?") from error
    return database


def is_postgres(database: object) -> bool:
    return isinstance(database, PostgresqlDatabase)
