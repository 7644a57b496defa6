"""How each life area stood over time: every rating kept with its day, and the change between
the first and the latest rating of each life area, per participant and for the yearly report.

A rating is set with the participant on a day, which may be an earlier day than the day it is
typed in (the intake rating, written up afterwards); a day after today is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import cast

from tp_tui.domain import LifeArea
from tp_tui.models import AreaRating
from tp_tui.services.suppression import Protected, protect
from tp_tui.services.validation import FieldError, ValidationFailed

EARLIEST_RATING = date(2000, 1, 1)


@dataclass(frozen=True)
class RatingPoint:
    on: date
    rating: int


def check_rated_on(rated_on: date, today: date) -> None:
    """A rating's day is today or before (and not before the app could have been used)."""
    if rated_on > today:
        raise ValidationFailed({"rated_on": FieldError("ratings.error.future")})
    if rated_on < EARLIEST_RATING:
        raise ValidationFailed({"rated_on": FieldError("ratings.error.too_early")})


def rating_history(participant_id: int) -> dict[LifeArea, tuple[RatingPoint, ...]]:
    """Every rating of every life area, oldest first (two on one day: the later typed last)."""
    found: dict[str, list[RatingPoint]] = {}
    query = (
        AreaRating.select(AreaRating.life_area, AreaRating.rating, AreaRating.rated_on)
        .where(AreaRating.participant == participant_id)
        .order_by(AreaRating.rated_on, AreaRating.id)
    )
    for row in query:
        found.setdefault(row.life_area, []).append(RatingPoint(row.rated_on, int(row.rating)))
    return {area: tuple(found.get(area.value, ())) for area in LifeArea}


def sparkline(points: tuple[RatingPoint, ...]) -> str:
    """A small chart of ratings 1–5, one block per rating."""
    blocks = " ▂▄▅▇█"
    return "".join(blocks[point.rating] for point in points)


@dataclass(frozen=True)
class AreaChange:
    """Participants rated on two days or more in a life area, by how the latest rating stands
    to the first: better, the same, worse (hidden as every breakdown of people)."""

    area: LifeArea
    rated_twice: int
    better: int
    same: int
    worse: int

    @property
    def protected(self) -> Protected:
        return protect((self.better, self.same, self.worse), self.rated_twice)


def rating_changes(participant_ids: list[int], end: date) -> tuple[AreaChange, ...]:
    """Per life area, the change between each participant's first rating and their latest
    rating on or before ``end``, among ``participant_ids`` (those active in the period)."""
    series: dict[tuple[int, str], list[tuple[date, int]]] = {}
    chosen = set(participant_ids)
    query = (
        AreaRating.select(
            AreaRating.participant, AreaRating.life_area, AreaRating.rating, AreaRating.rated_on
        )
        .where(AreaRating.rated_on <= end)
        .order_by(AreaRating.rated_on, AreaRating.id)
    )
    rows = cast("list[tuple[int, str, int, date]]", list(query.tuples()))
    for participant_id, code, rating, rated_on in rows:
        if participant_id in chosen:
            series.setdefault((int(participant_id), str(code)), []).append(
                (rated_on, int(rating))
            )
    result = []
    for area in LifeArea:
        changes = [
            points[-1][1] - points[0][1]
            for (_, code), points in series.items()
            if code == area.value and points[-1][0] != points[0][0]
        ]
        result.append(
            AreaChange(
                area,
                len(changes),
                sum(1 for c in changes if c > 0),
                sum(1 for c in changes if c == 0),
                sum(1 for c in changes if c < 0),
            )
        )
    return tuple(result)
