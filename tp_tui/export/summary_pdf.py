"""The participant summary as an A4 PDF in the shipped font (see :mod:`.pdf_fonts`).

Apart from :mod:`tp_tui.export.summary` so that fpdf2 (with fontTools and PIL, a quarter of a
second to import) is loaded only when a PDF is made, not for Markdown or HTML.
"""

from __future__ import annotations

from datetime import datetime

from fpdf.enums import XPos, YPos
from fpdf.recorder import FPDFRecorder

from tp_tui.export.pdf_fonts import FAMILY, UnicodePdf
from tp_tui.export.summary_blocks import Block, blocks
from tp_tui.i18n import format_date, get_language, t
from tp_tui.services.summary import Summary
from tp_tui.text import one_line


class _Pdf(UnicodePdf):
    footer_text = ""

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, self.shown(self.footer_text.replace("{page}", str(self.page_no()))),
                  align="C")  # fmt: skip


_STYLES = {"h1": ("B", 16, 8), "meta": ("", 8.5, 4.5), "p": ("", 10, 5), "h2": ("B", 12.5, 7),
           "foot": ("B", 12.5, 7), "h3": ("B", 10.5, 5.5), "ul": ("", 10, 5)}  # fmt: skip


def _draw(pdf: _Pdf | FPDFRecorder, block: Block) -> None:
    style, size, height = _STYLES[block.kind]
    pdf.set_font(FAMILY, style, size)
    grey = 70 if block.kind == "meta" else 0
    pdf.set_text_color(grey, grey, grey)
    if block.kind in ("h2", "foot", "h3"):
        if pdf.will_page_break(height * 5):  # keep a heading with what follows it
            pdf.add_page()
        pdf.ln(5 if block.kind != "h3" else 2)
    if block.kind == "foot":
        pdf.set_line_width(0.6)
        pdf.line(pdf.l_margin, pdf.get_y() - 2, pdf.w - pdf.r_margin, pdf.get_y() - 2)
    if block.kind == "ul":
        for item in block.items:
            pdf.cell(5, height, pdf.shown("•"))
            pdf.multi_cell(pdf.epw - 5, height, pdf.shown(item), align="L",
                           new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # fmt: skip
            pdf.ln(0.8)
    else:
        pdf.multi_cell(0, height, pdf.shown(block.text), align="L",
                       new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # fmt: skip
    if block.kind in ("h2", "foot"):
        pdf.set_line_width(0.2)
        pdf.line(pdf.l_margin, pdf.get_y() + 0.5, pdf.w - pdf.r_margin, pdf.get_y() + 0.5)
        pdf.ln(2)
    elif block.kind in ("h1", "meta", "p"):
        pdf.ln(1.5)


def render_pdf(s: Summary) -> bytes:
    """A4; the part that says what is left out is kept on one page, and what no shipped font
    can draw is named after it."""
    footer = t("summary.pdf.footer", name=one_line(s.name), page="{page}", pages="{nb}",
               date=format_date(s.generated_at.date()))  # fmt: skip
    return pdf_of(blocks(s), t("summary.pdf.title"), footer, s.generated_at)


def pdf_of(every: list[Block], title: str, footer: str, created: datetime) -> bytes:
    """Blocks as an A4 PDF (the summary's, the plan's); ``footer`` takes ``{page}``/``{nb}``."""
    pdf = _Pdf()
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_creation_date(created)
    pdf.set_title(title)
    pdf.set_lang(get_language())
    pdf.footer_text = footer
    pdf.expect([pdf.footer_text])  # the last page's footer is drawn after the end
    pdf.add_page()
    cut = next(n for n, block in enumerate(every) if block.kind == "foot")
    for block in every[:cut]:
        _draw(pdf, block)
    with pdf.offset_rendering() as probe:
        for block in every[cut:]:
            _draw(probe, block)
    if probe.page_break_triggered:
        pdf.add_page()
    for block in every[cut:]:
        _draw(pdf, block)
    pdf.write_missing_note()
    return bytes(pdf.output())
