"""Where files live: the platform's user data and config folders, or what the user points to."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "tp-tui"
DB_ENV = "TP_TUI_DB"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def exports_dir() -> Path:
    """The user's documents folder, under tp-tui: where a person looks for an export."""
    return Path(platformdirs.user_documents_dir()) / "tp-tui"


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def config_file() -> Path:
    return config_dir() / "config.toml"


def demo_db_path() -> Path:
    return data_dir() / "demo.db"


def server_url(cli_path: str | None = None, demo: bool = False) -> str | None:
    """The ``postgresql://`` URL from ``--db`` or ``TP_TUI_DB``; None for a file (or the demo)."""
    from tp_tui.server import is_server_url

    chosen = None if demo else cli_path or os.environ.get(DB_ENV)
    return chosen if chosen and is_server_url(chosen) else None


def database_path(cli_path: str | None = None, demo: bool = False) -> Path:
    """The database file to open: the demo file, ``--db``, ``TP_TUI_DB``, or the default file.

    For a server database (see :func:`server_url`) there is no file: callers ask first.
    """
    if demo:
        return demo_db_path()
    chosen = cli_path or os.environ.get(DB_ENV)
    if chosen:
        return Path(chosen).expanduser()
    return data_dir() / "tp.db"
