"""Shared fixtures: every test runs on its own files, a frozen clock and English by default.

Tests marked ``@pytest.mark.engines`` (or modules with ``pytestmark = pytest.mark.engines``) run
once per engine: their ``db_path`` / ``demo_db`` is then a SQLite file or, for ``postgresql``, the
URL of a fresh database on the server in ``TP_TUI_TEST_PG`` (skipped without one, except in CI).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import platformdirs
import pytest

from tests.postgres import fresh_database
from tp_tui.clock import OSLO, FrozenClock
from tp_tui.db import close_database, open_database
from tp_tui.i18n import set_language

ENGINES = ("sqlite", "postgresql")
# TP_TUI_TEST_ENGINE=postgresql runs every db_path test on that engine, to see what works.
DEFAULT_ENGINE = os.environ.get("TP_TUI_TEST_ENGINE", "sqlite")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "engines: run on SQLite and on PostgreSQL")


# Data-layer modules whose every database test also runs on PostgreSQL (listed here rather than
# marked in each file). Not listed: tests of what only SQLite has (pages, FTS5, files, backups,
# encryption); the PostgreSQL side of those is in test_postgres*.py.
ENGINE_MODULES = frozenset(
    {
        "test_callback_list",
        "test_cli_exports",
        "test_contacts",
        "test_demo",
        "test_due_rules",
        "test_export_files",
        "test_hostile_exports",
        "test_hostile_text",
        "test_importer",
        "test_participants_service",
        "test_plan",
        "test_process",
        "test_rounds",
        "test_statistics",
        "test_statistics_report",
        "test_stats_period",
        "test_summary",
        "test_today",
    }
)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    module = metafunc.module.__name__.rpartition(".")[2]
    marked = metafunc.definition.get_closest_marker("engines") or module in ENGINE_MODULES
    if marked and "engine" in metafunc.fixturenames:
        metafunc.parametrize("engine", ENGINES, indirect=True)


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", DEFAULT_ENGINE))


@contextmanager
def _database(engine: str, path: Path) -> Iterator[Path]:
    """A migrated database bound to the models: the file ``path``, or a server database."""
    if engine == "postgresql":
        with fresh_database() as url:
            open_database(url)
            # The URL where a file's path would be: tests on both engines only open and read it.
            yield url  # type: ignore[misc]
        return
    open_database(path)
    try:
        yield path
    finally:
        close_database()


# Thursday of ISO week 48, in the morning: rounds are still ahead, callbacks due later today.
FROZEN_NOW = datetime(2026, 11, 26, 10, 0, tzinfo=OSLO)


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every platformdirs path into tmp_path: tests never touch the user's real files."""
    home = tmp_path / "home"
    home.mkdir()
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(home / "data"))
    monkeypatch.setattr(platformdirs, "user_config_dir", lambda *a, **k: str(home / "config"))
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda *a, **k: str(home / "Documents"))
    for variable in ("TP_TUI_DB", "TP_TUI_NOW", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    set_language("en")
    return home


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(FROZEN_NOW)


@pytest.fixture
def db_path(tmp_path: Path, engine: str) -> Iterator[Path]:
    """An empty, migrated database file, bound to the models for the test."""
    with _database(engine, tmp_path / "tp.db") as path:
        yield path


@pytest.fixture
def demo_db(tmp_path: Path, clock: FrozenClock, engine: str) -> Iterator[Path]:
    """The demo database on the frozen date."""
    from tp_tui.demo import fill_demo

    with _database(engine, tmp_path / "demo.db") as path:
        fill_demo(clock)
        yield path
