"""Hand over: a participant to another responsible trust person, or a call to a colleague."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Select, Static

from tp_tui.i18n import t
from tp_tui.keys import key
from tp_tui.services.handover import (
    HandedOver,
    HandoverInput,
    hand_over_callback,
    hand_over_everything,
    hand_over_participant,
)
from tp_tui.services.team import Colleague, at_work_today, colleagues, my_id, trust_person_name
from tp_tui.services.validation import ValidationFailed
from tp_tui.text import literal, one_line
from tp_tui.views.form_base import FormScreen
from tp_tui.widgets.field_message import FieldMessage
from tp_tui.widgets.key_footer import KeyFooter


class HandoverFormScreen(FormScreen[bool | None]):
    """Dismisses with True once handed over, None when cancelled.

    With ``participant_id``: the participant gets a new responsible trust person (any active
    colleague, a date and a note). With ``callback_id``: the call goes to a colleague at work
    today, without date or note. With ``from_person_id``: everything that trust person still
    has (their participants and the calls they owe) goes to one colleague, me included.
    """

    CSS_PATH = ["forms.tcss"]
    BINDINGS = [
        key("ctrl+s", "save", "form.save", "handover_form.save", priority=True),
        key("escape", "cancel", "form.cancel", "handover_form.cancel"),
    ]

    def __init__(
        self,
        participant_id: int | None = None,
        callback_id: int | None = None,
        from_person_id: int | None = None,
    ) -> None:
        super().__init__()
        self.participant_id = participant_id
        self.callback_id = callback_id
        self.from_person_id = from_person_id

    def _choices(self) -> tuple[Colleague, ...]:
        today = self.tp.clock.today()
        if self.from_person_id is not None:  # everyone active but the one handing over
            return colleagues(self.from_person_id, today)
        me = my_id() or 0
        return colleagues(me, today) if self.callback_id is None else at_work_today(me, today)

    def _title(self) -> str:
        if self.from_person_id is not None:
            name = one_line(trust_person_name(self.from_person_id))
            return t("handover.title_everything", name=name)
        return t("handover.title_callback" if self.callback_id else "handover.title_participant")

    def compose(self) -> ComposeResult:
        for_call = self.callback_id is not None
        choices = self._choices()
        with VerticalScroll(classes="form"):
            yield Static(self._title(), classes="form-title", markup=False)
            if not choices:
                yield Static(t("handover.no_colleagues"), classes="message", markup=False)
            yield from self._row(
                "to_person",
                "handover.to",
                Select(
                    [(literal(one_line(c.name)), c.id) for c in choices],
                    id="to_person",
                    prompt=t("handover.to_prompt"),
                    compact=True,
                ),
            )
            if not for_call:
                yield from self._row(
                    "on",
                    "handover.on",
                    Input(id="on", compact=True, placeholder=t("handover.on_placeholder")),
                )
                note = Input(id="note", compact=True, placeholder=t("handover.note_placeholder"))
                yield from self._row("note", "handover.note", note)
            yield FieldMessage(id="form-message", classes="message form-message")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._initial = self.typed()
        self.query_one("#to_person", Select).focus()

    def typed(self) -> HandoverInput:
        chosen = self.query_one("#to_person", Select).value
        on = self.query("#on")
        note = self.query("#note")
        return HandoverInput(
            to_person_id=chosen if isinstance(chosen, int) else None,
            on=on.first(Input).value if on else "",
            note=note.first(Input).value if note else "",
        )

    def on_input_submitted(self) -> None:
        self.focus_next()

    def action_save(self) -> None:
        data = self.typed()
        moved: HandedOver | None = None
        try:
            if self.from_person_id is not None:
                moved = hand_over_everything(self.from_person_id, data, self.tp.clock)
            elif self.callback_id is not None:
                hand_over_callback(self.callback_id, data.to_person_id, self.tp.clock)
            elif self.participant_id is not None:
                hand_over_participant(self.participant_id, data, self.tp.clock)
        except ValidationFailed as failed:
            self._field_errors(failed.errors)
            return
        if moved is not None:
            self.notify(
                t(
                    "handover.saved_everything",
                    participants=t("handover.participants", count=moved.participants),
                    callbacks=t("handover.callbacks", count=moved.callbacks),
                ),
                markup=False,
            )
        else:
            self.notify(t("handover.saved"), markup=False)
        self.dismiss(True)
