"""``tp log NAME``: a contact in one line, for those who would rather type than open the app."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from typing import TypeVar

from peewee import OperationalError

from tp_tui.clock import Clock
from tp_tui.domain import Arena, Code, ContactKind, ContactOutcome, Destination, LifeArea
from tp_tui.i18n import NORWEGIAN, catalogue, describe_moment, t
from tp_tui.phone import format_phone
from tp_tui.services.contacts import ContactInput, log_contact
from tp_tui.services.participants import RIVAL_SCORE, Match, find_participants, the_one_named
from tp_tui.services.validation import ValidationFailed
from tp_tui.settings import Settings
from tp_tui.text import one_line

EXIT_BAD_INPUT = 2
EXIT_STORAGE = 1
SHOWN_CANDIDATES = 5

FIELD_LABELS = {
    "participant": "log.field.participant",
    "when": "log.field.when",
    "kind": "log.field.kind",
    "arena": "log.field.arena",
    "destination": "log.field.destination",
    "duration": "log.field.duration",
    "outcome": "log.field.outcome",
}

C = TypeVar("C", bound=Code)


def codes(kind: type[Code]) -> str:
    """The valid codes of a list, for help texts and messages."""
    return ", ".join(member.value for member in kind)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", help=t("cli.help.log_name"))
    parser.add_argument("--kind", help=t("cli.help.kind", codes=codes(ContactKind)))
    parser.add_argument("--area", action="append", help=t("cli.help.area", codes=codes(LifeArea)))
    parser.add_argument("--when", default="now", help=t("cli.help.when"))
    parser.add_argument("--arena", help=t("cli.help.arena", codes=codes(Arena)))
    parser.add_argument("--to", help=t("cli.help.to", codes=codes(Destination)))
    parser.add_argument("--minutes", default="", help=t("cli.help.minutes"))
    parser.add_argument("--outcome", help=t("cli.help.outcome", codes=codes(ContactOutcome)))
    parser.add_argument("--note", default="", help=t("cli.help.note"))


def _spellings(member: Code) -> set[str]:
    """The code itself, and the Norwegian labels (bokmål and nynorsk: "bolig", "bustad") whole
    and split at "/" ("arbeid"), whatever the interface language."""
    spellings = {member.value}
    for language in NORWEGIAN:
        label = catalogue(language).get(member.label_key, "").casefold()
        spellings |= {label, *(part.strip() for part in label.split("/"))}
    return spellings - {""}


def parse_code(kind: type[C], text: str) -> C | None:
    """The member typed as its code ("phone", "home-visit") or a Norwegian label ("telefon")."""
    wanted = " ".join(text.casefold().split())
    as_code = wanted.replace("-", "_").replace(" ", "_")
    for member in kind:
        if as_code == member.value or wanted in _spellings(member):
            return member
    return None


class _Problems:
    """Everything wrong with the command line, said at once."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def code(self, kind: type[C], option: str, text: str | None) -> C | None:
        if text is None:
            return None
        member = parse_code(kind, text)
        if member is None:
            value = one_line(text)
            self.lines.append(t("log.unknown_code", option=option, value=value, codes=codes(kind)))
        return member

    def areas(self, values: Iterable[str]) -> tuple[LifeArea, ...]:
        found: list[LifeArea] = []
        for value in values:
            for part in value.split(","):
                area = self.code(LifeArea, "--area", part) if part.strip() else None
                if area is not None and area not in found:
                    found.append(area)
        return tuple(found)


def candidate_lines(matches: Sequence[Match]) -> list[str]:
    """Name and phone of each candidate, in two columns."""
    names = [one_line(match.name) for match in matches]
    width = max((len(name) for name in names), default=0)
    return [
        f"  {name.ljust(width)}  {one_line(format_phone(match.phone))}".rstrip()
        for name, match in zip(names, matches, strict=True)
    ]


def resolve_participant(query: str) -> tuple[Match | None, list[str]]:
    """The one participant ``query`` names, or the lines that say why there is none.

    The best match wins only when it is strictly better than the next; ties are never guessed.
    """
    matches = find_participants(query, limit=100, include_closed=True)
    typed = one_line(query)
    if not matches:
        return None, [t("log.no_match", query=typed)]
    picked = the_one_named(query, matches)
    if picked is not None:
        return picked, []
    rivals = [match for match in matches if match.score >= RIVAL_SCORE] or matches
    lines = [t("log.ambiguous", query=typed)]
    lines += candidate_lines(rivals[:SHOWN_CANDIDATES])
    if len(rivals) > SHOWN_CANDIDATES:
        lines.append(t("log.more", count=len(rivals) - SHOWN_CANDIDATES))
    return None, lines


def log_command(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    problems = _Problems()
    kind = problems.code(ContactKind, "--kind", args.kind)
    areas = problems.areas(args.area or [])
    arena = problems.code(Arena, "--arena", args.arena)
    destination = problems.code(Destination, "--to", args.to)
    outcome = problems.code(ContactOutcome, "--outcome", args.outcome)
    if args.to is not None and kind is None and args.kind is None:
        kind = ContactKind.ACCOMPANIMENT  # "--to nav" says what kind of contact it was
    if destination is not None and kind not in (None, ContactKind.ACCOMPANIMENT):
        problems.lines.append(t("log.to_needs_accompaniment"))
    match, lines = resolve_participant(args.name)
    problems.lines += lines
    if problems.lines or match is None:
        for line in problems.lines:
            print(line, file=sys.stderr)
        return EXIT_BAD_INPUT
    data = ContactInput(
        participant_id=match.id,
        when=args.when,
        kind=(kind or ContactKind.CONVERSATION).value,
        arena=arena.value if arena else "",
        destination=destination.value if destination else "",
        duration=args.minutes,
        life_areas=areas,
        outcome=(outcome or ContactOutcome.REACHED).value,
        note=args.note,
    )
    try:
        contact = log_contact(data, clock, settings)
    except ValidationFailed as failed:
        for field, error in failed.errors.items():
            label = t(FIELD_LABELS.get(field, field))
            print(f"{label}: {t(error.key, **error.params)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OperationalError as error:  # e.g. the database stayed locked by another copy
        print(t("log.not_saved", reason=one_line(str(error))), file=sys.stderr)
        return EXIT_STORAGE
    kind_label = t(ContactKind(contact.kind).label_key)
    when = describe_moment(contact.at)
    print(t("log.logged", kind=kind_label, name=one_line(match.name), when=when))
    return 0
