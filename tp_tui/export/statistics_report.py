"""The period's statistics as one self-contained HTML page: the tables and three SVG charts.

No scripts, fonts or images from elsewhere: the page opens offline and prints on A4. Every
piece of text is escaped here, once, whatever it is: a meeting place called ``<script>`` or
``=HYPERLINK(…)`` is shown as those characters. Counts of 1–4 people arrive already hidden
(``rows`` and :mod:`~tp_tui.export.chart_data`); a hidden bar is a hatched stub marked "< 5".
"""

from __future__ import annotations

import html
from itertools import groupby

from tp_tui.export.chart_data import (
    BAR_COLOUR,
    MASKED_COLOUR,
    MASKED_TEXT,
    Chart,
    chart_ticks,
    charts,
    colour_of,
    ink_on,
    label_step,
    stack,
    tint,
)
from tp_tui.export.html_page import html_page
from tp_tui.export.statistics import rows
from tp_tui.i18n import format_date, t
from tp_tui.services.statistics import PeriodStats

WIDTH = 680  # the SVG's own units; the page scales it to the column
STUB = 9  # height of a hidden value's stub: the same for every hidden value, whatever it is
FONT = "Helvetica, Arial, sans-serif"

_CSS = """
@page { size: A4; margin: 15mm; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: 10.5pt;
       line-height: 1.4; color: #111; background: #fff; max-width: 180mm; margin: 8mm auto;
       padding: 0 4mm; }
h1 { font-size: 17pt; margin: 0 0 1.5mm; }
p.note { color: #444; font-size: 9.5pt; margin: .5mm 0; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; padding-bottom: .5mm; border-bottom: .3mm solid #999;
     break-after: avoid; page-break-after: avoid; }
figure { margin: 3mm 0 7mm; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: bold; font-size: 11pt; margin-bottom: 1mm; }
svg { display: block; width: 100%; height: auto; }
table { width: 100%; border-collapse: collapse; }
thead { display: table-header-group; }
th { text-align: left; font-size: 8.5pt; font-weight: normal; color: #444;
     padding: 1mm 2mm 1mm 0; border-bottom: .3mm solid #000; }
td { vertical-align: top; padding: 1mm 2mm 1mm 0; border-bottom: .2mm solid #ccc;
     overflow-wrap: anywhere; }
th.value, td.value { text-align: right; white-space: nowrap; width: 28mm; padding-right: 0;
                     font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; page-break-inside: avoid; }
@media print { body { margin: 0; max-width: none; padding: 0; } }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _n(number: float) -> str:
    """A coordinate, short: 12.0 -> "12", 12.25 -> "12.2"."""
    return f"{number:.1f}".removesuffix(".0")


def _text(
    x: float,
    y: float,
    text: str,
    size: float = 11,
    anchor: str = "middle",
    fill: str = "#222222",
    css: str = "",
) -> str:
    kind = f' class="{css}"' if css else ""
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}" text-anchor="{anchor}" '
        f'fill="{fill}"{kind}>{_e(text)}</text>'
    )


def _rect(x: float, y: float, w: float, h: float, fill: str, css: str = "") -> str:
    kind = f' class="{css}"' if css else ""
    return f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" fill="{fill}"{kind}/>'


def _line(x1: float, y1: float, x2: float, y2: float, colour: str, width: float = 1) -> str:
    return (
        f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
        f'stroke="{colour}" stroke-width="{_n(width)}"/>'
    )


def _svg(chart: Chart, height: float, body: list[str]) -> str:
    """The frame: a title for screen readers and the chart's hatch patterns for hidden values."""
    patterns = [
        f'<pattern id="hatch-{chart.key}-{number}" width="5" height="5" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="5" height="5" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="5" '
        f'stroke="{tint(_stub_colour(chart, number))}" stroke-width="2"/></pattern>'
        for number in (*range(len(chart.series)), -1)
    ]
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {_n(height)}" '
        f'role="img" aria-labelledby="title-{chart.key}" font-family="{FONT}">',
        f'<title id="title-{chart.key}">{_e(chart.title)}</title>',
        f"<defs>{''.join(patterns)}</defs>",
        *body,
        "</svg>",
    ])  # fmt: skip


def _stub_colour(chart: Chart, number: int) -> str:
    """A stacked chart's hidden part is hatched in its series' colour; otherwise grey."""
    return colour_of(number) if len(chart.series) > 1 and number >= 0 else MASKED_COLOUR


def _stub(chart: Chart, number: int, x: float, y: float, w: float, h: float) -> str:
    return (
        f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" '
        f'fill="url(#hatch-{chart.key}-{number})" stroke="{_stub_colour(chart, number)}" '
        'stroke-width="0.8" class="masked"/>'
    )


def _legend(chart: Chart, left: float, top: float) -> tuple[list[str], float]:
    """Swatches in two columns, and the hidden-value swatch on a line of its own."""
    out: list[str] = []
    column = (WIDTH - left) / 2
    named = chart.series if len(chart.series) > 1 else ()  # one series needs no key
    for index, series in enumerate(named):
        x = left + (index % 2) * column
        y = top + (index // 2) * 18
        out.append(_rect(x, y, 12, 12, colour_of(index)))
        out.append(_text(x + 18, y + 10, series.name, anchor="start"))
    bottom = top + ((len(named) + 1) // 2) * 18
    if chart.masked:
        out.append(_stub(chart, -1, left, bottom, 12, 12))
        out.append(_text(left + 18, bottom + 10, t("report.masked_legend"), anchor="start"))
        bottom += 18
    return out, bottom


def upright_svg(chart: Chart) -> str:
    """Bars standing on a time axis, one series or several stacked, with a legend for stacks."""
    left, right, top, plot = 46.0, WIDTH - 8.0, 24.0, 190.0
    bottom = top + plot
    single = len(chart.series) == 1
    columns = [stack(chart, index) for index in range(len(chart.labels))]
    # Room above the tallest stack for its stubs and a label, so nothing runs off the top.
    reserve = max((len(hidden) for _, hidden in columns), default=0) * (STUB + 1) + 14
    ticks = chart_ticks(chart)
    scale = (plot - reserve) / ticks[-1]
    body = [_text(left - 6, top - 10, chart.unit, size=10, anchor="start", fill="#555555")]
    for tick in ticks:
        y = bottom - tick * scale
        body.append(_line(left, y, right, y, "#dddddd" if tick else "#333333"))
        body.append(_text(left - 6, y + 4, str(tick), size=10, anchor="end", fill="#555555"))
    slot = (right - left) / max(1, len(chart.labels))
    width = min(48.0, slot * 0.72)
    step = label_step(len(chart.labels), int((right - left) // 62))
    for index, (label, (shown_parts, hidden)) in enumerate(zip(chart.labels, columns, strict=True)):
        middle = left + slot * (index + 0.5)
        if index % step == 0:
            body.append(_text(middle, bottom + 16, label, size=10, fill="#333333"))
        y = bottom
        for number, value in shown_parts:
            height = value * scale
            y -= height
            colour = BAR_COLOUR if single else colour_of(number)
            body.append(_rect(middle - width / 2, y, width, height, colour))
            if not single and height >= 12 and width >= 16:
                body.append(_text(middle, y + height / 2 + 3.5, str(value), size=9.5,
                                  fill=ink_on(colour), css="value"))  # fmt: skip
        for number in hidden:
            y -= STUB + (1 if y < bottom else 0)
            body.append(_stub(chart, number, middle - width / 2, y, width, STUB))
            if not single and width >= 22:
                body.append(_text(middle, y + STUB - 1.5, MASKED_TEXT, size=7.5, css="masked"))
        if single and slot >= 16:
            text = MASKED_TEXT if hidden else str(shown_parts[0][1] if shown_parts else 0)
            body.append(_text(middle, y - 3, text, size=9, css="masked" if hidden else "value"))
    height = bottom + 26
    if not single or chart.masked:
        legend, height = _legend(chart, left, bottom + 32)
        body += legend
    return _svg(chart, height + 4, body)


def lying_svg(chart: Chart) -> str:
    """One series as bars lying down: room for long labels such as the life areas."""
    longest = max((len(label) for label in chart.labels), default=0)
    left = min(280.0, 14 + longest * 6.3)
    right, top, row = WIDTH - 44.0, 22.0, 24.0
    bottom = top + row * len(chart.labels)
    ticks = chart_ticks(chart)
    scale = (right - left) / ticks[-1]
    body = [_text(left, top - 10, chart.unit, size=10, anchor="start", fill="#555555")]
    for tick in ticks:
        x = left + tick * scale
        body.append(_line(x, top, x, bottom, "#dddddd" if tick else "#333333"))
        body.append(_text(x, bottom + 15, str(tick), size=10, fill="#555555"))
    for index, label in enumerate(chart.labels):
        y = top + index * row
        body.append(_text(left - 8, y + row / 2 + 4, label, anchor="end", fill="#222222"))
        value = chart.series[0].values[index]
        if value is None:
            body.append(_stub(chart, 0, left, y + 5, STUB, row - 10))
            body.append(_text(left + STUB + 5, y + row / 2 + 4, MASKED_TEXT, size=10,
                              anchor="start", css="masked"))  # fmt: skip
            continue
        width = value * scale
        body.append(_rect(left, y + 5, width, row - 10, BAR_COLOUR))
        body.append(_text(left + width + 5, y + row / 2 + 4, str(value), size=10,
                          anchor="start", css="value"))  # fmt: skip
    return _svg(chart, bottom + 24, body)


def chart_svg(chart: Chart) -> str:
    return lying_svg(chart) if chart.kind == "horizontal" else upright_svg(chart)


def _table(lines: list[tuple[str, str]]) -> list[str]:
    head = (f'<thead><tr><th>{_e(t("report.col.figure"))}</th>'
            f'<th class="value">{_e(t("report.col.value"))}</th></tr></thead>')  # fmt: skip
    body = [f'<tr><td>{_e(figure)}</td><td class="value">{_e(value)}</td></tr>'
            for figure, value in lines]  # fmt: skip
    return ["<table>", head, "<tbody>", *body, "</tbody>", "</table>"]


def render_html(stats: PeriodStats) -> str:
    """A standalone page; a policy that allows no scripts backs up the escaping."""
    title = _e(t("stats.title", start=format_date(stats.start), end=format_date(stats.end)))
    out = [
        f"<h1>{title}</h1>",
        f'<p class="note">{_e(t("stats.small_groups"))}</p>',
        f'<p class="note">{_e(t("stats.overlapping"))}</p>',
        f'<p class="note">{_e(t("report.note"))}</p>',
        '<section class="charts">',
        f"<h2>{_e(t('report.charts'))}</h2>",
    ]
    for chart in charts(stats):
        caption = f"<figcaption>{_e(chart.title)}</figcaption>"
        out += [f'<figure id="chart-{chart.key}">', caption, chart_svg(chart), "</figure>"]
    out.append("</section>")
    for section, lines in groupby(rows(stats), key=lambda row: row[0]):
        out += ['<section class="figures">', f"<h2>{_e(section)}</h2>"]
        out += _table([(figure, value) for _, figure, value in lines])
        out.append("</section>")
    return html_page(title, _CSS, out)
