"""Choices for an export: format, week (for the callback list), what to include, where to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Static

from tp_tui.dates import DateParseError
from tp_tui.i18n import t
from tp_tui.keys import key
from tp_tui.services.summary_since import parse_since
from tp_tui.views.form_base import FormScreen
from tp_tui.widgets.choice import KeyChoice, Option
from tp_tui.widgets.key_footer import KeyFooter


@dataclass(frozen=True)
class ExportRequest:
    fmt: str
    week: str
    options: tuple[str, ...]  # "initials", "notes", "print"
    path: str
    since: date | None = None
    """The summary's first day as given (None: since the last group meeting)."""


class ExportDialog(FormScreen[ExportRequest | None]):
    CSS_PATH = ["forms.tcss"]
    BINDINGS = [
        key("ctrl+s", "go", "export.go", "export.go", priority=True),
        key("escape", "cancel", "form.cancel", "export.cancel"),
    ]

    def __init__(
        self,
        title: str,
        formats: list[tuple[str, str]],
        options: list[tuple[str, str]],
        path_for: dict[str, str],
        with_week: bool = False,
        with_since: bool = False,
    ) -> None:
        super().__init__()
        self.heading = title
        self.formats = formats
        self.options = options
        self.path_for = path_for
        self.with_week = with_week
        self.with_since = with_since

    def compose(self) -> ComposeResult:
        first = self.formats[0][0]
        formats = [Option(code, label, label[0].lower()) for code, label in self.formats]
        options = [Option(code, label, label[0].lower()) for code, label in self.options]
        with VerticalScroll(classes="form"):
            yield Static(self.heading, classes="form-title", markup=False)
            yield from self._row(
                "format", "export.field.format", KeyChoice(formats, first, id="format")
            )
            if self.with_week:
                yield from self._row(
                    "week",
                    "export.field.week",
                    Input(id="week", compact=True, placeholder=t("export.week_placeholder")),
                )
            yield from self._row(
                "options", "export.field.options", KeyChoice(options, multiple=True, id="options")
            )
            if self.with_since:  # after the options: the keys learnt for them stay as they were
                yield from self._since_row()
            yield from self._row(
                "path", "export.field.path", Input(self.path_for[first], id="path", compact=True)
            )
            yield Static(t("export.hint"), classes="message", markup=False)
        yield KeyFooter()

    def _since_row(self) -> ComposeResult:
        yield from self._row(
            "since",
            "export.field.since",
            Input(id="since", compact=True, placeholder=t("export.since_placeholder")),
        )

    def _since(self) -> tuple[bool, date | None]:
        """Whether the 'since' field holds a usable day, and the day; a bad one is told."""
        if not self.with_since:
            return True, None
        message = self.query_one("#since-message", Static)
        try:
            day = parse_since(self.query_one("#since", Input).value, self.tp.clock.today())
        except DateParseError as error:
            message.update(t(error.key, **error.params))
            message.set_class(True, "error")
            self.query_one("#since", Input).focus()
            return False, None
        message.update("")
        message.set_class(False, "error")
        return True, day

    def on_mount(self) -> None:
        self._initial = self.typed()  # Esc asks before throwing away what was chosen
        self.query_one("#format", KeyChoice).focus()

    def typed(self) -> tuple[object, ...]:
        fields = (str(field.value) for field in self.query(Input))
        return (*fields, *(tuple(choice.values) for choice in self.query(KeyChoice)))

    @on(KeyChoice.Changed, "#format")
    def _format_changed(self) -> None:
        fmt = self.query_one("#format", KeyChoice).value or self.formats[0][0]
        self.query_one("#path", Input).value = self.path_for[fmt]

    def on_input_submitted(self) -> None:
        self.action_go()

    def action_go(self) -> None:
        week = self.query_one("#week", Input).value if self.with_week else ""
        usable, since = self._since()
        if not usable:
            return
        self.dismiss(
            ExportRequest(
                fmt=self.query_one("#format", KeyChoice).value or self.formats[0][0],
                week=week,
                options=tuple(self.query_one("#options", KeyChoice).values),
                path=self.query_one("#path", Input).value,
                since=since,
            )
        )
