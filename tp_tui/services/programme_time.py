"""Closings and time in the programme, read from the stage history.

The participant row only remembers the latest closing: a participant closed in March and taken
in again in October has ``closed_on`` empty at year end, yet the March closing belongs in the
yearly report. So closings are counted from the stage records (entering stage 6), one per period;
a participant closed without any stage record (imported from an old list) is counted from the
participant row instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import cast

from tp_tui.domain import ClosingReason, Stage
from tp_tui.models import Participant, StageRecord

# Ranges of time in the programme for the report, in days: (up to and including, key).
TIME_RANGES: tuple[tuple[int | None, str], ...] = (
    (91, "under_3_months"),
    (182, "3_6_months"),
    (365, "6_12_months"),
    (730, "1_2_years"),
    (None, "over_2_years"),
)


@dataclass(frozen=True)
class Closing:
    participant_id: int
    on: date
    reason: str
    days: int | None
    """Days from the start of the closed period (intake for the first) to the closing."""


@dataclass(frozen=True)
class TimeInProgramme:
    median_days: int | None
    by_range: dict[str, int]
    """People active in the period, by how long they had been in the programme at its end."""


def _reason(code: str | None) -> str:
    known = {reason.value for reason in ClosingReason}
    return code if code in known else ClosingReason.OTHER.value


def _period_starts(ids: list[int]) -> dict[tuple[int, int], date]:
    """First day of each (participant, period), from the stage records."""
    starts: dict[tuple[int, int], date] = {}
    if not ids:
        return starts
    query = StageRecord.select(
        StageRecord.participant, StageRecord.period, StageRecord.entered_on
    ).where(StageRecord.participant.in_(ids))
    for participant_id, period, entered_on in cast(Iterable[tuple[int, int, date]], query.tuples()):
        key = (participant_id, period)
        if key not in starts or entered_on < starts[key]:
            starts[key] = entered_on
    return starts


def closings(start: date, end: date) -> list[Closing]:
    """Every closing in the period, with its reason and how long the closed period lasted."""
    records = cast(
        list[tuple[int, int, date, str | None]],
        list(StageRecord.select(
            StageRecord.participant, StageRecord.period, StageRecord.entered_on,
            StageRecord.closing_reason,
        )
        .where((StageRecord.stage == int(Stage.CLOSE)) & StageRecord.entered_on.between(start, end))
        .tuples()),
    )  # fmt: skip
    ids = sorted({row[0] for row in records})
    starts = _period_starts(ids)
    intakes: dict[int, date | None] = {}
    if ids:
        query = Participant.select(Participant.id, Participant.intake_on)
        intakes = dict(
            cast(Iterable[tuple[int, date | None]], query.where(Participant.id.in_(ids)).tuples())
        )
    found = []
    for participant_id, period, on, reason in records:
        began = starts.get((participant_id, period))
        intake = intakes.get(participant_id)
        if period == 1 and intake and (began is None or intake < began):
            began = intake
        days = (on - began).days if began else None
        found.append(Closing(participant_id, on, _reason(reason), days))
    with_history = StageRecord.select(StageRecord.participant).where(
        StageRecord.stage == int(Stage.CLOSE)
    )
    legacy = Participant.select(
        Participant.id, Participant.closed_on, Participant.closing_reason, Participant.intake_on
    ).where(Participant.closed_on.between(start, end) & Participant.id.not_in(with_history))
    rows = cast(Iterable[tuple[int, date, str | None, date | None]], legacy.tuples())
    for participant_id, on, reason, intake in rows:
        days = (on - intake).days if intake else None
        found.append(Closing(participant_id, on, _reason(reason), days))
    return sorted(found, key=lambda closing: (closing.on, closing.participant_id))


def time_in_programme(ids: list[int], end: date) -> TimeInProgramme:
    """How long each of ``ids`` had been in their current period by ``end`` (or their closing)."""
    from statistics import median

    rows = Participant.select(Participant.id, Participant.intake_on, Participant.closed_on)
    people = cast(
        list[tuple[int, date | None, date | None]],
        list(rows.where(Participant.id.in_(ids)).tuples()) if ids else [],
    )
    latest: dict[int, date] = {}
    for (participant_id, _period), began in sorted(_period_starts(ids).items()):
        if began <= end:
            latest[participant_id] = began  # sorted by period: the last one kept is the current
    counts = {key: 0 for _, key in TIME_RANGES}
    spans = []
    for participant_id, intake, closed in people:
        start_of_period = latest.get(participant_id, intake)
        if start_of_period is None:
            continue
        stop = min(end, closed) if closed and closed >= start_of_period else end
        days = max(0, (stop - start_of_period).days)
        spans.append(days)
        for limit, key in TIME_RANGES:
            if limit is None or days <= limit:
                counts[key] += 1
                break
    return TimeInProgramme(round(median(spans)) if spans else None, counts)
