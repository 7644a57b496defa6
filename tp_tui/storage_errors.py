"""The errors the storage layer explains to the user by a translation key.

Apart from db.py so that server.py and server_link.py (which db.py imports to open a server)
can raise them without importing db.py back. ``tp_tui.db`` still offers both names.
"""

from __future__ import annotations


class StorageError(Exception):
    """A database problem explained to the user by a translation key."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


class ServerGone(StorageError):
    """The team's server stopped answering: nothing of the interrupted action was saved."""

    def __init__(self) -> None:
        super().__init__("postgres.error.gone")
