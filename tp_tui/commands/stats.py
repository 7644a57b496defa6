"""``tp stats --from DATE --to DATE``: the figures for the yearly report, as text or CSV."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from tp_tui.clock import Clock
from tp_tui.i18n import t
from tp_tui.settings import Settings

FORMATS = ("text", "csv")
BOM = "\ufeff"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="start", metavar="DATE", help=t("cli.help.stats_from"))
    parser.add_argument("--to", dest="end", metavar="DATE", help=t("cli.help.stats_to"))
    parser.add_argument("--format", choices=FORMATS, default="text", help=t("cli.help.format"))
    parser.add_argument("-o", "--output", metavar="FILE", help=t("cli.help.output"))
    parser.add_argument("--force", action="store_true", help=t("cli.help.force"))


def _delimiter(settings: Settings) -> str:
    return settings.csv_delimiter if settings.csv_delimiter in (";", ",", "\t") else ";"


def stats_command(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    from tp_tui.dates import DateParseError, parse_date
    from tp_tui.export.files import ExportExists, write_private
    from tp_tui.export.statistics import render_csv, render_text
    from tp_tui.services.statistics import period_stats

    today = clock.now().date()
    days: dict[str, date] = {"start": date(today.year, 1, 1), "end": today}
    for name, option in (("start", "--from"), ("end", "--to")):
        text = getattr(args, name, None)
        if text:
            try:
                days[name] = parse_date(text, today, "past")
            except DateParseError as error:
                print(f"{option}: {t(error.key, **error.params)}", file=sys.stderr)
                return 2
    if days["start"] > days["end"]:
        print(t("stats.error.order"), file=sys.stderr)
        return 2
    stats = period_stats(days["start"], days["end"])
    if args.format == "csv":
        data = render_csv(stats, _delimiter(settings))
    else:
        data = render_text(stats)
    if not args.output:
        sys.stdout.write(data)
        return 0
    path = Path(args.output)
    try:
        write_private(path, BOM + data if args.format == "csv" else data, force=args.force)
    except ExportExists:
        print(t("cli.error.file_exists", path=str(path)), file=sys.stderr)
        return 2
    except OSError as error:
        print(t("cli.error.cannot_write", path=str(path), reason=error.strerror), file=sys.stderr)
        return 1
    print(t("cli.written", path=str(path)))
    return 0
