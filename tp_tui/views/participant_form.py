"""Add or edit a participant: validates as you type, never loses what was typed."""

from __future__ import annotations

from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea

from tp_tui.domain import ParticipantStatus, ReferralSource
from tp_tui.i18n import format_date, t, weekday_name
from tp_tui.keys import key
from tp_tui.phone import format_phone
from tp_tui.services.conflicts import Opened
from tp_tui.services.participants import (
    FORM_FIELDS,
    ParticipantInput,
    add_participant,
    check_intake,
    check_name,
    check_phone,
    stored_participant_input,
    update_participant,
)
from tp_tui.services.validation import FieldError, ValidationFailed
from tp_tui.text import one_line
from tp_tui.views.conflict import PARTICIPANT_LABELS
from tp_tui.views.form_base import FormScreen
from tp_tui.widgets.field_message import FieldMessage
from tp_tui.widgets.key_footer import KeyFooter


class ParticipantFormScreen(FormScreen[int | None]):
    """Dismisses with the saved participant's id, or None when cancelled."""

    CSS_PATH = ["forms.tcss", "participant_form.tcss"]
    BINDINGS = [
        key("ctrl+s", "save", "form.save", "participant_form.save", priority=True),
        key("escape", "cancel", "form.cancel", "participant_form.cancel"),
    ]

    def __init__(self, participant_id: int | None) -> None:
        super().__init__()
        self.participant_id = participant_id
        self._initial: ParticipantInput | None = None
        self.version: int | None = None
        """The version the form saves on top of: as opened, or as stored after a conflict
        the user was told about (saving again is then their choice)."""
        self.opened: Opened[ParticipantInput] | None = None
        """What the form showed when it opened: a save on top writes only what differs."""

    def compose(self) -> ComposeResult:
        title = (
            "participant_form.title_new"
            if self.participant_id is None
            else ("participant_form.title_edit")
        )
        with VerticalScroll(id="form", classes="form"):
            yield Static(t(title), classes="form-title", markup=False)
            yield from self._row(
                "name",
                t("participant.field.name") + " *",
                Input(id="name", placeholder=t("participant_form.name_placeholder"), compact=True),
            )
            yield from self._row(
                "phone",
                t("participant.field.phone"),
                Input(id="phone", placeholder="912 34 567", compact=True),
            )
            yield from self._row(
                "intake",
                t("participant.field.intake"),
                Input(
                    id="intake", placeholder=t("participant_form.intake_placeholder"), compact=True
                ),
            )
            yield from self._row(
                "first_contact",
                t("participant.field.first_contact"),
                Input(
                    id="first_contact",
                    placeholder=t("participant_form.first_placeholder"),
                    compact=True,
                ),
            )
            yield from self._row(
                "referral",
                t("participant.field.referral"),
                Select(
                    [(t(source.label_key), source.value) for source in ReferralSource],
                    id="referral",
                    prompt=t("participant_form.referral_prompt"),
                    compact=True,
                ),
            )
            yield from self._row(
                "status",
                t("participant.field.status"),
                Select(
                    [(t(status.label_key), status.value) for status in ParticipantStatus],
                    id="status",
                    allow_blank=False,
                    value=ParticipantStatus.ACTIVE.value,
                    compact=True,
                ),
            )
            yield Label(t("participant.field.about"), markup=False)
            yield TextArea(id="about", soft_wrap=True, compact=True)
            yield FieldMessage(id="form-message", classes="message form-message")
            yield from self._buttons()
        yield KeyFooter()

    def _row(self, name: str, label: str, field: Widget) -> ComposeResult:
        """A label and its field on one line, with the field's message beneath."""
        with Horizontal(classes="field-row"):
            yield Label(label, markup=False, classes="field-label")
            yield field
        yield FieldMessage(id=f"{name}-message", classes="message")

    def on_mount(self) -> None:
        if self.participant_id is not None:
            stored = stored_participant_input(self.participant_id)
            if stored is not None:
                data, self.version = stored
                self._fill(data)
        else:
            self.query_one("#intake", Input).value = format_date(self.tp.clock.today())
        self._initial = self.typed()
        if self.version is not None:
            self.opened = Opened(self._initial, self.version)
        self.query_one("#name", Input).focus()

    def _fill(self, data: ParticipantInput) -> None:
        self.query_one("#name", Input).value = data.name
        self.query_one("#phone", Input).value = data.phone
        self.query_one("#intake", Input).value = data.intake
        self.query_one("#first_contact", Input).value = data.first_contact
        if data.referral_source:
            self.query_one("#referral", Select).value = data.referral_source
        self.query_one("#status", Select).value = data.status
        self.query_one("#about", TextArea).text = data.about

    def typed(self) -> ParticipantInput:
        referral = self.query_one("#referral", Select).value
        status = self.query_one("#status", Select).value
        return ParticipantInput(
            name=self.query_one("#name", Input).value,
            phone=self.query_one("#phone", Input).value,
            intake=self.query_one("#intake", Input).value,
            referral_source=referral if isinstance(referral, str) else "",
            status=status if isinstance(status, str) else ParticipantStatus.ACTIVE.value,
            about=self.query_one("#about", TextArea).text,
            first_contact=self.query_one("#first_contact", Input).value,
        )

    def _show(self, field: str, error: FieldError | None, ok_text: str = "") -> None:
        message = self.query_one(f"#{field}-message", Static)
        input_widget = self.query(f"#{field}")
        if error is None:
            message.update(ok_text)
            message.set_class(False, "error")
            input_widget.remove_class("invalid")
        else:
            message.update(t(error.key, **error.params))
            message.set_class(True, "error")
            input_widget.add_class("invalid")

    @on(Input.Changed, "#name")
    @on(Input.Changed, "#phone")
    @on(Input.Changed, "#intake")
    @on(Input.Changed, "#first_contact")
    def _field_changed(self, event: Input.Changed) -> None:
        if event.input.id:
            self._check(event.input.id)

    def _check(self, field: str) -> None:
        """Validate one field as typed and say so beside it (or what was understood)."""
        value = self.query_one(f"#{field}", Input).value
        if field == "name":
            self._show("name", check_name(value))
        elif field == "phone":
            phone, error = check_phone(value)
            self._show("phone", error, format_phone(phone) if phone else "")
        elif field in ("intake", "first_contact"):
            day, error = check_intake(value, self.tp.clock.today())
            understood = f"→ {weekday_name(day)} {format_date(day)}" if day else ""
            self._show(field, error, understood)

    def save_pressed(self, another: bool) -> None:
        self.action_save()

    def action_save(self) -> None:
        data = self.typed()
        stored = self._initial.name if self._initial else ""
        if not self.name_checked(data.name, stored, "#name", self.action_save):
            return
        if self.participant_id is None:
            save = partial(add_participant, data, self.tp.clock)
        else:
            save = partial(
                update_participant,
                self.participant_id,
                data,
                self.tp.clock,
                self.version,
                self.opened,
            )
        participant = self.guarded_save(
            save,
            PARTICIPANT_LABELS,
            show_errors=self._show_errors,
            after_errors=self._to_first_error,
        )
        if participant is None:
            return
        self.notify(t("participant_form.saved", name=one_line(participant.name)), markup=False)
        self.tell_what_was_kept(participant, FORM_FIELDS, PARTICIPANT_LABELS)
        self.dismiss(participant.id)

    def _show_errors(self, failed: ValidationFailed) -> None:
        """Each field's own check again (what it says as it is typed), and the first contact's
        refusal that depends on another field."""
        for field in ("name", "phone", "intake", "first_contact"):
            self._check(field)
        if "first_contact" in failed.errors:
            self._show("first_contact", failed.errors["first_contact"])

    def _to_first_error(self, failed: ValidationFailed) -> None:
        first = next(iter(failed.errors))
        if first in ("name", "phone", "intake", "first_contact"):
            self.query_one(f"#{first}", Input).focus()
