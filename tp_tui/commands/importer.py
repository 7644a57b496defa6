"""``tp import participants FILE``: shows what would happen; ``--apply`` writes the good rows."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from peewee import OperationalError

from tp_tui.clock import Clock
from tp_tui.commands.participants import FIELD_LABELS as PARTICIPANT_FIELDS
from tp_tui.i18n import t
from tp_tui.services.importer import ImportFileError, ImportPlan, apply_import, plan_import
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


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """FILE, and --apply / --dry-run (the default)."""
    parser.add_argument("file", type=Path, metavar="FILE", help=t("import.help.file"))
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--apply", dest="apply", action="store_true", default=False, help=t("import.help.apply")
    )
    mode.add_argument(
        "--dry-run", dest="apply", action="store_false", help=t("import.help.dry_run")
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


def _report(path: Path, plan: ImportPlan) -> None:
    print(t("import.reading", path=one_line(str(path)), rows=plan.rows))
    print(t("import.columns"))
    for field, header in plan.columns.items():
        print(t("import.column", field=_field(field), header=_quoted([header])))
    if plan.ignored_columns:
        print(t("import.ignored", headers=_quoted(plan.ignored_columns)))
    for problem in sorted(plan.problems, key=lambda p: p.line):
        message = _message(problem.key, problem.params)
        print(t("import.line", line=problem.line, field=_field(problem.field), message=message))
    for duplicate in plan.duplicates:
        name = one_line(duplicate.name)
        if duplicate.earlier_line is None:
            print(t("import.duplicate.existing", line=duplicate.line, name=name))
        else:
            earlier = duplicate.earlier_line
            print(t("import.duplicate.in_file", line=duplicate.line, name=name, earlier=earlier))
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
            problems=problem_rows,
            duplicates=len(plan.duplicates),
        )
    )


def import_command(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    """Plan the import and print it; with ``--apply`` also write the good rows."""
    path = Path(args.file)
    try:
        plan = plan_import(path, clock.today())
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
        print(t("import.not_imported", lines=lines))
    return 0
