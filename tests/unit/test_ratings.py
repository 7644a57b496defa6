"""Ratings with their day: an intake rating written up afterwards, every rating kept over time,
several areas rated in one change, and the change between first and latest rating per life area
for the yearly report, small groups hidden."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from tp_tui.clock import OSLO, FrozenClock
from tp_tui.domain import LifeArea
from tp_tui.models import AreaRating, Participant
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.services.plan import rate_area, rate_areas
from tp_tui.services.ratings import RatingPoint, rating_changes, rating_history
from tp_tui.services.suppression import SHOWN, SMALL
from tp_tui.services.undo import undo_last
from tp_tui.services.validation import ValidationFailed

pytestmark = pytest.mark.engines


@pytest.fixture
def kari(db_path: Path, clock: FrozenClock) -> Participant:
    return add_participant(ParticipantInput(name="Kari Fiktiv", intake="01.09.2026"), clock)


def test_an_intake_rating_is_entered_afterwards_with_its_own_day(
    kari: Participant, clock: FrozenClock
) -> None:
    rate_area(kari.id, LifeArea.HOUSING, 4, clock)  # today, 26.11.2026
    rate_area(kari.id, LifeArea.HOUSING, 1, clock, date(2026, 9, 1))  # the intake, typed now
    rate_area(kari.id, LifeArea.HOUSING, 3, clock, date(2026, 10, 15))
    assert rating_history(kari.id)[LifeArea.HOUSING] == (
        RatingPoint(date(2026, 9, 1), 1),
        RatingPoint(date(2026, 10, 15), 3),
        RatingPoint(date(2026, 11, 26), 4),
    )
    assert rating_history(kari.id)[LifeArea.INCOME] == ()


def test_a_day_still_to_come_is_refused_and_nothing_is_saved(
    kari: Participant, clock: FrozenClock
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        rate_areas(kari.id, {LifeArea.HOUSING: 2, LifeArea.INCOME: 3}, clock, date(2026, 11, 27))
    assert refused.value.errors["rated_on"].key == "ratings.error.future"
    with pytest.raises(ValidationFailed):
        rate_areas(kari.id, {LifeArea.HOUSING: 6}, clock, date(2026, 11, 20))
    assert AreaRating.select().count() == 0


def test_areas_rated_together_are_one_change_for_undo(
    kari: Participant, clock: FrozenClock
) -> None:
    rate_area(kari.id, LifeArea.SAFETY, 2, clock, date(2026, 9, 1))
    rate_areas(kari.id, {LifeArea.HOUSING: 2, LifeArea.INCOME: 3}, clock, date(2026, 11, 20))
    assert AreaRating.select().count() == 3
    undone = undo_last(clock)
    assert undone is not None
    assert [(r.life_area, r.rating) for r in AreaRating.select()] == [("safety", 2)]


def _rated(name: str, clock: FrozenClock, first: int, latest: int | None) -> int:
    person = add_participant(ParticipantInput(name=name, intake="01.09.2026"), clock)
    rate_area(person.id, LifeArea.HOUSING, first, clock, date(2026, 9, 1))
    if latest is not None:
        rate_area(person.id, LifeArea.HOUSING, latest, clock, date(2026, 11, 1))
    return int(person.id)


def test_statistics_count_better_same_worse_between_first_and_latest(
    db_path: Path, clock: FrozenClock
) -> None:
    ids = [_rated(f"Fiktiv Bedre {n}", clock, 1, 3) for n in range(6)]
    ids += [_rated(f"Fiktiv Lik {n}", clock, 2, 2) for n in range(5)]
    ids += [_rated("Fiktiv Verre", clock, 4, 2)]
    ids += [_rated("Fiktiv Én gang", clock, 3, None)]  # rated once: no change to count
    housing = rating_changes(ids, date(2026, 12, 31))[0]
    assert housing.area == LifeArea.HOUSING
    assert (housing.rated_twice, housing.better, housing.same, housing.worse) == (12, 6, 5, 1)
    # One worse is a small group; other cells are hidden beside it so it cannot be worked out.
    states = housing.protected.states
    assert states[2] == SMALL and list(states).count(SHOWN) < 2

    # As of a day before the second ratings, nobody was rated twice.
    assert rating_changes(ids, date(2026, 10, 1))[0].rated_twice == 0
    # Only the participants asked about count.
    assert rating_changes(ids[:6], date(2026, 12, 31))[0].better == 6


def test_the_frozen_clock_is_the_day_of_the_ratings(clock: FrozenClock) -> None:
    assert clock.now() == datetime(2026, 11, 26, 10, 0, tzinfo=OSLO)


def test_the_summary_shows_ratings_over_time_only_where_goals_are_shared(
    kari: Participant, clock: FrozenClock
) -> None:
    from tp_tui.export.summary import render_markdown
    from tp_tui.models import ConsentGrant
    from tp_tui.services.summary import participant_summary

    rate_area(kari.id, LifeArea.HOUSING, 1, clock, date(2026, 9, 1))
    rate_area(kari.id, LifeArea.HOUSING, 3, clock, date(2026, 11, 1))
    ConsentGrant.create(participant=kari.id, scope="process", given_on=date(2026, 9, 1))
    hidden = participant_summary(kari.id, clock.now())
    assert hidden.ratings is None
    assert "1 (01.09.2026)" not in render_markdown(hidden)

    ConsentGrant.create(participant=kari.id, scope="goals", given_on=date(2026, 9, 1))
    shown = participant_summary(kari.id, clock.now())
    assert shown.ratings is not None and LifeArea.INCOME not in shown.ratings
    text = render_markdown(shown)
    assert "## How the life areas stood (1 hard – 5 good)" in text
    assert "- Housing: 1 (01.09.2026) → 3 (01.11.2026)" in text


def test_the_yearly_report_shows_the_change_per_life_area_small_counts_hidden(
    db_path: Path, clock: FrozenClock
) -> None:
    from tp_tui.export.statistics import render_text, rows
    from tp_tui.services.statistics import period_stats

    for n in range(6):
        _rated(f"Fiktiv Bedre {n}", clock, 1, 3)
    _rated("Fiktiv Verre", clock, 4, 2)
    stats = period_stats(date(2026, 1, 1), date(2026, 12, 31))
    shown = {
        figure: value
        for section, figure, value in rows(stats)
        if section == "Ratings: latest against first, per life area"
    }
    assert shown == {
        "Housing: rated on two days or more": "7",
        "Housing: better": "hidden",  # 6 of 7 would tell that the one left is worse
        "Housing: the same": "0",
        "Housing: worse": "< 5",
    }
    assert "Housing: rated on two days or more" in render_text(stats)
