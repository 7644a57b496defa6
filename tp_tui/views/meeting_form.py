"""A responsibility-group meeting: the day, who of the group came, the free text, the
decisions (one per line) and up to three action points, each with an owner and a deadline."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Static, TextArea

from tp_tui.i18n import format_date, t
from tp_tui.services.meetings import (
    ActionInput,
    MeetingInput,
    current_members,
    member_label,
    record_meeting,
)
from tp_tui.text import one_line
from tp_tui.views.plan_forms import PlanForm
from tp_tui.widgets.choice import KeyChoice, Option
from tp_tui.widgets.field_message import FieldMessage

ACTION_ROWS = 3


class MeetingForm(PlanForm):
    title_key = "meetings.title"
    DEFAULT_CSS = """
    MeetingForm #decisions { height: 4; width: 1fr; }
    MeetingForm .action-row { height: 1; }
    MeetingForm .action-row Input { width: 1fr; }
    MeetingForm .action-row .owner { width: 18; }
    MeetingForm .action-row .due { width: 12; }
    """

    def fields(self) -> ComposeResult:
        members = current_members(self.participant_id)
        today = format_date(self.tp.clock.today())
        day = Input(today, id="held_on", compact=True)
        yield from self._row("held_on", "meetings.field.day", day)
        options = [
            Option(str(m.id), one_line(member_label(m)), str(n)) for n, m in enumerate(members, 1)
        ]
        present = KeyChoice(options, None, multiple=True, id="attended")
        yield from self._row("attended", "meetings.field.present", present)
        note = Input("", id="note", compact=True, placeholder=t("meetings.note_placeholder"))
        yield from self._row("note", "meetings.field.note", note)
        yield from self._row("decisions", "meetings.field.decisions", TextArea(id="decisions"))
        yield Static(t("meetings.actions_help"), classes="message form-message", markup=False)
        for n in range(ACTION_ROWS):
            with Horizontal(classes="action-row"):
                yield Input("", id=f"action-{n}-text", compact=True,
                            placeholder=t("meetings.action_placeholder"))  # fmt: skip
                yield Input("", id=f"action-{n}-owner", classes="owner", compact=True,
                            placeholder=t("meetings.owner_placeholder"))  # fmt: skip
                yield Input("", id=f"action-{n}-due", classes="due", compact=True,
                            placeholder=t("meetings.due_placeholder"))  # fmt: skip
            yield FieldMessage(id=f"action-{n}-message", classes="message")

    def on_mount(self) -> None:
        super().on_mount()
        self._initial = self.typed()

    def typed(self) -> MeetingInput:
        def value(name: str) -> str:
            return self.query_one(f"#{name}", Input).value

        actions = tuple(
            ActionInput(value(f"action-{n}-text"), value(f"action-{n}-owner"),
                        value(f"action-{n}-due"))  # fmt: skip
            for n in range(ACTION_ROWS)
        )
        return MeetingInput(
            value("held_on"),
            tuple(int(code) for code in self.query_one("#attended", KeyChoice).values),
            value("note"),
            self.query_one("#decisions", TextArea).text,
            actions,
        )

    def store(self) -> None:
        record_meeting(self.participant_id, self.typed(), self.tp.clock, self.tp.settings)
