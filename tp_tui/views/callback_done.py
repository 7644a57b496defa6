"""Mark a call returned: how it went, and when to try again if nobody answered."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from tp_tui.domain import CallbackOutcome
from tp_tui.i18n import t
from tp_tui.keys import key
from tp_tui.text import one_line
from tp_tui.widgets.choice import KeyChoice, with_hotkeys
from tp_tui.widgets.key_footer import KeyFooter
from tp_tui.widgets.modal import CentredModal


@dataclass(frozen=True)
class CallbackDone:
    outcome: str
    retry: str  # when to call again after "no answer"; "" for not at all


class CallbackDoneScreen(CentredModal[CallbackDone | None]):
    CSS_PATH = ["forms.tcss"]
    DEFAULT_CSS = """
    #retry-row { height: auto; display: none; }
    #retry-row.shown { display: block; }
    """
    BINDINGS = [
        key("ctrl+s", "save", "form.save", "callback_done.save", priority=True),
        key("escape", "cancel", "form.cancel", "callback_done.cancel"),
    ]

    def __init__(self, name: str, reason: str) -> None:
        super().__init__()
        self.who = name
        self.reason = reason

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static(
                t("callback_done.title", name=one_line(self.who)),
                classes="form-title",
                markup=False,
            )
            yield Static(one_line(self.reason), markup=False)
            yield Static(t("callback_done.how"), markup=False)
            yield KeyChoice(
                with_hotkeys([(o.value, t(o.label_key)) for o in CallbackOutcome]), id="outcome"
            )
            with Vertical(id="retry-row"):
                yield Static(t("callback_done.retry"), markup=False)
                yield Input(
                    t("callback_done.retry_default"), id="retry", compact=True, select_on_focus=True
                )
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#outcome", KeyChoice).focus()

    @on(KeyChoice.Changed, "#outcome")
    def _outcome(self) -> None:
        outcome = self.query_one("#outcome", KeyChoice).value
        if outcome == CallbackOutcome.NO_ANSWER.value:
            self.query_one("#retry-row").add_class("shown")
            self.query_one("#retry", Input).focus()
        else:
            self.action_save()

    @on(Input.Submitted, "#retry")
    def action_save(self) -> None:
        outcome = self.query_one("#outcome", KeyChoice).value
        if outcome is None:
            self.notify(t("callback_done.choose"), markup=False, severity="warning")
            return
        retry = self.query_one("#retry", Input).value if outcome == "no_answer" else ""
        self.dismiss(CallbackDone(outcome, retry))

    def action_cancel(self) -> None:
        self.dismiss(None)
