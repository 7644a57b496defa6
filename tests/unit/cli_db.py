"""For command-line tests: a database file made by `tp participants add`, and a look inside it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tp_tui.cli import run
from tp_tui.db import close_database, open_database


def file_with(folder: Path, *names: str) -> str:
    """A new database in ``folder`` holding these participants, added as a user adds them."""
    path = str(folder / "tp.db")
    for name in names:
        assert run(["--db", path, "participants", "add", name]) == 0
    return path


@contextmanager
def stored(path: str) -> Iterator[None]:
    """The file opened for reading what the commands stored; closed again after."""
    open_database(Path(path))
    try:
        yield
    finally:
        close_database()
