"""Erase a participant for good, after typing their name: every row, and no byte left behind."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Input, Static

from tp_tui.erasure_words import plan_lines
from tp_tui.i18n import t
from tp_tui.keys import key
from tp_tui.services.erasure import ErasureRefused, ErasureResult, erase, plan_erasure
from tp_tui.text import literal
from tp_tui.views.background import run_slow, running
from tp_tui.views.base import TpModalScreen
from tp_tui.widgets.key_footer import KeyFooter

ERASING = "erase"  # the job: delete the rows, then rebuild the file (seconds on a big one)


class EraseScreen(TpModalScreen[ErasureResult | None]):
    CSS_PATH = ["forms.tcss"]
    DEFAULT_CSS = (
        "EraseScreen { align: center middle; } EraseScreen .form { border: thick $error; }"
    )
    BINDINGS = [
        key("escape", "cancel", "form.cancel", "erase.cancel"),
        key("f2", "toggle_keep", "erase.keep_unlinked", "erase.keep_unlinked"),
    ]

    keep_unlinked: reactive[bool] = reactive(False, bindings=True)
    """Keep the rows that name them without being theirs (calls to a free name, notes)."""

    def __init__(self, participant_id: int) -> None:
        super().__init__()
        self.participant_id = participant_id
        self.plan = plan_erasure(participant_id)

    def _plan_text(self) -> Text:
        return literal("\n".join(plan_lines(self.plan, self.keep_unlinked, in_app=True)))

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form"):
            yield Static(self._plan_text(), id="erase-plan")
            yield Static(t("erase.tui_prompt"), markup=False)
            yield Input(id="typed-name", compact=True)
            yield Static("", id="erase-message", classes="message form-message", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if running(self.app, ERASING):
            return
        if not event.value.strip():
            self.dismiss(None)
            return
        typed, keep, clock = event.value, self.keep_unlinked, self.tp.clock
        # The rows go, then the file is rebuilt: in a thread, saying so, the screen answering.
        self._say(t("erase.working"), error=False)
        self.query_one(Input).disabled = True
        run_slow(
            self.app,
            ERASING,
            lambda: erase(self.participant_id, typed, clock, keep_unlinked=keep),
            self._erased,
            failed=self._refused,
        )
        self.refresh_bindings()  # no cancelling, no change of choice, while it runs

    def _erased(self, result: ErasureResult) -> None:
        self.dismiss(result)

    def _refused(self, error: Exception) -> None:
        if not isinstance(error, ErasureRefused):
            raise error  # not a refusal: the app's handler says it, as for any other
        self.query_one(Input).disabled = False
        self.query_one(Input).focus()
        self._say(t(error.key, **error.params), error=True)
        self.refresh_bindings()

    def _say(self, text: str, error: bool) -> None:
        message = self.query_one("#erase-message", Static)
        message.update(text)
        message.set_class(error, "error")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if running(self.app, ERASING):
            return False  # half an erasure cannot be cancelled, nor its choice changed
        if action == "toggle_keep":
            return any(self.plan.unlinked.values())  # nothing elsewhere names them: no choice
        return True

    def action_toggle_keep(self) -> None:
        self.keep_unlinked = not self.keep_unlinked

    def watch_keep_unlinked(self) -> None:
        if self.is_mounted:
            self.query_one("#erase-plan", Static).update(self._plan_text())

    def action_cancel(self) -> None:
        self.dismiss(None)
