"""Due and overdue around midnight, week and year ends, and summer/winter time (Europe/Oslo)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tp_tui.clock import OSLO
from tp_tui.models import Callback, Participant
from tp_tui.services.callbacks import (
    callbacks_overview,
    default_due,
    due_callbacks,
    returned_same_day,
)
from tp_tui.settings import Settings


def owe(participant: Participant, received: datetime, due: datetime) -> Callback:
    return Callback.create(
        participant=participant,
        reason="r",
        received_at=received,
        due_at=due,
        created_at=received,
        updated_at=received,
    )


@pytest.fixture
def kari(db_path: Path) -> Participant:
    now = datetime(2026, 1, 1, tzinfo=OSLO)
    return Participant.create(name="Kari", created_at=now, updated_at=now)


def test_a_call_due_at_midnight_is_today_until_midnight(kari: Participant) -> None:
    due = datetime(2026, 11, 26, 23, 59, tzinfo=OSLO)
    owe(kari, due - timedelta(hours=10), due)
    just_before = datetime(2026, 11, 26, 23, 58, tzinfo=OSLO)
    assert [c.overdue for c in due_callbacks(just_before)] == [False]
    after_midnight = datetime(2026, 11, 27, 0, 1, tzinfo=OSLO)
    assert [c.overdue for c in due_callbacks(after_midnight)] == [True]


def test_week_ends_on_sunday_night(kari: Participant) -> None:
    sunday_night = datetime(2026, 11, 29, 23, 0, tzinfo=OSLO)
    monday = datetime(2026, 11, 30, 9, 0, tzinfo=OSLO)
    owe(kari, sunday_night - timedelta(days=3), sunday_night)
    owe(kari, sunday_night - timedelta(days=3), monday)
    thursday = datetime(2026, 11, 26, 10, 0, tzinfo=OSLO)
    overview = callbacks_overview(thursday)
    assert [c.due_at for c in overview.later_this_week] == [sunday_night]


def test_year_end_week_53(kari: Participant) -> None:
    new_year = datetime(2027, 1, 1, 10, 0, tzinfo=OSLO)  # Friday of ISO week 53 of 2026
    owe(kari, new_year, datetime(2027, 1, 3, 12, 0, tzinfo=OSLO))  # Sunday, same ISO week
    owe(kari, new_year, datetime(2027, 1, 4, 12, 0, tzinfo=OSLO))  # Monday, week 1
    overview = callbacks_overview(new_year)
    assert [c.due_at.day for c in overview.later_this_week] == [3]


@pytest.mark.parametrize(
    ("now", "due"),
    [
        (datetime(2026, 3, 29, 10, 0, tzinfo=OSLO), datetime(2026, 3, 29, 15, 30, tzinfo=OSLO)),
        (datetime(2026, 10, 25, 10, 0, tzinfo=OSLO), datetime(2026, 10, 25, 15, 30, tzinfo=OSLO)),
        (datetime(2026, 10, 25, 16, 0, tzinfo=OSLO), datetime(2026, 10, 25, 23, 59, tzinfo=OSLO)),
    ],
)
def test_default_due_on_daylight_saving_days(now: datetime, due: datetime) -> None:
    assert default_due(now, Settings()) == due
    assert default_due(now, Settings()).utcoffset() == due.utcoffset()


def test_overdue_across_the_autumn_change(kari: Participant) -> None:
    """02:30 happens twice on 25.10.2026. A call due at the first 02:30 (summer time) is
    overdue at 02:00 winter time, which is half an hour later in real time."""
    due = datetime(2026, 10, 25, 0, 30, tzinfo=UTC).astimezone(OSLO)  # 02:30, first time
    owe(kari, due - timedelta(hours=5), due)
    before = datetime(2026, 10, 25, 0, 0, tzinfo=UTC).astimezone(OSLO)  # 02:00 summer time
    after = datetime(2026, 10, 25, 1, 0, tzinfo=UTC).astimezone(OSLO)  # 02:00 winter time
    assert (before.hour, after.hour) == (2, 2)
    assert [c.overdue for c in due_callbacks(before)] == [False]
    assert [c.overdue for c in due_callbacks(after)] == [True]


def test_same_day_is_the_oslo_day() -> None:
    evening = datetime(2026, 11, 26, 23, 30, tzinfo=OSLO)
    assert returned_same_day(evening - timedelta(hours=2), evening)
    assert not returned_same_day(evening, evening + timedelta(hours=1))
