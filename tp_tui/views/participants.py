"""Participants: the list, searched as you type; add, edit, open, archive."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.coordinate import Coordinate
from textual.reactive import reactive
from textual.widgets import DataTable, Header, Input, Static

from tp_tui.domain import ParticipantStatus
from tp_tui.i18n import format_date, t
from tp_tui.keys import key
from tp_tui.phone import format_phone
from tp_tui.services.participants import (
    ParticipantRow,
    count_participants,
    get_participant,
    list_participants,
    set_archived,
)
from tp_tui.text import cell, one_line
from tp_tui.views.base import TpScreen
from tp_tui.widgets.key_footer import KeyFooter
from tp_tui.widgets.lazy_table import LazyTable
from tp_tui.widgets.row_detail import RowDetail, ShowsRowDetail

# Rows read at a time: a little more than a tall screen; the next page comes on scrolling.
PAGE = 60
# A participant to show after saving is looked for this far down the list.
FIND_WITHIN = 500
# Long double names are cut with an ellipsis so the other columns stay on screen at 80×24.
NAME_WIDTH = 26


class ParticipantsScreen(ShowsRowDetail, TpScreen[None]):
    """All participants in Norwegian alphabetical order."""

    CSS_PATH = "participants.tcss"
    BINDINGS = [
        key("slash", "search", "participants.search", "participants.search", key_display="/"),
        key("n", "new", "participants.new", "participants.new"),
        key("e", "edit", "participants.edit", "participants.edit"),
        key("a", "archive", "participants.archive", "participants.archive"),
        key("v", "toggle_archived", "participants.show_archived", "participants.show_archived"),
        key(
            "escape",
            "leave_search",
            "participants.leave_search",
            "participants.leave_search",
            show=False,
        ),
    ]

    show_archived: reactive[bool] = reactive(False)
    """Whether archived participants are listed too."""

    _listed: str | None = None
    """The search the loaded rows are for (None before the first load)."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder=t("participants.search_placeholder"), id="search")
        yield LazyTable(id="participants", cursor_type="row", zebra_stripes=True)
        # At 80 columns the last contact and intake are beyond the edge: the row under the
        # cursor is written out whole here.
        yield RowDetail(id="row-detail")
        yield Static("", id="count", classes="empty", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(LazyTable)
        table.name_column = 0  # 20 wide on a narrow list, 26 from 100 columns on
        table.add_column(cell(t("participant.field.name")), key="name", width=NAME_WIDTH)
        table.add_column(cell(t("participant.field.phone")), key="phone")
        table.add_column(cell(t("participant.field.status")), key="status")
        table.add_column(cell(t("participant.column.stage")), key="stage")
        table.add_column(cell(t("participant.column.last_contact")), key="last")
        table.add_column(cell(t("participant.field.intake")), key="intake")
        table.focus()

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown: the one place the lists load.
        self.load()

    def watch_show_archived(self) -> None:
        if self.is_mounted:
            self.load()

    @on(Input.Changed, "#search")
    def _search_changed(self) -> None:
        self.load()

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count == 1:
            self._open_row(table, 0)
        else:
            table.focus()

    def load(self, select_id: int | None = None) -> None:
        """Read the list again from the top: a first page, the rest as the user scrolls.

        As many rows as were loaded before come back at once, so the cursor stays where it was
        after an edit; a participant just saved (``select_id``) is looked for a few pages on.
        """
        table = self.query_one(LazyTable)
        current = select_id if select_id is not None else self.selected_id()
        query = self.query_one("#search", Input).value
        archived = self.show_archived
        first = max(PAGE, table.row_count if query == self._listed else 0)
        self._listed = query
        rows = list_participants(query, include_archived=archived, limit=first)
        table.clear()
        self._add(table, rows)

        def more() -> bool:
            if not rows:
                return False
            last = rows[-1]
            rows[:] = list_participants(
                query, include_archived=archived, limit=PAGE, after=(last.sort_key, last.id)
            )
            self._add(table, rows)
            return len(rows) == PAGE

        table.paged(more if len(rows) == first else None)
        if select_id is not None:  # just saved: worth a few pages to show it
            while str(select_id) not in table.rows and table.row_count < FIND_WITHIN:
                if not table.load_more():
                    break
        if current is not None and str(current) in table.rows:
            table.move_cursor(row=table.get_row_index(str(current)))
        # The count is of all that match, not of the rows loaded so far.
        count = count_participants(query, archived) if table.has_more else table.row_count
        message = t("participants.count", count=count) if count else t("participants.none")
        self.query_one("#count", Static).update(message)

    def _add(self, table: DataTable[object], rows: list[ParticipantRow]) -> None:
        for row in rows:
            if str(row.id) not in table.rows:  # renamed since the last page: listed already
                table.add_row(*self._cells(row), key=str(row.id))

    def _cells(self, row: ParticipantRow) -> list[object]:
        style = "dim" if row.archived else ""
        status = t(ParticipantStatus(row.status).label_key)
        if row.archived:
            status = f"{status} · {t('participants.archived')}"
        return [
            cell(row.name, "bold" if not row.archived else style),
            cell(format_phone(row.phone), style),
            cell(status, style),
            cell(t(row.stage.label_key) if row.stage else "–", style),
            cell(format_date(row.last_contact.date()) if row.last_contact else "–", style),
            cell(format_date(row.intake_on), style),
        ]

    def selected_id(self) -> int | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        row_key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return int(row_key.value) if row_key.value and row_key.value.isdigit() else None

    def _open_row(self, table: DataTable[object], index: int) -> None:
        row_key = table.coordinate_to_cell_key(Coordinate(index, 0)).row_key
        if row_key.value:
            self.tp.open_participant(int(row_key.value))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.tp.open_participant(int(event.row_key.value))

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_leave_search(self) -> None:
        search = self.query_one("#search", Input)
        if search.has_focus:
            if search.value:
                search.value = ""
            else:
                self.query_one(DataTable).focus()

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.notify(
            t(
                "participants.archived_shown"
                if self.show_archived
                else "participants.archived_hidden"
            ),
            markup=False,
        )

    def action_new(self) -> None:
        from tp_tui.views.participant_form import ParticipantFormScreen

        self.app.push_screen(ParticipantFormScreen(None), self._after_form)

    def action_edit(self) -> None:
        from tp_tui.views.participant_form import ParticipantFormScreen

        participant_id = self.selected_id()
        if participant_id is None:
            self.notify(t("participants.select_first"), markup=False, severity="warning")
            return
        self.app.push_screen(ParticipantFormScreen(participant_id), self._after_form)

    def _after_form(self, participant_id: int | None) -> None:
        if participant_id is not None:
            self.load(select_id=participant_id)

    def action_archive(self) -> None:
        participant_id = self.selected_id()
        if participant_id is None:
            self.notify(t("participants.select_first"), markup=False, severity="warning")
            return
        current = get_participant(participant_id)
        if current is None:
            return
        participant = set_archived(participant_id, current.archived_at is None, self.tp.clock)
        message = (
            "participants.archived_done" if participant.archived_at else "participants.restored"
        )
        self.notify(t(message, name=one_line(participant.name)), markup=False)
        self.load(select_id=participant_id)
