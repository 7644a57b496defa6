"""The individual plan as an A4 PDF, drawn as the summary's PDF is (summary_pdf.py).

Apart from :mod:`tp_tui.export.plan` so that fpdf2 is loaded only when a PDF is made.
"""

from __future__ import annotations

from tp_tui.export.plan import blocks
from tp_tui.export.summary_pdf import pdf_of
from tp_tui.i18n import format_date, t
from tp_tui.services.plan_export import PlanExport
from tp_tui.text import one_line


def render_pdf(p: PlanExport) -> bytes:
    footer = t("plandoc.pdf.footer", name=one_line(p.name), page="{page}", pages="{nb}",
               date=format_date(p.generated_at.date()))  # fmt: skip
    return pdf_of(blocks(p), t("plandoc.pdf.title"), footer, p.generated_at)
