"""``tp export summary NAME``: the summary to bring to a responsibility-group meeting, to the
screen, a file or the printer (``--print``, as the app's export dialog can). ``tp export plan
NAME``: the individual plan for the coordinator, as consent allows."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tp_tui.clock import Clock
from tp_tui.i18n import t
from tp_tui.settings import Settings

FORMATS = ("md", "html", "pdf")
_STEM = {"summary": "utdrag", "plan": "plan"}  # file names hold no name, only the number


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("what", choices=("summary", "plan"), help=t("cli.help.export_what"))
    parser.add_argument("name", help=t("cli.help.export_name"))
    parser.add_argument("--format", choices=FORMATS, help=t("cli.help.format"))
    parser.add_argument("-o", "--output", metavar="FILE", help=t("cli.help.output"))
    parser.add_argument("--since", metavar="DATE", help=t("cli.help.since"))
    parser.add_argument("--include-notes", action="store_true", help=t("cli.help.include_notes"))
    parser.add_argument("--force", action="store_true", help=t("cli.help.force"))
    parser.add_argument("--print", dest="to_printer", action="store_true", help=t("cli.help.print"))


def export_command(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    from tp_tui.dates import DateParseError
    from tp_tui.export import render
    from tp_tui.paths import data_dir
    from tp_tui.services.summary import (
        SummaryError,
        participant_summary,
        record_export,
        record_print,
        resolve_participant,
    )
    from tp_tui.services.summary_since import parse_since

    now = clock.now()
    try:
        participant_id = resolve_participant(args.name)
    except SummaryError as error:
        print(t(error.key, **error.params), file=sys.stderr)
        return 2
    since = None
    if args.since:
        try:
            since = parse_since(args.since, now.date())
        except DateParseError as error:
            print(f"--since: {t(error.key, **error.params)}", file=sys.stderr)
            return 2
    fmt = args.format or ("pdf" if args.to_printer else "md")
    if args.what == "plan":
        from tp_tui.services.plan_export import plan_export

        data = render(plan_export(participant_id, now), fmt)
    else:
        summary = participant_summary(
            participant_id, now, since=since, include_notes=args.include_notes
        )
        if args.include_notes and not summary.include_notes:  # the file says so too, at its foot
            print(t("consent.notes_left_out"), file=sys.stderr)
        data = render(summary, fmt)
    if not args.output and not args.to_printer:
        if isinstance(data, bytes):
            print(t("cli.error.binary_needs_file", format=fmt), file=sys.stderr)
            return 2
        sys.stdout.write(data)
        record_export(participant_id, args.what, fmt, clock)
        return 0
    if args.output:
        path, force = Path(args.output), args.force
    else:  # printing without a file name: a private file in the data folder, no name in it
        path = data_dir() / "exports" / f"{_STEM[args.what]}-{participant_id}-{now:%Y%m%d}.{fmt}"
        force = True
    from tp_tui.commands.output import write_out

    failed = write_out(path, data, force, args.what)
    if failed is not None:
        return failed
    record_export(participant_id, args.what, fmt, clock)
    if not args.to_printer:
        return 0
    from tp_tui.export.printing import send_to_printer

    outcome = send_to_printer(path)
    record_print(participant_id, outcome.ok, clock)
    print(outcome.message(), file=sys.stdout if outcome.ok else sys.stderr)
    return 0 if outcome.ok else 1
