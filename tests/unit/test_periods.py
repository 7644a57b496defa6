"""A participant's periods with their stages and why each closed; who is closed, for the board."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tp_tui.clock import FrozenClock
from tp_tui.domain import Stage
from tp_tui.models import Participant
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.services.periods import closed_cards, periods_of
from tp_tui.services.process import change_stage, process_board, reopen
from tp_tui.settings import Settings

pytestmark = pytest.mark.engines


@pytest.fixture
def kari(db_path: Path, clock: FrozenClock) -> Participant:
    return add_participant(ParticipantInput(name="Kari Nordmann", intake="01.06.2026"), clock)


def test_one_open_period_from_intake(kari: Participant) -> None:
    (period,) = periods_of(kari.id)
    assert (period.number, period.started_on, period.closed_on) == (1, date(2026, 6, 1), None)
    assert [s.stage for s in period.stages] == [Stage.ESTABLISH]


def test_a_reopened_participant_keeps_the_earlier_period_and_its_reason(
    kari: Participant, clock: FrozenClock
) -> None:
    change_stage(kari.id, Stage.MAP_NEEDS, "01.07.2026", "", clock)
    change_stage(kari.id, Stage.CLOSE, "01.10.2026", "Flyttet", clock, "others_take_over")
    reopen(kari.id, "i dag", "Tok kontakt igjen", clock)
    first, second = periods_of(kari.id)
    assert (first.closed_on, first.closing_reason) == (date(2026, 10, 1), "others_take_over")
    assert [(s.stage, s.reason) for s in first.stages] == [
        (Stage.ESTABLISH, ""),
        (Stage.MAP_NEEDS, ""),
        (Stage.CLOSE, "Flyttet"),
    ]
    assert (second.number, second.closed_on, second.closing_reason) == (2, None, None)
    assert second.stages[0].reason == "Tok kontakt igjen"


def test_the_closed_are_listed_with_their_reason_and_leave_the_list_when_reopened(
    kari: Participant, clock: FrozenClock
) -> None:
    assert closed_cards(clock.now()) == ()
    change_stage(kari.id, Stage.CLOSE, "01.10.2026", "", clock, "masters_own_life")
    (card,) = closed_cards(clock.now())
    assert (card.participant_id, card.closing_reason, card.entered_on) == (
        kari.id,
        "masters_own_life",
        date(2026, 10, 1),
    )
    assert not any(process_board(clock.now(), Settings()).values())
    reopen(kari.id, "", "", clock)
    assert closed_cards(clock.now()) == ()
    assert process_board(clock.now(), Settings())[Stage.ESTABLISH][0].participant_id == kari.id
