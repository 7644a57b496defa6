"""Export the period's statistics: PDF or HTML report with charts, CSV for a spreadsheet, text."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tp_tui.i18n import t

if TYPE_CHECKING:
    from tp_tui.app import TpApp
    from tp_tui.services.statistics import PeriodStats


def export_statistics(app: TpApp, stats: PeriodStats) -> None:
    """The figures on screen, as they were counted for it, to a file or the printer."""
    from tp_tui.export.statistics_files import default_path, render_report
    from tp_tui.views.export_delivery import deliver_export
    from tp_tui.views.export_dialog import ExportDialog, ExportRequest

    formats = [("pdf", "PDF"), ("html", "HTML"), ("csv", "CSV"), ("text", t("export.format_text"))]
    paths = {fmt: str(default_path(stats.start, stats.end, fmt)) for fmt, _ in formats}

    def chosen(request: ExportRequest | None) -> None:
        if request is None:
            return
        fmt, settings = request.fmt, app.settings
        path = Path(request.path).expanduser()

        def report() -> str | bytes:  # made in the thread that writes it
            return render_report(stats, fmt, settings)

        deliver_export(app, report, path, "print" in request.options, lambda _: None)

    options = [("print", t("export.option_print"))]
    app.push_screen(ExportDialog(t("stats_screen.export_title"), formats, options, paths), chosen)
