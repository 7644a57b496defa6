"""What every modal form shares: a field per line with its message under it, a message for the
whole form, a save that keeps what was typed whatever fails, and Escape that asks before
throwing away what was typed."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, Label, Static

from tp_tui.i18n import t
from tp_tui.services.conflicts import ChangedSince, OnTopInvalid, Opened, Record
from tp_tui.services.participants import name_looks_like
from tp_tui.services.validation import FieldError, ValidationFailed
from tp_tui.text import one_line
from tp_tui.views.base import TpModalScreen
from tp_tui.views.conflict import conflict_message, kept_message, on_top_invalid_message
from tp_tui.views.errors import not_saved_message
from tp_tui.widgets.confirm import ConfirmScreen
from tp_tui.widgets.field_message import FieldMessage

ResultT = TypeVar("ResultT")
SavedT = TypeVar("SavedT")


class FormScreen(TpModalScreen[ResultT]):
    _initial: Any = None
    """What the form showed when it opened; set it in on_mount to ask before discarding."""
    version: int | None = None
    """The version the form saves on top of: as opened, or as stored after a conflict the
    user was told about (saving again is then their choice)."""
    opened: Opened[Any] | None = None
    """What the form showed when it opened (forms that edit a record): a save on top writes
    only what differs."""

    def typed(self) -> Any:
        """What is in the fields now (forms that ask before discarding override this)."""
        return None

    def _row(self, name: str, label_key: str, field: Widget) -> ComposeResult:
        with Horizontal(classes="field-row", id=f"{name}-row"):
            yield Label(t(label_key), markup=False, classes="field-label")
            yield field
        yield FieldMessage(id=f"{name}-message", classes="message")

    def _row_beside(self, name: str, label_key: str, field: Widget) -> ComposeResult:
        """A short field (a date and time) with its message on its right, not under it: the
        form is a row shorter."""
        with Horizontal(classes="field-row message-beside", id=f"{name}-row"):
            yield Label(t(label_key), markup=False, classes="field-label")
            yield field
            yield FieldMessage(id=f"{name}-message", classes="message")

    _name_confirmed = ""
    """A name that looks like a number or a date, which the user said to save as it is."""

    def name_checked(self, name: str, stored: str, field: str, save: Callable[[], None]) -> bool:
        """Whether the save may go on with ``name``. One that looks like a phone number or a
        date (not the one stored, nor one already confirmed) is asked about first: yes saves
        again through ``save``, no goes back to the ``field`` (a selector) to fix it."""
        looks = name_looks_like(name)
        if not looks or name in (self._name_confirmed, stored):
            return True

        def answer(yes: bool | None) -> None:
            if yes:
                self._name_confirmed = name
                save()
            else:
                self.query_one(field).focus()

        question = t(f"participant_form.name_like_{looks}", name=one_line(name))
        self.app.push_screen(ConfirmScreen(question), answer)
        return False

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
        message = self.query_one("#form-message", FieldMessage)
        message.keep_in_view = True
        message.update(text)
        message.set_class(True, "error")
        # Under the last field: on a small terminal it would be below the edge, unread. Once
        # laid out with the new text, so all of its lines come into view (a message that was not
        # there yet scrolls itself into view when it gets its size).
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

    def guarded_save(
        self,
        save: Callable[[], SavedT],
        labels: dict[str, str],
        coded: dict[str, str] | None = None,
        *,
        show_errors: Callable[[ValidationFailed], None] | None = None,
        after_errors: Callable[[ValidationFailed], None] | None = None,
        fix_message: bool = True,
    ) -> SavedT | None:
        """What ``save`` returned, or None when nothing was saved: the form then stays open
        with what was typed, and says why (the messages under the fields, the form's line).

        A refusal shows each message under its field (``show_errors`` instead, when the form
        places them itself), then "fix the errors" on the form's line unless ``fix_message``
        is False, then ``after_errors`` (say, the cursor to the first wrong field). Someone
        else's save first: what they changed, and a save again is on top of theirs. Anything
        else (a locked or read-only file, a lost server): a calm sentence, never a traceback.
        """
        try:
            return save()
        except ValidationFailed as failed:
            if show_errors is None:
                self._field_errors(failed.errors)
            else:
                show_errors(failed)
            if isinstance(failed, OnTopInvalid):  # theirs kept, with what was typed: say why
                self._form_message(on_top_invalid_message(failed, labels, coded))
            elif fix_message:
                self._form_message(t("form.fix_errors"))
            if after_errors is not None:
                after_errors(failed)
        except ChangedSince as changed:  # someone else saved first: keep what was typed
            self.version = changed.version
            self._form_message(conflict_message(changed, labels, coded))
        except Exception as error:  # the typed entry must survive any failure
            self._form_message(not_saved_message(error))
        return None

    def tell_what_was_kept(
        self,
        record: Record,
        fields: tuple[str, ...],
        labels: dict[str, str],
        coded: dict[str, str] | None = None,
    ) -> None:
        """After a save on top of someone else's: which fields hold their value."""
        if self.opened is None or self.version == self.opened.version:
            return
        kept = kept_message(record, self.opened.version, fields, labels, coded)
        if kept:
            self.notify(kept, markup=False, timeout=12)

    def action_cancel(self) -> None:
        if self._initial is not None and self.typed() != self._initial:
            self.app.push_screen(ConfirmScreen(t("form.discard_question")), self._discard)
        else:
            self.dismiss(None)

    def _discard(self, answer: bool | None) -> None:
        if answer:
            self.dismiss(None)
