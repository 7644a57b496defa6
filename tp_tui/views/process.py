"""The process board: active participants by stage, how long in it, who has stalled."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Header, Static

from tp_tui.domain import Stage
from tp_tui.i18n import t
from tp_tui.keys import key
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
    """
    BINDINGS = [
        key("left", "column(-1)", "process.left", "process.left", show=False),
        key("right", "column(1)", "process.right", "process.right", show=False),
        key("s", "stage", "process.change_stage", "process.stage"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("process.legend"), classes="empty", markup=False)
        with Horizontal(id="board"):
            for stage in COLUMNS:
                with Vertical():
                    yield Static(t(stage.label_key), classes="stage-title", markup=False)
                    yield DataTable(id=f"stage-{int(stage)}", cursor_type="row", show_header=False)
        yield Footer()

    def on_mount(self) -> None:
        for stage in COLUMNS:
            table = self.query_one(f"#stage-{int(stage)}", DataTable)
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

    def action_column(self, step: int) -> None:
        tables = list(self.query(DataTable))
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
