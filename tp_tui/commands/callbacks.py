"""``tp callbacks``: the week's callback list — to the screen, a file or the printer."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tp_tui.clock import Clock
from tp_tui.domain import CallbackOutcome
from tp_tui.i18n import t
from tp_tui.settings import Settings

FORMATS = ("text", "html", "pdf", "ics")
SUFFIX = {"text": ".txt", "html": ".html", "pdf": ".pdf", "ics": ".ics"}


def add_arguments(parser: argparse.ArgumentParser, shared: argparse.ArgumentParser) -> None:
    """``tp callbacks [--week …]`` (the list), ``tp callbacks add NAME …``, ``… done ID``."""
    _add_actions(parser, shared)
    parser.add_argument(
        "--week",
        nargs="?",
        const="",
        default=None,
        metavar="WEEK",
        help=t("cli.help.callbacks_week"),
    )
    parser.add_argument("--next", action="store_true", help=t("cli.help.callbacks_next"))
    parser.add_argument("--format", choices=FORMATS, default=None, help=t("cli.help.format"))
    parser.add_argument("-o", "--output", metavar="FILE", help=t("cli.help.output"))
    parser.add_argument("--force", action="store_true", help=t("cli.help.force"))
    parser.add_argument("--print", dest="to_printer", action="store_true", help=t("cli.help.print"))
    parser.add_argument("--initials", action="store_true", help=t("cli.help.initials"))
    parser.add_argument("--team", action="store_true", help=t("cli.help.callbacks_team"))


def _record_id(text: str) -> int:
    from tp_tui.commands.arguments import record_id

    return record_id(text)


def _add_actions(parser: argparse.ArgumentParser, shared: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    add = actions.add_parser("add", parents=[shared], help=t("callbacks_cli.help.add"))
    add.add_argument("name", help=t("callbacks_cli.help.name"))
    add.add_argument("--reason", required=True, help=t("callbacks_cli.help.reason"))
    add.add_argument("--due", default="", help=t("callbacks_cli.help.due"))
    add.add_argument("--phone", default="", help=t("callbacks_cli.help.phone"))
    add.add_argument("--yes", action="store_true", help=t("callbacks_cli.help.yes"))
    done = actions.add_parser("done", parents=[shared], help=t("callbacks_cli.help.done"))
    done.add_argument("id", type=_record_id, help=t("callbacks_cli.help.id"))
    done.add_argument(
        "--outcome",
        choices=[outcome.value for outcome in CallbackOutcome],
        default=CallbackOutcome.REACHED.value,
        help=t("callbacks_cli.help.outcome"),
    )
    done.add_argument("--note", default="", help=t("callbacks_cli.help.note"))


def callbacks_command(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    if getattr(args, "action", None):
        from tp_tui.commands.callbacks_owed import run_action

        return run_action(args, settings, clock)
    from tp_tui.dates import DateParseError
    from tp_tui.export import render
    from tp_tui.paths import data_dir
    from tp_tui.services.callback_list import callback_week, list_owner, parse_week

    now = clock.now()
    try:
        year, week = parse_week(args.week, now.date(), next_week=args.next)
    except DateParseError as error:
        print(t(error.key, **error.params), file=sys.stderr)
        return 2
    sheet = callback_week(year, week, now, initials=args.initials, mine=list_owner(args.team))
    fmt = args.format or ("pdf" if args.to_printer else "text")
    data = render(sheet, fmt)
    if not args.output and not args.to_printer:
        if isinstance(data, bytes):
            print(t("cli.error.binary_needs_file", format=fmt), file=sys.stderr)
            return 2
        sys.stdout.write(data)
        return 0
    if args.output:
        path = Path(args.output)
        force = args.force
    else:  # printing without a file name: a private file in the data folder
        path = data_dir() / "exports" / f"ringeliste-{year}-W{week:02d}{SUFFIX[fmt]}"
        force = True
    from tp_tui.commands.output import write_out

    failed = write_out(path, data, force, "callbacks")
    if failed is not None:
        return failed
    if args.to_printer:
        from tp_tui.export.printing import send_to_printer

        outcome = send_to_printer(path)
        print(outcome.message(), file=sys.stdout if outcome.ok else sys.stderr)
        return 0 if outcome.ok else 1
    return 0
