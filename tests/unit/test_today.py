"""What is due, overdue and quiet: plain functions around midnight and DST."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from tp_tui.clock import OSLO
from tp_tui.models import Callback, Contact, Participant
from tp_tui.services.callbacks import due_callbacks
from tp_tui.services.moments import day_bounds, is_overdue
from tp_tui.services.today import not_heard_from


def person(name: str, now: datetime) -> Participant:
    return Participant.create(name=name, created_at=now, updated_at=now)


def test_day_bounds_on_daylight_saving_days() -> None:
    # Same-zone subtraction is wall-clock arithmetic in Python; real elapsed time needs UTC.
    start, end = day_bounds(date(2026, 3, 29))
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=23)
    start, end = day_bounds(date(2026, 10, 25))
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=25)


def test_overdue_is_after_the_due_time_only() -> None:
    due = datetime(2026, 11, 26, 15, 30, tzinfo=OSLO)
    assert not is_overdue(due, None, due)
    assert is_overdue(due, None, due + timedelta(minutes=1))
    assert not is_overdue(due, due, due + timedelta(days=1))


def test_due_today_and_overdue_oldest_first(db_path: Path) -> None:
    now = datetime(2026, 11, 26, 10, 0, tzinfo=OSLO)
    kari = person("Kari", now)

    def owe(due: datetime, done: datetime | None = None) -> None:
        Callback.create(
            participant=kari,
            reason="r",
            received_at=now,
            due_at=due,
            done_at=done,
            created_at=now,
            updated_at=now,
        )

    owe(datetime(2026, 11, 26, 15, 30, tzinfo=OSLO))
    owe(datetime(2026, 11, 25, 15, 30, tzinfo=OSLO))
    owe(datetime(2026, 11, 26, 23, 59, tzinfo=OSLO))
    owe(datetime(2026, 11, 27, 0, 0, tzinfo=OSLO))  # tomorrow: not yet
    owe(datetime(2026, 11, 20, 15, 30, tzinfo=OSLO), done=now)  # done: gone
    due = due_callbacks(now)
    assert [(c.due_at.day, c.overdue) for c in due] == [(25, True), (26, False), (26, False)]


def test_not_heard_from_counts_days_and_never(db_path: Path) -> None:
    now = datetime(2026, 11, 26, 10, 0, tzinfo=OSLO)
    quiet, recent = person("Stille", now), person("Nylig", now)
    person("Aldri", now)
    for who, days in ((quiet, 15), (recent, 13)):
        at = now - timedelta(days=days)
        Contact.create(participant=who, at=at, kind="phone", created_at=at, updated_at=at)
    rows = not_heard_from(now, 14)
    assert [(r.name, r.days) for r in rows] == [("Aldri", None), ("Stille", 15)]
