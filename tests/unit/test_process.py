"""Stage rules as plain functions: order, dates, the three-month question, reopening."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tp_tui.clock import OSLO, FrozenClock
from tp_tui.domain import Stage
from tp_tui.models import Participant, StageRecord
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.services.process import (
    EarlyClose,
    change_stage,
    current_record,
    process_board,
    reopen,
    stage_records,
)
from tp_tui.services.validation import ValidationFailed
from tp_tui.settings import Settings


@pytest.fixture
def kari(db_path: Path, clock: FrozenClock) -> Participant:
    return add_participant(ParticipantInput(name="Kari Nordmann", intake="01.06.2026"), clock)


def test_stages_forward_with_dates_and_reasons(kari: Participant, clock: FrozenClock) -> None:
    change_stage(kari.id, Stage.MAP_NEEDS, "10.06.2026", "Klar", clock)
    change_stage(kari.id, Stage.GROUP_AND_PLAN, "01.07.2026", "", clock)
    records = [(r.stage, r.entered_on, r.reason) for r in stage_records(kari.id)]
    assert records == [
        (1, date(2026, 6, 1), ""),
        (2, date(2026, 6, 10), "Klar"),
        (3, date(2026, 7, 1), ""),
    ]


@pytest.mark.parametrize(
    ("stage", "on", "reason", "field", "key"),
    [
        (Stage.MAP_NEEDS, "i morgen", "", "on", "process.error.future"),
        (Stage.MAP_NEEDS, "01.05.2026", "", "on", "process.error.before_previous"),
        (Stage.ESTABLISH, "i dag", "", "stage", "process.error.same_stage"),
        (Stage.CLOSE, "i dag", "", "closing_reason", "process.error.closing_reason"),
    ],
)
def test_rules_refuse_with_a_reason(
    kari: Participant, clock: FrozenClock, stage: Stage, on: str, reason: str, field: str, key: str
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        change_stage(kari.id, stage, on, reason, clock)
    assert caught.value.errors[field].key == key
    assert len(stage_records(kari.id)) == 1


def test_going_back_needs_a_reason(kari: Participant, clock: FrozenClock) -> None:
    change_stage(kari.id, Stage.FOLLOW_UP, "i dag", "", clock)
    with pytest.raises(ValidationFailed):
        change_stage(kari.id, Stage.MAP_NEEDS, "i dag", "", clock)
    change_stage(kari.id, Stage.MAP_NEEDS, "i dag", "Tilbakefall, kartlegger på nytt", clock)
    assert Stage(current_record(kari.id).stage) == Stage.MAP_NEEDS  # type: ignore[union-attr]


def test_closing_early_asks_and_records_the_answer(db_path: Path, clock: FrozenClock) -> None:
    ola = add_participant(ParticipantInput(name="Ola", intake="01.10.2026"), clock)
    with pytest.raises(EarlyClose) as early:
        change_stage(ola.id, Stage.CLOSE, "i dag", "", clock, "no_more_help")
    assert early.value.days == 56
    record = change_stage(
        ola.id, Stage.CLOSE, "i dag", "", clock, "no_more_help", confirm_early=True
    )
    assert record.early_close_confirmed is True
    closed = Participant.get_by_id(ola.id)
    assert (closed.status, closed.closed_on, closed.closing_reason) == (
        "closed",
        clock.today(),
        "no_more_help",
    )


def test_closing_after_three_months_needs_no_question(
    kari: Participant, clock: FrozenClock
) -> None:
    record = change_stage(kari.id, Stage.CLOSE, "i dag", "Avtalt", clock, "masters_own_life")
    assert record.early_close_confirmed is False


def test_reopening_starts_a_new_period_and_keeps_the_old(
    kari: Participant, clock: FrozenClock
) -> None:
    change_stage(kari.id, Stage.CLOSE, "01.10.2026", "", clock, "others_take_over")
    with pytest.raises(ValidationFailed):
        change_stage(kari.id, Stage.FOLLOW_UP, "i dag", "", clock)
    reopen(kari.id, "i dag", "Tok kontakt igjen", clock)
    periods = [(r.period, r.stage) for r in stage_records(kari.id)]
    assert periods == [(1, 1), (1, 6), (2, 1)]
    again = Participant.get_by_id(kari.id)
    assert (again.status, again.closed_on) == ("active", None)


def test_board_marks_stalled_and_late(db_path: Path) -> None:
    start = FrozenClock(datetime(2026, 9, 1, 10, 0, tzinfo=OSLO))
    add_participant(ParticipantInput(name="Sen Kartlegging", intake="i dag"), start)
    later = FrozenClock(start.now() + timedelta(days=40))
    board = process_board(later.now(), Settings())
    card = board[Stage.ESTABLISH][0]
    assert (card.days_in_stage, card.stalled, card.late) == (40, True, True)
    assert StageRecord.select().count() == 1
