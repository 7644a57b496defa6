"""Shared fixtures: every test runs on its own files, a frozen clock and English by default.

Tests marked ``@pytest.mark.engines`` (or modules with ``pytestmark = pytest.mark.engines``) run
once per engine: their ``db_path`` / ``demo_db`` is then a SQLite file or, for ``postgresql``, the
URL of a fresh database on the server in ``TP_TUI_TEST_PG`` (skipped without one, except in CI).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import platformdirs
import pytest

from tests.postgres import fresh_database
from tp_tui.clock import OSLO, FrozenClock
from tp_tui.db import check_integrity, close_database, open_database
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


# Copies to start each test from, made once per worker: a migration or the demo's few thousand
# rows cost far more than copying a file (or a server database) that already has them.
_file_templates: dict[str, Path] = {}


def _file_template(kind: str, folder: Path, fill: Callable[[], None] | None) -> Path:
    template = _file_templates.get(kind)
    if template is None:
        template = folder / f"{kind}.db"
        open_database(template)
        try:
            if fill is not None:
                fill()
        finally:
            close_database()  # a clean close: the whole database is in the one file
        _file_templates[kind] = template
    return template


@contextmanager
def _database(
    engine: str, path: Path, templates: Path, fill: Callable[[], None] | None = None
) -> Iterator[Path]:
    """A migrated database bound to the models (filled by ``fill``): the file ``path``, or a
    server database. Both are copies of a template made once with the same ``fill``."""
    if engine == "postgresql":
        with fresh_database(fill=fill) as url:
            open_database(url)
            # The URL where a file's path would be: tests on both engines only open and read it.
            yield url  # type: ignore[misc]
        return
    shutil.copyfile(_file_template("demo" if fill else "empty", templates, fill), path)
    path.chmod(0o600)
    open_database(path)
    # The copy is a file tp-tui did not make: it is checked now (a small file, milliseconds)
    # rather than by the app in the background, as for a file the test made itself.
    check_integrity()
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


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("templates")


@pytest.fixture
def db_path(tmp_path: Path, engine: str, templates: Path) -> Iterator[Path]:
    """An empty, migrated database file, bound to the models for the test."""
    with _database(engine, tmp_path / "tp.db", templates) as path:
        yield path


@pytest.fixture
def demo_db(tmp_path: Path, clock: FrozenClock, engine: str, templates: Path) -> Iterator[Path]:
    """The demo database on the frozen date."""
    from tp_tui.demo import fill_demo

    if clock.now() != FROZEN_NOW:  # a test on another date fills its own
        with _database(engine, tmp_path / "demo.db", templates) as path:
            fill_demo(clock)
            yield path
        return
    with _database(engine, tmp_path / "demo.db", templates, fill_demo_at_frozen_now) as path:
        yield path


def fill_demo_at_frozen_now() -> None:
    from tp_tui.demo import fill_demo

    fill_demo(FrozenClock(FROZEN_NOW))
