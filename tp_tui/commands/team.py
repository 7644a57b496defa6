"""``tp team``: who I am, the colleagues, who has left, who is at work today.

``tp team`` lists the team; ``me``, ``add``, ``edit``, ``inactive``, ``active``, ``present``,
``absent`` and ``handover`` change it and then list it. Bad input: a message per field and exit
status 2.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from tp_tui.clock import Clock
from tp_tui.i18n import t
from tp_tui.settings import Settings

if TYPE_CHECKING:
    from tp_tui.services.team_admin import TeamMember
    from tp_tui.services.validation import ValidationFailed

EXIT_BAD_INPUT = 2

FIELD_LABELS = {
    "name": "team_admin.field.name",
    "initials": "team_admin.field.initials",
    "login": "team_admin.field.login",
}


def add_arguments(parser: argparse.ArgumentParser, shared: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    me = actions.add_parser("me", parents=[shared], help=t("team_admin.cli.help.me"))
    me.add_argument("--name", default=None, help=t("team_admin.cli.help.name"))
    me.add_argument("--initials", default=None, help=t("team_admin.cli.help.initials"))
    add = actions.add_parser("add", parents=[shared], help=t("team_admin.cli.help.add"))
    add.add_argument("login", help=t("team_admin.cli.help.login"))
    add.add_argument("--name", required=True, help=t("team_admin.cli.help.name"))
    add.add_argument("--initials", default="", help=t("team_admin.cli.help.initials"))
    edit = actions.add_parser("edit", parents=[shared], help=t("team_admin.cli.help.edit"))
    edit.add_argument("login", help=t("team_admin.cli.help.login"))
    edit.add_argument("--name", default=None, help=t("team_admin.cli.help.name"))
    edit.add_argument("--initials", default=None, help=t("team_admin.cli.help.initials"))
    edit.add_argument(
        "--login", dest="new_login", default=None, help=t("team_admin.cli.help.new_login")
    )
    for name in ("inactive", "active"):
        sub = actions.add_parser(name, parents=[shared], help=t(f"team_admin.cli.help.{name}"))
        sub.add_argument("login", help=t("team_admin.cli.help.login"))
    for name in ("present", "absent"):
        actions.add_parser(name, parents=[shared], help=t(f"team_admin.cli.help.{name}"))
    handover = actions.add_parser(
        "handover", parents=[shared], help=t("team_admin.cli.help.handover")
    )
    handover.add_argument("login", help=t("team_admin.cli.help.login"))
    handover.add_argument("--to", required=True, metavar="LOGIN", help=t("team_admin.cli.help.to"))
    handover.add_argument("--note", default="", help=t("team_admin.cli.help.note"))


def _errors(failed: ValidationFailed) -> int:
    from tp_tui.text import one_line

    for field, error in failed.errors.items():
        message = one_line(t(error.key, **error.params))  # may hold a colleague's name
        label = FIELD_LABELS.get(field)
        print(f"{t(label)}: {message}" if label else message, file=sys.stderr)
    return EXIT_BAD_INPUT


def team_command(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    from tp_tui.folding import initials as initials_of
    from tp_tui.services import team_admin as admin
    from tp_tui.services.team import current_trust_person, login_name
    from tp_tui.services.validation import ValidationFailed
    from tp_tui.text import one_line

    action = getattr(args, "action", None)
    login = login_name()
    try:
        if action == "me":
            me = current_trust_person(clock, login=login)
            name = me.name if args.name is None else args.name
            initials = me.initials if args.initials is None else args.initials
            if args.initials is None and me.initials == initials_of(me.name).upper():
                initials = ""  # made from the old name: made again from the new one
            saved = admin.update_me(admin.PersonInput(name, initials), clock, login)
            print(t("team_admin.saved", name=one_line(saved.name)))
        elif action == "add":
            added = admin.add_colleague(
                admin.PersonInput(args.name, args.initials, args.login), clock
            )
            print(t("team_admin.added", name=one_line(added.name)))
        elif action == "handover":
            from tp_tui.services.handover import HandoverInput, hand_over_everything

            giver, taker = admin.find_by_login(args.login), admin.find_by_login(args.to)
            for wanted, found in ((args.login, giver), (args.to, taker)):
                if found is None:
                    print(t("team_admin.cli.unknown", login=one_line(wanted)), file=sys.stderr)
                    return EXIT_BAD_INPUT
            assert giver is not None and taker is not None
            moved = hand_over_everything(
                int(giver.id), HandoverInput(int(taker.id), note=args.note), clock
            )
            print(
                t(
                    "handover.saved_everything",
                    participants=t("handover.participants", count=moved.participants),
                    callbacks=t("handover.callbacks", count=moved.callbacks),
                )
            )
        elif action in ("edit", "inactive", "active"):
            person = admin.find_by_login(args.login)
            if person is None:
                print(t("team_admin.cli.unknown", login=one_line(args.login)), file=sys.stderr)
                return EXIT_BAD_INPUT
            if action == "edit":
                data = admin.PersonInput(
                    person.name if args.name is None else args.name,
                    person.initials if args.initials is None else args.initials,
                    person.login if args.new_login is None else args.new_login,
                )
                saved = admin.update_person(int(person.id), data, clock, login)
                print(t("team_admin.saved", name=one_line(saved.name)))
            else:
                left = admin.set_active(int(person.id), action == "active", clock, login)
                done = "team_admin.now_active" if action == "active" else "team_admin.now_inactive"
                print(t(done, name=one_line(person.name)))
                if left and action == "inactive":
                    print(
                        t(
                            "team_admin.still_responsible_cli",
                            name=one_line(person.name),
                            left=left.describe(),
                            login=one_line(person.login),
                        ),
                        file=sys.stderr,
                    )
        elif action in ("present", "absent"):
            admin.set_present(action == "present", clock, login)
            print(t(f"team_admin.{action}_marked"))
    except ValidationFailed as failed:
        return _errors(failed)
    print_team(admin.list_team(login, clock.today()))
    return 0


def print_team(members: tuple[TeamMember, ...]) -> None:
    """The team as plain lines: a star for me, then name, initials, login, state."""
    from tp_tui.text import one_line

    if not members:
        print(t("team_admin.empty"))
        return
    for member in members:
        state = t("team_admin.active_yes" if member.active else "team_admin.active_no")
        if member.present_today:
            state += ", " + t("team_admin.present_yes")
        mark = "*" if member.is_me else " "
        print(
            f"{mark} {one_line(member.name):<28} {one_line(member.initials):<5} "
            f"{one_line(member.login) or '–':<16} {state}"
        )
    if any(member.is_me for member in members):
        print(t("team_admin.cli.legend"))
