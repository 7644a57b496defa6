"""Small forms for the plan: a goal in the participant's words, a group member, the IP's
status, and how each life area stands (1–5)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Static

from tp_tui.domain import Agency, GoalStatus, LifeArea, PlanStatus
from tp_tui.i18n import format_date, t
from tp_tui.keys import key
from tp_tui.phone import format_phone
from tp_tui.services import plan
from tp_tui.services.conflicts import ChangedSince, Opened, Record
from tp_tui.services.goals import GOAL_MAX_CHARS, folded_goal
from tp_tui.services.validation import FieldError, ValidationFailed
from tp_tui.text import literal
from tp_tui.views.conflict import (
    GOAL_CODED,
    GOAL_LABELS,
    MEMBER_CODED,
    MEMBER_LABELS,
    PLAN_CODED,
    PLAN_LABELS,
    removal_conflict_message,
)
from tp_tui.views.errors import not_saved_message
from tp_tui.views.form_base import FormScreen
from tp_tui.widgets.choice import KeyChoice, Option, with_hotkeys
from tp_tui.widgets.field_message import FieldMessage
from tp_tui.widgets.key_footer import KeyFooter
from tp_tui.widgets.modal import CentredModal

if TYPE_CHECKING:
    from tp_tui.app import TpApp


class PlanForm(FormScreen[bool | None]):
    """Shared frame: title, one line per field with its message, ctrl+s saves, Esc leaves."""

    CSS_PATH = ["forms.tcss"]
    BINDINGS = [
        key("ctrl+s", "save", "form.save", "plan_form.save", priority=True),
        key("escape", "cancel", "form.cancel", "plan_form.cancel"),
    ]
    title_key = ""
    labels: dict[str, str] = {}
    """Field labels for what someone else changed (views/conflict.py)."""
    coded: dict[str, str] | None = None
    compared: tuple[str, ...] = ()
    """The record's fields compared when a save meets someone else's (services/plan.py)."""

    def __init__(self, participant_id: int, item_id: int | None = None) -> None:
        super().__init__()
        self.participant_id = participant_id
        self.item_id = item_id
        self.version: int | None = None
        """The version the form saves on top of: as opened, or as stored after a conflict
        the user was told about (saving again is then their choice)."""
        self.opened: Opened[Any] | None = None
        """What the form showed when it opened (forms that edit a record): a save on top
        writes only what differs."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form"):
            yield Static(t(self.title_key), classes="form-title", markup=False)
            yield from self.fields()
            yield FieldMessage(id="form-message", classes="message form-message")
        yield KeyFooter()

    def fields(self) -> ComposeResult:
        raise NotImplementedError

    def opened_as(self) -> Any:
        """What the fields hold, as the save compares it (None: the form adds, or is not
        compared)."""
        return None

    def on_mount(self) -> None:
        shown = self.opened_as()
        if shown is not None and self.version is not None:
            self.opened = Opened(shown, self.version)
        # Esc asks before throwing away what was typed (FormScreen.action_cancel).
        self._initial = self.typed()
        self.focus_first()

    def focus_first(self) -> None:
        """The first field that can be changed."""
        for widget in self.query("KeyChoice, Input"):
            if not widget.disabled:
                widget.focus()
                break

    def on_input_submitted(self) -> None:
        self.focus_next()

    def store(self) -> Record | None:
        """Save what the fields hold; the record edited (None when the form adds, or saves
        several)."""
        raise NotImplementedError

    def action_save(self) -> None:
        # In a tuple: a form that adds saves with nothing to return, and is saved all the same.
        saved = self.guarded_save(
            lambda: (self.store(),), self.labels, self.coded, fix_message=False
        )
        if saved is None:
            return
        record = saved[0]
        if record is not None:
            self.tell_what_was_kept(record, self.compared, self.labels, self.coded)
        self.dismiss(True)


class GoalForm(PlanForm):
    title_key = "plan.goal_title"
    labels = GOAL_LABELS
    coded = GOAL_CODED
    compared = plan.GOAL_FIELDS

    def fields(self) -> ComposeResult:
        goal = plan.get_goal(self.item_id) if self.item_id else None
        self.version = int(goal.version) if goal is not None else None
        areas = [Option(a.value, t(a.label_key), str(n)) for n, a in enumerate(LifeArea, 1)]
        statuses = with_hotkeys([(s.value, t(s.label_key)) for s in GoalStatus])
        # A goal can be moved to another area; its history says where it came from.
        area_choice = KeyChoice(areas, goal.life_area if goal else None, advance=True, id="area")
        yield from self._row("area", "plan.field.area", area_choice)
        yield from self._row(
            "text",
            "plan.field.goal",
            Input(
                goal.text if goal else "",
                id="text",
                compact=True,
                placeholder=t("plan.goal_placeholder"),
            ),
        )
        yield from self._row(
            "status",
            "plan.field.status",
            KeyChoice(statuses, goal.status if goal else GoalStatus.WANTED.value, id="status"),
        )
        yield Static(t("goals.limit_hint", limit=GOAL_MAX_CHARS), classes="message", markup=False)
        if goal is not None:
            yield Static(t("plan.goal_history"), classes="section-title", markup=False)
            yield Static(literal(goal_history_text(goal.id)), classes="message form-message")

    def focus_first(self) -> None:
        # A goal opened to change is mostly a change of its words or status, seldom a move.
        self.query_one("#text" if self.item_id else "#area").focus()

    def typed(self) -> plan.GoalInput:
        return plan.GoalInput(
            self.query_one("#text", Input).value,
            self.query_one("#status", KeyChoice).value or GoalStatus.WANTED.value,
            self.query_one("#area", KeyChoice).value or "",
        )

    def opened_as(self) -> plan.GoalInput | None:
        return self.typed() if self.item_id else None

    def store(self) -> Record | None:
        typed = self.typed()
        text, status = typed.text, typed.status
        if self.item_id:
            return plan.update_goal(
                self.item_id,
                text,
                status,
                self.tp.clock,
                expected_version=self.version,
                opened=self.opened,
                life_area=typed.life_area,
            )
        area = self.query_one("#area", KeyChoice).value
        if area is None:
            raise ValidationFailed({"area": FieldError("plan.error.area")})
        plan.add_goal(self.participant_id, LifeArea(area), text, status, self.tp.clock)
        return None


def goal_history_text(goal_id: int) -> str:
    """Each change of a goal, a long wording folded, a move with the area it came from."""
    lines = []
    for event in plan.goal_history(goal_id):
        words, _ = folded_goal(event.text)
        line = f"{format_date(event.at.date())}  {t('goal_status.' + event.status)}: {words}"
        came_from = plan.moved_from(event.note)
        if came_from is not None:
            line += " " + t("goals.moved_from", area=t(came_from.label_key))
        lines.append(line)
    return "\n".join(lines)


class MemberForm(PlanForm):
    title_key = "plan.member_title"
    labels = MEMBER_LABELS
    coded = MEMBER_CODED
    compared = plan.MEMBER_FIELDS

    def fields(self) -> ComposeResult:
        member = plan.get_member(self.item_id) if self.item_id else None
        self.version = int(member.version) if member is not None else None
        agencies = with_hotkeys([(a.value, t(a.label_key)) for a in Agency])
        coordinator = KeyChoice(
            [Option("yes", t("plan.is_coordinator"), "k")], multiple=True, id="coordinator"
        )
        if member is not None and member.is_coordinator:
            coordinator.set_values(["yes"])
        yield from self._row(
            "agency",
            "plan.field.agency",
            KeyChoice(agencies, member.agency if member else None, advance=True, id="agency"),
        )
        yield from self._row(
            "name", "plan.field.name", Input(member.name if member else "", id="name", compact=True)
        )
        yield from self._row(
            "role", "plan.field.role", Input(member.role if member else "", id="role", compact=True)
        )
        yield from self._row(
            "phone",
            "participant.field.phone",
            Input(format_phone(member.phone) if member else "", id="phone", compact=True),
        )
        yield from self._row("coordinator", "plan.field.coordinator", coordinator)

    def typed(self) -> plan.MemberInput:
        return plan.MemberInput(
            agency=self.query_one("#agency", KeyChoice).value or "",
            name=self.query_one("#name", Input).value,
            role=self.query_one("#role", Input).value,
            phone=self.query_one("#phone", Input).value,
            is_coordinator=bool(self.query_one("#coordinator", KeyChoice).values),
        )

    def opened_as(self) -> plan.MemberInput | None:
        return self.typed() if self.item_id else None

    def store(self) -> Record | None:
        return plan.save_member(
            self.participant_id,
            self.typed(),
            self.tp.clock,
            self.item_id,
            self.version,
            self.opened,
        )


class PlanStatusForm(PlanForm):
    title_key = "plan.status_title"
    labels = PLAN_LABELS
    coded = PLAN_CODED
    compared = plan.PLAN_FIELDS

    def __init__(self, participant_id: int, current: str) -> None:
        super().__init__(participant_id)
        self.current = current

    def fields(self) -> ComposeResult:
        self.version = plan.plan_version(self.participant_id)
        statuses = with_hotkeys([(s.value, t(s.label_key)) for s in PlanStatus])
        yield from self._row(
            "plan_status",
            "plan.field.plan_status",
            KeyChoice(statuses, self.current, id="plan_status"),
        )

    def typed(self) -> PlanStatus:
        return PlanStatus(self.query_one("#plan_status", KeyChoice).value or PlanStatus.NONE.value)

    def opened_as(self) -> PlanStatus:
        return self.typed()

    def store(self) -> Record:
        return plan.set_plan_status(
            self.participant_id, self.typed(), self.tp.clock, self.version, self.opened
        )


class RatingsForm(PlanForm):
    """How each life area stands on one day: a digit rates the area and moves to the next;
    areas left empty are not rated. The day is today unless typed (an intake rating written
    up afterwards); each rating is kept with its day, none is overwritten."""

    title_key = "plan.ratings_title"

    def fields(self) -> ComposeResult:
        from tp_tui.services.ratings import rating_history

        history = rating_history(self.participant_id)
        yield Static(t("ratings.help"), classes="message form-message", markup=False)
        for area in LifeArea:
            options = [Option(str(n), "", str(n)) for n in range(1, 6)]
            choice = KeyChoice(options, None, advance=True, id=f"rate-{area.value}")
            yield from self._row(f"rate-{area.value}", area.label_key, choice)
        today = format_date(self.tp.clock.today())
        day = Input(today, id="rated_on", compact=True)
        yield from self._row("rated_on", "ratings.field.day", day)
        self._latest = {area: points[-1] for area, points in history.items() if points}

    def on_mount(self) -> None:
        # Labels as wide as the longest, so none breaks inside a word.
        width = max(len(t(area.label_key)) for area in LifeArea) + 2
        width = max(width, len(t("ratings.field.day")) + 2)
        for label in self.query(".field-label"):
            label.styles.width = width
        for message in self.query(".message").exclude(".form-message"):
            message.styles.padding = (0, 0, 0, width)
        for area, point in self._latest.items():
            self.query_one(f"#rate-{area.value}-message", Static).update(
                t("ratings.latest", rating=point.rating, date=format_date(point.on))
            )
        super().on_mount()
        self._initial = self.typed()

    def typed(self) -> tuple[tuple[str | None, ...], str]:
        values = tuple(
            self.query_one(f"#rate-{area.value}", KeyChoice).value for area in LifeArea
        )
        return values, self.query_one("#rated_on", Input).value

    def store(self) -> None:
        from tp_tui.dates import DateParseError, parse_date

        text = self.query_one("#rated_on", Input).value
        try:
            rated_on = parse_date(text, self.tp.clock.today(), "past")
        except DateParseError as error:
            raise ValidationFailed({"rated_on": FieldError(error.key, error.params)}) from None
        chosen = {
            area: int(value)
            for area in LifeArea
            if (value := self.query_one(f"#rate-{area.value}", KeyChoice).value)
        }
        if not chosen:
            raise ValidationFailed({"rate-housing": FieldError("ratings.error.none")})
        plan.rate_areas(self.participant_id, chosen, self.tp.clock, rated_on)


class PickScreen(CentredModal[str | None]):
    """Choose one of a list (or "new"); Enter picks, x removes when removing is allowed."""

    CSS_PATH = ["forms.tcss"]
    DEFAULT_CSS = "PickScreen OptionList { height: auto; }"
    BINDINGS = [
        key("escape", "cancel", "form.cancel", "pick.cancel"),
        key("x,delete", "remove", "plan.remove", "pick.remove"),
    ]

    def __init__(self, title: str, items: list[tuple[str, str]], removable: bool = False) -> None:
        super().__init__()
        self.heading = title
        self.items = items
        self.removable = removable

    def compose(self) -> ComposeResult:
        from textual.content import Content
        from textual.widgets import OptionList
        from textual.widgets.option_list import Option as ListOption

        with VerticalScroll(classes="form"):
            yield Static(self.heading, classes="form-title", markup=False)
            yield OptionList(
                ListOption(Content(t("plan.new")), id="new"),
                *[ListOption(Content(label), id=item_id) for item_id, label in self.items],
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        from textual.widgets import OptionList

        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: object) -> None:
        option_id = getattr(getattr(event, "option", None), "id", None)
        self.dismiss(option_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.removable if action == "remove" else True

    def action_remove(self) -> None:
        from textual.widgets import OptionList

        options = self.query_one(OptionList)
        if options.highlighted is None:
            return
        option = options.get_option_at_index(options.highlighted)
        if option.id and option.id != "new":
            self.dismiss(f"remove:{option.id}")

    def action_cancel(self) -> None:
        self.dismiss(None)


def remove_member_safely(app: TpApp, member_id: int, version: int | None) -> bool:
    """Remove a member as the list showed it (``version`` read with the list): a member someone
    else changed since is not removed, and the app says what they changed. True when removed."""
    try:
        plan.remove_member(member_id, app.clock, version)
    except ChangedSince as changed:
        app.notify(removal_conflict_message(changed), markup=False, severity="warning")
        return False
    except Exception as error:  # never a traceback
        app.notify(not_saved_message(error), markup=False, severity="error")
        return False
    return True
