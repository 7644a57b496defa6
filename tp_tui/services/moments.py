"""Days and due times in Oslo, reckoned right across summer and winter time."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from tp_tui.clock import OSLO


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The start of this day and of the next, in Oslo time (23 or 25 hours on DST days)."""
    start = datetime.combine(day, time(0, 0), OSLO)
    end = datetime.combine(day + timedelta(days=1), time(0, 0), OSLO)
    return start, end


def is_overdue(due_at: datetime, done_at: datetime | None, now: datetime) -> bool:
    """A callback not returned by its due time.

    Compared in UTC: Python compares two Oslo times by the clock on the wall, which is wrong
    in the hour that happens twice when summer time ends.
    """
    return done_at is None and due_at.astimezone(UTC) < now.astimezone(UTC)
