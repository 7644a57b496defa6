"""Search every note, name and call reason; Enter opens what was found.

The search runs as you type, but not for every key: it waits until typing pauses (DEBOUNCE
seconds), then runs in a thread of its own, so typing never waits for the database (a short
word on a big file takes a tenth of a second). A newer query cancels an older one; only the
latest results are shown.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Input, Static

from tp_tui.i18n import short_datetime, t
from tp_tui.keys import key
from tp_tui.services.search import BEST, MIN_WORD_CHARS, NEWEST, SearchHit, long_enough
from tp_tui.services.search_thread import SearchThread
from tp_tui.text import cell
from tp_tui.views.base import TpModalScreen
from tp_tui.widgets.key_footer import KeyFooter
from tp_tui.widgets.lazy_table import NARROW_NAME, LazyTable
from tp_tui.widgets.row_detail import RowDetail, ShowsRowDetail

if TYPE_CHECKING:
    from tp_tui.app import TpApp

# Seconds without a key before searching: a pause between words, not between letters.
DEBOUNCE = 0.2


def open_hit(app: TpApp, hit: SearchHit) -> None:
    """Go to what a search found: the contact (in its form), the participant, or the calls."""
    from tp_tui.views import flows

    if hit.kind == "callback":
        app.switch_mode("callbacks")
    elif hit.participant_id is not None:
        app.open_participant(hit.participant_id)
        if hit.kind == "contact":
            flows.edit_contact(app, hit.id)


class SearchScreen(ShowsRowDetail, TpModalScreen[None]):
    CSS_PATH = ["forms.tcss"]
    DEFAULT_CSS = """
    SearchScreen DataTable { height: 1fr; }
    """
    BINDINGS = [
        key("escape", "close", "search.close", "search.close"),
        key("ctrl+o", "switch_order", "search.order", "search.order", priority=True),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.query_text = query
        self.hits: list[SearchHit] = []
        self.shown_text: str | None = None
        """What the results on screen were found for; None before the first search."""
        self.order = NEWEST
        """NEWEST (the default) or BEST: the order the results are asked for and shown in."""
        self._thread = SearchThread()

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static(t("search.title"), classes="form-title", markup=False)
            yield Input(self.query_text, placeholder=t("search.placeholder"), id="query")
            yield Static("", id="count", classes="message form-message", markup=False)
            yield LazyTable(id="hits", cursor_type="row")
            yield RowDetail(id="row-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(LazyTable)
        table.add_column(cell(t("today.col.time")))
        table.add_column(cell(t("today.col.who")), width=NARROW_NAME)
        table.add_column(cell(t("search.col.what")))
        table.add_column(cell(t("search.col.text")))
        table.flexible = 3  # the text found gets what the others leave
        table.name_column = 1
        # The whole height (forms.tcss makes forms as high as their content, which would let
        # the results push the line under them off the screen).
        form = self.query_one(".form")
        form.styles.height = "1fr"
        form.styles.width = "100%"  # forms.tcss holds forms to 80 columns: results grow
        table.styles.height = "1fr"  # app.tcss makes tables as high as their rows
        self.query_one("#query", Input).focus()
        self._search(delay=0)  # what the screen was opened with, at once

    def on_unmount(self) -> None:
        self._thread.close()

    @on(Input.Changed, "#query")
    def _typed(self) -> None:
        self._search(delay=DEBOUNCE)

    def _search(self, delay: float, then_to_results: bool = False) -> None:
        """Search for what is typed after ``delay`` seconds, instead of any search pending."""
        text = self.query_one("#query", Input).value
        if not long_enough(text):
            # Nothing to search for yet: say so at once, and drop a search under way.
            self.workers.cancel_group(self, "search")
            self._show(text, [])
            return
        self.run_worker(self._find(text, delay, then_to_results), group="search", exclusive=True)

    async def _find(self, text: str, delay: float, then_to_results: bool) -> None:
        if delay:
            await asyncio.sleep(delay)  # a key pressed meanwhile cancels this worker
        hits = await self._thread.search(text, order=self.order)
        self._show(text, hits)
        if then_to_results and hits:
            self.query_one(DataTable).focus()

    def _show(self, text: str, hits: list[SearchHit]) -> None:
        self.hits = hits
        self.shown_text = text
        table = self.query_one(DataTable)
        table.clear()
        for index, hit in enumerate(hits):
            table.add_row(
                cell(short_datetime(hit.at, self.tp.clock.now()) if hit.at else ""),
                cell(hit.participant_name),
                cell(t(f"search.kind.{hit.kind}")),
                cell(hit.snippet),
                key=str(index),
            )
        if not text.strip():
            message = ""
        elif not long_enough(text):
            message = t("search.too_short", count=MIN_WORD_CHARS)
        else:
            message = t("search.count", count=len(hits)) + " · " + t(f"search.order.{self.order}")
        self.query_one("#count", Static).update(message)

    @on(Input.Submitted, "#query")
    def _to_results(self) -> None:
        if self.shown_text != self.query_one("#query", Input).value:
            self._search(delay=0, then_to_results=True)  # Enter does not wait for the pause
        elif self.hits:
            self.query_one(DataTable).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        hit = self.hits[int(event.row_key.value or 0)]
        self.dismiss()
        open_hit(self.tp, hit)

    def action_switch_order(self) -> None:
        self.order = BEST if self.order == NEWEST else NEWEST
        self._search(delay=0)

    def action_close(self) -> None:
        self.dismiss()
