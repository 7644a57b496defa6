"""``tp consent NAME``: the participant's consent register; ``--purpose P [--to WHOM]
[--until DATE]`` records one, ``--withdraw`` takes it back. The name is never guessed."""

from __future__ import annotations

import argparse
import sys

from tp_tui.clock import Clock
from tp_tui.commands.arguments import refused
from tp_tui.consent_words import line_label, recipient_label
from tp_tui.domain import ConsentHow, ConsentScope
from tp_tui.i18n import format_date, t
from tp_tui.settings import Settings
from tp_tui.text import one_line

EXIT_BAD_INPUT = 2
FIELD_LABELS = {
    "scope": "consent.field.scope",
    "recipient": "consent.field.recipient",
    "given_on": "consent.field.given_on",
    "expires_on": "consent.field.expires_on",
    "given_how": "consent.field.given_how",
    "withdrawn_on": "consent.field.withdrawn_on",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", help=t("consent_cli.help.name"))
    parser.add_argument(
        "--purpose", choices=[s.value for s in ConsentScope], help=t("consent_cli.help.purpose")
    )
    parser.add_argument("--to", default=None, metavar="WHOM", help=t("consent_cli.help.to"))
    parser.add_argument("--given", default=None, metavar="DATE", help=t("consent_cli.help.given"))
    parser.add_argument("--until", default=None, metavar="DATE", help=t("consent_cli.help.until"))
    parser.add_argument(
        "--how", choices=[h.value for h in ConsentHow], help=t("consent_cli.help.how")
    )
    parser.add_argument("--note", default=None, help=t("consent_cli.help.note"))
    parser.add_argument("--withdraw", action="store_true", help=t("consent_cli.help.withdraw"))
    parser.add_argument("--on", default=None, metavar="DATE", help=t("consent_cli.help.on"))


def _refused(errors: dict[str, object]) -> int:
    return refused(errors, FIELD_LABELS)


def _list(participant_id: int, name: str, clock: Clock) -> int:
    from tp_tui.services.consent import consent_register

    lines = consent_register(participant_id, clock.today())
    if not lines:
        print(t("consent_cli.none", name=name))
        return 0
    print(t("consent_cli.heading", name=name, count=len(lines)))
    for line in lines:
        text = line_label(line)
        extra = [t(f"consent_how.{line.given_how}")] if line.given_how else []
        extra += [one_line(line.note)] if line.note else []
        print(f"  {line.id:>4}  {text}" + (f" · {' · '.join(extra)}" if extra else ""))
    return 0


def consent_command(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    from tp_tui.commands.log import resolve_participant
    from tp_tui.db import write
    from tp_tui.services.consent import (
        GROUP,
        ConsentInput,
        in_force_grants,
        record_consent,
        withdraw_consent,
    )
    from tp_tui.services.validation import ValidationFailed

    match, problems = resolve_participant(args.name)
    if match is None:
        for line in problems:
            print(line, file=sys.stderr)
        return EXIT_BAD_INPUT
    name = one_line(match.name)
    details = (args.to, args.given, args.until, args.how, args.note)
    if args.purpose is None:
        if args.withdraw:
            print(t("consent_cli.withdraw_needs_purpose"), file=sys.stderr)
            return EXIT_BAD_INPUT
        if any(value is not None for value in details) or args.on is not None:
            print(t("consent_cli.only_with_purpose"), file=sys.stderr)
            return EXIT_BAD_INPUT
        return _list(match.id, name, clock)
    scope = t(f"consent.{args.purpose}")
    recipient = " ".join((args.to or "").split()) or GROUP
    if args.withdraw:
        grants = in_force_grants(match.id, args.purpose, recipient, clock.today())
        if not grants:
            print(
                t("consent_cli.nothing_to_withdraw", name=name, scope=scope,
                  recipient=recipient_label(recipient)),  # fmt: skip
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
        try:
            with write():  # every row in force for it: one change, undone as one
                withdrawn = [withdraw_consent(g, clock, args.on or "") for g in grants]
        except ValidationFailed as failed:
            return _refused(dict(failed.errors))
        day = format_date(withdrawn[0].withdrawn_on)
        print(t("consent_cli.withdrawn", name=name, scope=scope,
                recipient=recipient_label(recipient), date=day))  # fmt: skip
        return 0
    data = ConsentInput(
        args.purpose, recipient, args.given or "", args.until or "", args.how or "",
        args.note or "",
    )  # fmt: skip
    try:
        grant = record_consent(match.id, data, clock)
    except ValidationFailed as failed:
        return _refused(dict(failed.errors))
    until = t("consent_cli.until", date=format_date(grant.expires_on)) if grant.expires_on else ""
    print(t("consent_cli.recorded", name=name, scope=scope,
            recipient=recipient_label(grant.recipient), until=until))  # fmt: skip
    return 0
