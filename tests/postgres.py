"""A fresh PostgreSQL database per test, on the server named by ``TP_TUI_TEST_PG``.

``.ci/run`` starts a throwaway server on loopback and sets the variable. Each test gets its own
database, copied from a template that is migrated (and, for the demo, filled) once per xdist
worker: a copy costs tens of milliseconds, a migration or the demo several times that. It is
dropped after the test.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import count
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

ENV = "TP_TUI_TEST_PG"
SKIP_REASON = (
    f"PostgreSQL tests need a server: set {ENV}=postgresql://user@127.0.0.1:PORT/postgres "
    "(bash .ci/run starts one)"
)
_numbers = count(1)
_templates: dict[str, str] = {}


def server_url() -> str:
    """The admin URL, or skip (fail under CI, where the server must be there)."""
    url = os.environ.get(ENV, "")
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"{ENV} is not set under CI: .ci/run must start PostgreSQL first")
        pytest.skip(SKIP_REASON)
    return url


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def _worker() -> str:
    return re.sub(r"\W", "", os.environ.get("PYTEST_XDIST_WORKER", "main"))


@contextmanager
def _admin(url: str) -> Iterator[Any]:
    import psycopg2

    connection = psycopg2.connect(url)
    connection.autocommit = True  # CREATE / DROP DATABASE refuse a transaction
    try:
        with connection.cursor() as cursor:
            yield cursor
    finally:
        connection.close()


def _template(url: str, fill: Callable[[], None] | None = None) -> str:
    """A migrated database for this worker and run (filled by ``fill``), made once."""
    key = f"{url} {fill.__qualname__ if fill else ''}"
    name = _templates.get(key)
    if name is not None:
        return name
    from tp_tui.db import close_database, open_database

    name = f"tp_template_{_worker()}_{os.getpid()}_{len(_templates)}"
    with _admin(url) as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    open_database(with_database(url, name))
    try:
        if fill is not None:
            fill()
    finally:
        close_database()  # a template must have no connection when it is copied
    _templates[key] = name
    return name


@contextmanager
def fresh_database(empty: bool = False, fill: Callable[[], None] | None = None) -> Iterator[str]:
    """The URL of a new database (migrated unless ``empty``, then filled by ``fill``), dropped
    afterwards."""
    url = server_url()
    name = f"tp_test_{_worker()}_{os.getpid()}_{next(_numbers)}"
    template = "template0" if empty else _template(url, fill)
    with _admin(url) as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    try:
        yield with_database(url, name)
    finally:
        from tp_tui.db import close_database

        close_database()
        with _admin(url) as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
