"""``tp places``: the meeting places of the rounds — list, add, change."""

from __future__ import annotations

import argparse
import sys

from tp_tui.clock import Clock
from tp_tui.i18n import t
from tp_tui.settings import Settings

FIELD_LABELS = {
    "name": "plan.field.name",
    "threshold": "places.field.threshold",
    "weekday": "places.field.weekday",
    "start": "round.field.start",
    "minutes": "round.field.minutes",
}


def add_arguments(parser: argparse.ArgumentParser, shared: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    for name in ("add", "edit"):
        sub = actions.add_parser(name, parents=[shared], help=t(f"cli.help.places_{name}"))
        if name == "edit":
            sub.add_argument("place", help=t("cli.help.places_which"))
            sub.add_argument("--name", default="")
        else:
            sub.add_argument("name")
        sub.add_argument("--threshold", default="", help="low, sober, high")
        sub.add_argument("--weekday", default="", help=t("cli.help.places_weekday"))
        sub.add_argument("--time", default="", help="11:00")
        sub.add_argument("--minutes", default="", help="60")
        sub.add_argument("--active", choices=("yes", "no"), default=None)


def places_command(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    from tp_tui.services.places import PlaceInput, all_places, save_place
    from tp_tui.services.validation import ValidationFailed
    from tp_tui.text import one_line

    action = getattr(args, "action", None)
    if action in ("add", "edit"):
        place_id = None
        if action == "edit":
            found = [p for p in all_places() if str(p.id) == args.place or p.name == args.place]
            if not found:
                print(t("places.error.unknown", value=args.place), file=sys.stderr)
                return 2
            place_id = found[0].id
        data = PlaceInput(
            args.name,
            args.threshold,
            args.weekday,
            args.time,
            args.minutes,
            None if args.active is None else args.active == "yes",
        )
        try:
            save_place(data, place_id)
        except ValidationFailed as failed:
            for field, error in failed.errors.items():
                print(f"{t(FIELD_LABELS[field])}: {t(error.key, **error.params)}", file=sys.stderr)
            return 2
    for place in all_places():
        state = "" if place.active else f"  ({t('places.inactive')})"
        print(
            f"{place.id:>3}  {one_line(place.name):<20} {t('threshold.' + place.threshold):<22} "
            f"{t(f'weekday.{place.weekday}')} {place.start_time}, {place.planned_minutes} min"
            f"{state}"
        )
    return 0
