"""The meeting places the rounds visit: configurable, never deleted (visits point to them)."""

from __future__ import annotations

from dataclasses import dataclass

from tp_tui.clock import Clock
from tp_tui.dates import time_of_day, weekday_number
from tp_tui.db import write
from tp_tui.domain import Threshold
from tp_tui.models import MeetingPlace
from tp_tui.services.history import record_revision, snapshot
from tp_tui.services.validation import FieldError, ValidationFailed


@dataclass(frozen=True)
class PlaceInput:
    """A meeting place as typed; empty strings leave a field as it is when editing."""

    name: str = ""
    threshold: str = ""
    weekday: str = ""
    start: str = ""
    minutes: str = ""
    active: bool | None = None


def save_place(
    data: PlaceInput, place_id: int | None = None, clock: Clock | None = None
) -> MeetingPlace:
    place = (
        MeetingPlace.get_by_id(place_id)
        if place_id
        else MeetingPlace(
            threshold=Threshold.LOW.value, weekday=3, start_time="12:00", planned_minutes=60
        )
    )
    errors: dict[str, FieldError] = {}
    if place_id is None and not data.name.strip():
        errors["name"] = FieldError("places.error.name")
    if data.name.strip():
        clash = MeetingPlace.get_or_none(MeetingPlace.name == data.name.strip())
        if clash is not None and clash.id != place_id:
            errors["name"] = FieldError("places.error.name_taken", {"name": data.name.strip()})
        place.name = data.name.strip()
    if data.threshold:
        if data.threshold not in {t.value for t in Threshold}:
            errors["threshold"] = FieldError("places.error.threshold", {"value": data.threshold})
        place.threshold = data.threshold
    if data.weekday:
        number = weekday_number(data.weekday)
        if number is None:
            errors["weekday"] = FieldError("places.error.weekday", {"value": data.weekday})
        else:
            place.weekday = number
    if data.start:
        start = time_of_day(data.start)
        if start is None:
            errors["start"] = FieldError("date.error.no_such_time")
        else:
            place.start_time = start.strftime("%H:%M")
    if data.minutes:
        digits = data.minutes.isascii() and data.minutes.isdigit() and len(data.minutes) <= 4
        if not digits or not 1 <= int(data.minutes) <= 600:
            errors["minutes"] = FieldError("round.error.count", {"max": 600})
        else:
            place.planned_minutes = int(data.minutes)
    if data.active is not None:
        place.active = data.active
    if errors:
        raise ValidationFailed(errors)
    now = (clock or Clock()).now()
    with write():
        if place_id is None:
            place.sort_order = MeetingPlace.select().count() + 1
            place.save()
            record_revision(place, "create", now, None)
        else:
            before = snapshot(MeetingPlace.get_by_id(place_id))
            place.save()
            record_revision(place, "update", now, None, before)
    return place


def all_places() -> list[MeetingPlace]:
    return list(MeetingPlace.select().order_by(MeetingPlace.sort_order, MeetingPlace.id))
