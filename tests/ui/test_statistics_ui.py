"""The statistics screen by keys: a period, the figures, the charts, an export; never a name."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from textual.widgets import DataTable, Static, TabbedContent
from textual_plotext import PlotextPlot

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.export.deliver import exports_dir
from tp_tui.models import Participant
from tp_tui.views.period_form import PeriodFormScreen
from tp_tui.views.statistics import StatisticsScreen

from .helpers import column, settle, type_text


def figures(app: TpApp) -> dict[str, str]:
    table = app.screen.query_one("#figures-table", DataTable)
    return dict(zip(column(table, 1), column(table, 0), strict=True))


def period(app: TpApp) -> str:
    return str(app.screen.query_one("#period", Static).render())


async def test_this_year_last_year_and_a_typed_period(demo_db: Path, clock: FrozenClock) -> None:
    app = TpApp(clock=clock, demo=True)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("f7")
        await settle(pilot)
        assert isinstance(app.screen, StatisticsScreen)
        assert period(app) == "Statistics 01.01.2026 – 26.11.2026 · this year"
        this_year = figures(app)
        assert int(this_year["  Contacts in all"]) > 0
        assert "Participants" in this_year  # a section heading row

        await pilot.press("l")
        await settle(pilot)
        assert period(app) == "Statistics 01.01.2025 – 31.12.2025 · last year"

        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PeriodFormScreen)
        await type_text(pilot, "30.6")
        await pilot.press("tab")
        await type_text(pilot, "1.1")
        await pilot.press("ctrl+s")
        await pilot.pause()
        # the wrong order is said next to the field, and the form keeps what was typed
        assert isinstance(app.screen, PeriodFormScreen)
        message = str(app.screen.query_one("#end-message", Static).render())
        assert message == "“To” must be the same day as or after “from”."
        await pilot.press("shift+tab")
        await type_text(pilot, "1.1")
        await pilot.press("tab")
        await type_text(pilot, "30.6")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StatisticsScreen)
        assert period(app) == "Statistics 01.01.2026 – 30.06.2026"
        first_half = figures(app)
        assert int(first_half["  Contacts in all"]) < int(this_year["  Contacts in all"])


async def test_charts_are_drawn_and_no_name_is_shown(demo_db: Path, clock: FrozenClock) -> None:
    names = [p.name for p in Participant.select(Participant.name)]
    app = TpApp(clock=clock, demo=True)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("f7", "2")
        await settle(pilot)
        tabs = app.screen.query_one("#tabs", TabbedContent)
        assert tabs.active == "tab-weeks"
        weeks = app.screen.query_one("#chart-weeks", PlotextPlot)
        drawn = weeks.render()
        assert "Contacts per week" in str(drawn)
        screens = [app.export_screenshot()]
        for tab in ("3", "4", "1"):
            await pilot.press(tab)
            await pilot.pause()
            screens.append(app.export_screenshot())
    for name in names:
        for part in name.split():
            if len(part) > 3:
                assert all(part not in screen for screen in screens), part


async def test_export_csv_from_the_screen(demo_db: Path, clock: FrozenClock) -> None:
    app = TpApp(clock=clock, demo=True)
    target = exports_dir() / "statistikk-20260101-20261126.csv"
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("f7", "x")  # x before the figures are counted: the dialog after
        await settle(pilot)
        await pilot.press("c", "ctrl+s")  # CSV, to the file name it suggests
        await settle(pilot)
    data = target.read_bytes().decode("utf-8")
    assert data.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(data[1:]), delimiter=";"))
    assert rows[0] == ["Section", "Figure", "Value"]
    assert rows[1] == ["Period", "01.01.2026", "26.11.2026"]
    assert target.stat().st_mode & 0o777 == 0o600
