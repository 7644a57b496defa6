"""The week's callback list as an A4 PDF in the shipped font, "page n of m" at the foot.

Apart from :mod:`tp_tui.export.callback_list` so that fpdf2 (with fontTools and PIL, a quarter
of a second to import) is loaded only when a PDF is made, not for the text sheet.
"""

from __future__ import annotations

from fpdf.enums import XPos, YPos

from tp_tui.export.callback_sheet import generated_line, sections, title, when_shown
from tp_tui.export.pdf_fonts import FAMILY, UnicodePdf
from tp_tui.i18n import get_language, t
from tp_tui.services.callback_list import CallbackWeek, ListLine

_FONT = FAMILY
_COLUMNS = (9.0, 22.0, 52.0, 29.0, 68.0)  # tick, when, who, phone, reason: 180 mm in all
_LINE = 5.0  # mm per line of 10 pt text
_WHO_LINES = 3  # a longer name ends in "…"; a reason is printed whole, over pages if need be


class _Sheet(UnicodePdf):
    """A4 pages with the week on top and "generated … / page n of m" at the bottom."""

    def __init__(self, week: CallbackWeek, pages: int) -> None:
        super().__init__()
        self.week, self.total_pages = week, pages
        self.section = ""
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(True, margin=18)
        self.set_creation_date(week.generated_at)
        self.set_lang(get_language())
        self.set_title(title(week))
        # Off: fpdf2 would replace "{nb}" inside a stored name or reason with the page count.
        self.alias_nb_pages("")
        self.expect([generated_line(week)])  # the footer of the last page is drawn after the end

    def header(self) -> None:
        self.set_font(_FONT, "B", 14)
        self.cell(0, 8, self.shown(title(self.week)), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(_FONT, "", 8)
        for width, label in zip(_COLUMNS, ("done", "when", "who", "phone", "reason"), strict=True):
            self.cell(width, 5, self.shown(t(f"callback_list.col.{label}")))
        self.ln(5)
        self.set_line_width(0.3)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(1)

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(_FONT, "", 8)
        half = (self.w - self.l_margin - self.r_margin) / 2
        self.cell(half, 5, self.shown(generated_line(self.week)))
        page = t("callback_list.page", page=self.page_no(), pages=self.total_pages)
        self.cell(half, 5, self.shown(page), align="R")

    def wrapped(self, text: str, width: float, most: int | None = None) -> list[str]:
        """``text`` broken at spaces into lines that fit ``width`` (a word too long for the
        column is cut); past ``most`` lines, when given, the last one ends in "…"."""
        room = width - 2 * self.c_margin
        lines: list[str] = []
        current = ""
        for word in self.shown(text).split():
            candidate = f"{current} {word}" if current else word
            if self.get_string_width(candidate) <= room:
                current = candidate
                continue
            if current:
                lines.append(current)
            current = word
            while (most is None or len(lines) <= most) and self.get_string_width(current) > room:
                cut = 1  # grown from the front: a pasted 10,000-letter "word" stays cheap
                while self.get_string_width(current[: cut + 1]) <= room:
                    cut += 1
                lines.append(current[:cut])
                current = current[cut:]
            if most is not None and len(lines) > most:
                break
        if current:
            lines.append(current)
        if most is None or len(lines) <= most:
            return lines
        last = lines[most - 1]
        while last and self.get_string_width(last + "…") > room:
            last = last[:-1]
        return [*lines[: most - 1], last.rstrip() + "…"]

    def fitted(self, text: str, width: float, style: str) -> None:
        """One line in a fixed column; a little smaller type rather than running over."""
        size = 10.0
        self.set_font(_FONT, style, size)
        while size > 6 and self.get_string_width(text) > width - 2 * self.c_margin:
            size -= 0.5
            self.set_font(_FONT, style, size)
        self.cell(width, _LINE, text)

    def heading(self, text: str) -> None:
        self.section = text
        if self.will_page_break(8 + _LINE + 2):  # a heading stays with its first row
            self.add_page()
        self.set_font(_FONT, "B", 11)
        self.cell(0, 8, self.shown(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def empty(self) -> None:
        self.set_font(_FONT, "I", 10)
        self.cell(_COLUMNS[0], _LINE)
        self.cell(0, _LINE, self.shown(t("callback_list.empty_day")))
        self.ln(_LINE + 1)

    def row(self, line: ListLine, dated: bool) -> None:
        """One call; a reason longer than a page goes on over the next, under its day."""
        self.set_font(_FONT, "", 10)
        who = self.wrapped(line.who, _COLUMNS[2], _WHO_LINES)
        reason = self.wrapped(line.reason, _COLUMNS[4])
        height = max(1, len(who), len(reason)) * _LINE + 2
        # A row that fits on a page is never split; a longer one starts with two lines at least.
        if self.will_page_break(height if height <= self.eph - 25 else 2 * _LINE + 2):
            self.add_page()
            self.heading(self.section)  # a new page says which day it goes on with
        columns: tuple[list[str], ...] = ([], [when_shown(line, dated)], who, [line.phone], reason)
        x, y = self.l_margin, self.get_y()
        self.set_line_width(0.3)
        self.rect(x + 0.5, y + 1.6, 3.8, 3.8)
        for number in range(max(1, len(who), len(reason))):
            if number and self.will_page_break(_LINE + 1):
                self.add_page()
                self.heading(self.section)
                y = self.get_y() - number * _LINE
            left = x
            for index, (width, texts) in enumerate(zip(_COLUMNS, columns, strict=True)):
                if number < len(texts):
                    self.set_xy(left, y + 1 + number * _LINE)
                    bold = line.overdue and index == 1
                    self.fitted(texts[number], width, "B" if bold else "")
                left += width
            self.set_y(y + 1 + (number + 1) * _LINE)
        bottom = self.get_y() + 1
        self.set_line_width(0.1)
        self.line(x, bottom, self.w - self.r_margin, bottom)
        self.set_xy(x, bottom)


def _build_pdf(week: CallbackWeek, pages: int) -> _Sheet:
    sheet = _Sheet(week, pages)
    sheet.add_page()
    for name, lines, dated in sections(week):
        sheet.heading(name)
        if not lines:
            sheet.empty()
        for line in lines:
            sheet.row(line, dated)
    sheet.write_missing_note()
    return sheet


def render_pdf(week: CallbackWeek) -> bytes:
    """An A4 PDF. Built twice: the first pass counts the pages for "page n of m"."""
    pages = _build_pdf(week, 0).pages_count
    return bytes(_build_pdf(week, pages).output())
