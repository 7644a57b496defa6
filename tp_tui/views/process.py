"""The process board: active participants by stage, how long in it, who has stalled; the
closed, on request, to reopen."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import DataTable, Header, Static

from tp_tui.domain import Stage
from tp_tui.i18n import t
from tp_tui.keys import key
from tp_tui.services.periods import closed_cards
from tp_tui.services.process import Card, process_board
from tp_tui.text import cell, one_line
from tp_tui.views.base import TpScreen
from tp_tui.widgets.key_footer import KeyFooter
from tp_tui.widgets.lazy_table import LazyTable

COLUMNS = tuple(stage for stage in Stage if stage != Stage.CLOSE)


def card_text(card: Card) -> Text:
    """The name on the first line, as wide as the column; days in the stage and marks under it.

    "!" (late) counts from the start of the period, not from the stage: the second line says
    so (``0d !140d``), so a participant just moved on is not read as late after 0 days.
    """
    style = "bold red" if card.stalled or card.late else ""
    text = Text(one_line(card.name), style=style, no_wrap=True, overflow="ellipsis")
    second = f"{card.days_in_stage}d"
    if card.stalled:
        second += " ⚑"
    if card.late:
        second += f" !{card.days_since_start}d"
    text.append("\n" + second, style="" if style else "dim")
    return text


def card_detail(card: Card) -> str:
    """Everything about a card in words, for the line under the board."""
    parts = [one_line(card.name), t("process.detail_days", count=card.days_in_stage)]
    parts.append(t("process.detail_start", count=card.days_since_start))
    if card.stalled:
        parts.append(t("process.detail_stalled"))
    if card.late:
        parts.append(t("process.detail_late"))
    return " · ".join(parts)


class ProcessScreen(TpScreen[None]):
    DEFAULT_CSS = """
    #board { height: 1fr; }
    #board Vertical { width: 1fr; height: 1fr; }
    #board DataTable { height: 1fr; }
    .stage-title { text-style: bold; height: 2; padding: 0 1; }
    .card-detail { height: auto; max-height: 2; padding: 0 1; color: $text-muted; }
    #closed-column { display: none; }
    #closed-column.shown { display: block; }
    """
    # Priority: a focused table would take the arrows (its one column has nowhere to go).
    BINDINGS = [
        key("left", "column(-1)", "process.left", "process.left", show=False, priority=True),
        key("right", "column(1)", "process.right", "process.right", show=False, priority=True),
        key("s", "stage", "process.change_stage", "process.stage"),
        key("c", "closed", "process.closed", "process.closed"),
        key("o", "reopen", "process.reopen", "process.reopen"),
    ]

    show_closed: reactive[bool] = reactive(False, bindings=True)
    """Whether the closed participants' column is on the board (key c)."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("process.legend"), classes="empty", markup=False)
        with Horizontal(id="board"):
            for stage in COLUMNS:
                with Vertical():
                    yield Static(t(stage.label_key), classes="stage-title", markup=False)
                    board = LazyTable(
                        id=f"stage-{int(stage)}", cursor_type="row", show_header=False
                    )
                    board.flexible = 0  # as wide as the column: a long name ends in "…"
                    yield board
            yield from self._closed_column()
        yield Static("", id="card-detail", classes="card-detail", markup=False)
        yield KeyFooter()

    def _closed_column(self) -> ComposeResult:
        with Vertical(id="closed-column"):
            yield Static(t(Stage.CLOSE.label_key), classes="stage-title", markup=False)
            yield DataTable(id=f"stage-{int(Stage.CLOSE)}", cursor_type="row", show_header=False)

    def on_mount(self) -> None:
        for table in self.query(DataTable):
            table.add_column(cell(""), key="card")

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown: the one place the lists load.
        self.load()

    def load(self) -> None:
        board = process_board(self.tp.clock.now(), self.tp.settings)
        self._cards: dict[str, Card] = {}
        for stage in COLUMNS:
            table = self.query_one(f"#stage-{int(stage)}", DataTable)
            table.clear()
            for card in board[stage]:
                table.add_row(card_text(card), height=2, key=str(card.participant_id))
                self._cards[str(card.participant_id)] = card
        self._load_closed()

    def _load_closed(self) -> None:
        table = self.query_one(f"#stage-{int(Stage.CLOSE)}", DataTable)
        table.clear()
        if not self.show_closed:
            return
        for card in closed_cards(self.tp.clock.now()):
            why = t(f"closing_reason.{card.closing_reason}") if card.closing_reason else ""
            text = f"{card.days_in_stage:>3}d {card.name}" + (f" · {why}" if why else "")
            table.add_row(cell(text), key=str(card.participant_id))

    def action_closed(self) -> None:
        self.show_closed = not self.show_closed
        self.query_one("#closed-column").set_class(self.show_closed, "shown")
        self._load_closed()
        closed = self.query_one(f"#stage-{int(Stage.CLOSE)}", DataTable)
        if self.show_closed:
            closed.focus()
        elif closed.has_focus:
            self.query(DataTable).first().focus()

    def action_reopen(self) -> None:
        from tp_tui.views import flows

        focused = self.focused
        participant_id = self._selected()
        if participant_id is None or not isinstance(focused, DataTable):
            return
        if focused.id != f"stage-{int(Stage.CLOSE)}":
            self.notify(t("process.reopen_only_closed"), markup=False, severity="warning")
            return
        flows.reopen(self.tp, participant_id)

    def action_column(self, step: int) -> None:
        closed = f"stage-{int(Stage.CLOSE)}"
        tables = [
            table for table in self.query(DataTable) if self.show_closed or table.id != closed
        ]
        focused = self.focused
        index = tables.index(focused) if isinstance(focused, DataTable) and focused in tables else 0
        tables[(index + step) % len(tables)].focus()

    def _selected(self) -> int | None:
        focused = self.focused
        if not isinstance(focused, DataTable) or not focused.row_count:
            return None
        value = focused.coordinate_to_cell_key(focused.cursor_coordinate).row_key.value
        return int(value) if value and value.isdigit() else None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        card = getattr(self, "_cards", {}).get(event.row_key.value or "")
        if event.data_table.has_focus and card is not None:
            self.query_one("#card-detail", Static).update(card_detail(card))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        table = event.widget
        detail = self.query_one("#card-detail", Static)
        if isinstance(table, DataTable) and table.row_count:
            key_ = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            card = getattr(self, "_cards", {}).get(key_ or "")
            detail.update(card_detail(card) if card else "")
        else:
            detail.update("")

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.tp.open_participant(int(event.row_key.value))

    def action_stage(self) -> None:
        from tp_tui.views import flows

        participant_id = self._selected()
        if participant_id is not None:
            flows.change_stage(self.tp, participant_id)
