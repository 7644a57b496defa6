"""Move a participant to another stage: when, why; closing asks why it ends."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from tp_tui.domain import ClosingReason, Stage
from tp_tui.i18n import t
from tp_tui.keys import key
from tp_tui.text import one_line
from tp_tui.views.form_base import FormScreen
from tp_tui.widgets.choice import KeyChoice, Option, with_hotkeys
from tp_tui.widgets.field_message import FieldMessage
from tp_tui.widgets.key_footer import KeyFooter


@dataclass(frozen=True)
class StageChange:
    stage: Stage
    on: str
    reason: str
    closing_reason: str | None


class StageFormScreen(FormScreen[StageChange | None]):
    CSS_PATH = ["forms.tcss"]
    DEFAULT_CSS = """
    #closing-row, #closing_reason-message { display: none; }
    #closing-row.shown, #closing_reason-message.shown { display: block; }
    """
    BINDINGS = [
        key("ctrl+s", "save", "form.save", "stage_form.save", priority=True),
        key("escape", "cancel", "form.cancel", "stage_form.cancel"),
    ]

    def __init__(
        self,
        name: str,
        current: Stage | None,
        errors: dict[str, str] | None = None,
        typed: StageChange | None = None,
    ) -> None:
        super().__init__()
        self.who = name
        self.current = current
        self.errors = errors or {}
        self.typed_before = typed

    def _suggested(self) -> Stage:
        return Stage(min(int(self.current) + 1, 6)) if self.current else Stage.ESTABLISH

    def compose(self) -> ComposeResult:
        typed = self.typed_before
        suggested = typed.stage if typed else self._suggested()
        # The labels start with the stage number, which is also the key.
        stages = [Option(str(int(s)), t(s.label_key).split(" ", 1)[-1], str(int(s))) for s in Stage]
        reasons = with_hotkeys([(r.value, t(r.label_key)) for r in ClosingReason])
        with VerticalScroll(classes="form"):
            yield Static(
                t("stage_form.title", name=one_line(self.who)), classes="form-title", markup=False
            )
            yield from self._row(
                "stage", "stage_form.stage", KeyChoice(stages, str(int(suggested)), id="stage")
            )
            yield from self._row(
                "on",
                "stage_form.on",
                Input(
                    typed.on if typed else t("stage_form.today"),
                    id="on",
                    compact=True,
                    select_on_focus=True,
                ),
            )
            yield from self._row(
                "reason",
                "stage_form.reason",
                Input(
                    typed.reason if typed else "",
                    id="reason",
                    compact=True,
                    placeholder=t("stage_form.reason_placeholder"),
                ),
            )
            with Horizontal(classes="field-row", id="closing-row"):
                yield Label(t("stage_form.closing_reason"), markup=False, classes="field-label")
                yield KeyChoice(
                    reasons, typed.closing_reason if typed else None, id="closing_reason"
                )
            yield FieldMessage(id="closing_reason-message", classes="message")
        yield KeyFooter()

    def _row(self, name: str, label_key: str, field: Widget) -> ComposeResult:
        with Horizontal(classes="field-row"):
            yield Label(t(label_key), markup=False, classes="field-label")
            yield field
        message = FieldMessage(self.errors.get(name, ""), id=f"{name}-message", classes="message")
        message.set_class(name in self.errors, "error")
        yield message

    def on_mount(self) -> None:
        # Esc asks before throwing away what was typed; a form shown again with what was
        # typed before (after a message) holds changes from the start.
        self._initial = StageChange(self._suggested(), t("stage_form.today"), "", None)
        if self.typed_before is None:
            self._initial = self.typed()
        self._closing_visible()
        if "closing_reason" in self.errors:
            self.query_one("#closing_reason-message", Static).update(self.errors["closing_reason"])
        self.query_one("#stage", KeyChoice).focus()

    @on(KeyChoice.Changed, "#stage")
    def _closing_visible(self) -> None:
        closing = self.query_one("#stage", KeyChoice).value == str(int(Stage.CLOSE))
        self.query_one("#closing-row").set_class(closing, "shown")
        self.query_one("#closing_reason-message").set_class(closing, "shown")

    def on_input_submitted(self) -> None:
        self.focus_next()

    def typed(self) -> StageChange | None:
        stage = self.query_one("#stage", KeyChoice).value
        if stage is None:
            return None
        return StageChange(
            Stage(int(stage)),
            self.query_one("#on", Input).value,
            self.query_one("#reason", Input).value,
            self.query_one("#closing_reason", KeyChoice).value,
        )

    def action_save(self) -> None:
        change = self.typed()
        if change is not None:
            self.dismiss(change)
