"""``tp callbacks add NAME --reason …`` and ``tp callbacks done ID``: the phone rang while the
trust person was out, and the laptop's shell is the quickest place to note it or close it."""

from __future__ import annotations

import argparse
import sys

from tp_tui.clock import Clock
from tp_tui.commands.arguments import refused
from tp_tui.domain import CONTACT_OUTCOME, ContactKind
from tp_tui.i18n import t
from tp_tui.settings import Settings
from tp_tui.text import one_line

EXIT_BAD_INPUT = 2
FIELD_LABELS = {
    "participant": "callback.field.who",
    "caller_name": "callback.field.who",
    "phone": "callback.field.phone",
    "caller_phone": "callback.field.phone",
    "reason": "callback.field.reason",
    "due": "callback.field.due",
    "note": "contact.field.note",
    "when": "contact.field.when",
    "outcome": "callbacks_cli.field.outcome",
}


def _refused(errors: dict[str, object]) -> int:
    return refused(errors, FIELD_LABELS)


def add_command(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    """A call owed to a participant (part of the name or initials, never guessed), or to a
    free name with a number."""
    from tp_tui.commands.log import resolve_participant
    from tp_tui.i18n import describe_moment
    from tp_tui.services.callbacks import CallbackInput, register_callback
    from tp_tui.services.participants import find_participants, name_looks_like
    from tp_tui.services.validation import ValidationFailed

    if find_participants(args.name, limit=1, include_closed=True):
        match, lines = resolve_participant(args.name)
        if match is None:
            for line in lines:
                print(line, file=sys.stderr)
            return EXIT_BAD_INPUT
        data = CallbackInput(match.id, args.reason, args.due, "", args.phone)
        name = match.name
    elif not args.phone.strip():
        print(t("callbacks_cli.free_name_needs_phone", query=one_line(args.name)), file=sys.stderr)
        return EXIT_BAD_INPUT
    else:
        # A number or a date where the name goes is a slip more often than a name: asked for.
        looks = name_looks_like(args.name)
        if looks and not args.yes:
            key = {
                "phone": "participants_cli.name_like_phone",
                "date": "callbacks_cli.name_like_date",
            }
            print(t(key[looks], name=one_line(args.name)), file=sys.stderr)
            return EXIT_BAD_INPUT
        data = CallbackInput(None, args.reason, args.due, args.name, args.phone)
        name = args.name
    try:
        callback = register_callback(data, clock, settings)
    except ValidationFailed as failed:
        return _refused(dict(failed.errors))
    print(
        t(
            "callbacks_cli.added",
            name=one_line(name),
            due=describe_moment(callback.due_at),
            id=callback.id,
        )
    )
    return 0


def done_command(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    """Mark a call returned; reached or a message left with a participant is also logged as a
    phone contact (with the note), one change with the call, as in the app."""
    from tp_tui.db import write
    from tp_tui.models import Callback, Participant
    from tp_tui.services.callbacks import complete_callback
    from tp_tui.services.contacts import ContactInput, log_contact
    from tp_tui.services.validation import ValidationFailed

    callback = Callback.get_or_none(Callback.id == args.id)
    if callback is None:
        print(t("callbacks_cli.no_such", id=args.id), file=sys.stderr)
        return EXIT_BAD_INPUT
    owner = Participant.get_or_none(Participant.id == callback.participant_id)
    name = owner.name if owner is not None else callback.caller_name
    if callback.done_at is not None:
        print(t("callbacks_cli.already_done", id=args.id, name=one_line(name)), file=sys.stderr)
        return EXIT_BAD_INPUT
    logs_contact = callback.participant_id is not None and args.outcome != "no_answer"
    if args.note.strip() and not logs_contact:
        key = "callbacks_cli.note_not_kept_no_answer"
        if callback.participant_id is None:
            key = "callbacks_cli.note_not_kept_free_name"
        print(t(key, name=one_line(name)), file=sys.stderr)
        return EXIT_BAD_INPUT
    contact_id = None
    try:
        with write():  # the contact and the call returned: both saved, or neither
            if logs_contact:
                contact = log_contact(
                    ContactInput(
                        callback.participant_id,
                        clock.now().strftime("%d.%m.%Y %H:%M"),  # returned now
                        kind=ContactKind.PHONE.value,
                        outcome=CONTACT_OUTCOME[args.outcome],
                        note=args.note,
                    ),
                    clock,
                    settings,
                )
                contact_id = int(contact.id)
            complete_callback(callback.id, args.outcome, clock, contact_id)
    except ValidationFailed as failed:
        return _refused(dict(failed.errors))
    print(t(f"callbacks_cli.done.{args.outcome}", name=one_line(name), id=args.id))
    return 0


def run_action(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    command = add_command if args.action == "add" else done_command
    return command(args, settings, clock)
