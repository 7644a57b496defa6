"""``tp stats --from DATE --to DATE``: the figures for the yearly report.

Text or CSV to the screen, or to a file with ``-o``; HTML and PDF are reports with charts and
always go to a file: ``-o FILE``, or a named file in the documents folder, as the TUI does.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from tp_tui.clock import Clock
from tp_tui.i18n import t
from tp_tui.settings import Settings

FORMATS = ("text", "csv", "html", "pdf")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="start", metavar="DATE", help=t("cli.help.stats_from"))
    parser.add_argument("--to", dest="end", metavar="DATE", help=t("cli.help.stats_to"))
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help=t("cli.help.stats_format")
    )
    parser.add_argument("-o", "--output", metavar="FILE", help=t("cli.help.output"))
    parser.add_argument("--force", action="store_true", help=t("cli.help.force"))


def _period(args: argparse.Namespace, today: date) -> tuple[date, date] | None:
    """The days asked for (this year so far by default); None after saying what is wrong."""
    from tp_tui.services.stats_period import parse_period, preset
    from tp_tui.services.validation import ValidationFailed

    default_start, _ = preset("year", today)
    start = getattr(args, "start", None) or default_start.strftime("%d.%m.%Y")
    try:
        return parse_period(start, getattr(args, "end", None) or "", today)
    except ValidationFailed as failed:
        for name, error in failed.errors.items():
            option = "--from" if name == "start" else "--to"
            print(f"{option}: {t(error.key, **error.params)}", file=sys.stderr)
        return None


def stats_command(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    from tp_tui.export.files import STDOUT, ExportExists
    from tp_tui.export.statistics_files import BOM, default_path, render_report, write_report
    from tp_tui.services.statistics import period_stats

    period = _period(args, clock.now().date())
    if period is None:
        return 2
    fmt = getattr(args, "format", None) or "text"
    output = getattr(args, "output", None)
    stats = period_stats(*period, settings)
    if not output and fmt in ("text", "csv"):
        data = render_report(stats, fmt, settings)
        sys.stdout.write(data.removeprefix(BOM) if isinstance(data, str) else "")
        return 0
    path = Path(output) if output else default_path(*period, fmt)
    try:
        written = write_report(stats, fmt, path, settings, force=getattr(args, "force", False))
    except ExportExists:
        print(t("cli.error.file_exists", path=str(path)), file=sys.stderr)
        return 2
    except OSError as error:
        reason = error.strerror or type(error).__name__
        print(t("cli.error.cannot_write", path=str(path), reason=reason), file=sys.stderr)
        return 1
    if str(written) != STDOUT:
        print(t("cli.written", path=str(written)))
    return 0
