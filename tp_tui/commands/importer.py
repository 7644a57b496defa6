"""``tp import participants FILE``: shows what would happen; ``--apply`` writes the good rows."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from peewee import OperationalError

from tp_tui.clock import Clock
from tp_tui.commands.participants import FIELD_LABELS as PARTICIPANT_FIELDS
from tp_tui.i18n import format_date, t
from tp_tui.phone import format_phone
from tp_tui.services.import_dates import ORDERS
from tp_tui.services.import_duplicates import SAME
from tp_tui.services.importer import (
    Duplicate,
    ImportFileError,
    ImportPlan,
    Reading,
    apply_import,
    plan_import,
)
from tp_tui.settings import Settings
from tp_tui.text import one_line

EXIT_BAD_FILE = 2
EXIT_STORAGE = 1

FIELD_LABELS = {
    **PARTICIPANT_FIELDS,
    "first_name": "import.field.first_name",
    "last_name": "import.field.last_name",
    "about": "participant.field.about",
}


def _lines(text: str) -> list[int]:
    """``--allow-row 3`` or ``--allow-row 3,7``: spreadsheet row numbers."""
    try:
        lines = [int(part) for part in text.replace(" ", "").split(",") if part]
    except ValueError:
        raise argparse.ArgumentTypeError(t("import.help.bad_rows", text=text)) from None
    if not lines or min(lines) < 1:
        raise argparse.ArgumentTypeError(t("import.help.bad_rows", text=text))
    return lines


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """FILE, --apply / --dry-run (the default), --date-order, and what to allow."""
    parser.add_argument("file", type=Path, metavar="FILE", help=t("import.help.file"))
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--apply", dest="apply", action="store_true", default=False, help=t("import.help.apply")
    )
    mode.add_argument(
        "--dry-run", dest="apply", action="store_false", help=t("import.help.dry_run")
    )
    parser.add_argument(
        "--date-order", choices=ORDERS, default=None, help=t("import.help.date_order")
    )
    parser.add_argument(
        "--allow-duplicates", action="store_true", help=t("import.help.allow_duplicates")
    )
    parser.add_argument(
        "--allow-row",
        dest="allow_rows",
        metavar="ROW",
        type=_lines,
        action="append",
        default=[],
        help=t("import.help.allow_row"),
    )


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    parents: list[argparse.ArgumentParser],
) -> None:
    """``tp import participants FILE [--apply]`` under ``commands``."""
    importer = commands.add_parser("import", parents=parents, help=t("import.help.command"))
    add_kinds(importer, parents)


def add_kinds(parser: argparse.ArgumentParser, parents: list[argparse.ArgumentParser]) -> None:
    """What ``tp import`` reads (``participants``), each with FILE and --apply."""
    kinds = parser.add_subparsers(dest="import_kind", metavar="WHAT", required=True)
    add_arguments(
        kinds.add_parser("participants", parents=parents, help=t("import.help.participants"))
    )


def _message(key: str, params: dict[str, object]) -> str:
    """A translated message whose text values (names, cells, paths) are made safe to print."""
    safe = {
        name: one_line(value) if isinstance(value, str) else value for name, value in params.items()
    }
    return t(key, **safe)


def _field(field: str) -> str:
    return t(FIELD_LABELS.get(field, field))


def _quoted(texts: list[str] | tuple[str, ...]) -> str:
    return ", ".join(t("import.quoted", text=one_line(text)) for text in texts)


def _date_order(plan: ImportPlan) -> None:
    order = plan.date_order
    if order.order is None:
        return
    column = _quoted([plan.columns.get("intake", "")])
    how = t(f"import.date_order.{order.order}")
    if order.line is None:
        print(t("import.date_order.chosen", column=column, order=how))
    else:
        text = _quoted([order.text])
        print(t("import.date_order.decided", column=column, order=how, line=order.line, text=text))


def _understood(reading: Reading) -> str:
    if reading.intake_on is None:
        intake = t("import.read.no_intake")
    else:
        intake = t(
            "import.read.intake",
            date=format_date(reading.intake_on),
            text=_quoted([reading.intake_text]),
        )
    if reading.phone is None:
        phone = t("import.read.no_phone")
    else:
        phone = t(
            "import.read.phone",
            phone=format_phone(reading.phone),
            text=_quoted([reading.phone_text]),
        )
    name = one_line(reading.name)
    return t("import.read.row", line=reading.line, name=name, intake=intake, phone=phone)


def _duplicate(duplicate: Duplicate) -> str:
    name = one_line(duplicate.name)
    if duplicate.reason == SAME:
        if duplicate.earlier_line is None:
            return t("import.duplicate.existing", line=duplicate.line, name=name)
        earlier = duplicate.earlier_line
        return t("import.duplicate.in_file", line=duplicate.line, name=name, earlier=earlier)
    other = one_line(duplicate.of_name)
    if duplicate.of_phone:
        other = t("import.possible.with_phone", name=other, phone=format_phone(duplicate.of_phone))
    where = (
        t("import.possible.registered")
        if duplicate.earlier_line is None
        else t("import.possible.on_line", line=duplicate.earlier_line)
    )
    why = t(f"import.possible.{duplicate.reason}")
    key = "import.possible.allowed" if duplicate.allowed else "import.possible.skipped"
    return t(key, line=duplicate.line, name=name, other=other, where=where, why=why)


def _report(path: Path, plan: ImportPlan) -> None:
    print(t("import.reading", path=one_line(str(path)), count=plan.rows))
    print(t("import.columns"))
    for field, header in plan.columns.items():
        print(t("import.column", field=_field(field), header=_quoted([header])))
    if plan.ignored_columns:
        print(t("import.ignored", headers=_quoted(plan.ignored_columns)))
    _date_order(plan)
    if plan.readings:
        print(t("import.read.heading"))
        for reading in plan.readings:
            print(_understood(reading))
    for problem in sorted(plan.problems, key=lambda p: p.line):
        message = _message(problem.key, problem.params)
        print(t("import.line", line=problem.line, field=_field(problem.field), message=message))
    for duplicate in plan.duplicates:
        print(_duplicate(duplicate))
    for note in plan.notes:
        message = _message(note.key, note.params)
        print(t("import.line", line=note.line, field=_field(note.field), message=message))
    if not plan.rows:
        print(t("import.no_rows"))
    problem_rows = len({problem.line for problem in plan.problems})
    print(
        t(
            "import.summary",
            add=len(plan.to_add),
            problems=t("import.summary.problems", count=problem_rows),
            duplicates=t("import.summary.duplicates", count=len(plan.skipped_duplicates)),
        )
    )


def import_command(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    """Plan the import and print it; with ``--apply`` also write the good rows."""
    path = Path(args.file)
    try:
        allowed = frozenset(line for lines in args.allow_rows for line in lines)
        plan = plan_import(
            path,
            clock.today(),
            date_order=args.date_order,
            allow_duplicates=args.allow_duplicates,
            allow_lines=allowed,
        )
    except ImportFileError as error:
        print(_message(error.key, error.params), file=sys.stderr)
        return EXIT_BAD_FILE
    _report(path, plan)
    if not args.apply:
        print(t("import.dry_run"))
        return 0
    try:
        added = apply_import(plan, clock)
    except OperationalError as error:  # e.g. the database stayed locked by another copy
        print(t("import.not_saved", reason=one_line(str(error))), file=sys.stderr)
        return EXIT_STORAGE
    print(t("import.done", count=added))
    if added < len(plan.to_add):
        print(t("import.skipped_meanwhile", count=len(plan.to_add) - added))
    if plan.skipped_lines:
        lines = ", ".join(str(line) for line in plan.skipped_lines)
        print(t("import.not_imported", lines=lines, count=len(plan.skipped_lines)))
    return 0
