"""Shared fixtures: every test runs on its own files, a frozen clock and English by default."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import platformdirs
import pytest

from tp_tui.clock import OSLO, FrozenClock
from tp_tui.db import close_database, open_database
from tp_tui.i18n import set_language

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
def db_path(tmp_path: Path) -> Iterator[Path]:
    """An empty, migrated database file, bound to the models for the test."""
    path = tmp_path / "tp.db"
    open_database(path)
    yield path
    close_database()


@pytest.fixture
def demo_db(tmp_path: Path, clock: FrozenClock) -> Iterator[Path]:
    """The demo database on the frozen date."""
    from tp_tui.demo import fill_demo

    path = tmp_path / "demo.db"
    open_database(path)
    fill_demo(clock)
    yield path
    close_database()
