"""Pick one option (or several) with a single key: the way the contact form is filled fast."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

GAP = "  "
"""Between two options: the bold key that starts each one already sets them apart."""


@dataclass(frozen=True)
class Option:
    code: str
    label: str
    hotkey: str


def with_hotkeys(options: list[tuple[str, str]]) -> list[Option]:
    """Give each (code, label) a key: the first letter of its label not already taken."""
    taken: set[str] = set()
    result = []
    for code, label in options:
        hotkey = next(
            (ch for ch in label.casefold() if ch.isalnum() and ch not in taken),
            next(ch for ch in "abcdefghijklmnopqrstuvwxyz" if ch not in taken),
        )
        taken.add(hotkey)
        result.append(Option(code, label, hotkey))
    return result


class KeyChoice(Widget, can_focus=True):
    """A row of options, each chosen by its key or a click; arrows and space work too.

    With ``multiple`` the keys toggle options on and off (life areas with the digits 1–8).
    """

    DEFAULT_CSS = """
    KeyChoice { height: auto; padding: 0 1; }
    KeyChoice:focus { background: $boost; }
    """
    BINDINGS = [
        Binding("left", "move(-1)", show=False),
        Binding("right", "move(1)", show=False),
        Binding("space", "toggle_cursor", show=False),
    ]

    cursor: reactive[int] = reactive(0)
    """The option the arrow keys are on."""

    class Changed(Message):
        def __init__(self, choice: KeyChoice) -> None:
            super().__init__()
            self.choice = choice

        @property
        def control(self) -> KeyChoice:
            return self.choice

    def __init__(
        self,
        options: list[Option],
        value: str | None = None,
        multiple: bool = False,
        advance: bool = False,
        id: str | None = None,  # noqa: A002 - Textual's own name for it
    ) -> None:
        super().__init__(id=id)
        self.options = options
        self.multiple = multiple
        self.advance = advance
        self.selected: set[str] = {value} if value else set()
        # Where each option was drawn, for clicks: (line, first column, end column, index).
        self._spots: list[tuple[int, int, int, int]] = []

    @property
    def value(self) -> str | None:
        """The chosen code (single choice)."""
        return next(iter(self.selected), None)

    @property
    def values(self) -> list[str]:
        """The chosen codes in option order (multiple choice)."""
        return [o.code for o in self.options if o.code in self.selected]

    def set_value(self, value: str | None) -> None:
        self.selected = {value} if value else set()
        self.refresh(layout=True)

    def set_values(self, values: list[str]) -> None:
        self.selected = set(values)
        self.refresh(layout=True)

    def render(self) -> Text:
        # Options are laid out by hand so a row never breaks between a key and its label.
        width = max(self.content_size.width, 20)
        text = Text(no_wrap=True, overflow="fold")
        used = 0
        line = 0
        self._spots = []
        for index, option in enumerate(self.options):
            chosen = option.code in self.selected
            mark = ("[x] " if chosen else "[ ] ") if self.multiple else ""
            label = f"{mark}{option.label}"
            piece = len(option.hotkey) + 1 + len(label)
            if used and used + len(GAP) + piece > width:
                text.append("\n")
                used = 0
                line += 1
            elif used:
                text.append(GAP)
                used += len(GAP)
            style = "reverse" if chosen and not self.multiple else ("bold" if chosen else "")
            if index == self.cursor and self.has_focus:
                style += " underline"
            text.append(option.hotkey, style="bold")
            text.append(" ")
            text.append(label, style=style.strip())
            self._spots.append((line, used, used + piece, index))
            used += piece
        return text

    def option_at(self, x: int, y: int) -> int | None:
        """The index of the option drawn at this place of the content, if any."""
        for line, start, end, index in self._spots:
            if line == y and start <= x < end:
                return index
        return None

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        index = None if offset is None else self.option_at(offset.x, offset.y)
        if index is not None:
            event.stop()
            self.focus()
            self._choose(index, advance=False)  # the pointer goes where it likes next

    def _choose(self, index: int, advance: bool = True) -> None:
        code = self.options[index].code
        self.cursor = index
        if self.multiple:
            self.selected ^= {code}
        else:
            self.selected = {code}
        self.refresh(layout=True)
        self.post_message(self.Changed(self))
        if advance and self.advance and not self.multiple:
            self.screen.focus_next()

    def on_key(self, event: events.Key) -> None:
        pressed = (event.character or "").casefold()
        for index, option in enumerate(self.options):
            if pressed and pressed == option.hotkey:
                event.stop()
                event.prevent_default()
                self._choose(index)
                return

    def action_move(self, step: int) -> None:
        self.cursor = (self.cursor + step) % len(self.options)
        if not self.multiple:
            self._choose(self.cursor)

    def action_toggle_cursor(self) -> None:
        self._choose(self.cursor)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
