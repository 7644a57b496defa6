"""``tp participants`` and ``tp participants add``."""

from __future__ import annotations

import argparse
import sys

from tp_tui.clock import Clock
from tp_tui.domain import ParticipantStatus, Stage
from tp_tui.i18n import format_date, t
from tp_tui.phone import format_phone
from tp_tui.services.participants import (
    ParticipantInput,
    add_participant,
    list_participants,
    name_looks_like,
)
from tp_tui.services.validation import ValidationFailed
from tp_tui.settings import Settings
from tp_tui.text import one_line

FIELD_LABELS = {
    "name": "participant.field.name",
    "phone": "participant.field.phone",
    "intake": "participant.field.intake",
    "referral_source": "participant.field.referral",
    "status": "participant.field.status",
    "first_contact": "participant.field.first_contact",
}


def add_arguments(parser: argparse.ArgumentParser, shared: argparse.ArgumentParser) -> None:
    """``tp participants [--all] [--search TEXT]`` and ``tp participants add NAME …``."""
    parser.add_argument("--all", action="store_true", help=t("cli.help.all"))
    parser.add_argument("--search", default="", help=t("cli.help.search"))
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    add = actions.add_parser("add", parents=[shared], help=t("cli.help.participants_add"))
    add.add_argument("name")
    add.add_argument("--phone", default="")
    add.add_argument("--intake", default="", help=t("cli.help.intake"))
    add.add_argument("--first-contact", default="", help=t("cli.help.first_contact"))
    add.add_argument("--referral", default="", help=t("cli.help.referral"))
    add.add_argument("--status", default="active", help=t("cli.help.status"))
    add.add_argument("--yes", action="store_true", help=t("participants_cli.help.yes"))


def _status_label(code: str) -> str:
    return t(ParticipantStatus(code).label_key)


def _stage_label(stage: Stage | None) -> str:
    return t(stage.label_key) if stage else "–"


def list_command(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    rows = list_participants(args.search, include_archived=args.all, limit=100_000)
    if not rows:
        print(t("participants.none"))
        return 0
    headers = (
        t("participant.field.name"),
        t("participant.field.phone"),
        t("participant.field.status"),
        t("participant.column.stage"),
        t("participant.field.intake"),
    )
    table = [
        (
            one_line(row.name) + (f" ({t('participants.archived')})" if row.archived else ""),
            format_phone(row.phone),
            _status_label(row.status),
            _stage_label(row.stage),
            format_date(row.intake_on),
        )
        for row in rows
    ]
    widths = [max(len(line[i]) for line in [headers, *table]) for i in range(len(headers))]
    for line in [headers, *table]:
        print("  ".join(value.ljust(widths[i]) for i, value in enumerate(line)).rstrip())
    print(t("participants.count", count=len(rows)))
    return 0


def add_command(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    looks = name_looks_like(args.name)
    if looks and not args.yes:
        print(t(f"participants_cli.name_like_{looks}", name=one_line(args.name)), file=sys.stderr)
        return 2
    data = ParticipantInput(
        name=args.name,
        phone=args.phone,
        intake=args.intake,
        referral_source=args.referral,
        status=args.status,
        first_contact=args.first_contact,
    )
    try:
        participant = add_participant(data, clock)
    except ValidationFailed as failed:
        for field, error in failed.errors.items():
            label = t(FIELD_LABELS.get(field, field))
            print(f"{label}: {t(error.key, **error.params)}", file=sys.stderr)
        return 2
    print(t("participants.added", name=one_line(participant.name), id=participant.id))
    return 0
