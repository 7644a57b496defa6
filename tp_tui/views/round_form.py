"""Log a visit to a meeting place in a few keys; the note is anonymous."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Static

from tp_tui.domain import LifeArea
from tp_tui.i18n import format_date, t
from tp_tui.keys import key
from tp_tui.services.rounds import RoundInput, active_places, default_place, log_visit
from tp_tui.text import one_line
from tp_tui.views.form_base import FormScreen
from tp_tui.widgets.choice import KeyChoice, Option, with_hotkeys
from tp_tui.widgets.field_message import FieldMessage
from tp_tui.widgets.key_footer import KeyFooter

FIELDS = ("place", "day", "start", "minutes", "conversations", "new_people")


@dataclass(frozen=True)
class RoundSaved:
    visit_id: int
    then: str  # "", "contact" (a participant met there) or "guest" (someone asking for help)


class RoundFormScreen(FormScreen[RoundSaved | None]):
    """Dismisses with the new visit, and what to do next, or None."""

    CSS_PATH = ["forms.tcss"]
    BINDINGS = [
        key("ctrl+s", "save('')", "form.save", "round_form.save", priority=True),
        key("ctrl+l", "save('contact')", "round_form.contact", "round_form.contact", priority=True),
        key("ctrl+g", "save('guest')", "round_form.guest", "round_form.guest", priority=True),
        key("escape", "cancel", "form.cancel", "round_form.cancel"),
    ]

    def __init__(self, place_id: int | None = None, day: date | None = None) -> None:
        super().__init__()
        self.place_id = place_id
        self.day = day

    def compose(self) -> ComposeResult:
        today = self.tp.clock.today()
        place_id = self.place_id or default_place(today)
        places = with_hotkeys([(str(p.id), one_line(p.name)) for p in active_places()])
        areas = [
            Option(area.value, t(area.label_key), str(n))
            for n, area in enumerate(LifeArea, start=1)
        ]
        with VerticalScroll(classes="form"):
            yield Static(t("round_form.title"), classes="form-title", markup=False)
            yield from self._row(
                "place",
                "round.field.place",
                KeyChoice(places, str(place_id) if place_id else None, advance=True, id="place"),
            )
            yield from self._row(
                "day",
                "round.field.day",
                Input(format_date(self.day or today), id="day", compact=True, select_on_focus=True),
            )
            yield from self._row(
                "start", "round.field.start", Input(id="start", placeholder="11:00", compact=True)
            )
            yield from self._row(
                "minutes",
                "round.field.minutes",
                Input(id="minutes", placeholder="60", compact=True),
            )
            yield from self._row(
                "conversations",
                "round.field.conversations",
                Input("0", id="conversations", compact=True, select_on_focus=True),
            )
            yield from self._row(
                "new_people",
                "round.field.new_people",
                Input("0", id="new_people", compact=True, select_on_focus=True),
            )
            yield from self._row(
                "areas", "contact.field.areas", KeyChoice(areas, multiple=True, id="areas")
            )
            yield Label(t("round.field.note"), markup=False)
            yield Input(id="note", placeholder=t("round_form.note_placeholder"), compact=True)
            yield Static(t("round_form.anonymous"), classes="message", markup=False)
            yield FieldMessage(id="form-message", classes="message form-message")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._initial = self.typed()
        place = self.query_one("#place", KeyChoice)
        (self.query_one("#conversations", Input) if place.value else place).focus()

    def typed(self) -> RoundInput:
        place = self.query_one("#place", KeyChoice).value
        return RoundInput(
            place_id=int(place) if place else None,
            day=self.query_one("#day", Input).value,
            start=self.query_one("#start", Input).value,
            minutes=self.query_one("#minutes", Input).value,
            conversations=self.query_one("#conversations", Input).value,
            new_people=self.query_one("#new_people", Input).value,
            life_areas=tuple(LifeArea(c) for c in self.query_one("#areas", KeyChoice).values),
            note=self.query_one("#note", Input).value,
        )

    def on_input_submitted(self) -> None:
        self.focus_next()

    def action_save(self, then: str = "") -> None:
        for field in FIELDS:
            self.query_one(f"#{field}-message", Static).update("")
        visit = self.guarded_save(partial(log_visit, self.typed(), self.tp.clock), {})
        if visit is None:
            return
        self.dismiss(RoundSaved(visit.id, then))
