"""Erase a participant for good, after typing their name: every row, and no byte left behind."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Static

from tp_tui.i18n import t
from tp_tui.keys import key
from tp_tui.services.erasure import ErasureRefused, ErasureResult, erase, plan_erasure
from tp_tui.text import literal, one_line
from tp_tui.views.base import TpModalScreen
from tp_tui.widgets.key_footer import KeyFooter


class EraseScreen(TpModalScreen[ErasureResult | None]):
    CSS_PATH = ["forms.tcss"]
    DEFAULT_CSS = (
        "EraseScreen { align: center middle; } EraseScreen .form { border: thick $error; }"
    )
    BINDINGS = [key("escape", "cancel", "form.cancel", "erase.cancel")]

    def __init__(self, participant_id: int) -> None:
        super().__init__()
        self.participant_id = participant_id

    def compose(self) -> ComposeResult:
        plan = plan_erasure(self.participant_id)
        lines = [t("erase.plan.title", id=plan.participant_id, name=one_line(plan.name))]
        lines += [
            t("erase.plan.line", label=t(f"erase.table.{table}"), count=count)
            for table, count in plan.counts.items()
        ]
        lines.append(t("erase.plan.kept", id=plan.participant_id))
        with VerticalScroll(classes="form"):
            yield Static(literal("\n".join(lines)))
            yield Static(t("erase.tui_prompt"), markup=False)
            yield Input(id="typed-name", compact=True)
            yield Static("", id="erase-message", classes="message form-message", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            self.dismiss(None)
            return
        try:
            result = erase(self.participant_id, event.value, self.tp.clock)
        except ErasureRefused as refused:
            message = self.query_one("#erase-message", Static)
            message.update(t(refused.key, **refused.params))
            message.set_class(True, "error")
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)
