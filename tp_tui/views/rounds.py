"""Rounds: the meeting places week by week — visited or not, minutes, conversations."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Header, Static

from tp_tui.i18n import format_date, t
from tp_tui.keys import key
from tp_tui.services.rounds import GridCell, RoundsGrid, rounds_grid
from tp_tui.text import cell
from tp_tui.views.base import TpScreen
from tp_tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from tp_tui.views.round_form import RoundSaved

WEEKS = 8


class RoundsScreen(TpScreen[None]):
    CSS_PATH = "rounds.tcss"
    BINDINGS = [
        key("n", "log", "rounds.log", "rounds.log"),
        key("enter", "log_cell", "rounds.log_here", "rounds.log_here", show=False),
        # The table uses PgUp/PgDn to scroll, so weeks move with "," and ".".
        key("comma", "shift(1)", "rounds.earlier", "rounds.earlier", key_display=","),
        key("full_stop", "shift(-1)", "rounds.later", "rounds.later", key_display="."),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.weeks_back = 0
        self.grid: RoundsGrid | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="weeks-line", classes="day-line", markup=False)
        yield DataTable(id="grid", cursor_type="cell")
        yield Static(t("rounds.legend"), classes="empty", markup=False)
        yield KeyFooter()

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown: the one place the lists load.
        self.load()

    def load(self) -> None:
        now = self.tp.clock.now()
        # As many weeks as fit beside the place names: 8 on a wide terminal, 6 at 80 columns.
        weeks = max(3, min(WEEKS, (self.app.size.width - 16) // 10))
        self.grid = grid = rounds_grid(now, weeks, self.weeks_back)
        table = self.query_one(DataTable)
        cursor = table.cursor_coordinate
        table.clear(columns=True)
        # Fixed widths: the grid must read the same whatever the week holds.
        table.add_column(cell(t("today.col.place")), key="place", width=12)
        for monday in grid.weeks:
            label = t("rounds.week", week=monday.isocalendar().week)
            table.add_column(cell(label), key=str(monday), width=8)
        for place in grid.places:
            cells = [cell(place.name)]
            cells += [self._cell(grid.cells[(place.id, monday)]) for monday in grid.weeks]
            table.add_row(*cells, key=str(place.id))
        first, last = grid.weeks[0], grid.weeks[-1]
        self.query_one("#weeks-line", Static).update(
            t("rounds.range", start=format_date(first), end=format_date(last))
        )
        if table.row_count:
            table.cursor_coordinate = (
                cursor if cursor.column else cursor._replace(column=len(grid.weeks))
            )

    def _cell(self, status: GridCell) -> Text:
        if status.visited:
            return cell(
                t(
                    "rounds.cell",
                    minutes=status.minutes,
                    talks=status.conversations,
                    new=status.new_people,
                ),
                "green",
            )
        if status.late:
            return cell(t("rounds.missing"), "bold red")
        return cell("·", "dim")

    def action_shift(self, weeks: int) -> None:
        self.weeks_back = max(0, self.weeks_back + weeks)
        self.load()

    def action_log(self, place_id: int | None = None, day: date | None = None) -> None:
        from tp_tui.views.round_form import RoundFormScreen

        self.app.push_screen(RoundFormScreen(place_id, day), self._logged)

    def _logged(self, saved: RoundSaved | None) -> None:
        from tp_tui.domain import ContactKind
        from tp_tui.views import flows
        from tp_tui.views.guest_form import GuestFormScreen

        if saved is None:
            return
        self.notify(t("rounds.logged"), markup=False)
        self.load()
        if saved.then == "contact":
            flows.log_contact(
                self.tp, None, kind=ContactKind.MEETING_PLACE.value, round_visit_id=saved.visit_id
            )
        elif saved.then == "guest":
            self.app.push_screen(GuestFormScreen(), lambda _: self.load())

    def action_log_cell(self) -> None:
        table = self.query_one(DataTable)
        if self.grid is None or not table.row_count:
            return
        keys = table.coordinate_to_cell_key(table.cursor_coordinate)
        place_id = int(keys.row_key.value or 0)
        column = keys.column_key.value or ""
        if column == "place":
            self.action_log(place_id)
            return
        monday = date.fromisoformat(column)
        self.action_log(place_id, self.grid.cells[(place_id, monday)].planned_on)

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        self.action_log_cell()
