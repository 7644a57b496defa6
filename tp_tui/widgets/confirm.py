"""A yes/no question in a small dialog."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from tp_tui.i18n import t
from tp_tui.keys import key
from tp_tui.widgets.modal import CentredModal


class ConfirmScreen(CentredModal[bool]):
    """Asks a question; dismisses with True for yes, False for no or Escape."""

    DEFAULT_CSS = """
    ConfirmScreen > Vertical {
        width: 60; max-width: 100%; height: auto; padding: 1 2;
        border: thick $warning; background: $surface;
    }
    ConfirmScreen Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
    ConfirmScreen Button { margin-left: 1; }
    """
    BINDINGS = [
        key("y,j", "answer(True)", "confirm.yes", "confirm.yes"),
        key("n,escape", "answer(False)", "confirm.no", "confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, markup=False)
            with Horizontal():
                yield Button(t("confirm.yes"), id="yes", variant="warning")
                yield Button(t("confirm.no"), id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
