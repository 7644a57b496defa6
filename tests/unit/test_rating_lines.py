"""The ratings over time as the participant page shows them: numbers always, the chart where
it fits, the oldest left out (…) when the numbers do not fit."""

from __future__ import annotations

from datetime import date, timedelta

from tp_tui.domain import LifeArea
from tp_tui.services.ratings import RatingPoint
from tp_tui.views.rating_lines import rating_line, rating_lines

POINTS = (
    RatingPoint(date(2026, 9, 1), 1),
    RatingPoint(date(2026, 10, 1), 3),
    RatingPoint(date(2026, 11, 20), 4),
)


def test_numbers_days_and_a_chart_when_wide_enough() -> None:
    assert rating_line(POINTS, 60) == "1→3→4  01.09.2026–20.11.2026  ▂▅▇"


def test_no_chart_when_only_the_numbers_fit() -> None:
    assert rating_line(POINTS, 30) == "1→3→4  01.09.2026–20.11.2026"


def test_the_oldest_ratings_give_way_when_even_the_numbers_do_not_fit() -> None:
    start = date(2026, 1, 1)
    many = tuple(RatingPoint(start + timedelta(days=7 * n), 1 + n % 5) for n in range(30))
    line = rating_line(many, 50)
    assert len(line) <= 50 and line.startswith("…→") and line.split("  ")[0].endswith("→5")


def test_one_line_per_rated_area_in_one_column() -> None:
    lines = rating_lines({LifeArea.HOUSING: POINTS, LifeArea.HEALTH: POINTS[:1]}, 76)
    assert lines == [
        "Housing                     1→3→4  01.09.2026–20.11.2026  ▂▅▇",
        "Mental and physical health  1  01.09.2026  ▂",
    ]
    assert rating_lines({}, 76) == ["No ratings yet (r rates the life areas)."]
