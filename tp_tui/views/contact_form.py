"""Log a contact in a few keys: who, when, what kind, which life areas, a note."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Static, TextArea

from tp_tui.dates import DateParseError, parse_datetime
from tp_tui.domain import Arena, ContactKind, ContactOutcome, Destination, LifeArea
from tp_tui.i18n import format_date, format_datetime, t
from tp_tui.keys import key
from tp_tui.services.conflicts import Opened
from tp_tui.services.contacts import (
    DEFAULT_ARENA,
    FORM_FIELDS,
    ContactInput,
    contact_input,
    log_contact,
    update_contact,
)
from tp_tui.services.participants import participant_name
from tp_tui.services.validation import ValidationFailed
from tp_tui.views.conflict import CONTACT_LABELS
from tp_tui.views.form_base import FormScreen
from tp_tui.widgets.choice import KeyChoice, Option, with_hotkeys
from tp_tui.widgets.date_field import DateField
from tp_tui.widgets.field_message import FieldMessage
from tp_tui.widgets.key_footer import KeyFooter
from tp_tui.widgets.participant_picker import ParticipantPicker

FIELDS = ("participant", "when", "kind", "areas", "destination", "arena", "duration", "outcome")


@dataclass(frozen=True)
class ContactSaved:
    """What the form saved, and whether the user wants to log another right away."""

    contact_id: int
    participant_id: int
    outcome: str
    when: str
    another: bool


def _choices(
    codes: type[ContactKind] | type[Arena] | type[Destination] | type[ContactOutcome],
) -> list[Option]:
    return with_hotkeys([(member.value, t(member.label_key)) for member in codes])


class ContactFormScreen(FormScreen[ContactSaved | None]):
    """New contact (``contact_id`` None) or an edit of a stored one."""

    CSS_PATH = ["forms.tcss", "contact_form.tcss"]
    BINDINGS = [
        key("ctrl+s", "save(False)", "form.save", "contact_form.save", priority=True),
        key(
            "ctrl+t",
            "save(True)",
            "contact_form.save_another",
            "contact_form.save_another",
            priority=True,
        ),
        key("escape", "cancel", "form.cancel", "contact_form.cancel"),
        key("f5", "calendar", "contact_form.calendar", "contact_form.calendar"),
    ]

    def __init__(
        self,
        participant_id: int | None = None,
        contact_id: int | None = None,
        when: str = "",
        kind: str = ContactKind.CONVERSATION.value,
        outcome: str = ContactOutcome.REACHED.value,
        note: str = "",
        round_visit_id: int | None = None,
        start_at: str = "",
    ) -> None:
        super().__init__()
        self.contact_id = contact_id
        # Where the next typing belongs: the note, for a call returned or a contact edited (all
        # else is filled in); otherwise the time, which Enter accepts.
        self.start_at = start_at or ("note" if contact_id is not None else "")
        self.round_visit_id = round_visit_id
        self.version: int | None = None
        """The version the form saves on top of: as opened, or as stored after a conflict
        the user was told about (saving again is then their choice)."""
        self.opened: Opened[ContactInput] | None = None
        """What the form showed when it opened: a save on top writes only what differs."""
        self.initial = ContactInput(participant_id, when, kind=kind, outcome=outcome, note=note)
        if contact_id is not None:
            stored = contact_input(contact_id)
            if stored is not None:
                self.initial, self.version = stored

    def compose(self) -> ComposeResult:
        data = self.initial
        name = ""
        if data.participant_id is not None:
            name = participant_name(data.participant_id)
        title = "contact_form.title_edit" if self.contact_id else "contact_form.title_new"
        with VerticalScroll(classes="form"):
            yield Static(t(title), classes="form-title", markup=False)
            yield from self._row(
                "participant",
                "contact.field.participant",
                ParticipantPicker(data.participant_id, name, id="participant"),
            )
            when = data.when or format_datetime(self.tp.clock.now())
            yield from self._row_beside(
                "when",
                "contact.field.when",
                DateField(
                    when,
                    understand=lambda text: parse_datetime(text, self.tp.clock.now(), "past"),
                    id="when",
                    compact=True,
                    select_on_focus=True,
                ),
            )
            yield from self._row(
                "kind",
                "contact.field.kind",
                KeyChoice(_choices(ContactKind), data.kind, advance=True, id="kind"),
            )
            areas = [
                Option(area.value, t(area.label_key), str(n))
                for n, area in enumerate(LifeArea, start=1)
            ]
            toggles = KeyChoice(areas, multiple=True, id="areas")
            toggles.set_values([area.value for area in data.life_areas])
            yield from self._row("areas", "contact.field.areas", toggles)
            # Beside its label like every other field: a line above it is a line the form lacks
            # at 24 rows.
            with Horizontal(classes="field-row", id="note-row"):
                yield Label(t("contact.field.note"), markup=False, classes="field-label")
                yield TextArea(data.note, id="note", soft_wrap=True, compact=True)
            yield from self._row(
                "destination",
                "contact.field.destination",
                KeyChoice(
                    _choices(Destination), data.destination or None, advance=True, id="destination"
                ),
            )
            yield from self._row(
                "arena",
                "contact.field.arena",
                KeyChoice(
                    _choices(Arena),
                    data.arena or DEFAULT_ARENA.get(data.kind),
                    advance=True,
                    id="arena",
                ),
            )
            yield from self._row(
                "duration",
                "contact.field.duration",
                Input(
                    data.duration,
                    id="duration",
                    placeholder=t("contact_form.duration_placeholder"),
                    compact=True,
                ),
            )
            yield from self._row(
                "outcome",
                "contact.field.outcome",
                KeyChoice(_choices(ContactOutcome), data.outcome, advance=True, id="outcome"),
            )
            yield FieldMessage(id="form-message", classes="message form-message")
            yield from self._buttons(t("contact_form.another_button"))
        yield KeyFooter()

    def on_mount(self) -> None:
        self._show_destination()
        self.query_one("#when", DateField).show_understood()
        self._initial = self.typed()
        if self.version is not None:
            self.opened = Opened(self._initial, self.version)
        if self.initial.participant_id is None:
            self.query_one("#picker-input", Input).focus()
        elif self.start_at == "note":
            note = self.query_one("#note", TextArea)
            note.focus()
            note.move_cursor(note.document.end)  # what is added goes after what is there
        else:
            self.query_one("#when", Input).focus()

    def typed(self) -> ContactInput:
        areas = self.query_one("#areas", KeyChoice).values
        return ContactInput(
            participant_id=self.query_one(ParticipantPicker).participant_id,
            when=self.query_one("#when", Input).value,
            kind=self.query_one("#kind", KeyChoice).value or ContactKind.CONVERSATION.value,
            arena=self.query_one("#arena", KeyChoice).value or "",
            destination=self.query_one("#destination", KeyChoice).value or "",
            duration=self.query_one("#duration", Input).value,
            life_areas=tuple(LifeArea(code) for code in areas),
            outcome=self.query_one("#outcome", KeyChoice).value or ContactOutcome.REACHED.value,
            note=self.query_one("#note", TextArea).text,
            round_visit_id=self.round_visit_id or self.initial.round_visit_id,
        )

    @on(Input.Submitted, "#when")
    def _when_done(self) -> None:
        self.focus_next()

    @on(KeyChoice.Changed, "#kind")
    def _kind_changed(self) -> None:
        kind = self.query_one("#kind", KeyChoice).value or ""
        arena = self.query_one("#arena", KeyChoice)
        if kind in DEFAULT_ARENA:
            arena.set_value(DEFAULT_ARENA[kind])
        self._show_destination()

    def _show_destination(self) -> None:
        visible = self.query_one("#kind", KeyChoice).value == ContactKind.ACCOMPANIMENT.value
        self.query_one("#destination-row").display = visible

    def action_calendar(self) -> None:
        """Pick the day in a calendar; the time of day typed so far is kept."""
        from tp_tui.widgets.calendar import CalendarScreen

        field = self.query_one("#when", Input)
        now = self.tp.clock.now()
        try:
            current = parse_datetime(field.value, now, "past")
        except DateParseError:
            current = now

        def picked(day: date | None) -> None:
            if day is not None:
                field.value = f"{format_date(day)} {current.strftime('%H:%M')}"
                field.focus()

        self.app.push_screen(CalendarScreen(current.date(), now.date()), picked)

    def save_pressed(self, another: bool) -> None:
        self.action_save(another)

    def action_save(self, another: bool) -> None:
        data = self.typed()
        for field in FIELDS:
            if field != "when":
                self.query_one(f"#{field}-message", Static).update("")
        if self.contact_id is None:
            save = partial(log_contact, data, self.tp.clock, self.tp.settings)
        else:
            save = partial(
                update_contact,
                self.contact_id,
                data,
                self.tp.clock,
                self.version,
                self.tp.settings,
                self.opened,
            )

        def to_first_error(failed: ValidationFailed) -> None:
            first = next(iter(failed.errors))
            target = "#picker-input" if first == "participant" else f"#{first}"
            self.query_one(target).focus()

        contact = self.guarded_save(save, CONTACT_LABELS, after_errors=to_first_error)
        if contact is None:
            return
        self.tell_what_was_kept(contact, FORM_FIELDS, CONTACT_LABELS)
        self.dismiss(
            ContactSaved(contact.id, contact.participant_id, contact.outcome, data.when, another)
        )
