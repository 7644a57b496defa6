"""Where files live: the platform's user data and config folders, or what the user points to."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "tp-tui"
DB_ENV = "TP_TUI_DB"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def config_file() -> Path:
    return config_dir() / "config.toml"


def demo_db_path() -> Path:
    return data_dir() / "demo.db"


def database_path(cli_path: str | None = None, demo: bool = False) -> Path:
    """The database to open: the demo file, ``--db``, ``TP_TUI_DB``, or the default file."""
    if demo:
        return demo_db_path()
    chosen = cli_path or os.environ.get(DB_ENV)
    if chosen:
        return Path(chosen).expanduser()
    return data_dir() / "tp.db"
