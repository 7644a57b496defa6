"""The process board: active participants by stage, how long in it, who has stalled; the
closed, on request, to reopen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import DataTable, Footer, Header, Static

from tp_tui.domain import Stage
from tp_tui.i18n import t
from tp_tui.keys import key
from tp_tui.services.periods import closed_cards
from tp_tui.services.process import process_board
from tp_tui.text import cell
from tp_tui.views.base import TpScreen

COLUMNS = tuple(stage for stage in Stage if stage != Stage.CLOSE)


class ProcessScreen(TpScreen[None]):
    DEFAULT_CSS = """
    #board { height: 1fr; }
    #board Vertical { width: 1fr; height: 1fr; }
    #board DataTable { height: 1fr; }
    .stage-title { text-style: bold; height: 2; padding: 0 1; }
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
                    yield DataTable(id=f"stage-{int(stage)}", cursor_type="row", show_header=False)
            yield from self._closed_column()
        yield Footer()

    def _closed_column(self) -> ComposeResult:
        with Vertical(id="closed-column"):
            yield Static(t(Stage.CLOSE.label_key), classes="stage-title", markup=False)
            yield DataTable(id=f"stage-{int(Stage.CLOSE)}", cursor_type="row", show_header=False)

    def on_mount(self) -> None:
        for table in self.query(DataTable):
            table.add_column("", key="card")

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown: the one place the lists load.
        self.load()

    def load(self) -> None:
        board = process_board(self.tp.clock.now(), self.tp.settings)
        for stage in COLUMNS:
            table = self.query_one(f"#stage-{int(stage)}", DataTable)
            table.clear()
            for card in board[stage]:
                marks = ("⚑" if card.stalled else "") + ("!" if card.late else "")
                style = "bold red" if card.stalled or card.late else ""
                # Days and marks first: the name may be cut in a narrow column, they may not.
                text = f"{card.days_in_stage:>3}d{marks:<2} {card.name}"
                table.add_row(cell(text, style), key=str(card.participant_id))
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

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.tp.open_participant(int(event.row_key.value))

    def action_stage(self) -> None:
        from tp_tui.views import flows

        participant_id = self._selected()
        if participant_id is not None:
            flows.change_stage(self.tp, participant_id)
