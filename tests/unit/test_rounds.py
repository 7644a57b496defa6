"""Rounds by the service: validation, the default place, the week grid."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tp_tui.clock import OSLO, FrozenClock
from tp_tui.models import MeetingPlace
from tp_tui.services.rounds import RoundInput, default_place, log_visit, rounds_grid
from tp_tui.services.validation import ValidationFailed


def place(name: str) -> int:
    return int(MeetingPlace.get(MeetingPlace.name == name).id)


def test_the_place_of_the_day_is_suggested_until_logged(db_path: Path, clock: FrozenClock) -> None:
    thursday = clock.today()
    assert default_place(thursday) == place("Kafé 103")
    log_visit(RoundInput(place("Kafé 103"), "i dag"), clock)
    assert default_place(thursday) == place("Kafé X")
    assert default_place(thursday + timedelta(days=1)) is None  # Friday: no rounds


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (RoundInput(None, "i dag"), "place"),
        (RoundInput(1, "i morgen"), "day"),
        (RoundInput(1, "i dag", minutes="lenge"), "minutes"),
        (RoundInput(1, "i dag", conversations="-1"), "conversations"),
        (RoundInput(1, "i dag", start="25:00"), "start"),
    ],
)
def test_bad_visits_are_refused(
    db_path: Path, clock: FrozenClock, data: RoundInput, field: str
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        log_visit(data, clock)
    assert field in caught.value.errors


def test_grid_marks_visited_missing_and_not_yet(db_path: Path) -> None:
    now = datetime(2026, 11, 26, 13, 0, tzinfo=OSLO)  # Kafé 103 (11:00) is over, Huset (14:00) not
    clock = FrozenClock(now)
    log_visit(RoundInput(place("Kafé X"), "i dag", minutes="45", conversations="3"), clock)
    log_visit(RoundInput(place("Huset"), "19.11.2026"), clock)
    grid = rounds_grid(now, weeks=2)
    this_week, last_week = date(2026, 11, 23), date(2026, 11, 16)
    assert grid.weeks == (last_week, this_week)
    kafe103 = grid.cells[(place("Kafé 103"), this_week)]
    kafex = grid.cells[(place("Kafé X"), this_week)]
    huset = grid.cells[(place("Huset"), this_week)]
    assert (kafe103.visited, kafe103.late) == (False, True)
    assert (kafex.visited, kafex.minutes, kafex.conversations) == (True, 45, 3)
    assert (huset.visited, huset.late) == (False, False)
    assert grid.cells[(place("Huset"), last_week)].visited
