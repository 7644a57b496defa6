"""Choose the days a statistics view covers: from and to, typed the way dates are typed."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Static

from tp_tui.i18n import format_date, t
from tp_tui.keys import key
from tp_tui.services.stats_period import parse_period
from tp_tui.services.validation import ValidationFailed
from tp_tui.views.form_base import FormScreen
from tp_tui.widgets.field_message import FieldMessage
from tp_tui.widgets.key_footer import KeyFooter


class PeriodFormScreen(FormScreen[tuple[date, date] | None]):
    CSS_PATH = ["forms.tcss"]
    BINDINGS = [
        key("ctrl+s", "save", "period.show", "period.show", priority=True),
        key("escape", "cancel", "form.cancel", "period.cancel"),
    ]

    def __init__(self, start: date, end: date, today: date) -> None:
        super().__init__()
        self.start, self.end, self.today = start, end, today

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form"):
            yield Static(t("period.title"), classes="form-title", markup=False)
            yield from self._row(
                "start",
                "period.start",
                Input(format_date(self.start), id="start", compact=True, select_on_focus=True),
            )
            yield from self._row(
                "end",
                "period.end",
                Input(format_date(self.end), id="end", compact=True, select_on_focus=True),
            )
            yield Static(t("period.hint"), classes="message", markup=False)
            yield FieldMessage(id="form-message", classes="message")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._initial = self.typed()  # Esc asks before throwing away what was typed
        self.query_one("#start", Input).focus()

    def typed(self) -> tuple[str, str]:
        return self.query_one("#start", Input).value, self.query_one("#end", Input).value

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "end":
            self.action_save()
        else:
            self.focus_next()

    def action_save(self) -> None:
        start = self.query_one("#start", Input).value
        end = self.query_one("#end", Input).value
        for name in ("start", "end"):
            message = self.query_one(f"#{name}-message", Static)
            message.update("")
            message.set_class(False, "error")
        try:
            days = parse_period(start, end, self.today)
        except ValidationFailed as failed:
            for name, error in failed.errors.items():
                message = self.query_one(f"#{name}-message", Static)
                message.update(t(error.key, **error.params))
                message.set_class(True, "error")
            return
        self.dismiss(days)
