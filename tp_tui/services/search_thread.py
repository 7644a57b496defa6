"""The thread searches run in, away from the interface (the search screen's and the palette's).

No Textual here: the screens await :meth:`SearchThread.search` from their workers.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from tp_tui.models import db
from tp_tui.services.search import NEWEST, SearchHit, search


def close_connection() -> None:
    """Close this thread's database connection (peewee keeps one per thread)."""
    if db.obj is not None and not db.is_closed():
        db.close()


class SearchThread:
    """One thread that runs searches, one at a time, away from the interface.

    It keeps its database connection from one search to the next: peewee opens one per thread,
    with the same settings (and, on an encrypted file, the same key) as the app's; opening one
    on an encrypted file takes about 0.2 s, as the key is derived again. ``close`` closes it.
    """

    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tp-search")
        self._used = False

    async def search(self, text: str, limit: int = 50, order: str = NEWEST) -> list[SearchHit]:
        self._used = True
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, search, text, limit, order)

    def close(self) -> None:
        """Close the connection after the search running now, if any; the thread then ends."""
        if self._used:
            self._executor.submit(close_connection)
        self._executor.shutdown(wait=False)
