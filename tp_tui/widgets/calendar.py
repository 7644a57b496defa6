"""A small month calendar for those who would rather pick a day than type it."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from tp_tui.i18n import t
from tp_tui.keys import key
from tp_tui.widgets.key_footer import KeyFooter
from tp_tui.widgets.modal import CentredModal


class MonthGrid(Widget, can_focus=True):
    """Weeks as rows (ISO week number first), Monday to Sunday; the chosen day reversed."""

    DEFAULT_CSS = "MonthGrid { height: auto; width: 30; }"

    day: reactive[date] = reactive(date(2026, 1, 1), layout=True)
    """The highlighted day."""

    def __init__(self, day: date, today: date) -> None:
        super().__init__()
        self.today = today
        self.set_reactive(MonthGrid.day, day)

    def render(self) -> Text:
        text = Text(no_wrap=True)
        month_name = t(f"month.{self.day.month}")
        text.append(f"{month_name} {self.day.year}\n", style="bold")
        text.append(t("calendar.week_short").rjust(3) + " ", style="dim")
        for number in range(7):
            text.append(t(f"weekday.{number}")[:2].rjust(3))
        text.append("\n")
        for week in calendar.Calendar().monthdatescalendar(self.day.year, self.day.month):
            text.append(f"{week[0].isocalendar().week:>3} ", style="dim")
            for day in week:
                style = "reverse bold" if day == self.day else ""
                if day.month != self.day.month:
                    style += " dim"
                if day == self.today:
                    style += " underline"
                text.append(f"{day.day:>3}", style=style.strip())
            text.append("\n")
        return text


class CalendarScreen(CentredModal[date | None]):
    """Arrows move a day or a week, PgUp/PgDn a month; Enter picks, Esc leaves it."""

    DEFAULT_CSS = """
    CalendarScreen > Vertical {
        width: 34; height: auto; border: thick $primary; background: $surface; padding: 0 1;
    }
    """
    BINDINGS = [
        key("left", "move(-1)", "calendar.day_back", "calendar.left", show=False),
        key("right", "move(1)", "calendar.day_forward", "calendar.right", show=False),
        key("up", "move(-7)", "calendar.week_back", "calendar.up", show=False),
        key("down", "move(7)", "calendar.week_forward", "calendar.down", show=False),
        key("pageup", "month(-1)", "calendar.month_back", "calendar.month_back"),
        key("pagedown", "month(1)", "calendar.month_forward", "calendar.month_forward"),
        key("enter", "pick", "calendar.pick", "calendar.pick"),
        key("escape", "cancel", "form.cancel", "calendar.cancel"),
    ]

    def __init__(self, day: date, today: date) -> None:
        super().__init__()
        self.start = day
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("calendar.title"), markup=False)
            yield MonthGrid(self.start, self.today)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(MonthGrid).focus()

    @property
    def grid(self) -> MonthGrid:
        return self.query_one(MonthGrid)

    def action_move(self, days: int) -> None:
        self.grid.day = self.grid.day + timedelta(days=days)

    def action_month(self, step: int) -> None:
        current = self.grid.day
        month = current.month - 1 + step
        year = current.year + month // 12
        month = month % 12 + 1
        last = calendar.monthrange(year, month)[1]
        self.grid.day = date(year, month, min(current.day, last))

    def action_pick(self) -> None:
        self.dismiss(self.grid.day)

    def action_cancel(self) -> None:
        self.dismiss(None)
