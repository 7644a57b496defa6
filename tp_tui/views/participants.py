"""Participants: the list, searched as you type; add, edit, open, archive."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.coordinate import Coordinate
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from tp_tui.domain import ParticipantStatus
from tp_tui.i18n import format_date, t
from tp_tui.keys import key
from tp_tui.phone import format_phone
from tp_tui.services.participants import (
    ParticipantRow,
    get_participant,
    list_participants,
    set_archived,
)
from tp_tui.text import cell, one_line

if TYPE_CHECKING:
    from tp_tui.app import TpApp

PAGE = 500
# Long double names are cut with an ellipsis so the other columns stay on screen at 80×24.
NAME_WIDTH = 26


class ParticipantsScreen(Screen[None]):
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

    @property
    def tp(self) -> TpApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder=t("participants.search_placeholder"), id="search")
        yield DataTable(id="participants", cursor_type="row", zebra_stripes=True)
        yield Static("", id="count", classes="empty", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(t("participant.field.name"), key="name", width=NAME_WIDTH)
        table.add_column(t("participant.field.phone"), key="phone")
        table.add_column(t("participant.field.status"), key="status")
        table.add_column(t("participant.column.stage"), key="stage")
        table.add_column(t("participant.column.last_contact"), key="last")
        table.add_column(t("participant.field.intake"), key="intake")
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
        table = self.query_one(DataTable)
        current = select_id if select_id is not None else self.selected_id()
        query = self.query_one("#search", Input).value
        rows = list_participants(query, include_archived=self.show_archived, limit=PAGE)
        table.clear()
        for row in rows:
            table.add_row(*self._cells(row), key=str(row.id))
        if current is not None and str(current) in table.rows:
            table.move_cursor(row=table.get_row_index(str(current)))
        message = t("participants.count", count=len(rows)) if rows else t("participants.none")
        self.query_one("#count", Static).update(message)

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
