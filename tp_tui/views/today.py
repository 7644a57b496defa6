"""Today: the screen the app opens on — calls owed, today's contacts, who not to let go."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from tp_tui.domain import ContactKind
from tp_tui.i18n import format_date, format_datetime, format_time, long_day, t
from tp_tui.keys import key
from tp_tui.phone import format_phone
from tp_tui.services.today import TodayOverview, today_overview
from tp_tui.text import cell
from tp_tui.views.participants import NAME_WIDTH

if TYPE_CHECKING:
    from tp_tui.app import TpApp


class TodayScreen(Screen[None]):
    """Date and week, then the sections a trust person checks at the end of the day."""

    CSS_PATH = "today.tcss"
    BINDINGS = [
        key("slash", "app.search", "nav.search", "today.search", key_display="/"),
        key("r", "refresh", "today.refresh", "today.refresh", show=False),
        key("enter", "open", "today.open", "today.open", show=False),
    ]

    @property
    def tp(self) -> TpApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="day-line", classes="day-line", markup=False)
        with VerticalScroll(id="today-sections"):
            yield Static(t("today.callbacks"), classes="section-title", markup=False)
            yield DataTable(id="callbacks", cursor_type="row", zebra_stripes=False)
            yield Static(t("today.contacts"), classes="section-title", markup=False)
            yield DataTable(id="contacts", cursor_type="row")
            yield Static(
                t("today.not_heard", days=self.tp.settings.not_heard_days),
                classes="section-title",
                markup=False,
            )
            yield DataTable(id="not-heard", cursor_type="row")
            yield Static(t("today.rounds"), classes="section-title", markup=False)
            yield DataTable(id="rounds", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        columns = {
            "#callbacks": ("today.col.due", "today.col.who", "today.col.phone", "today.col.reason"),
            "#contacts": ("today.col.time", "today.col.who", "today.col.kind", "today.col.note"),
            "#not-heard": ("today.col.who", "today.col.phone", "today.col.last", "today.col.days"),
            "#rounds": ("today.col.place", "today.col.planned", "today.col.status"),
        }
        for table_id, keys in columns.items():
            table = self.query_one(table_id, DataTable)
            for key_ in keys:
                # Long double names are cut so the reason or note stays on screen at 80×24.
                width = NAME_WIDTH if key_ == "today.col.who" else None
                table.add_column(t(key_), width=width)

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown: the one place the lists load.
        self.load()

    def action_refresh(self) -> None:
        self.load()

    def load(self) -> None:
        now = self.tp.clock.now()
        overview = today_overview(now, self.tp.settings)
        self.query_one("#day-line", Static).update(long_day(overview.day))
        self._fill(overview)

    def _fill(self, overview: TodayOverview) -> None:
        callbacks = self.query_one("#callbacks", DataTable)
        callbacks.clear()
        for due in overview.callbacks:
            when = format_datetime(due.due_at) if due.overdue else format_time(due.due_at)
            style = "bold red" if due.overdue else ""
            marker = t("today.overdue") + " " if due.overdue else ""
            callbacks.add_row(
                cell(marker + when, style),
                cell(due.name),
                cell(format_phone(due.phone)),
                cell(due.reason),
                key=f"p{due.participant_id or 0}-c{due.id}",
            )
        self._empty(callbacks, "today.none_callbacks")

        contacts = self.query_one("#contacts", DataTable)
        contacts.clear()
        for contact in overview.contacts:
            contacts.add_row(
                cell(format_time(contact.at)),
                cell(contact.name),
                cell(t(ContactKind(contact.kind).label_key)),
                cell(contact.note),
                key=f"p{contact.participant_id}-k{contact.id}",
            )
        self._empty(contacts, "today.none_contacts")

        quiet = self.query_one("#not-heard", DataTable)
        quiet.clear()
        for person in overview.not_heard_from:
            quiet.add_row(
                cell(person.name),
                cell(format_phone(person.phone)),
                cell(format_date(person.last_contact.date()) if person.last_contact else "–"),
                cell(str(person.days) if person.days is not None else t("today.never")),
                key=f"p{person.participant_id}",
            )
        self._empty(quiet, "today.none_not_heard")

        rounds = self.query_one("#rounds", DataTable)
        rounds.clear()
        for status in overview.rounds:
            if status.visited:
                label, style = t("today.round_done"), "green"
            elif status.missing_after_planned:
                label, style = t("today.round_missing"), "bold red"
            else:
                label, style = t("today.round_planned"), ""
            rounds.add_row(
                cell(status.place),
                cell(format_date(status.planned_on)),
                cell(label, style),
                key=f"r{status.place_id}",
            )

    def _empty(self, table: DataTable[object], message_key: str) -> None:
        if table.row_count == 0:
            table.add_row(
                *([cell(t(message_key), "italic")] + [cell("")] * (len(table.columns) - 1)),
                key="empty",
            )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self._open_key(event.row_key.value)

    def action_open(self) -> None:
        focused = self.focused
        if isinstance(focused, DataTable) and focused.row_count:
            row_key = focused.coordinate_to_cell_key(focused.cursor_coordinate).row_key
            self._open_key(row_key.value)

    def _open_key(self, value: str | None) -> None:
        if not value or not value.startswith("p"):
            return
        participant = value[1:].split("-")[0]
        if participant.isdigit() and int(participant):
            self.tp.open_participant(int(participant))
        elif "-c" in value:  # a call owed to someone not in the programme
            self.tp.switch_mode("callbacks")
