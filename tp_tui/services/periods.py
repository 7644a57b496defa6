"""A participant's periods (closing and reopening start a new one) and who is closed, for the
page and the process board. Read only: the stage records are the history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from tp_tui.domain import ParticipantStatus, Stage
from tp_tui.models import Participant
from tp_tui.services.process import Card, stage_records


@dataclass(frozen=True)
class PeriodStage:
    stage: Stage
    entered_on: date
    reason: str


@dataclass(frozen=True)
class Period:
    number: int
    started_on: date
    closed_on: date | None
    closing_reason: str | None
    """A ClosingReason code, when the period was closed."""
    stages: tuple[PeriodStage, ...]


def periods_of(participant_id: int) -> tuple[Period, ...]:
    """Every period, oldest first, with its stages and why it closed."""
    by_number: dict[int, list[PeriodStage]] = {}
    reasons: dict[int, str | None] = {}
    for record in stage_records(participant_id):
        stage = Stage(record.stage)
        by_number.setdefault(record.period, []).append(
            PeriodStage(stage, record.entered_on, record.reason or "")
        )
        if stage == Stage.CLOSE:
            reasons[record.period] = record.closing_reason
    result = []
    for number, stages in sorted(by_number.items()):
        closed = stages[-1] if stages[-1].stage == Stage.CLOSE else None
        result.append(
            Period(
                number,
                stages[0].entered_on,
                closed.entered_on if closed else None,
                reasons.get(number) if closed else None,
                tuple(stages),
            )
        )
    return tuple(result)


def closed_cards(now: datetime) -> tuple[Card, ...]:
    """Closed participants (not archived) for the board's closed column, latest closed first."""
    today = now.date()
    people = Participant.select(
        Participant.id, Participant.name, Participant.closed_on, Participant.closing_reason
    ).where(
        (Participant.status == ParticipantStatus.CLOSED.value) & Participant.archived_at.is_null()
    )
    cards = [
        Card(
            person.id,
            person.name,
            Stage.CLOSE,
            person.closed_on or today,
            (today - (person.closed_on or today)).days,
            stalled=False,
            late=False,
            closing_reason=person.closing_reason,
        )
        for person in people
    ]
    return tuple(sorted(cards, key=lambda c: (c.days_in_stage, c.name)))
