"""Draw a report chart in the terminal with plotext: the same figures as the exported report."""

from __future__ import annotations

from textual_plotext import PlotextPlot

from tp_tui.export.chart_data import Chart, chart_ticks, highest_shown, label_step
from tp_tui.i18n import t

# More labels than this under a chart run together; every n-th one is shown instead.
MOST_LABELS = 12


def _ticks(labels: tuple[str, ...]) -> tuple[list[float], list[str]]:
    step = label_step(len(labels), MOST_LABELS)
    shown = range(0, len(labels), step)
    return [i + 1.0 for i in shown], [labels[i] for i in shown]


def draw(plot: PlotextPlot, chart: Chart) -> bool:
    """Draw ``chart``; False when nothing could be drawn (no data, or every group under 5)."""
    plt = plot.plt
    plt.clear_figure()
    if not chart.labels or highest_shown(chart) == 0:
        plot.refresh()
        return False
    title = chart.title
    # A group of 1–4 people is not drawn at its height: it would single someone out.
    if chart.masked:
        title += "  " + t("stats_screen.masked")
    plt.title(title)
    labels = chart.labels
    if chart.key == "weeks":
        # "uke 47" under every bar does not fit a terminal: the number, and "uke" once below.
        labels = tuple(label.rsplit(" ", 1)[-1] for label in labels)
        plt.xlabel(t("stats_screen.week_axis"))
    positions = list(range(1, len(labels) + 1))
    series = [(name, [value or 0 for value in values]) for name, values in chart.series]
    ticks = [float(tick) for tick in chart_ticks(chart)]
    tick_labels = [str(int(tick)) for tick in ticks]
    if chart.kind == "horizontal":
        plt.bar(list(labels), series[0][1], orientation="horizontal", width=0.6)
        plt.xticks(ticks, tick_labels)
    else:
        if len(series) > 1:
            # plotext takes ``labels`` here; textual-plotext's copy of the signature says ``label``
            plt.stacked_bar(  # type: ignore[call-arg]
                positions, [v for _, v in series], labels=[n for n, _ in series]
            )
        else:
            plt.bar(positions, series[0][1], width=0.6)
        plt.xticks(*_ticks(labels))
        plt.yticks(ticks, tick_labels)
    plot.refresh()
    return True
