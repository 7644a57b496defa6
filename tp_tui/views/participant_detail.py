"""One participant: own goals by life area, the process, the group, contacts and calls owed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Header, Static

from tp_tui.domain import CHECKLIST, Agency, ContactKind, ContactOutcome, LifeArea
from tp_tui.i18n import format_date, format_datetime, short_datetime, t
from tp_tui.keys import key
from tp_tui.phone import format_phone
from tp_tui.services.consent import GROUP
from tp_tui.services.detail import (
    RECENT_CONTACTS,
    ContactLine,
    ParticipantDetail,
    contact_lines,
    participant_detail,
)
from tp_tui.services.goals import folded_goal
from tp_tui.text import cell, literal, one_line
from tp_tui.views.base import TpScreen
from tp_tui.widgets.key_footer import KeyFooter
from tp_tui.widgets.lazy_table import LazyTable
from tp_tui.widgets.row_detail import RowDetail, ShowsRowDetail

# Older contacts read at a time as the history is scrolled (or with m).
HISTORY_PAGE = 50

# Leading ordinary spaces are dropped when a Static wraps its lines; these are kept.
INDENT = "\u00a0" * 4

if TYPE_CHECKING:
    from rich.text import Text


AREAS_WIDTH = 14


class ParticipantDetailScreen(ShowsRowDetail, TpScreen[None]):
    """Read-only overview; the editing flows open from here."""

    CSS_PATH = "participant_detail.tcss"
    BINDINGS = [
        key("escape,backspace", "back", "detail.back", "detail.back"),
        key("e", "edit", "participants.edit", "detail.edit"),
        key("l", "log_contact", "detail.log_contact", "detail.log_contact"),
        key("c", "callback", "detail.callback", "detail.callback"),
        key("x,delete", "delete_contact", "detail.delete_contact", "detail.delete_contact"),
        key("m", "more", "detail.more", "detail.more"),
        key("s", "stage", "process.change_stage", "detail.stage"),
        key("g", "goals", "plan.goals", "detail.goals"),
        key("r", "ratings", "plan.ratings", "detail.ratings"),
        key("p", "plan_status", "plan.plan", "detail.plan"),
        key("a", "group", "plan.group", "detail.group"),
        key("u", "export", "export.summary", "detail.export"),
        key("k", "checklist", "process.checklist", "detail.checklist"),
        key("h", "hand_over", "handover.key", "detail.hand_over"),
        key("y", "consents", "detail.consent_key", "detail.consents"),
        key("E", "erase", "erase.key", "detail.erase", show=False),
        key("o", "reopen", "process.reopen", "detail.reopen", show=False),
        key("n", "meeting", "meetings.key", "detail.meeting"),
        key("d", "action_done", "meetings.done_key", "detail.action_done", show=False),
    ]

    def __init__(self, participant_id: int) -> None:
        super().__init__()
        self.participant_id = participant_id
        self.contacts_shown = RECENT_CONTACTS
        """Contacts read when the page is read again: as many as were loaded before."""
        self.detail: ParticipantDetail | None = None
        """What the page shows, as last loaded."""
        self._history: list[ContactLine] = []
        """The contact lines in the table, newest first."""
        self._actions: dict[str, int] = {}
        """The open action points shown, by row key, with the version each was read at."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="who", classes="day-line", markup=False)
        with VerticalScroll(id="detail"):
            with Horizontal(id="top"):
                with Vertical(id="left"):
                    yield Static(t("detail.goals"), classes="section-title", markup=False)
                    yield Static("", id="goals")
                with Vertical(id="right"):
                    yield Static(t("detail.process"), classes="section-title", markup=False)
                    yield Static("", id="process")
                    yield from self._periods_section()
                    yield Static(t("detail.group"), classes="section-title", markup=False)
                    yield Static("", id="group")
            yield Static(t("ratings.title"), classes="section-title", markup=False)
            yield Static("", id="ratings", markup=False)
            yield Static(t("meetings.actions_title"), classes="section-title", markup=False)
            yield DataTable(id="detail-actions", cursor_type="row")
            yield Static(t("detail.callbacks"), classes="section-title", markup=False)
            yield DataTable(id="detail-callbacks", cursor_type="row")
            yield Static("", id="contacts-title", classes="section-title", markup=False)
            yield LazyTable(id="detail-contacts", cursor_type="row")
        # The note, the reason or the action point in full, for the row under the cursor.
        yield RowDetail(id="row-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        from tp_tui.db import write
        from tp_tui.services.audit import record

        # Looking at a participant is logged (id and time only) for access requests.
        with write():
            record("view", self.participant_id, self.tp.clock.now())
        self.query_one("#detail-callbacks", DataTable).add_columns(
            cell(t("today.col.due")), cell(t("today.col.reason"))
        )
        contacts = self.query_one("#detail-contacts", LazyTable)
        contacts.add_columns(
            cell(t("today.col.time")), cell(t("today.col.kind")), cell(t("detail.col.outcome"))
        )
        # The areas are cut short and the note gets the rest, so it is on screen at 80×24;
        # Enter on a contact shows all of it.
        contacts.add_column(cell(t("detail.col.areas")), width=AREAS_WIDTH)
        contacts.add_column(cell(t("today.col.note")))
        contacts.flexible = 4

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown: the one place the lists load.
        self.load()

    def load(self) -> None:
        detail = participant_detail(self.participant_id, self.tp.clock.now(), self.contacts_shown)
        if detail is None:
            self.notify(t("detail.gone"), markup=False, severity="warning")
            self.dismiss()
            return
        self.detail = detail
        self.query_one("#who", Static).update(self._who(detail))
        self.query_one("#goals", Static).update(self._goals(detail))
        self.query_one("#process", Static).update(self._process(detail))
        self.query_one("#group", Static).update(self._group(detail))
        self._show_periods()
        self._ratings()
        self._action_points()
        self._tables(detail)

    def _ratings(self) -> None:
        """Each life area's ratings over time, as wide as the screen allows."""
        from tp_tui.services.ratings import rating_history
        from tp_tui.views.rating_lines import rating_lines

        history = rating_history(self.participant_id)
        width = max(self.app.size.width - 4, 20)  # the page's padding and scroll bar
        self.query_one("#ratings", Static).update(literal("\n".join(rating_lines(history, width))))

    def _action_points(self) -> None:
        """The open action points of the group's meetings, overdue in red."""
        from tp_tui.services.action_points import open_action_points

        table = self.query_one("#detail-actions", DataTable)
        if not table.columns:
            table.add_columns(
                cell(t("meetings.col.due")),
                cell(t("meetings.col.what")),
                cell(t("meetings.col.owner")),
            )
        table.clear()
        today = self.tp.clock.today()
        actions = open_action_points(self.participant_id)
        self._actions = {str(a.id): a.version for a in actions}
        for action in actions:
            style = "bold red" if action.due_on < today else ""
            table.add_row(
                cell(format_date(action.due_on), style),
                cell(action.text),
                cell(action.owner),
                key=str(action.id),
            )
        if not self._actions:
            table.add_row(cell(t("meetings.no_actions"), "italic"), cell(""), cell(""), key="empty")

    def action_meeting(self) -> None:
        from tp_tui.views.meeting_form import MeetingForm

        self.app.push_screen(MeetingForm(self.participant_id), self._after_form)

    def action_action_done(self) -> None:
        from tp_tui.services.meetings import mark_done

        table = self.query_one("#detail-actions", DataTable)
        if not self._actions or table.cursor_row < 0:
            return
        from textual.coordinate import Coordinate

        chosen = str(table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value)
        if chosen not in self._actions:
            return
        from tp_tui.services.conflicts import ChangedSince

        try:
            mark_done(int(chosen), self.tp.clock, self._actions[chosen])
        except ChangedSince:  # a colleague got there first: show it as it is now
            self.notify(t("meetings.changed_since"), markup=False, severity="warning")
        except Exception as error:  # the file refused: say so, never a traceback
            from tp_tui.views.errors import not_saved_message

            self.notify(not_saved_message(error), markup=False, severity="warning")
        else:
            self.notify(t("meetings.marked_done"), markup=False)
        self.load()

    def on_resize(self) -> None:
        if self.detail is not None:
            self._ratings()

    def _who(self, detail: ParticipantDetail) -> Text:
        parts = [one_line(detail.name)]
        if detail.phone:
            parts.append(format_phone(detail.phone))
        parts.append(t(f"status.{detail.status}"))
        if detail.first_contact_on:
            parts.append(t("detail.first_contact", date=format_date(detail.first_contact_on)))
        if detail.intake_on:
            parts.append(t("detail.since", date=format_date(detail.intake_on)))
        if detail.archived:
            parts.append(t("participants.archived"))
        return literal(" · ".join(parts), "bold")

    def _goals(self, detail: ParticipantDetail) -> Text:
        lines = []
        from tp_tui.services.plan import area_standings

        standings = area_standings(detail.id)
        for number, area in enumerate(LifeArea, start=1):
            goals = detail.goals[area]
            standing = standings[area]
            rating = ""
            if standing.latest is not None:
                rating = f"  [{standing.latest}/5"
                if standing.change is not None:
                    rating += f", {standing.first}→{standing.latest}"
                rating += "]"
            lines.append(f"{number} {t(area.label_key)}{rating}")
            if not goals:
                lines.append(f"{INDENT}–")
            for goal in goals:
                words = folded_goal(goal.text)[0]  # a long goal folded; g shows it whole
                lines.append(f"{INDENT}• {words} ({t('goal_status.' + goal.status)})")
        return literal("\n".join(lines))

    def _process(self, detail: ParticipantDetail) -> Text:
        if not detail.stages:
            return literal("\n".join([t("detail.no_stage"), *self._team(detail)]))
        lines = []
        for line in detail.stages:
            lines.append(f"{format_date(line.entered_on)}  {t(line.stage.label_key)}")
            for item in CHECKLIST[line.stage]:
                mark = "[x]" if item in line.done_items else "[ ]"
                lines.append(f"{INDENT}{mark} {t('checklist.' + item)}")
            if line.reason:
                lines.append(f"{INDENT}{one_line(line.reason)}")
        lines.append("")
        lines.extend(self._team(detail)[:1])
        lines.append(self._plan_line(detail))
        shared = ", ".join(
            t(f"consent.{scope}") if to == GROUP else f"{t(f'consent.{scope}')} → {one_line(to)}"
            for scope, to in detail.consents
        ) or "–"
        lines.append(t("detail.consent", scopes=shared))
        lines.extend(self._team(detail)[1:])
        from tp_tui.services.summary import exports_of

        for at, what, fmt in exports_of(detail.id)[:3]:
            lines.append(
                t(
                    "summary.export_line",
                    date=format_datetime(at),
                    what=t(f"summary.what.{what}"),
                    format=fmt,
                )
            )
        return literal("\n".join(lines))

    def _periods_section(self) -> ComposeResult:
        """Every period with why it closed, an earlier one with its stages (the current one's
        are above); hidden while there is one period, open."""
        yield Static(t("periods.title"), id="periods-title", classes="section-title", markup=False)
        yield Static("", id="periods")

    def _show_periods(self) -> None:
        from tp_tui.services.periods import periods_of

        periods = periods_of(self.participant_id)
        shown = len(periods) > 1 or any(p.closed_on for p in periods)
        for part in ("#periods-title", "#periods"):
            self.query_one(part).display = shown
        lines = []
        for period in periods:
            start = format_date(period.started_on)
            if period.closed_on is None:
                lines.append(t("periods.line_open", number=period.number, start=start))
            else:
                reason = (
                    t(f"closing_reason.{period.closing_reason}") if period.closing_reason else "–"
                )
                end = format_date(period.closed_on)
                lines.append(
                    t(
                        "periods.line_closed",
                        number=period.number,
                        start=start,
                        end=end,
                        reason=reason,
                    )
                )
            if period is periods[-1]:
                continue  # its stages are shown above, with their checklists
            for stage in period.stages:
                lines.append(f"{INDENT}{format_date(stage.entered_on)}  {t(stage.stage.label_key)}")
                if stage.reason:
                    lines.append(f"{INDENT}{INDENT}{one_line(stage.reason)}")
        self.query_one("#periods", Static).update(literal("\n".join(lines)))

    def _team(self, detail: ParticipantDetail) -> list[str]:
        """The responsible trust person (first; the heading line is full at 80 columns), then
        the latest handovers."""
        lines = [t("handover.responsible", name=one_line(detail.responsible or "–"))]
        for handover in detail.handovers[:3]:
            text = t(
                "handover.line",
                date=format_date(handover.handed_on),
                giver=one_line(handover.from_name) or "–",
                taker=one_line(handover.to_name) or "–",
            )
            if handover.note:
                text += f": {one_line(handover.note)}"
            lines.append(text)
        return lines

    def _group(self, detail: ParticipantDetail) -> Text:
        meetings = ""
        if detail.group_meetings:
            dates = ", ".join(format_date(day) for day in detail.group_meetings)
            meetings = "\n" + t("detail.group_meetings", dates=dates)
        if not detail.group:
            return literal(t("detail.no_group") + meetings)
        lines = []
        for member in detail.group:
            star = " ★ " + t("detail.is_coordinator") if member.is_coordinator else ""
            who = " · ".join(
                part
                for part in (
                    t(Agency(member.agency).label_key),
                    one_line(member.name),
                    one_line(member.role),
                    format_phone(member.phone),
                )
                if part
            )
            lines.append(who + star)
        return literal("\n".join(lines) + meetings)

    def _tables(self, detail: ParticipantDetail) -> None:
        callbacks = self.query_one("#detail-callbacks", DataTable)
        callbacks.clear()
        for callback in detail.open_callbacks:
            style = "bold red" if callback.overdue else ""
            callbacks.add_row(
                cell(format_datetime(callback.due_at), style),
                cell(callback.reason),
                key=str(callback.id),
            )
        if not detail.open_callbacks:
            callbacks.add_row(cell(t("detail.no_callbacks"), "italic"), cell(""), key="empty")
        contacts = self.query_one("#detail-contacts", LazyTable)
        contacts.clear()
        self._add_contacts(contacts, detail.contacts)
        if not detail.contacts:
            contacts.add_row(cell(t("detail.no_contacts"), "italic"), *[cell("")] * 4, key="empty")
        self._contacts_title()
        if detail.contacts and len(detail.contacts) < detail.contact_count:
            contacts.paged(self._more_contacts)

    def _contacts_title(self) -> None:
        total = self.detail.contact_count if self.detail else 0
        shown = min(len(self._history), total)
        self.query_one("#contacts-title", Static).update(
            t("detail.contacts", shown=shown, total=total)
        )

    def _add_contacts(self, table: LazyTable, lines: tuple[ContactLine, ...]) -> None:
        if table.row_count == 0:
            self._history = []
        for contact in lines:
            if str(contact.id) in table.rows:  # a page read after a change may repeat a row
                continue
            self._history.append(contact)
            areas = ", ".join(t(area.label_key) for area in contact.life_areas)
            table.add_row(
                cell(short_datetime(contact.at, self.tp.clock.now())),
                cell(t(ContactKind(contact.kind).label_key)),
                cell(t(ContactOutcome(contact.outcome).label_key)),
                cell(areas),
                cell(contact.note),
                key=str(contact.id),
            )

    def _more_contacts(self) -> bool:
        """The next page of the contact history, older than the last row shown."""
        if not self._history:
            return False
        table = self.query_one("#detail-contacts", LazyTable)
        lines = contact_lines(self.participant_id, HISTORY_PAGE, before=self._history[-1])
        self._add_contacts(table, lines)
        self.contacts_shown = max(self.contacts_shown, len(self._history))
        self._contacts_title()
        return len(lines) == HISTORY_PAGE

    def action_back(self) -> None:
        self.dismiss()

    def action_edit(self) -> None:
        from tp_tui.views.participant_form import ParticipantFormScreen

        self.app.push_screen(ParticipantFormScreen(self.participant_id), lambda _: self.load())

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        from tp_tui.services.callbacks import open_callbacks_for
        from tp_tui.views import flows

        row = event.row_key.value
        if not row or not row.isdigit():
            return
        if event.data_table.id == "detail-contacts":
            flows.edit_contact(self.tp, int(row))
        elif event.data_table.id == "detail-callbacks":
            owed = open_callbacks_for(self.participant_id, self.tp.clock.now())
            line = next((c for c in owed if c.id == int(row)), None)
            if line is not None:
                flows.callback_done(self.tp, line)

    def action_log_contact(self) -> None:
        from tp_tui.views import flows

        flows.log_contact(self.tp, self.participant_id)

    def action_callback(self) -> None:
        from tp_tui.views import flows

        flows.register_callback(self.tp, self.participant_id)

    def action_delete_contact(self) -> None:
        from tp_tui.services.contacts import delete_contact

        table = self.query_one("#detail-contacts", DataTable)
        if not table.has_focus or not table.row_count:
            self.notify(t("detail.select_contact"), markup=False, severity="warning")
            return
        row = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if row and row.isdigit():
            gone = delete_contact(int(row), self.tp.clock)
            message = t(
                "detail.contact_deleted",
                kind=t(f"kind.{gone.kind}"),
                when=format_datetime(gone.at),
            )
            self.notify(message, markup=False)
            self.load()

    def action_more(self) -> None:
        """The next page of the contact history (it also comes by scrolling to its end)."""
        self.query_one("#detail-contacts", LazyTable).load_more()

    def action_stage(self) -> None:
        from tp_tui.views import flows

        flows.change_stage(self.tp, self.participant_id)

    def action_reopen(self) -> None:
        from tp_tui.views import flows

        flows.reopen(self.tp, self.participant_id)

    def _after_form(self, saved: bool | None) -> None:
        if saved:
            self.notify(t("plan.saved"), markup=False)
        self.load()

    def action_goals(self) -> None:
        from tp_tui.services.plan import goals_of
        from tp_tui.views.plan_forms import GoalForm, PickScreen

        goals = goals_of(self.participant_id)
        items = [
            (
                str(g.id),
                f"{t('life_area.' + g.life_area)}: {folded_goal(g.text)[0]} "
                f"({t('goal_status.' + g.status)})",
            )
            for g in goals
        ]

        def picked(choice: str | None) -> None:
            if choice is not None:
                goal_id = None if choice == "new" else int(choice)
                self.app.push_screen(GoalForm(self.participant_id, goal_id), self._after_form)

        self.app.push_screen(PickScreen(t("plan.goals_title"), items), picked)

    def action_group(self) -> None:
        from tp_tui.services.plan import current_members
        from tp_tui.views.plan_forms import MemberForm, PickScreen, remove_member_safely

        members = current_members(self.participant_id)
        # As the list showed them: removing one someone else changed since is refused.
        versions = {m.id: int(m.version) for m in members}
        coordinators = {m.id for m in members if m.is_coordinator}
        items = [
            (
                str(m.id),
                f"{t('agency.' + m.agency)} · {one_line(m.name)}"
                + (f" ★ {t('detail.is_coordinator')}" if m.is_coordinator else ""),
            )
            for m in members
        ]

        def picked(choice: str | None) -> None:
            if choice is None:
                return
            if choice.startswith("remove:"):
                removed = int(choice.split(":")[1])

                def remove(answer: bool | None = True) -> None:
                    if answer and remove_member_safely(self.tp, removed, versions.get(removed)):
                        self.notify(t("plan.member_removed"), markup=False)
                    self.load()

                if removed in coordinators:  # the group would be left without one: ask
                    from tp_tui.widgets.confirm import ConfirmScreen

                    self.app.push_screen(ConfirmScreen(t("meetings.remove_coordinator")), remove)
                else:
                    remove()
                return
            member_id = None if choice == "new" else int(choice)
            self.app.push_screen(MemberForm(self.participant_id, member_id), self._after_form)

        self.app.push_screen(PickScreen(t("plan.group_title"), items, removable=True), picked)

    def action_ratings(self) -> None:
        from tp_tui.views.plan_forms import RatingsForm

        self.app.push_screen(RatingsForm(self.participant_id), self._after_form)

    # -- The individual plan (its document: views/plan_document.py) ------------------------

    @staticmethod
    def _plan_line(detail: ParticipantDetail) -> str:
        """Where the plan stands, with its coordinator, or that it has none once it is begun."""
        plan = t(detail.plan_status.label_key)
        if detail.plan_coordinator:
            plan += " · " + t("detail.coordinator", name=one_line(detail.plan_coordinator))
        elif detail.plan_status.value != "none":
            plan += " · " + t("plandoc.page_no_coordinator")
        return t("detail.plan", status=plan)

    def action_plan_status(self) -> None:
        from tp_tui.views.plan_document import PlanScreen

        self.app.push_screen(PlanScreen(self.participant_id), lambda _: self.load())

    def action_export(self) -> None:
        from tp_tui.views import flows

        flows.export_summary(self.tp, self.participant_id)

    def action_hand_over(self) -> None:
        from tp_tui.views.handover_form import HandoverFormScreen

        screen = HandoverFormScreen(participant_id=self.participant_id)
        self.app.push_screen(screen, lambda _: self.load())

    def action_consents(self) -> None:
        from tp_tui.views.consent_forms import open_register

        open_register(self.tp, self.participant_id, self.load)

    def action_checklist(self) -> None:
        from tp_tui.views.checklist_form import ChecklistForm

        self.app.push_screen(ChecklistForm(self.participant_id), self._after_form)

    def action_erase(self) -> None:
        from tp_tui.views import flows

        flows.erase_participant(self.tp, self.participant_id)
