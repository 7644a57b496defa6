"""When a meeting place was in use: from the revisions kept when it was added and changed.

Rounds planned count the place's weekday only on days it was in use: a place added in November
has no rounds planned in October, one closed in June still had its rounds until then.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, timedelta
from typing import cast

from tp_tui.models import MeetingPlace, Revision, RoundVisit


def _changes(place: MeetingPlace) -> tuple[bool | None, list[tuple[date, bool]]]:
    """The state before the history starts (None: the place did not exist), and each change
    as (day, in use afterwards), oldest first."""
    revisions = list(
        Revision.select(Revision.action, Revision.data, Revision.at)
        .where((Revision.entity == "meeting_place") & (Revision.entity_id == place.id))
        .order_by(Revision.at, Revision.id)
    )
    if not revisions:
        return bool(place.active), []
    befores: list[bool | None] = []
    for revision in revisions:
        before = json.loads(revision.data or "{}")
        befores.append(None if revision.action == "create" else bool(before.get("active", True)))
    afters = [*befores[1:], bool(place.active)]
    changes = []
    for revision, after in zip(revisions, afters, strict=True):
        changes.append((revision.at.date(), bool(after)))
    return befores[0], changes


def _last_visit(place: MeetingPlace) -> date | None:
    visited = RoundVisit.select(RoundVisit.visited_on).where(RoundVisit.place == place.id)
    days = cast(Iterable[tuple[date]], visited.order_by(RoundVisit.visited_on.desc()).tuples())
    return next(iter(days), (None,))[0]


def days_in_use(place: MeetingPlace, start: date, end: date) -> list[date]:
    """The place's weekday on each day of the period it was in use for some of the day.

    A place closed without any history kept (before revisions were recorded) counts as in use
    up to its last visit: when it was closed cannot be known.
    """
    first = start + timedelta(days=(place.weekday - start.weekday()) % 7)
    weekdays = []
    day = first
    while day <= end:
        weekdays.append(day)
        day += timedelta(days=7)
    initial, changes = _changes(place)
    if not changes and not place.active:
        last = _last_visit(place)
        return [day for day in weekdays if last is not None and day <= last]
    used = []
    for day in weekdays:
        at_start = initial
        during = []
        for changed_on, after in changes:
            if changed_on < day:
                at_start = after
            elif changed_on == day:
                during.append(after)
        if at_start or any(during):
            used.append(day)
    return used
