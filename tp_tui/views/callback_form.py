"""Register a call owed: who (a participant, or a name and number), why, by when; or edit one,
without overwriting what someone else saved since the form opened."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Static

from tp_tui.dates import parse_datetime
from tp_tui.i18n import t
from tp_tui.keys import key
from tp_tui.phone import format_phone
from tp_tui.services.callbacks import (
    CALLBACK_FIELDS,
    CallbackInput,
    callback_input,
    default_due,
    register_callback,
    update_callback,
)
from tp_tui.services.conflicts import Opened
from tp_tui.services.participants import participant_name
from tp_tui.services.validation import ValidationFailed
from tp_tui.views.conflict import CALLBACK_LABELS
from tp_tui.views.form_base import FormScreen
from tp_tui.widgets.date_field import DateField
from tp_tui.widgets.field_message import FieldMessage
from tp_tui.widgets.key_footer import KeyFooter
from tp_tui.widgets.participant_picker import ParticipantPicker


class CallbackFormScreen(FormScreen[int | None]):
    """Dismisses with the new (or edited) callback's id, or None when cancelled."""

    CSS_PATH = ["forms.tcss"]
    BINDINGS = [
        key("ctrl+s", "save", "form.save", "callback_form.save", priority=True),
        key("escape", "cancel", "form.cancel", "callback_form.cancel"),
    ]

    def __init__(self, participant_id: int | None = None, callback_id: int | None = None) -> None:
        super().__init__()
        self.participant_id = participant_id
        self.callback_id = callback_id
        self.stored: CallbackInput | None = None
        """The call as stored when the form opened (editing only)."""
        self.version: int | None = None
        """The version the form saves on top of: as opened, or as stored after a conflict
        the user was told about (saving again is then their choice)."""
        self.opened: Opened[CallbackInput] | None = None
        """What the form showed when it opened: a save on top writes only what differs."""
        if callback_id is not None:
            found = callback_input(callback_id)
            if found is not None:
                self.stored, self.version = found
                self.participant_id = self.stored.participant_id

    def compose(self) -> ComposeResult:
        name = self.stored.caller_name if self.stored else ""
        if self.participant_id is not None:
            name = participant_name(self.participant_id)
        title = "callback_form.title_edit" if self.callback_id else "callback_form.title"
        with VerticalScroll(classes="form"):
            yield Static(t(title), classes="form-title", markup=False)
            yield from self._row(
                "participant",
                "callback.field.who",
                ParticipantPicker(self.participant_id, name, id="participant"),
            )
            yield Static(t("callback_form.free_name_hint"), classes="message", markup=False)
            yield from self._row(
                "caller_phone",
                "callback.field.phone",
                Input(id="caller_phone", placeholder="912 34 567", compact=True),
            )
            yield from self._row(
                "reason",
                "callback.field.reason",
                Input(id="reason", placeholder=t("callback_form.reason_placeholder"), compact=True),
            )
            yield from self._row(
                "due",
                "callback.field.due",
                DateField(
                    understand=self._due,
                    id="due",
                    placeholder=t("callback_form.due_placeholder"),
                    compact=True,
                ),
            )
            yield FieldMessage(id="form-message", classes="message form-message")
            yield from self._buttons()
        yield KeyFooter()

    def on_mount(self) -> None:
        if self.stored is not None:
            self.query_one("#caller_phone", Input).value = format_phone(self.stored.caller_phone)
            self.query_one("#reason", Input).value = self.stored.reason
            self.query_one("#due", Input).value = self.stored.due
        self.query_one("#due", DateField).show_understood()
        self._initial = self.typed()
        if self.version is not None:
            self.opened = Opened(self._initial, self.version)
        target = "#reason" if self.participant_id is not None else "#picker-input"
        self.query_one(target, Input).focus()

    def typed(self) -> CallbackInput:
        picker = self.query_one(ParticipantPicker)
        free = picker.participant_id is None
        return CallbackInput(
            participant_id=picker.participant_id,
            reason=self.query_one("#reason", Input).value,
            due=self.query_one("#due", Input).value,
            caller_name=picker.typed if free else "",
            caller_phone=self.query_one("#caller_phone", Input).value if free else "",
        )

    def _due(self, text: str) -> datetime:
        """When the call is due, as saving reads it: empty is the default (settings)."""
        now = self.tp.clock.now()
        if not text.strip():
            return default_due(now, self.tp.settings)
        return parse_datetime(text, now, "future", self.tp.settings.workday_end_time)

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        if event.input.id in ("caller_phone", "reason"):
            self.focus_next()
        elif event.input.id == "due":
            self.action_save()

    def save_pressed(self, another: bool) -> None:
        self.action_save()

    def action_save(self) -> None:
        for field in ("participant", "caller_phone", "reason"):
            self.query_one(f"#{field}-message", Static).update("")
        typed = self.typed()
        stored = self.stored.caller_name if self.stored else ""
        if typed.participant_id is None and not self.name_checked(
            typed.caller_name, stored, "#picker-input", self.action_save
        ):
            return
        if self.callback_id is None:
            save = partial(register_callback, typed, self.tp.clock, self.tp.settings)
        else:
            save = partial(
                update_callback,
                self.callback_id,
                typed,
                self.tp.clock,
                self.tp.settings,
                self.version,
                self.opened,
            )

        def show_errors(failed: ValidationFailed) -> None:
            self._field_errors(failed.errors, shown_at={"caller_name": "participant"})

        callback = self.guarded_save(save, CALLBACK_LABELS, show_errors=show_errors)
        if callback is None:
            return
        self.tell_what_was_kept(callback, CALLBACK_FIELDS, CALLBACK_LABELS)
        self.dismiss(callback.id)
