"""Pick a participant by typing part of a name or the initials; best match first."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tp_tui.i18n import t
from tp_tui.phone import format_phone
from tp_tui.services.participants import Match, find_participants
from tp_tui.text import literal, one_line
from tp_tui.widgets.field_message import FieldMessage


class ParticipantPicker(Vertical):
    """An input with the best matches under it; Enter takes the highlighted one."""

    DEFAULT_CSS = """
    ParticipantPicker { height: auto; }
    ParticipantPicker OptionList { height: auto; max-height: 6; display: none; }
    ParticipantPicker OptionList.open { display: block; }
    ParticipantPicker #picked { color: $success; padding: 0 1; height: auto; }
    """
    BINDINGS = [
        Binding("down", "move(1)", show=False),
        Binding("up", "move(-1)", show=False),
    ]

    class Picked(Message):
        def __init__(self, picker: ParticipantPicker, participant_id: int | None) -> None:
            super().__init__()
            self.picker = picker
            self.participant_id = participant_id

        @property
        def control(self) -> ParticipantPicker:
            return self.picker

    def __init__(
        self,
        participant_id: int | None = None,
        name: str = "",
        id: str | None = None,  # noqa: A002
    ) -> None:
        super().__init__(id=id)
        self.participant_id = participant_id
        self._initial_name = name
        self._matches: list[Match] = []

    def compose(self) -> ComposeResult:
        yield Input(
            value=self._initial_name,
            placeholder=t("picker.placeholder"),
            id="picker-input",
            compact=True,
        )
        yield OptionList(id="picker-options")
        # "✓ name" once a match is taken, or why nothing matches. A participant the form opened
        # with is named in the field already: a second line saying so would cost a row at 24.
        yield FieldMessage(id="picked")

    @property
    def typed(self) -> str:
        return self.query_one("#picker-input", Input).value

    @on(Input.Changed, "#picker-input")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        if self.participant_id is not None and event.value == self._initial_name:
            return
        self.participant_id = None
        self._matches = find_participants(event.value)
        options = self.query_one(OptionList)
        options.clear_options()
        for match in self._matches:
            label = one_line(match.name)
            if match.phone:
                label += f"  {format_phone(match.phone)}"
            options.add_option(Option(Content(label)))
        options.set_class(bool(self._matches), "open")
        if self._matches:
            options.highlighted = 0
        hint = t("picker.no_match") if event.value.strip() and not self._matches else ""
        self.query_one("#picked", Static).update(hint)
        self.post_message(self.Picked(self, None))

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if self._matches:
            current = options.highlighted or 0
            options.highlighted = (current + step) % len(self._matches)

    @on(Input.Submitted, "#picker-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.participant_id is None and self._matches:
            self.pick(self._matches[self.query_one(OptionList).highlighted or 0])
        if self.participant_id is not None:
            self.screen.focus_next()

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.pick(self._matches[event.option_index])
        self.screen.focus_next()

    def pick(self, match: Match) -> None:
        self.participant_id = match.id
        self._initial_name = match.name
        self.query_one("#picker-input", Input).value = match.name
        options = self.query_one(OptionList)
        options.clear_options()
        options.remove_class("open")
        self._matches = []
        self.query_one("#picked", Static).update(literal(f"✓ {one_line(match.name)}"))
        self.post_message(self.Picked(self, match.id))
