"""Statistics for any period: the report's figures in a table, and the charts beside them.

Nothing here shows a name: the figures are counts, and counts of 1–4 people show as "< 5".
"""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.widgets import DataTable, Header, Static, TabbedContent, TabPane
from textual_plotext import PlotextPlot

from tp_tui.export.chart_data import charts
from tp_tui.export.statistics import rows
from tp_tui.i18n import format_date, t
from tp_tui.keys import key
from tp_tui.services.statistics import PeriodStats, period_stats
from tp_tui.services.stats_period import preset, which_preset
from tp_tui.text import cell
from tp_tui.views.background import run_slow, running
from tp_tui.views.base import TpScreen
from tp_tui.views.stats_charts import draw
from tp_tui.widgets.key_footer import KeyFooter
from tp_tui.widgets.lazy_table import LazyTable
from tp_tui.widgets.row_detail import RowDetail, ShowsRowDetail

TABS = ("figures", "weeks", "stages", "areas")
COUNTING = "statistics"  # the job that counts a period


class StatisticsScreen(ShowsRowDetail, TpScreen[None]):
    DEFAULT_CSS = """
    #period { height: auto; padding: 0 1; text-style: bold; }
    #note { height: auto; padding: 0 1; color: $text-muted; }
    #tabs { height: 1fr; }
    #figures-table { height: 1fr; }
    PlotextPlot { height: 1fr; }
    .empty-chart { padding: 1 2; color: $text-muted; }
    """
    BINDINGS = [
        key("m", "period('month')", "stats_screen.month", "stats_screen.month"),
        key("y", "period('year')", "stats_screen.year", "stats_screen.year"),
        key("l", "period('last_year')", "stats_screen.last_year", "stats_screen.last_year"),
        key("p", "choose_period", "stats_screen.choose", "stats_screen.choose"),
        key("x", "export", "stats_screen.export", "stats_screen.export"),
        key("s", "survey", "stats_screen.survey", "stats_screen.survey"),
        *[
            key(
                str(n),
                f"tab('{tab}')",
                f"stats_screen.tab.{tab}",
                f"stats_screen.tab_{n}",
                show=False,
            )
            for n, tab in enumerate(TABS, start=1)
        ],
    ]

    def __init__(self) -> None:
        super().__init__()
        self.start: date | None = None
        self.end: date | None = None
        self.stats: PeriodStats | None = None
        self._count_again = False
        self._counted: tuple[date, date] | None = None
        """The period being counted, or counted last."""
        self._export_when_counted = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="period", markup=False)
        yield Static(t("stats_screen.note"), id="note", markup=False)
        with TabbedContent(id="tabs"):
            for number, tab in enumerate(TABS, start=1):
                with TabPane(f"{number} {t(f'stats_screen.tab.{tab}')}", id=f"tab-{tab}"):
                    if tab == "figures":
                        figures = LazyTable(
                            id="figures-table", cursor_type="row", zebra_stripes=True
                        )
                        # The figure's words get what its number leaves: at 80 columns the
                        # numbers stay on screen; a very long label ends in "…".
                        figures.flexible = 1
                        yield figures
                    else:
                        yield PlotextPlot(id=f"chart-{tab}")
                        yield Static(
                            t("stats_screen.nothing_to_draw"),
                            id=f"empty-{tab}",
                            classes="empty-chart",
                            markup=False,
                        )
        # A figure's words in full, for the row under the cursor ("… median o…" at 80 columns).
        yield RowDetail(id="row-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#figures-table", DataTable)
        # The value first: the figures' words are long, and at 80 columns a value after them
        # would be off the screen.
        table.add_column(cell(t("stats_screen.column.value")), key="value")
        table.add_column(cell(t("stats_screen.column.figure")), key="figure")

    def on_screen_resume(self) -> None:
        # Also sent when first shown. Figures may have changed since: count again.
        if self.start is None or self.end is None:
            self.start, self.end = preset("year", self.tp.clock.now().date())
        self.load()

    def show_period(self, start: date, end: date) -> None:
        self.start, self.end = start, end
        self.load()

    def load(self) -> None:
        """Count the period in a thread (seconds on a big file): the keys are answered
        meanwhile, and the figures shown when counted. A period chosen while one is counted
        is counted after it."""
        assert self.start is not None and self.end is not None
        start, end, settings = self.start, self.end, self.tp.settings
        if running(self.app, COUNTING) and self._counted == (start, end):
            return  # being counted now (a screen shown twice at once): once is enough
        self._counted = (start, end)
        if not run_slow(
            self.app,
            COUNTING,
            lambda: period_stats(start, end, settings),
            self._show,
            busy=self._counting,
        ):
            self._count_again = True

    def _counting(self, busy: bool) -> None:
        if self.is_attached:
            self.query_one("#tabs", TabbedContent).loading = busy

    def _show(self, stats: PeriodStats) -> None:
        if self._count_again:
            self._count_again = False
            self.load()  # the period asked for while this one was counted
            return
        if not self.is_attached:
            return
        today = self.tp.clock.now().date()
        self.stats = stats
        named = which_preset(stats.start, stats.end, today)
        title = t("stats.title", start=format_date(stats.start), end=format_date(stats.end))
        if named:
            title += f" · {t(f'stats_screen.{named}_named')}"
        self.query_one("#period", Static).update(title)
        self._fill_table(stats)
        if self._export_when_counted:
            self._export_when_counted = False
            self.action_export()
        for chart, tab in zip(charts(stats), TABS[1:], strict=True):
            drawn = draw(self.query_one(f"#chart-{tab}", PlotextPlot), chart)
            self.query_one(f"#chart-{tab}").display = drawn
            self.query_one(f"#empty-{tab}").display = not drawn

    def _fill_table(self, stats: PeriodStats) -> None:
        table = self.query_one("#figures-table", DataTable)
        table.clear()
        current = ""
        for section, figure, value in rows(stats):
            if section != current:
                table.add_row("", cell(section, "bold"), key=f"s{table.row_count}")
                current = section
            label = cell(figure)
            label.pad_left(2)  # under its section heading
            # Keyed, so the line under the table can show the row under the cursor.
            table.add_row(cell(value), label, key=f"f{table.row_count}")

    def action_period(self, name: str) -> None:
        self.show_period(*preset(name, self.tp.clock.now().date()))

    def action_choose_period(self) -> None:
        from tp_tui.views.period_form import PeriodFormScreen

        def chosen(days: tuple[date, date] | None) -> None:
            if days is not None:
                self.show_period(*days)

        assert self.start is not None and self.end is not None
        self.app.push_screen(
            PeriodFormScreen(self.start, self.end, self.tp.clock.now().date()), chosen
        )

    def action_tab(self, tab: str) -> None:
        self.query_one("#tabs", TabbedContent).active = f"tab-{tab}"

    def action_export(self) -> None:
        from tp_tui.views.statistics_export import export_statistics

        if self.stats is None:  # x pressed before the first count ended: export when counted
            self._export_when_counted = True
        else:
            export_statistics(self.tp, self.stats)

    def action_survey(self) -> None:
        from tp_tui.views.survey_form import open_survey_form

        open_survey_form(self.app, after=self.load)
