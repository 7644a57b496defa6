"""Search every note, name and call reason; Enter opens what was found."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Input, Static

from tp_tui.i18n import format_datetime, t
from tp_tui.keys import key
from tp_tui.services.search import SearchHit, search
from tp_tui.text import cell

if TYPE_CHECKING:
    from tp_tui.app import TpApp


def open_hit(app: TpApp, hit: SearchHit) -> None:
    """Go to what a search found: the contact (in its form), the participant, or the calls."""
    from tp_tui.views import flows

    if hit.kind == "callback":
        app.switch_mode("callbacks")
    elif hit.participant_id is not None:
        app.open_participant(hit.participant_id)
        if hit.kind == "contact":
            flows.edit_contact(app, hit.id)


class SearchScreen(ModalScreen[None]):
    CSS_PATH = ["forms.tcss"]
    DEFAULT_CSS = """
    SearchScreen { align: center middle; }
    SearchScreen > Vertical { width: 100; max-width: 100%; height: 90%; }
    SearchScreen DataTable { height: 1fr; }
    """
    BINDINGS = [key("escape", "close", "search.close", "search.close")]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.query_text = query
        self.hits: list[SearchHit] = []

    @property
    def tp(self) -> TpApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static(t("search.title"), classes="form-title", markup=False)
            yield Input(self.query_text, placeholder=t("search.placeholder"), id="query")
            yield Static("", id="count", classes="message form-message", markup=False)
            yield DataTable(id="hits", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(t("today.col.time"))
        table.add_column(t("today.col.who"), width=22)
        table.add_column(t("search.col.what"))
        table.add_column(t("search.col.text"))
        self.query_one("#query", Input).focus()
        self._search()

    @on(Input.Changed, "#query")
    def _search(self) -> None:
        text = self.query_one("#query", Input).value
        self.hits = search(text) if text.strip() else []
        table = self.query_one(DataTable)
        table.clear()
        for index, hit in enumerate(self.hits):
            table.add_row(
                cell(format_datetime(hit.at) if hit.at else ""),
                cell(hit.participant_name),
                cell(t(f"search.kind.{hit.kind}")),
                cell(hit.snippet),
                key=str(index),
            )
        message = t("search.count", count=len(self.hits)) if text.strip() else ""
        self.query_one("#count", Static).update(message)

    @on(Input.Submitted, "#query")
    def _to_results(self) -> None:
        if self.hits:
            self.query_one(DataTable).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        hit = self.hits[int(event.row_key.value or 0)]
        self.dismiss()
        open_hit(self.tp, hit)

    def action_close(self) -> None:
        self.dismiss()
