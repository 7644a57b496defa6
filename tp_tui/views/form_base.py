"""What every modal form shares: a field per line with its message under it, a message for the
whole form, and Escape that asks before throwing away what was typed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, Label, Static

from tp_tui.i18n import t
from tp_tui.services.validation import FieldError
from tp_tui.text import one_line
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

    def _buttons(self, another_label: str = "") -> ComposeResult:
        """Save and cancel for the mouse; "save + another" on forms filled in one after another."""
        with Horizontal(classes="buttons"):
            yield Button(t("form.save_button"), id="save", variant="primary", compact=True)
            if another_label:
                yield Button(another_label, id="another", compact=True)
            yield Button(t("form.cancel_button"), id="cancel", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "cancel":
            self.action_cancel()
        else:
            self.save_pressed(another=event.button.id == "another")

    def save_pressed(self, another: bool) -> None:
        """What a save button does; the forms that show :meth:`_buttons` say."""
        raise NotImplementedError

    def _form_message(self, text: str) -> None:
        message = self.query_one("#form-message", Static)
        message.update(text)
        message.set_class(True, "error")
        # Under the last field: on a small terminal it would be below the edge, unread. Once
        # laid out with the new text, so all of its lines come into view.
        self.call_after_refresh(message.scroll_visible, animate=False)

    def _field_errors(
        self,
        errors: Mapping[str, FieldError],
        shown_at: Mapping[str, str] | None = None,
        flatten: bool = False,
    ) -> None:
        """Each message under its field (``#<field>-message``; ``shown_at`` names another
        field's line), or on the form's line when the field has none. ``flatten``: on one line,
        for messages that may carry a stored name."""
        for field, error in errors.items():
            text = t(error.key, **error.params)
            found = self.query(f"#{(shown_at or {}).get(field, field)}-message")
            if not found:
                self._form_message(one_line(text) if flatten else text)
                continue
            message = found.first(Static)
            message.update(one_line(text) if flatten else text)
            message.set_class(True, "error")

    def action_cancel(self) -> None:
        if self._initial is not None and self.typed() != self._initial:
            self.app.push_screen(ConfirmScreen(t("form.discard_question")), self._discard)
        else:
            self.dismiss(None)

    def _discard(self, answer: bool | None) -> None:
        if answer:
            self.dismiss(None)
