"""The process from intake to closure: stage changes with dates and reasons, the board.

History is never rewritten: a stage change adds a record; closing and reopening start and end
periods. The model expects 3–6 months; closing earlier asks first and the answer is kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import cast

from peewee import fn

from tp_tui.clock import Clock
from tp_tui.dates import DateParseError, parse_date
from tp_tui.db import write
from tp_tui.domain import ClosingReason, ParticipantStatus, Stage
from tp_tui.models import ChecklistMark, Contact, Participant, StageRecord, db
from tp_tui.services.history import delete_revised, name_change, record_revision, revised
from tp_tui.services.validation import FieldError, ValidationFailed
from tp_tui.settings import Settings

EXPECTED_MINIMUM_DAYS = 91  # "minimum 3–6 months" in the model


class EarlyClose(Exception):
    """Closing before three months: the user must confirm, and the answer is recorded."""

    def __init__(self, days: int) -> None:
        super().__init__(days)
        self.days = days


def stage_records(participant_id: int, period: int | None = None) -> list[StageRecord]:
    query = StageRecord.select().where(StageRecord.participant == participant_id)
    if period is not None:
        query = query.where(StageRecord.period == period)
    return list(query.order_by(StageRecord.period, StageRecord.entered_on, StageRecord.id))


def current_record(participant_id: int) -> StageRecord | None:
    records = stage_records(participant_id)
    return records[-1] if records else None


def period_start(participant_id: int, period: int) -> date | None:
    records = stage_records(participant_id, period)
    return records[0].entered_on if records else None


def check_stage_change(
    participant: Participant,
    current: StageRecord | None,
    to_stage: Stage,
    on: date,
    today: date,
    reason: str,
) -> dict[str, FieldError]:
    """The rules, as a plain function: order, dates, reasons."""
    errors: dict[str, FieldError] = {}
    if on > today:
        errors["on"] = FieldError("process.error.future")
    if current is not None:
        if on < current.entered_on:
            errors["on"] = FieldError(
                "process.error.before_previous", {"date": current.entered_on.strftime("%d.%m.%Y")}
            )
        if to_stage == current.stage:
            errors["stage"] = FieldError("process.error.same_stage")
        elif to_stage < current.stage and not reason.strip():
            errors["reason"] = FieldError("process.error.reason_needed")
        if current.stage == Stage.CLOSE:
            errors["stage"] = FieldError("process.error.closed")
    return errors


def change_stage(
    participant_id: int,
    to_stage: Stage,
    on_text: str,
    reason: str,
    clock: Clock,
    closing_reason: str | None = None,
    confirm_early: bool = False,
) -> StageRecord:
    """Record entering ``to_stage`` on the given day; closing sets the participant closed."""
    now = clock.now()
    participant = Participant.get_by_id(participant_id)
    current = current_record(participant_id)
    errors: dict[str, FieldError] = {}
    on = now.date()
    try:
        on = parse_date(on_text, now.date(), "past") if on_text.strip() else now.date()
    except DateParseError as error:
        errors["on"] = FieldError(error.key, dict(error.params))
    errors.update(check_stage_change(participant, current, to_stage, on, now.date(), reason))
    closing = to_stage == Stage.CLOSE
    if closing and closing_reason not in {r.value for r in ClosingReason}:
        errors["closing_reason"] = FieldError("process.error.closing_reason")
    if errors:
        raise ValidationFailed(errors)
    period = current.period if current else 1
    start = period_start(participant_id, period) or participant.intake_on or on
    days = (on - start).days
    if closing and days < EXPECTED_MINIMUM_DAYS and not confirm_early:
        raise EarlyClose(days)
    with write():
        record = StageRecord.create(
            participant=participant_id,
            period=period,
            stage=int(to_stage),
            entered_on=on,
            reason=reason.strip(),
            closing_reason=closing_reason if closing else None,
            early_close_confirmed=(days < EXPECTED_MINIMUM_DAYS) if closing else None,
            recorded_at=now,
        )
        record_revision(record, "create", now, participant_id)
        name_change("stage.close" if closing else "stage.move")
        if closing:
            with revised(participant, now, participant_id):
                participant.status = ParticipantStatus.CLOSED.value
                participant.closed_on = on
                participant.closing_reason = closing_reason
    return record


def reopen(participant_id: int, on_text: str, reason: str, clock: Clock) -> StageRecord:
    """A closed participant comes back: a new period from stage 1; the old one stays as it was."""
    now = clock.now()
    participant = Participant.get_by_id(participant_id)
    current = current_record(participant_id)
    on = now.date()
    try:
        on = parse_date(on_text, now.date(), "past") if on_text.strip() else now.date()
    except DateParseError as error:
        raise ValidationFailed({"on": FieldError(error.key, dict(error.params))}) from None
    if on > now.date():
        raise ValidationFailed({"on": FieldError("process.error.future")})
    if participant.status != ParticipantStatus.CLOSED.value:
        raise ValidationFailed({"stage": FieldError("process.error.not_closed")})
    with write():
        record = StageRecord.create(
            participant=participant_id,
            period=(current.period + 1) if current else 1,
            stage=int(Stage.ESTABLISH),
            entered_on=on,
            reason=reason.strip(),
            recorded_at=now,
        )
        record_revision(record, "create", now, participant_id)
        name_change("stage.reopen")
        with revised(participant, now, participant_id):
            participant.status = ParticipantStatus.ACTIVE.value
            participant.closed_on = None
            participant.closing_reason = None
    return record


def checklist_done(participant_id: int) -> set[str]:
    """Checklist items done in the current period (any stage)."""
    current = current_record(participant_id)
    period = current.period if current else 1
    return {
        mark.item
        for mark in ChecklistMark.select(ChecklistMark.item).where(
            (ChecklistMark.participant == participant_id) & (ChecklistMark.period == period)
        )
    }


def tick(participant_id: int, stage: Stage, item: str, done: bool, clock: Clock) -> None:
    """Tick (or untick) a checklist item of the current period, dated today."""
    current = current_record(participant_id)
    period = current.period if current else 1
    with write():
        existing = ChecklistMark.get_or_none(
            (ChecklistMark.participant == participant_id)
            & (ChecklistMark.period == period)
            & (ChecklistMark.stage == int(stage))
            & (ChecklistMark.item == item)
        )
        if done and existing is None:
            mark = ChecklistMark.create(
                participant=participant_id,
                period=period,
                stage=int(stage),
                item=item,
                done_on=clock.today(),
            )
            record_revision(mark, "create", clock.now(), participant_id)
        elif not done and existing is not None:
            delete_revised(existing, clock.now(), participant_id)


@dataclass(frozen=True)
class Card:
    participant_id: int
    name: str
    stage: Stage
    entered_on: date
    days_in_stage: int
    stalled: bool
    late: bool  # past the expected time, counted from the start of the period
    days_since_start: int = 0
    closing_reason: str | None = None
    """Why it ended (a ClosingReason code), on a closed participant's card."""


def _day(stored: str | date) -> date:
    """A DateField value as SQLite returns it, read without peewee."""
    return stored if isinstance(stored, date) else date.fromisoformat(stored[:10])


def process_board(now: datetime, settings: Settings) -> dict[Stage, tuple[Card, ...]]:
    """Active and paused participants by stage, with who has stalled or is past expected time."""
    today = now.date()
    working = Participant.select(Participant.id).where(
        Participant.status.in_([ParticipantStatus.ACTIVE.value, ParticipantStatus.PAUSED.value])
        & Participant.archived_at.is_null()
    )
    # The last contact as a correlated (SELECT MAX(at) …): one step down the contact
    # (participant_id, at) index per person, where a GROUP BY reads all their contacts.
    latest = Contact.alias("latest")
    last_at = latest.select(fn.MAX(latest.at)).where(latest.participant == Participant.id)
    people = sorted(
        cast(
            Iterable[tuple[int, str, str | None]],
            working.select(Participant.id, Participant.name, last_at).tuples(),
        )
    )
    # Everything else in one query per table for all of them (a subquery, not a list of ids):
    # the statements a board sends do not grow with the people on it.
    with_group = {
        pid
        for (pid,) in cast(
            Iterable[tuple[int]],
            ChecklistMark.select(ChecklistMark.participant)
            .where(
                (ChecklistMark.item == "group_established") & ChecklistMark.participant.in_(working)
            )
            .tuples(),
        )
    }
    # Per person: (period, stage, entered_on as stored) of every stage record, in the order of
    # stage_records(). Thousands of rows: read as plain rows (peewee would make a date of
    # every day, where two per person are used).
    records = (
        StageRecord.select(
            StageRecord.participant, StageRecord.period, StageRecord.stage, StageRecord.entered_on
        )
        .where(StageRecord.participant.in_(working))
        .order_by(
            StageRecord.participant, StageRecord.period, StageRecord.entered_on, StageRecord.id
        )
    )
    records_of: dict[int, list[tuple[int, int, str]]] = {}
    for participant_id, period, stage_number, entered_on in db.execute_sql(*records.sql()):
        records_of.setdefault(participant_id, []).append((period, stage_number, entered_on))
    board: dict[Stage, list[Card]] = {stage: [] for stage in Stage if stage != Stage.CLOSE}
    for person_id, name, stored in people:
        history = records_of.get(person_id)
        if not history:
            continue
        period, stage_number, entered_text = history[-1]
        stage = Stage(stage_number)
        if stage == Stage.CLOSE:
            continue
        entered_on = _day(entered_text)
        # The first stage entered in the current period (what period_start gives).
        start = _day(next(day for record_period, _, day in history if record_period == period))
        contact_day = Contact.at.python_value(stored).date() if stored else start
        quiet_since = max(entered_on, contact_day)
        stalled = (today - quiet_since).days >= settings.stalled_days
        since_start = (today - start).days
        # Needs mapped within the expected days (stage 3 reached); the group within its days.
        late = (stage < Stage.GROUP_AND_PLAN and since_start > settings.expected_mapping_days) or (
            stage <= Stage.GROUP_AND_PLAN
            and person_id not in with_group
            and since_start > settings.expected_group_days
        )
        board[stage].append(
            Card(
                person_id,
                name,
                stage,
                entered_on,
                (today - entered_on).days,
                stalled,
                late,
                since_start,
            )
        )
    return {
        stage: tuple(sorted(cards, key=lambda c: -c.days_in_stage))
        for stage, cards in board.items()
    }
