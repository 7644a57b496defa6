"""``tp erase NAME`` and ``tp audit --participant ID``: erasure and the audit trail.

Erasing asks for the participant's full name, typed, on a terminal; scripts pass ``--yes``, and
then NAME must point at exactly one person and be their full name (not initials or a number).
Names are shown only to confirm, never logged.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tp_tui.clock import Clock
from tp_tui.commands.arguments import record_id
from tp_tui.i18n import format_date, format_datetime, t
from tp_tui.settings import Settings
from tp_tui.text import one_line

if TYPE_CHECKING:
    from tp_tui.services.erasure import ErasureResult

EXIT_BAD_INPUT = 2
# Audit actions told in words of their own (the count, if any, is the row's entity_id).
WHOLE_ACTIONS = ("print.failed", "erase.files")


def add_erase_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", nargs="?", default="", help=t("cli.help.erase_name"))
    parser.add_argument("--yes", action="store_true", help=t("cli.help.erase_yes"))
    parser.add_argument("--purge-backups", action="store_true", help=t("cli.help.purge_backups"))
    parser.add_argument("--scrub", action="store_true", help=t("cli.help.scrub"))
    parser.add_argument("--keep-unlinked", action="store_true", help=t("cli.help.keep_unlinked"))


def _database_file(args: argparse.Namespace) -> Path | str:
    """The database file, or the ``postgresql://`` URL of a server database (whose backups are
    pg_dump files, see services/server_backup.py)."""
    from tp_tui.paths import database_path, server_url

    cli_path, demo = getattr(args, "db", None), bool(getattr(args, "demo", False))
    return server_url(cli_path, demo) or database_path(cli_path, demo)


def _confirmation(args: argparse.Namespace) -> str | None:
    """The name to erase against: given (--yes), typed (terminal), or None to stop."""
    if args.yes:
        # No one confirms: the name given must be the full name, as erase() checks it.
        return str(args.name)
    if not sys.stdin.isatty():
        print(t("erase.needs_terminal"), file=sys.stderr)
        return None
    try:
        typed = input(t("erase.prompt"))
    except (EOFError, KeyboardInterrupt):
        typed = ""
    if not typed.strip():
        print(t("erase.cancelled"), file=sys.stderr)
        return None
    return typed


def _other_copies(database: Path | str) -> list[Path]:
    """Whole copies of the file tp wrote besides its backups: half-made files of killed
    backups and conversions (any age), and what ``tp restore`` kept of the file it replaced."""
    from tp_tui.services.backup_purge import backup_folder
    from tp_tui.services.leftovers import half_made_files

    if not isinstance(database, Path):
        return []
    kept = sorted(database.parent.glob(f"{database.name}.before-restore-*"))
    return [*half_made_files(database, backup_folder(database)), *kept]


def _backups(args: argparse.Namespace, result: ErasureResult, participant_id: int) -> None:
    from tp_tui.services.backup_purge import backups_older_than, purge_files

    database = _database_file(args)
    old = backups_older_than(database, result.erased_at) + _other_copies(database)
    old += [path for path in result.files if path not in old]
    if not old:
        return
    print(t("erase.backups"))
    for path in old:
        print(f"  {path}")
    if args.purge_backups:
        removed = purge_files(participant_id, old, result.erased_at)
        print(t("erase.backups_purged", count=removed))
    else:
        print(t("erase.backups_untouched"))


def erase_command(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    from tp_tui.erasure_words import plan_lines, result_message, scrub_message
    from tp_tui.services.erasure import ErasureRefused, erase, plan_erasure, scrub
    from tp_tui.services.erasure_server import ERASED_TABLES, scrub_server
    from tp_tui.services.summary import SummaryError, resolve_participant

    if args.scrub and not args.name:
        if isinstance(_database_file(args), str):  # a server: rewrite every participant table
            outcome = scrub_server(ERASED_TABLES)
            done, message = outcome.done, scrub_message(outcome)
        else:
            done = scrub()
            message = t("erase.scrubbed" if done else "erase.scrub_busy")
        print(message, file=sys.stdout if done else sys.stderr)
        return 0 if done else 1
    if not args.name.strip():
        print(t("erase.error.name_needed"), file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        participant_id = resolve_participant(args.name)
        plan = plan_erasure(participant_id)
    except (SummaryError, ErasureRefused) as error:
        print(t(error.key, **error.params), file=sys.stderr)
        return EXIT_BAD_INPUT
    print(t("erase.plan.title", id=plan.participant_id, name=one_line(plan.name)))
    for line in plan_lines(plan, bool(args.keep_unlinked)):
        print(line)
    typed = _confirmation(args)
    if typed is None:
        return EXIT_BAD_INPUT
    try:
        result = erase(plan.participant_id, typed, clock, keep_unlinked=args.keep_unlinked)
    except ErasureRefused as error:
        print(t(error.key, **error.params), file=sys.stderr)
        return EXIT_BAD_INPUT
    total = sum(result.counts.values()) + 1  # and the participant's own row
    message = result_message(result, plan.participant_id, total)
    print(message, file=sys.stdout if result.scrubbed else sys.stderr)
    _backups(args, result, plan.participant_id)
    return 0 if result.scrubbed else 1


def add_audit_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--participant",
        type=record_id,
        required=True,
        metavar="ID",
        help=t("cli.help.audit_participant"),
    )


def audit_command(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    """Ids, times, actions and the trust person who did each: the trail holds no participant's
    name, and neither does its print-out."""
    from tp_tui.services.audit import trail

    participant_id = int(args.participant)
    lines = trail(participant_id)
    if not lines:
        print(t("audit.none", id=participant_id))
        return 0
    print(t("audit.title", id=participant_id))
    erased = None
    for line in lines:
        family, _, detail = line.action.partition(".")
        if line.action in WHOLE_ACTIONS:  # a sentence of its own, not "family (detail)"
            action = t(f"audit.action.{line.action}", count=line.entity_id or 0)
        else:
            action = t(f"audit.action.{family}") + (f" ({detail})" if detail else "")
        if line.entity and line.entity_id is not None and line.entity != "participant":
            action += f"  {line.entity} #{line.entity_id}"
        if erased is not None and family != "erase":
            print(t("audit.reused"))
            erased = None
        who = t("audit.by", who=line.who) if line.who else t("audit.by_unknown")
        print(t("audit.line", when=format_datetime(line.at), action=action) + "  " + who)
        if line.action == "erase":
            erased = line.at
            print(t("audit.erased", date=format_date(line.at.date())))
    return 0


def retention_command(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    """``tp retention``: participants closed longer than the retention time, to erase or keep."""
    from tp_tui.services.retention import retention_candidates
    from tp_tui.text import one_line

    due = retention_candidates(clock.now(), settings)
    if not due:
        print(t("retention.none", count=settings.retention_months))
        return 0
    print(t("retention.header", count=len(due), months=settings.retention_months))
    for participant_id, name, closed_on in due:
        print(f"  #{participant_id:<5} {one_line(name):<30} {format_date(closed_on)}")
    print(t("retention.hint"))
    return 0
