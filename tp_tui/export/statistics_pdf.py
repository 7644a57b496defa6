"""The period's statistics as an A4 PDF: title, the three charts and every table.

The charts are drawn with fpdf2's own lines, rectangles and text from the same
:mod:`~tp_tui.export.chart_data` as the HTML page, so both show the same thing. A chart or a
table row never breaks across pages; a table that goes on says so at the top of the next page.
Text goes through :meth:`~tp_tui.export.pdf_fonts.UnicodePdf.shown`, in the shipped font, like
every PDF of tp-tui: a meeting place's name prints as written.
"""

from __future__ import annotations

from itertools import groupby

from fpdf.enums import MethodReturnValue, XPos, YPos

from tp_tui.export.chart_data import (
    BAR_COLOUR,
    MASKED_COLOUR,
    MASKED_TEXT,
    Chart,
    Series,
    chart_ticks,
    charts,
    colour_of,
    ink_on,
    label_step,
    stack,
    tint,
)
from tp_tui.export.pdf_fonts import FAMILY, UnicodePdf
from tp_tui.export.statistics import rows
from tp_tui.i18n import format_date, get_language, t
from tp_tui.services.statistics import PeriodStats

FONT = FAMILY
PLOT = 58.0  # mm: height of an upright chart's plot area
STUB = 3.0  # mm: a hidden value's stub, the same for every hidden value
ROW = 6.5  # mm: one bar of a lying chart
LINE = 4.6  # mm per line of table text
VALUE_WIDTH = 32.0  # mm: the table's value column
MOST_LINES = 6  # of one table row


def _rgb(colour: str) -> tuple[int, int, int]:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return red, green, blue


class _Report(UnicodePdf):
    """A4 pages with the title and "page n of m" at the bottom."""

    def __init__(self, title: str, pages: int) -> None:
        super().__init__()
        self.title_text, self.total_pages = title, pages
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=18)
        self.set_lang(get_language())
        self.set_title(title)
        # Off: fpdf2 would replace "{nb}" inside a meeting place's name with the page count.
        self.alias_nb_pages("")
        self.expect([title])  # the last page's footer is drawn after the end

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FONT, "", 8)
        self.set_text_color(90, 90, 90)
        half = self.epw / 2
        self.cell(half, 5, self.shown(self.title_text))
        if self.total_pages:
            page = t("report.page", page=self.page_no(), pages=self.total_pages)
            self.cell(half, 5, self.shown(page), align="R")

    # -- small drawing helpers ------------------------------------------------------------

    def fill(self, colour: str) -> None:
        self.set_fill_color(*_rgb(colour))

    def write_at(
        self, x: float, y: float, text: str, size: float, align: str = "L", colour: str = "#222222"
    ) -> None:
        """One line of text with its baseline at ``y``; ``x`` is its left, centre or right."""
        self.set_font(FONT, "", size)
        self.set_text_color(*_rgb(colour))
        shown = self.shown(text)
        width = self.get_string_width(shown)
        left = {"L": x, "C": x - width / 2, "R": x - width}[align]
        self.text(left, y, shown)

    def stub(self, x: float, y: float, w: float, h: float, colour: str) -> None:
        """A hatched box for a hidden value; the hatching is cut to the box by hand."""
        self.fill("#ffffff")
        self.rect(x, y, w, h, style="F")
        self.set_draw_color(*_rgb(tint(colour)))
        self.set_line_width(0.25)
        offset = -h
        while offset < w:
            first, last = max(0.0, -offset), min(h, w - offset)
            if first < last:
                self.line(x + offset + first, y + h - first, x + offset + last, y + h - last)
            offset += 1.1
        self.set_draw_color(*_rgb(colour))
        self.rect(x, y, w, h, style="D")

    def grid(self, x1: float, y1: float, x2: float, y2: float, axis: bool) -> None:
        self.set_draw_color(*((51, 51, 51) if axis else (215, 215, 215)))
        self.set_line_width(0.3 if axis else 0.2)
        self.line(x1, y1, x2, y2)

    def heading(self, text: str, size: float = 13) -> None:
        self.set_font(FONT, "B", size)
        self.set_text_color(0, 0, 0)
        self.multi_cell(0, size * 0.5, self.shown(text), align="L",
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # fmt: skip
        self.grid(self.l_margin, self.get_y() + 0.6, self.l_margin + self.epw, self.get_y() + 0.6,
                  axis=False)  # fmt: skip
        self.ln(2.5)


# -- charts ---------------------------------------------------------------------------------


def _named(chart: Chart) -> tuple[Series, ...]:
    """The series a legend names: one series needs no key."""
    return chart.series if len(chart.series) > 1 else ()


def _legend_height(chart: Chart) -> float:
    rows = (len(_named(chart)) + 1) // 2 + chart.masked
    return rows * 5.0 + 3 if rows else 0.0


def chart_height(chart: Chart) -> float:
    """The room a chart takes below its caption, so it can be kept on one page."""
    if chart.kind == "horizontal":
        return 5 + ROW * len(chart.labels) + 8
    return 5 + PLOT + 8 + _legend_height(chart)


def _upright(pdf: _Report, chart: Chart, top: float) -> None:
    left, right = pdf.l_margin + 11, pdf.l_margin + pdf.epw
    pdf.write_at(pdf.l_margin, top + 2.5, chart.unit, 7.5, colour="#555555")
    bottom = top + 5 + PLOT
    single = len(chart.series) == 1
    columns = [stack(chart, index) for index in range(len(chart.labels))]
    # Room above the tallest stack for its stubs and a label, so nothing runs off the top.
    reserve = max((len(hidden) for _, hidden in columns), default=0) * (STUB + 0.4) + 5
    ticks = chart_ticks(chart)
    scale = (PLOT - reserve) / ticks[-1]
    for tick in ticks:
        y = bottom - tick * scale
        pdf.grid(left, y, right, y, axis=tick == 0)
        pdf.write_at(left - 1.5, y + 1.1, str(tick), 7.5, "R", "#555555")
    slot = (right - left) / max(1, len(chart.labels))
    width = min(14.0, slot * 0.72)
    step = label_step(len(chart.labels), int((right - left) // 21))
    for index, (label, (shown_parts, hidden)) in enumerate(zip(chart.labels, columns, strict=True)):
        middle = left + slot * (index + 0.5)
        if index % step == 0:
            pdf.write_at(middle, bottom + 4.2, label, 7.5, "C", "#333333")
        y = bottom
        for number, value in shown_parts:
            height = value * scale
            y -= height
            colour = BAR_COLOUR if single else colour_of(number)
            pdf.fill(colour)
            pdf.rect(middle - width / 2, y, width, height, style="F")
            if not single and height >= 3.8 and width >= 4.5:
                pdf.write_at(middle, y + height / 2 + 1.1, str(value), 7, "C", ink_on(colour))
        for number in hidden:
            y -= STUB + (0.4 if y < bottom else 0)
            pdf.stub(middle - width / 2, y, width, STUB, _stub_colour(chart, number))
            if not single and width >= 7:
                pdf.write_at(middle, y + STUB - 0.7, MASKED_TEXT, 6, "C")
        if single and slot >= 5.5:
            text = MASKED_TEXT if hidden else str(shown_parts[0][1] if shown_parts else 0)
            pdf.write_at(middle, y - 1, text, 7, "C")
    if _legend_height(chart):
        _legend(pdf, chart, bottom + 9)


def _stub_colour(chart: Chart, number: int) -> str:
    """A stacked chart's hidden part is hatched in its series' colour; otherwise grey."""
    return colour_of(number) if len(chart.series) > 1 and number >= 0 else MASKED_COLOUR


def _legend(pdf: _Report, chart: Chart, top: float) -> None:
    column = pdf.epw / 2
    for index, series in enumerate(_named(chart)):
        x = pdf.l_margin + (index % 2) * column
        y = top + (index // 2) * 5
        pdf.fill(colour_of(index))
        pdf.rect(x, y, 3.5, 3.5, style="F")
        pdf.write_at(x + 5.5, y + 3, series.name, 8)
    if chart.masked:
        y = top + ((len(_named(chart)) + 1) // 2) * 5
        pdf.stub(pdf.l_margin, y, 3.5, 3.5, MASKED_COLOUR)
        pdf.write_at(pdf.l_margin + 5.5, y + 3, t("report.masked_legend"), 8)


def _lying(pdf: _Report, chart: Chart, top: float) -> None:
    pdf.set_font(FONT, "", 8.5)
    widest = max((pdf.get_string_width(pdf.shown(label)) for label in chart.labels), default=0)
    left = pdf.l_margin + min(80.0, widest + 3)
    right = pdf.l_margin + pdf.epw - 10
    pdf.write_at(left, top + 2.5, chart.unit, 7.5, colour="#555555")
    plot_top = top + 5
    bottom = plot_top + ROW * len(chart.labels)
    ticks = chart_ticks(chart)
    scale = (right - left) / ticks[-1]
    for tick in ticks:
        x = left + tick * scale
        pdf.grid(x, plot_top, x, bottom, axis=tick == 0)
        pdf.write_at(x, bottom + 4, str(tick), 7.5, "C", "#555555")
    for index, label in enumerate(chart.labels):
        y = plot_top + index * ROW
        pdf.write_at(left - 2, y + ROW / 2 + 1.2, label, 8.5, "R")
        value = chart.series[0].values[index]
        if value is None:
            pdf.stub(left, y + 1.2, STUB, ROW - 2.4, MASKED_COLOUR)
            pdf.write_at(left + STUB + 1.5, y + ROW / 2 + 1.1, MASKED_TEXT, 7.5)
            continue
        width = value * scale
        pdf.fill(BAR_COLOUR)
        if width > 0:
            pdf.rect(left, y + 1.2, width, ROW - 2.4, style="F")
        pdf.write_at(left + width + 1.5, y + ROW / 2 + 1.1, str(value), 7.5)


def _chart(pdf: _Report, chart: Chart) -> None:
    needed = 7 + chart_height(chart)
    if pdf.will_page_break(needed):
        pdf.add_page()
    pdf.set_font(FONT, "B", 11)
    pdf.set_text_color(0, 0, 0)
    pdf.cell(0, 6, pdf.shown(chart.title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    top = pdf.get_y()
    (_lying if chart.kind == "horizontal" else _upright)(pdf, chart, top)
    pdf.set_xy(pdf.l_margin, top + chart_height(chart) + 4)


# -- tables ---------------------------------------------------------------------------------


def _line_count(pdf: _Report, text: str) -> int:
    pdf.set_font(FONT, "", 9.5)
    if pdf.get_string_width(text) < pdf.epw - VALUE_WIDTH - 2 * pdf.c_margin:
        return 1  # the common case, without fpdf2's slower line breaking
    lines = pdf.multi_cell(pdf.epw - VALUE_WIDTH, LINE, text, align="L", dry_run=True,
                           output=MethodReturnValue.LINES)  # fmt: skip
    return max(1, len(lines)) if isinstance(lines, list) else 1


def _fitted(pdf: _Report, figure: str) -> tuple[str, int]:
    """The figure's words for the PDF and the lines they take; a meeting place's name pasted
    long is cut with "…", so a row always fits on a page and is never split."""
    text = pdf.shown(figure)
    if len(text) > MOST_LINES * 250:  # more than the lines can hold even of "i": cut cheaply first
        text = text[: MOST_LINES * 250]
    count = _line_count(pdf, text)
    while count > MOST_LINES:
        text = text[: max(1, len(text) * MOST_LINES // count - 2)].rstrip() + "…"
        count = _line_count(pdf, text)
    return text, count


def _column_heads(pdf: _Report) -> None:
    pdf.set_font(FONT, "", 8)
    pdf.set_text_color(68, 68, 68)
    pdf.cell(pdf.epw - VALUE_WIDTH, 5, pdf.shown(t("report.col.figure")))
    pdf.cell(VALUE_WIDTH, 5, pdf.shown(t("report.col.value")), align="R",
             new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # fmt: skip
    pdf.grid(pdf.l_margin, pdf.get_y(), pdf.l_margin + pdf.epw, pdf.get_y(), axis=True)


def _table(pdf: _Report, section: str, lines: list[tuple[str, str]]) -> None:
    heads = 7 + 5 + 4.5
    for number, (figure, value) in enumerate(lines):
        text, count = _fitted(pdf, figure)
        height = count * LINE + 1.6
        if number == 0:  # a heading stays with its first row
            if pdf.will_page_break(heads + height):
                pdf.add_page()
            else:
                pdf.ln(2)
            pdf.heading(section, 12)
            _column_heads(pdf)
        elif pdf.will_page_break(height):  # the next page says which table goes on
            pdf.add_page()
            pdf.heading(t("report.continued", section=section), 12)
            _column_heads(pdf)
        y = pdf.get_y()
        pdf.set_font(FONT, "", 9.5)
        pdf.set_text_color(17, 17, 17)
        pdf.set_xy(pdf.l_margin, y + 0.8)
        if count == 1:
            pdf.cell(pdf.epw - VALUE_WIDTH, LINE, text)
        else:
            pdf.multi_cell(pdf.epw - VALUE_WIDTH, LINE, text, align="L")
        pdf.write_at(pdf.l_margin + pdf.epw, y + 0.8 + LINE * 0.75, value, 9.5, "R", "#111111")
        pdf.grid(pdf.l_margin, y + height, pdf.l_margin + pdf.epw, y + height, axis=False)
        pdf.set_xy(pdf.l_margin, y + height)


# -- the report -----------------------------------------------------------------------------


def _build(stats: PeriodStats, pages: int) -> _Report:
    title = t("stats.title", start=format_date(stats.start), end=format_date(stats.end))
    pdf = _Report(title, pages)
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 8, pdf.shown(title), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 9)
    pdf.set_text_color(68, 68, 68)
    for note in (t("stats.small_groups"), t("stats.overlapping"), t("report.note")):
        pdf.multi_cell(0, 4.5, pdf.shown(note), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)
    pdf.heading(t("report.charts"))
    for chart in charts(stats):
        _chart(pdf, chart)
    for section, lines in groupby(rows(stats), key=lambda row: row[0]):
        _table(pdf, section, [(figure, value) for _, figure, value in lines])
    pdf.write_missing_note()
    return pdf


def render_pdf(stats: PeriodStats) -> bytes:
    """An A4 PDF. Built twice: the first pass counts the pages for "page n of m"."""
    pages = _build(stats, 0).pages_count
    return bytes(_build(stats, pages).output())
