"""What every modal form shares: a field per line with its message under it, a message for the
whole form, and Escape that asks before throwing away what was typed."""

from __future__ import annotations

from typing import Any, TypeVar

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Label, Static

from tp_tui.i18n import t
from tp_tui.views.base import TpModalScreen
from tp_tui.widgets.confirm import ConfirmScreen

ResultT = TypeVar("ResultT")


class FormScreen(TpModalScreen[ResultT]):
    _initial: Any = None
    """What the form showed when it opened; set it in on_mount to ask before discarding."""

    def typed(self) -> Any:
        """What is in the fields now (forms that ask before discarding override this)."""
        return None

    def _row(self, name: str, label_key: str, field: Widget) -> ComposeResult:
        with Horizontal(classes="field-row", id=f"{name}-row"):
            yield Label(t(label_key), markup=False, classes="field-label")
            yield field
        yield Static("", id=f"{name}-message", classes="message", markup=False)

    def _form_message(self, text: str) -> None:
        message = self.query_one("#form-message", Static)
        message.update(text)
        message.set_class(True, "error")

    def action_cancel(self) -> None:
        if self._initial is not None and self.typed() != self._initial:
            self.app.push_screen(ConfirmScreen(t("form.discard_question")), self._discard)
        else:
            self.dismiss(None)

    def _discard(self, answer: bool | None) -> None:
        if answer:
            self.dismiss(None)
