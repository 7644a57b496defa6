"""Team: who I am, the colleagues, who has left, who is at work today."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Header, Input, Static

from tp_tui.i18n import t
from tp_tui.keys import key
from tp_tui.services.team import current_trust_person, login_name
from tp_tui.services.team_admin import (
    PersonInput,
    TeamMember,
    add_colleague,
    list_team,
    responsibilities,
    set_active,
    set_present,
    update_person,
)
from tp_tui.services.validation import ValidationFailed
from tp_tui.text import cell, one_line
from tp_tui.views.base import TpScreen
from tp_tui.views.form_base import FormScreen
from tp_tui.widgets.confirm import ConfirmScreen
from tp_tui.widgets.field_message import FieldMessage
from tp_tui.widgets.key_footer import KeyFooter
from tp_tui.widgets.lazy_table import NARROW_NAME, LazyTable


class TeamScreen(TpScreen[None]):
    """Every trust person on this database, with the keys to change the team."""

    CSS_PATH = "team.tcss"
    BINDINGS = [
        key("e,enter", "edit", "team_admin.edit", "team.edit"),
        key("n", "new", "team_admin.new", "team.new"),
        key("a", "toggle_active", "team_admin.toggle_active", "team.toggle_active"),
        key("p", "toggle_present", "team_admin.toggle_present", "team.toggle_present"),
        key("o", "hand_over_all", "handover.everything_key", "team.hand_over_all"),
        key("escape", "back", "team_admin.back", "team.back"),
    ]

    _members: dict[int, TeamMember] = {}
    """The rows shown, by trust person id (a team is a handful)."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("team_admin.title"), classes="section-title", markup=False)
        yield Static("", id="team-summary", markup=False)
        # Names 20 wide at 80 columns (26 from 100), so "at work today" is not cut at the edge.
        yield LazyTable(id="team", cursor_type="row", zebra_stripes=True)
        yield Static(t("team_admin.explain"), id="team-explain", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        # Who I am is settled on opening the screen: I am listed (and made on first use).
        current_trust_person(self.tp.clock)
        table = self.query_one("#team", LazyTable)
        table.name_column = 1
        table.add_column(cell(t("team_admin.col.me")), key="me")
        table.add_column(cell(t("team_admin.col.name")), key="name", width=NARROW_NAME)
        table.add_column(cell(t("team_admin.col.initials")), key="initials")
        table.add_column(cell(t("team_admin.col.login")), key="login")
        table.add_column(cell(t("team_admin.col.active")), key="active")
        table.add_column(cell(t("team_admin.col.present")), key="present")
        table.focus()
        self.load()

    def load(self, select_id: int | None = None) -> None:
        table = self.query_one("#team", DataTable)
        current = select_id if select_id is not None else self.selected_id()
        members = list_team(login_name(), self.tp.clock.today())
        self._members = {member.id: member for member in members}
        table.clear()
        for member in members:
            style = "" if member.active else "dim"
            table.add_row(
                cell(t("team_admin.me_marker") if member.is_me else "", "bold"),
                cell(member.name, "bold" if member.is_me else style),
                cell(member.initials, style),
                cell(member.login or "–", style),
                cell(t(f"team_admin.active_{'yes' if member.active else 'no'}"), style),
                cell(t("team_admin.present_yes") if member.present_today else "–", style),
                key=str(member.id),
            )
        if current is not None and str(current) in table.rows:
            table.move_cursor(row=table.get_row_index(str(current)))
        active = sum(1 for member in members if member.active)
        present = sum(1 for member in members if member.present_today)
        self.query_one("#team-summary", Static).update(
            t("team_admin.summary", active=active, present=present)
        )

    def selected_id(self) -> int | None:
        table = self.query_one("#team", DataTable)
        if not table.row_count:
            return None
        row_key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(row_key) if row_key and row_key.isdigit() else None

    def _selected(self) -> TeamMember | None:
        person_id = self.selected_id()
        member = self._members.get(person_id) if person_id is not None else None
        if member is None:
            self.notify(t("team_admin.select_first"), markup=False, severity="warning")
        return member

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_edit(self) -> None:
        member = self._selected()
        if member is not None:
            self.app.push_screen(TeamFormScreen(member), self._after_form)

    def action_new(self) -> None:
        self.app.push_screen(TeamFormScreen(None), self._after_form)

    def _after_form(self, person_id: int | None) -> None:
        self.load(select_id=person_id)

    def action_toggle_active(self) -> None:
        member = self._selected()
        if member is None:
            return
        if member.active and not member.is_me:  # leaving myself is refused without asking
            left = responsibilities(member.id)
            if left:
                question = t(
                    "team_admin.confirm_inactive",
                    name=one_line(member.name),
                    left=left.describe(),
                )
                self.app.push_screen(
                    ConfirmScreen(question),
                    lambda answer: self._set_active(member, False) if answer else None,
                )
                return
        self._set_active(member, not member.active)

    def _set_active(self, member: TeamMember, active: bool) -> None:
        try:
            left = set_active(member.id, active, self.tp.clock, login_name())
        except ValidationFailed as failed:
            for error in failed.errors.values():
                self.notify(t(error.key, **error.params), markup=False, severity="error")
            self.load()
            return
        done = "team_admin.now_active" if active else "team_admin.now_inactive"
        self.notify(t(done, name=one_line(member.name)), markup=False)
        if left and not active:
            self.notify(
                t(
                    "team_admin.still_responsible",
                    name=one_line(member.name),
                    left=left.describe(),
                ),
                markup=False,
                severity="warning",
                timeout=10,
            )
        self.load(select_id=member.id)

    def action_hand_over_all(self) -> None:
        """Everything the chosen trust person still has, to one colleague (me included)."""
        from tp_tui.views.handover_form import HandoverFormScreen

        member = self._selected()
        if member is None:
            return
        if not responsibilities(member.id):
            self.notify(
                t("handover.nothing_left", name=one_line(member.name)),
                markup=False,
                severity="warning",
            )
            return
        self.app.push_screen(
            HandoverFormScreen(from_person_id=member.id), lambda _: self.load(select_id=member.id)
        )

    def action_toggle_present(self) -> None:
        me = next((member for member in self._members.values() if member.is_me), None)
        present = not (me is not None and me.present_today)
        set_present(present, self.tp.clock, login_name())
        self.notify(
            t("team_admin.present_marked" if present else "team_admin.absent_marked"),
            markup=False,
        )
        self.load()

    def action_back(self) -> None:
        self.dismiss(None)


class TeamFormScreen(FormScreen[int | None]):
    """A trust person's name, initials and login; dismisses with their id once saved.

    With ``member`` None: a new colleague. My own login is shown but not editable: it is how
    the app finds me.
    """

    CSS_PATH = ["forms.tcss"]
    BINDINGS = [
        key("ctrl+s", "save", "form.save", "team_form.save", priority=True),
        key("escape", "cancel", "form.cancel", "team_form.cancel"),
    ]

    def __init__(self, member: TeamMember | None) -> None:
        super().__init__()
        self.member = member

    def compose(self) -> ComposeResult:
        member = self.member
        if member is None:
            title = t("team_admin.form.title_new")
        elif member.is_me:
            title = t("team_admin.form.title_me")
        else:
            title = t("team_admin.form.title_edit", name=one_line(member.name))
        with VerticalScroll(classes="form"):
            yield Static(title, classes="form-title", markup=False)
            yield from self._row(
                "name",
                "team_admin.field.name",
                Input(member.name if member else "", id="name", compact=True),
            )
            yield from self._row(
                "initials",
                "team_admin.field.initials",
                Input(
                    member.initials if member else "",
                    id="initials",
                    compact=True,
                    max_length=8,
                    placeholder=t("team_admin.form.initials_placeholder"),
                ),
            )
            yield from self._row(
                "login",
                "team_admin.field.login",
                Input(
                    member.login if member else "",
                    id="login",
                    compact=True,
                    disabled=member is not None and member.is_me,
                ),
            )
            yield FieldMessage(id="form-message", classes="message form-message")
            yield from self._buttons()
        yield KeyFooter()

    def _login_hint(self) -> None:
        if self.member is not None and self.member.is_me:
            hint = t("team_admin.form.own_login_hint", login=one_line(self.member.login))
        else:
            hint = t("team_admin.form.login_hint")
        self.query_one("#login-message", Static).update(hint)

    def on_mount(self) -> None:
        self._login_hint()
        self._initial = self.typed()
        self.query_one("#name", Input).focus()

    def typed(self) -> PersonInput:
        return PersonInput(
            self.query_one("#name", Input).value,
            self.query_one("#initials", Input).value,
            self.query_one("#login", Input).value,
        )

    def on_input_submitted(self) -> None:
        self.focus_next()

    def save_pressed(self, another: bool) -> None:
        self.action_save()

    def action_save(self) -> None:
        for message in self.query(".message"):
            if isinstance(message, Static) and message.has_class("error"):
                message.update("")
                message.set_class(False, "error")
        self._login_hint()
        data = self.typed()
        try:
            if self.member is None:
                person = add_colleague(data, self.tp.clock)
            else:
                person = update_person(self.member.id, data, self.tp.clock, login_name())
        except ValidationFailed as failed:
            self._field_errors(failed.errors, flatten=True)  # may hold a colleague's name
            return
        done = "team_admin.added" if self.member is None else "team_admin.saved"
        self.notify(t(done, name=one_line(person.name)), markup=False)
        self.dismiss(int(person.id))
