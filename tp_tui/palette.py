"""Command palette: jump to any participant by typing part of the name."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tp_tui.i18n import t
from tp_tui.services.participants import list_participants
from tp_tui.text import one_line

if TYPE_CHECKING:
    from tp_tui.app import TpApp
    from tp_tui.services.search_thread import SearchThread


class ParticipantCommands(Provider):
    """Finds participants by name, initials or phone."""

    def _open(self, participant_id: int) -> None:
        app: TpApp = self.app  # type: ignore[assignment]
        app.open_participant(participant_id)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        words = query.strip()
        rows = list_participants(words, include_archived=True, limit=30) if words else []
        for row in rows:
            name = one_line(row.name)
            score = matcher.match(name) or 0.5
            # Matcher.highlight parses the name as markup; a stored name is never markup.
            yield Hit(
                score,
                Content(name),
                partial(self._open, row.id),
                text=name,
                help=t("palette.open_participant"),
            )

    async def discover(self) -> Hits:
        for row in list_participants(limit=8):
            name = one_line(row.name)
            yield DiscoveryHit(
                Content(name),
                partial(self._open, row.id),
                text=name,
                help=t("palette.open_participant"),
            )


class NoteCommands(Provider):
    """Finds words in contact notes and call reasons, and opens what was found.

    The search runs in a thread of its own (see ``services.search_thread.SearchThread``), so the
    palette keeps up with typing on a big file.
    """

    _thread: SearchThread | None = None

    async def startup(self) -> None:
        from tp_tui.services.search_thread import SearchThread

        self._thread = SearchThread()

    async def shutdown(self) -> None:
        if self._thread is not None:
            self._thread.close()

    async def search(self, query: str) -> Hits:
        from tp_tui.services.search import BEST
        from tp_tui.views.search import open_hit

        if len(query.strip()) < 3 or self._thread is None:
            return
        app: TpApp = self.app  # type: ignore[assignment]
        for rank, hit in enumerate(await self._thread.search(query, limit=10, order=BEST)):
            if hit.kind == "participant":
                continue  # names are found by ParticipantCommands
            label = one_line(f"{hit.participant_name}: {hit.snippet}")
            yield Hit(
                0.9 - rank * 0.01,
                Content(label),
                partial(open_hit, app, hit),
                text=label,
                help=t(f"search.kind.{hit.kind}"),
            )
