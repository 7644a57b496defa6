"""The connection to a team's server, which can go away (a restart, a lost network) and come back.

Once the connection is lost, every query fails at once with :class:`~tp_tui.db.ServerGone`
instead of waiting for a timeout at every key, until :func:`reconnect` finds the server again.
A connection that dropped while idle (the server restarted between two keys) is opened again
quietly and the query run once more — but never inside a transaction: a save interrupted
halfway is reported not saved, and the user saves again.
"""

from __future__ import annotations

from typing import Any, cast

from peewee import InterfaceError, OperationalError, PostgresqlDatabase

from tp_tui.models import db
from tp_tui.storage_errors import ServerGone

_CONNECTION_ERRORS = (OperationalError, InterfaceError)


class ServerDatabase(PostgresqlDatabase):
    gone = False
    """True from a lost connection until :func:`reconnect` succeeds (shared by every thread)."""

    @property
    def state(self) -> Any:
        """peewee's connection of this thread (untyped in the stubs)."""
        return self._state  # type: ignore[attr-defined]

    def _lost(self) -> bool:
        connection = self.state.conn
        return connection is None or getattr(connection, "closed", 1) != 0

    def _quietly_reopened(self) -> bool:
        """A fresh connection for this thread when the server is there; False when it is not."""
        if self.in_transaction():
            return False
        self.state.reset()  # the broken connection is dropped, not closed (it cannot be)
        try:
            self.connect()
        except _CONNECTION_ERRORS:
            self.state.reset()
            return False
        return True

    def _gone(self, error: Exception) -> ServerGone:
        self.gone = True
        return ServerGone()

    def cursor(self, named_cursor: Any = None) -> Any:
        if self.gone:
            raise ServerGone()
        return cast(Any, super()).cursor(named_cursor)

    def _execute_cursor(self, sql: str, params: Any, **cursor_options: Any) -> Any:
        try:
            return cast(Any, super())._execute_cursor(sql, params, **cursor_options)
        except _CONNECTION_ERRORS as error:
            if not self._lost():
                raise
            if self._quietly_reopened():
                return cast(Any, super())._execute_cursor(sql, params, **cursor_options)
            raise self._gone(error) from error

    def begin(self, *args: Any, **kwargs: Any) -> None:
        try:
            super().begin(*args, **kwargs)
        except _CONNECTION_ERRORS as error:
            if not self._lost():
                raise
            if self._quietly_reopened():  # nothing has been sent yet: starting again is safe
                super().begin(*args, **kwargs)
                return
            raise self._gone(error) from error

    def commit(self) -> None:
        try:
            super().commit()
        except _CONNECTION_ERRORS as error:
            if not self._lost():
                raise
            # Whether the server kept it cannot be known: it is reported not saved.
            raise self._gone(error) from error

    def rollback(self) -> None:
        # The server threw the transaction away with the connection: there is nothing to undo.
        if self.gone or self._lost():
            return
        super().rollback()


def current_server() -> ServerDatabase | None:
    """The open database when it is a team's server; None on a file (nothing to lose)."""
    database = db.obj
    return database if isinstance(database, ServerDatabase) else None


def probe(database: ServerDatabase) -> bool:
    """Whether the server answers, on a connection of its own (safe from any thread)."""
    import psycopg2

    try:
        connection = psycopg2.connect(dbname=database.database, **database.connect_params)
    except psycopg2.Error:
        return False
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except psycopg2.Error:
        return False
    finally:
        connection.close()


def reconnect(database: ServerDatabase) -> bool:
    """Open this thread's connection again; True when the server answered."""
    database.state.reset()
    database.gone = False
    try:
        database.connect()
        cast(Any, database).execute_sql("SELECT 1")
    except (*_CONNECTION_ERRORS, ServerGone):
        database.state.reset()
        database.gone = True
        return False
    return True
