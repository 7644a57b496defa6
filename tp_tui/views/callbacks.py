"""Callbacks: the calls owed — overdue, today, later this week — and those returned today."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Header, Static

from tp_tui.i18n import format_time, short_datetime, t, weekday_name
from tp_tui.keys import key
from tp_tui.phone import format_phone
from tp_tui.services.callbacks import CallbackLine, callback_line, callback_section
from tp_tui.services.team import initials_by_id, my_id
from tp_tui.text import cell
from tp_tui.views.base import TpScreen
from tp_tui.views.today import day_heading
from tp_tui.widgets.key_footer import KeyFooter
from tp_tui.widgets.lazy_table import NARROW_NAME, LazyTable
from tp_tui.widgets.row_detail import RowDetail, ShowsRowDetail

# Rows of a section read at a time; the tables show 12, the next page comes on scrolling.
PAGE = 30

SECTIONS = (
    ("overdue", "callbacks.overdue"),
    ("today", "callbacks.today"),
    ("later", "callbacks.later"),
    ("done", "callbacks.done_today"),
)


class CallbacksScreen(ShowsRowDetail, TpScreen[None]):
    """Every call owed, with the keys to return them."""

    _initials: dict[int, str] = {}
    """Trust persons' initials, read with the lists, to mark calls handed to a colleague."""

    CSS_PATH = "today.tcss"
    BINDINGS = [
        key("enter,d", "done", "callbacks.mark_done", "callbacks.done"),
        key("n", "new", "callbacks.new", "callbacks.new"),
        key("e", "edit", "callbacks.edit", "callbacks.edit"),
        key("h", "hand_over", "handover.key", "callbacks.hand_over"),
        key("o", "open", "callbacks.open_participant", "callbacks.open"),
        key("r", "refresh", "today.refresh", "callbacks.refresh", show=False),
        key("p", "export", "export.callbacks", "callbacks.export"),
        key("t", "toggle_team", "team.toggle", "callbacks.toggle_team"),
    ]

    team = False
    """Show every call the team owes instead of mine (key t), as on Today."""

    _mine: int | None = None
    """The trust person whose calls are shown; None shows everyone's (the team, or no one yet)."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="day-line", classes="day-line", markup=False)
        with VerticalScroll(id="today-sections"):
            for section, title in SECTIONS:
                yield Static(t(title), classes="section-title", markup=False)
                yield LazyTable(id=f"cb-{section}", cursor_type="row")
        yield RowDetail(id="row-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        for section, _ in SECTIONS:
            table = self.query_one(f"#cb-{section}", LazyTable)
            first = "callbacks.col.done" if section == "done" else "today.col.due"
            table.add_column(cell(t(first)))
            table.add_column(cell(t("today.col.who")), width=NARROW_NAME)
            table.add_column(cell(t("today.col.phone")))
            table.add_column(cell(t("today.col.reason")))
            table.flexible = 3  # the reason gets what the others leave
            table.name_column = 1

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown: the one place the lists load.
        self.load()

    def action_refresh(self) -> None:
        self.load()

    def action_toggle_team(self) -> None:
        self.team = not self.team
        self.load()

    def load(self) -> None:
        """Each section's first page; the rest of a long one comes as it is scrolled."""
        now = self.tp.clock.now()
        self._initials = initials_by_id()
        self._mine = None if self.team else my_id()
        self.query_one("#day-line", Static).update(day_heading(now.date(), self.team))
        for section, _ in SECTIONS:
            table = self.query_one(f"#cb-{section}", LazyTable)
            table.clear()
            lines = callback_section(section, now, PAGE, mine=self._mine)
            self._add(table, section, lines)
            if not lines:
                table.add_row(
                    cell(t("callbacks.none"), "italic"), cell(""), cell(""), cell(""), key="empty"
                )
            table.paged(self._pager(table, section, now) if len(lines) == PAGE else None)

    def _pager(self, table: LazyTable, section: str, now: datetime) -> Callable[[], bool]:
        """The next pages of a section, as it was when its first page was read."""

        def more() -> bool:
            lines = callback_section(section, now, PAGE, table.row_count, self._mine)
            self._add(table, section, lines)
            return len(lines) == PAGE

        return more

    def _add(self, table: LazyTable, section: str, lines: tuple[CallbackLine, ...]) -> None:
        for line in lines:
            if str(line.id) not in table.rows:  # a page read after a change may repeat a row
                table.add_row(*self._cells(section, line), key=str(line.id))

    def _cells(self, section: str, line: CallbackLine) -> list[object]:
        if section == "done" and line.done_at:
            outcome = t(f"outcome.{line.outcome}") if line.outcome else ""
            first = cell(f"{format_time(line.done_at)} {outcome}")
        elif section == "overdue":
            due = short_datetime(line.due_at, self.tp.clock.now())
            first = cell(f"{t('today.overdue')} {due}", "bold red")
        elif section == "later":
            first = cell(f"{weekday_name(line.due_at.date())} {format_time(line.due_at)}")
        else:
            first = cell(format_time(line.due_at))
        reason = line.reason
        if line.assigned_to_id is not None:  # handed over: whose call it now is
            who = self._initials.get(line.assigned_to_id) or ""
            reason = f"→ {who} {reason}" if who else reason
        return [first, cell(line.name), cell(format_phone(line.phone)), cell(reason)]

    def selected(self) -> CallbackLine | None:
        focused = self.focused
        if not isinstance(focused, DataTable) or not focused.row_count:
            return None
        row_key = focused.coordinate_to_cell_key(focused.cursor_coordinate).row_key.value
        if not row_key or not row_key.isdigit():
            return None
        # Read again: the call may have been returned since the list was read.
        return callback_line(int(row_key), self.tp.clock.now())

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_done()

    def action_done(self) -> None:
        from tp_tui.views import flows

        line = self.selected()
        if line is None or line.done_at is not None:
            self.notify(t("callbacks.select_open"), markup=False, severity="warning")
            return
        flows.callback_done(self.tp, line)

    def action_hand_over(self) -> None:
        from tp_tui.views.handover_form import HandoverFormScreen

        line = self.selected()
        if line is None or line.done_at is not None:
            self.notify(t("callbacks.select_open"), markup=False, severity="warning")
            return
        self.app.push_screen(HandoverFormScreen(callback_id=line.id), lambda _: self.load())

    def action_edit(self) -> None:
        """Change who, number, reason or due time of a call still owed."""
        from tp_tui.views.callback_form import CallbackFormScreen

        line = self.selected()
        if line is None or line.done_at is not None:
            self.notify(t("callbacks.select_open"), markup=False, severity="warning")
            return

        def saved(callback_id: int | None) -> None:
            if callback_id is not None:
                self.notify(t("callbacks.edited"), markup=False)
            self.load()

        self.app.push_screen(CallbackFormScreen(callback_id=line.id), saved)

    def action_new(self) -> None:
        from tp_tui.views import flows

        flows.register_callback(self.tp)

    def action_open(self) -> None:
        line = self.selected()
        if line is not None and line.participant_id is not None:
            self.tp.open_participant(line.participant_id)

    def action_export(self) -> None:
        from tp_tui.views import flows

        flows.export_callback_list(self.tp, team=self.team)
