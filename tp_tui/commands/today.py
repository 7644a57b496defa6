"""``tp today``: the Today overview as plain text, for a terminal or a printer."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date

from tp_tui.clock import Clock
from tp_tui.domain import ContactKind
from tp_tui.i18n import format_date, format_datetime, format_time, long_day, t
from tp_tui.phone import format_phone
from tp_tui.services.callbacks import CallbackLine
from tp_tui.services.today import (
    ContactToday,
    NotHeardFrom,
    RoundStatus,
    TodayOverview,
    today_overview,
)
from tp_tui.settings import Settings
from tp_tui.text import one_line

INDENT = "  "
Row = tuple[str, ...]


def table(header_keys: Sequence[str], rows: Sequence[Row], empty_key: str) -> list[str]:
    """Aligned columns under translated headings, or one line that says there is nothing."""
    if not rows:
        return [INDENT + t(empty_key)]
    headers = tuple(t(key) for key in header_keys)
    widths = [max(len(row[i]) for row in (headers, *rows)) for i in range(len(headers))]
    return [
        INDENT + "  ".join(value.ljust(widths[i]) for i, value in enumerate(row)).rstrip()
        for row in (headers, *rows)
    ]


def _kind_label(code: str) -> str:
    try:
        return t(ContactKind(code).label_key)
    except ValueError:  # a code from a newer version: show it rather than fail
        return one_line(code)


def callback_rows(callbacks: Sequence[CallbackLine]) -> list[Row]:
    rows: list[Row] = []
    for due in callbacks:
        when = format_time(due.due_at)
        if due.overdue:
            when = f"{t('today.overdue')} {format_datetime(due.due_at)}"
        rows.append(
            (
                str(due.id),
                when,
                one_line(due.name),
                one_line(format_phone(due.phone)),
                one_line(due.reason),
            )
        )
    return rows


def contact_rows(contacts: Sequence[ContactToday]) -> list[Row]:
    return [
        (format_time(c.at), one_line(c.name), _kind_label(c.kind), one_line(c.note))
        for c in contacts
    ]


def not_heard_rows(people: Sequence[NotHeardFrom]) -> list[Row]:
    return [
        (
            one_line(person.name),
            one_line(format_phone(person.phone)),
            format_date(person.last_contact.date()) if person.last_contact else "–",
            str(person.days) if person.days is not None else t("today.never"),
        )
        for person in people
    ]


def round_rows(rounds: Sequence[RoundStatus]) -> list[Row]:
    rows: list[Row] = []
    for status in rounds:
        if status.visited:
            label = t("today.round_done")
        elif status.missing_after_planned:
            label = t("today.round_missing")
        else:
            label = t("today.round_planned")
        rows.append((one_line(status.place), format_date(status.planned_on), label))
    return rows


def render(overview: TodayOverview, settings: Settings) -> list[str]:
    """The lines of the overview: the day, then each section under its heading."""
    sections = (
        (
            t("today.callbacks"),
            (
                "today.col.number",
                "today.col.due",
                "today.col.who",
                "today.col.phone",
                "today.col.reason",
            ),
            callback_rows(overview.callbacks),
            "today.none_callbacks",
        ),
        (
            t("today.contacts"),
            ("today.col.time", "today.col.who", "today.col.kind", "today.col.note"),
            contact_rows(overview.contacts),
            "today.none_contacts",
        ),
        (
            t("today.not_heard", count=settings.not_heard_days),
            ("today.col.who", "today.col.phone", "today.col.last", "today.col.days"),
            not_heard_rows(overview.not_heard_from),
            "today.none_not_heard",
        ),
        (
            t("today.rounds"),
            ("today.col.place", "today.col.planned", "today.col.status"),
            round_rows(overview.rounds),
            "cli.today.none_rounds",
        ),
    )
    lines = [long_day(overview.day)]
    for heading, header_keys, rows, empty_key in sections:
        lines += ["", heading, *table(header_keys, rows, empty_key)]
        if empty_key == "today.none_callbacks" and overview.consents_ending:
            # Shown only when one ends soon, as on the screen: renewing it is owed, like a call.
            ending = ("today.col.who", "today.col.consent", "today.col.ends")
            lines += ["", t("today.consents"), *table(ending, consent_rows(overview), "")]
    return lines


def consent_rows(overview: TodayOverview) -> list[Row]:
    from tp_tui.consent_words import recipient_label

    return [
        (
            one_line(line.name),
            f"{t(f'consent.{line.scope}')} → {recipient_label(line.recipient)}",
            format_date(line.expires_on),
        )
        for line in overview.consents_ending
    ]


def _action_point_lines(today: date, mine: int | None) -> list[str]:
    """The group meetings' action points due today or before; nothing when none is due."""
    from tp_tui.services.action_points import due_action_points

    rows = [
        (format_date(a.due_on), one_line(a.participant_name), one_line(a.text), one_line(a.owner))
        for a in due_action_points(today, mine)
    ]
    if not rows:
        return []
    header = ("meetings.col.due", "meetings.col.who", "meetings.col.what", "meetings.col.owner")
    return ["", t("meetings.today_title"), *table(header, rows, "meetings.no_actions")]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--team", action="store_true", help=t("cli.help.today_team"))


def today_command(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    """Mine by default, as the screen opens; ``--team`` for everyone's (the rounds are always
    the team's). The day line says which, on a database with more than one trust person."""
    from tp_tui.services.callback_list import list_owner

    mine = list_owner(args.team)
    overview = today_overview(clock.now(), settings, mine=mine)
    lines = render(overview, settings)
    actions = _action_point_lines(clock.now().date(), mine)
    if actions:  # after the calls owed, as on the screen
        at = lines.index(t("today.contacts")) - 1
        lines[at:at] = actions
    # list_owner gives mine only on a database of several trust persons; --team asks again.
    if mine is not None:
        from tp_tui.services.team import trust_person_name

        lines[0] += f" · {one_line(trust_person_name(mine))}"
    elif args.team:
        from tp_tui.services.team import is_single_user

        if not is_single_user():
            lines[0] += f" · {t('team.scope_team')}"
    for line in lines:
        print(line)
    return 0
