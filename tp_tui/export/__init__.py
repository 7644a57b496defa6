"""Renderers for what leaves the app: lists, summaries, plans, statistics. No Textual here.

The front door is :func:`render`: a document a service returned, in a format, as text or bytes;
``files`` and ``deliver`` write them safely. The same code serves the command line and the
interface. Each renderer is imported here, when it is asked for, and nowhere else: fpdf2 (with
fontTools and PIL) takes a quarter of a second to import, icalendar and the HTML tables less,
and a text list on the terminal needs none of them (tests/unit/test_import_hygiene.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tp_tui.services.callback_list import CallbackWeek
    from tp_tui.services.plan_export import PlanExport
    from tp_tui.services.statistics import PeriodStats
    from tp_tui.services.summary import Summary

    Document = CallbackWeek | Summary | PlanExport | PeriodStats

# Which formats each document is made in (by the name of its class: the front door imports
# no service, so a text list does not load the others).
FORMATS: dict[str, tuple[str, ...]] = {
    "CallbackWeek": ("text", "html", "pdf", "ics"),
    "Summary": ("md", "html", "pdf"),
    "PlanExport": ("md", "html", "pdf"),
    "PeriodStats": ("text", "csv", "html", "pdf"),
}


class UnknownFormat(ValueError):
    """A format the document is not made in (the caller offers only FORMATS)."""


def render(document: Document, fmt: str, *, csv_delimiter: str = ";") -> str | bytes:
    """``document`` in ``fmt``: str for text formats, bytes for PDF and iCalendar.

    Raises:
        UnknownFormat: ``fmt`` is not one of the document's FORMATS.
    """
    kind = type(document).__name__
    if fmt not in FORMATS.get(kind, ()):
        raise UnknownFormat(f"{kind}: {fmt}")
    renderer: Callable[..., str | bytes] = _renderer(kind, fmt)
    if kind == "PeriodStats" and fmt == "csv":
        return renderer(document, csv_delimiter)
    return renderer(document)


def _renderer(kind: str, fmt: str) -> Callable[..., Any]:
    """The function that makes ``kind`` in ``fmt``, its module imported only now."""
    if kind == "CallbackWeek":
        if fmt == "pdf":
            from tp_tui.export.callback_list_pdf import render_pdf

            return render_pdf
        from tp_tui.export import callback_list

        return {
            "text": callback_list.render_text,
            "html": callback_list.render_html,
            "ics": callback_list.render_ics,
        }[fmt]
    if kind == "Summary":
        if fmt == "pdf":
            from tp_tui.export.summary_pdf import render_pdf as summary_pdf

            return summary_pdf
        from tp_tui.export import summary

        return summary.render_html if fmt == "html" else summary.render_markdown
    if kind == "PlanExport":
        if fmt == "pdf":
            from tp_tui.export.plan_pdf import render_pdf as plan_pdf

            return plan_pdf
        from tp_tui.export import plan

        return plan.render_html if fmt == "html" else plan.render_markdown
    if fmt == "pdf":
        from tp_tui.export.statistics_pdf import render_pdf as statistics_pdf

        return statistics_pdf
    if fmt == "html":
        from tp_tui.export.statistics_report import render_html

        return render_html
    from tp_tui.export import statistics

    return statistics.render_csv if fmt == "csv" else statistics.render_text
