"""Today: the screen the app opens on — calls owed, today's contacts, who not to let go."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Header, Static

from tp_tui.domain import ContactKind
from tp_tui.i18n import format_date, format_time, long_day, short_datetime, t
from tp_tui.keys import key
from tp_tui.phone import format_phone
from tp_tui.services.callbacks import CallbackLine, due_callbacks
from tp_tui.services.consent import GROUP
from tp_tui.services.team import is_single_user, my_id
from tp_tui.services.today import (
    ContactToday,
    NotHeardFrom,
    TodayOverview,
    contacts_today,
    not_heard_from,
    today_overview,
)
from tp_tui.text import cell, one_line
from tp_tui.views.base import TpScreen
from tp_tui.widgets.key_footer import KeyFooter
from tp_tui.widgets.lazy_table import NARROW_NAME, LazyTable
from tp_tui.widgets.row_detail import RowDetail, ShowsRowDetail

# Rows of a list read at a time; the tables show 12, the next page comes on scrolling.
PAGE = 30


def day_heading(day: date, team: bool) -> str:
    """The day, and whose lists are shown ("Mine", "Team's"): on a laptop of one, mine and the
    team's are the same and nothing is said."""
    heading = long_day(day)
    if not is_single_user():
        heading += " · " + t("team.scope_team" if team else "team.scope_mine")
    return heading


class TodayScreen(ShowsRowDetail, TpScreen[None]):
    """Date and week, then the sections a trust person checks at the end of the day."""

    CSS_PATH = "today.tcss"
    BINDINGS = [
        key("slash", "app.search", "nav.search", "today.search", key_display="/"),
        key("r", "refresh", "today.refresh", "today.refresh", show=False),
        key("t", "toggle_team", "team.toggle", "today.toggle_team"),
        key("enter", "open", "today.open", "today.open", show=False),
    ]

    _now: datetime
    """When the lists were read: their next pages are read as of then, so they follow on."""

    team = False
    """Show the whole team's calls, contacts and participants instead of mine (key t)."""

    _mine: int | None = None
    """The trust person whose share is shown; None shows everything (the team, or no one yet)."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="day-line", classes="day-line", markup=False)
        with VerticalScroll(id="today-sections"):
            yield Static(t("today.callbacks"), classes="section-title", markup=False)
            yield LazyTable(id="callbacks", cursor_type="row", zebra_stripes=False)
            # Here come the consents ending soon and the action points due, when there are any
            # (see _occasional): most days there are none, and an empty list costs a start.
            yield Static(
                t("today.contacts"), id="contacts-title", classes="section-title", markup=False
            )
            yield LazyTable(id="contacts", cursor_type="row")
            # The rounds (three lines) before the longest list, so they are seen at 80×24.
            yield Static(t("today.rounds"), classes="section-title", markup=False)
            yield DataTable(id="rounds", cursor_type="row")
            yield Static(
                t("today.not_heard", count=self.tp.settings.not_heard_days),
                classes="section-title",
                markup=False,
            )
            yield LazyTable(id="not-heard", cursor_type="row")
        yield RowDetail(id="row-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        columns = {
            "#callbacks": ("today.col.due", "today.col.who", "today.col.phone", "today.col.reason"),
            "#contacts": ("today.col.time", "today.col.who", "today.col.kind", "today.col.note"),
            "#not-heard": ("today.col.who", "today.col.phone", "today.col.last", "today.col.days"),
            "#rounds": ("today.col.place", "today.col.planned", "today.col.status"),
        }
        for table_id, keys in columns.items():
            _add_columns(self.query_one(table_id, DataTable), keys)
        # The reason and the note get what the other columns leave; names grow where there is
        # room for both.
        for table_id in ("#callbacks", "#contacts", "#not-heard"):
            listed = self.query_one(table_id, LazyTable)
            listed.name_column = 0 if table_id == "#not-heard" else 1
            if table_id != "#not-heard":
                listed.flexible = 3

    def on_resize(self) -> None:
        for table in self.query("#today-sections DataTable"):
            table.styles.max_height = self._rows_shown()

    def _rows_shown(self) -> int:
        # A low terminal shows fewer rows of each list, so every section has a place on it.
        return 12 if self.size.height >= 40 else 6

    def _occasional(
        self, table_id: str, title_key: str, columns: tuple[str, ...], shown: bool
    ) -> DataTable[object] | None:
        """The list of a section shown only on the days it has rows, made the first time."""
        found = self.query(f"#{table_id}")
        if not shown:
            for widget in (*found, *self.query(f"#{table_id}-title")):
                widget.remove()
            return None
        if found:
            return self.query_one(f"#{table_id}", DataTable)
        title = Static(t(title_key), id=f"{table_id}-title", classes="section-title", markup=False)
        table: DataTable[object] = DataTable(id=table_id, cursor_type="row")
        table.styles.max_height = self._rows_shown()
        _add_columns(table, columns)
        # The consents before the action points, whichever came first.
        later = self.query("#actions-due-title") if table_id == "consents" else None
        anchor = later.first() if later else self.query_one("#contacts-title")
        self.query_one("#today-sections").mount(title, table, before=anchor)
        return table

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown: the one place the lists load.
        self.load()

    def action_refresh(self) -> None:
        self.load()

    def action_toggle_team(self) -> None:
        self.team = not self.team
        self.tp.today_team = self.team  # the close of day (F9) counts what Today shows
        self.load()

    def load(self) -> None:
        """The first page of each list; the rest of a long one comes as it is scrolled."""
        now = self._now = self.tp.clock.now()
        self._mine = None if self.team else my_id()
        overview = today_overview(now, self.tp.settings, PAGE, self._mine)
        self.query_one("#day-line", Static).update(day_heading(overview.day, self.team))
        self._fill(overview)
        self._fill_action_points()

    def _fill_action_points(self) -> None:
        """Group meetings' action points due today or before; the section only when there are."""
        from tp_tui.services.action_points import due_action_points

        due = due_action_points(self._now.date(), self._mine)
        columns = ("meetings.col.due", "today.col.who", "meetings.col.what")
        table = self._occasional("actions-due", "meetings.today_title", columns, bool(due))
        if table is None:
            return
        table.clear()
        for action in due:
            style = "bold red" if action.due_on < self._now.date() else ""
            table.add_row(
                cell(format_date(action.due_on), style),
                cell(action.participant_name),
                cell(f"{action.text} ({action.owner})" if action.owner else action.text),
                key=f"p{action.participant_id}-a{action.id}",
            )

    def _fill(self, overview: TodayOverview) -> None:
        callbacks = self.query_one("#callbacks", LazyTable)
        callbacks.clear()
        self._add_callbacks(callbacks, overview.callbacks)
        self._empty(callbacks, "today.none_callbacks")
        self._page(callbacks, overview.callbacks, self._more_callbacks)

        contacts = self.query_one("#contacts", LazyTable)
        contacts.clear()
        self._add_contacts(contacts, overview.contacts)
        self._empty(contacts, "today.none_contacts")
        self._page(contacts, overview.contacts, self._more_contacts)

        quiet = self.query_one("#not-heard", LazyTable)
        quiet.clear()
        self._add_not_heard(quiet, overview.not_heard_from)
        self._empty(quiet, "today.none_not_heard")
        self._page(quiet, overview.not_heard_from, self._more_not_heard)

        self._fill_consents(overview)

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

    def _fill_consents(self, overview: TodayOverview) -> None:
        """Consents that end soon: renewing one is owed, like a call."""
        columns = ("today.col.who", "today.col.consent", "today.col.ends")
        ending = self._occasional(
            "consents", "today.consents", columns, bool(overview.consents_ending)
        )
        if ending is None:
            return
        ending.clear()
        for line in overview.consents_ending:
            what = t(f"consent.{line.scope}")
            if line.recipient != GROUP:
                what += f" → {one_line(line.recipient)}"
            soon = "bold red" if line.expires_on <= overview.day else ""
            ending.add_row(
                cell(line.name),
                cell(what),
                cell(format_date(line.expires_on), soon),
                key=f"p{line.participant_id}-k{len(ending.rows)}",
            )

    def _page(
        self, table: LazyTable, first: Sequence[object], more: Callable[[LazyTable], bool]
    ) -> None:
        table.paged((lambda: more(table)) if len(first) == PAGE else None)

    def _more_callbacks(self, table: LazyTable) -> bool:
        lines = due_callbacks(self._now, PAGE, table.row_count, self._mine)
        self._add_callbacks(table, lines)
        return len(lines) == PAGE

    def _more_contacts(self, table: LazyTable) -> bool:
        lines = contacts_today(self._now, PAGE, table.row_count, self._mine)
        self._add_contacts(table, lines)
        return len(lines) == PAGE

    def _more_not_heard(self, table: LazyTable) -> bool:
        lines = not_heard_from(
            self._now, self.tp.settings.not_heard_days, PAGE, table.row_count, self._mine
        )
        self._add_not_heard(table, lines)
        return len(lines) == PAGE

    def _add_callbacks(self, table: LazyTable, lines: Sequence[CallbackLine]) -> None:
        for due in lines:
            key_ = f"p{due.participant_id or 0}-c{due.id}"
            if key_ in table.rows:  # a page read after a change may repeat a row
                continue
            when = short_datetime(due.due_at, self._now) if due.overdue else format_time(due.due_at)
            style = "bold red" if due.overdue else ""
            marker = t("today.overdue") + " " if due.overdue else ""
            table.add_row(
                cell(marker + when, style),
                cell(due.name),
                cell(format_phone(due.phone)),
                cell(due.reason),
                key=key_,
            )

    def _add_contacts(self, table: LazyTable, lines: Sequence[ContactToday]) -> None:
        for contact in lines:
            key_ = f"p{contact.participant_id}-k{contact.id}"
            if key_ in table.rows:
                continue
            table.add_row(
                cell(format_time(contact.at)),
                cell(contact.name),
                cell(t(ContactKind(contact.kind).label_key)),
                cell(contact.note),
                key=key_,
            )

    def _add_not_heard(self, table: LazyTable, lines: Sequence[NotHeardFrom]) -> None:
        for person in lines:
            key_ = f"p{person.participant_id}"
            if key_ in table.rows:
                continue
            table.add_row(
                cell(person.name),
                cell(format_phone(person.phone)),
                cell(format_date(person.last_contact.date()) if person.last_contact else "–"),
                cell(str(person.days) if person.days is not None else t("today.never")),
                key=key_,
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


def _add_columns(table: DataTable[object], keys: tuple[str, ...]) -> None:
    for key_ in keys:
        # Long double names are cut so the reason or note stays on screen at 80×24;
        # the line under the lists shows the whole row under the cursor.
        width = NARROW_NAME if key_ == "today.col.who" else None
        table.add_column(cell(t(key_)), width=width)
