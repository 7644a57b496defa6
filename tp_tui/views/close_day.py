"""Before going home: the calls not yet returned and the rounds not yet logged."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from tp_tui.i18n import format_date, format_time, t
from tp_tui.keys import key
from tp_tui.phone import format_phone
from tp_tui.services.day_end import DayEnd
from tp_tui.text import literal, one_line
from tp_tui.widgets.key_footer import KeyFooter
from tp_tui.widgets.modal import CentredModal


class CloseDayScreen(CentredModal[str | None]):
    """Dismisses with "callbacks" to go and return the calls, or None."""

    CSS_PATH = ["forms.tcss", "close_day.tcss"]
    BINDINGS = [
        key("c", "go('callbacks')", "close_day.to_callbacks", "close_day.to_callbacks"),
        key("escape,enter", "go('')", "close_day.close", "close_day.close"),
    ]

    def __init__(self, summary: DayEnd) -> None:
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        summary = self.summary
        with VerticalScroll(classes="form"):
            yield Static(t("close_day.title"), classes="form-title", markup=False)
            yield _said(
                t(
                    "close_day.logged",
                    contacts=t("close_day.contacts_logged", count=summary.contacts_logged),
                    callbacks=t("close_day.calls_returned", count=summary.callbacks_returned),
                )
            )
            if summary.callbacks_open:
                yield _said(t("close_day.callbacks_open", count=len(summary.callbacks_open)))
                for line in summary.callbacks_open:
                    when = format_time(line.due_at)
                    if line.overdue:
                        when = f"{format_date(line.due_at.date())} {when}"
                    # No box: nothing here ticks; c goes to the calls, where they are returned.
                    yield _item(
                        when,
                        f"{one_line(line.name)}  {format_phone(line.phone)}  "
                        f"{one_line(line.reason)}",
                    )
            if summary.rounds_missing:
                yield _said(t("close_day.rounds_missing"))
                for status in summary.rounds_missing:
                    yield _item(one_line(status.place), f"({format_date(status.planned_on)})")
            if summary.all_done:
                yield _said(t("close_day.all_done"))
        yield KeyFooter()

    def action_go(self, where: str) -> None:
        self.dismiss(where or None)


def _said(text: str) -> Static:
    return Static(literal(text), classes="said")


def _item(first: str, rest: str) -> Horizontal:
    """One call or round: what comes first on the left, and the rest in a column of its own,
    so a long reason that wraps stays under the reason, not under the time."""
    return Horizontal(
        Static(literal(first), classes="first"),
        Static(literal(rest), classes="rest"),
        classes="item",
    )
