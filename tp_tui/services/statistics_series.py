"""Figures over time, for the charts: contacts per week and participants by stage over time.

Counts only, like the rest of the statistics. A point in a chart of people is a count of people,
so presentation hides 1–4 the same way as in the tables.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import cast

from peewee import fn

from tp_tui.clock import OSLO
from tp_tui.domain import Stage
from tp_tui.models import Contact, Participant, StageRecord
from tp_tui.services.moments import day_bounds

# A period longer than this is charted by month, a shorter one by week.
WEEKLY_UP_TO_DAYS = 92


@dataclass(frozen=True)
class WeekCount:
    monday: date
    count: int

    @property
    def week(self) -> int:
        return self.monday.isocalendar().week


@dataclass(frozen=True)
class StagePoint:
    on: date
    """The day counted: the end of a week or a month, or the period's last day."""
    by_stage: dict[int, int]
    """Participants in each stage 1–5 on that day (closed ones are no longer in the programme)."""


def weeks(start: date, end: date) -> list[date]:
    """The Monday of every week that has a day in the period."""
    monday = start - timedelta(days=start.weekday())
    found = []
    while monday <= end:
        found.append(monday)
        monday += timedelta(days=7)
    return found


def contacts_per_week(start: date, end: date) -> list[WeekCount]:
    """Contacts in each week of the period (local days), weeks with none included as 0.

    The database counts by UTC hour (the stored text up to the hour); each hour then falls on
    its local day. Oslo is a whole number of hours from UTC, so no hour straddles two days.
    """
    first, _ = day_bounds(start)
    _, after = day_bounds(end)
    counts = dict.fromkeys(weeks(start, end), 0)
    hour = fn.SUBSTR(Contact.at, 1, 13).coerce(False)  # the text itself, not a moment
    query = (
        Contact.select(hour, fn.COUNT(Contact.id))
        .where((Contact.at >= first) & (Contact.at < after))
        .group_by(hour)
    )
    for stamp, count in cast(Iterable[tuple[str, int]], query.tuples()):
        day = datetime.fromisoformat(stamp + ":00+00:00").astimezone(OSLO).date()
        counts[day - timedelta(days=day.weekday())] += count
    return [WeekCount(monday, count) for monday, count in counts.items()]


def sample_days(start: date, end: date) -> list[date]:
    """Sundays for a short period, month ends for a long one; the last day always included."""
    days: list[date] = []
    if (end - start).days <= WEEKLY_UP_TO_DAYS:
        day = start + timedelta(days=6 - start.weekday())
        while day < end:
            days.append(day)
            day += timedelta(days=7)
    else:
        month = date(start.year, start.month, 1)
        while True:
            following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
            last = following - timedelta(days=1)
            if last >= end:
                break
            days.append(last)
            month = following
    return [*days, end]


def stages_over_time(start: date, end: date) -> list[StagePoint]:
    """On each sample day, how many participants were in each stage 1–5."""
    people = Participant.select(Participant.id).where(
        Participant.intake_on.is_null(False) & (Participant.intake_on <= end)
    )
    records = cast(
        Iterable[tuple[int, int, date]],
        StageRecord.select(StageRecord.participant, StageRecord.stage, StageRecord.entered_on)
        .where(StageRecord.participant.in_(people) & (StageRecord.entered_on <= end))
        .order_by(StageRecord.participant, StageRecord.period, StageRecord.entered_on)
        .tuples(),
    )
    history: dict[int, list[tuple[date, int]]] = {}
    for participant_id, stage, entered_on in records:
        history.setdefault(participant_id, []).append((entered_on, stage))
    points = []
    for day in sample_days(start, end):
        by_stage = {int(stage): 0 for stage in Stage if stage != Stage.CLOSE}
        for steps in history.values():
            current = None
            for entered_on, stage in steps:
                if entered_on > day:
                    break
                current = stage
            if current is not None and current != Stage.CLOSE:
                by_stage[current] += 1
        points.append(StagePoint(day, by_stage))
    return points
