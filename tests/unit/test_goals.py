"""Goals in the participant's own words: a sensible length, moved to another area or ended with
the history kept, taken back by undo, never over a colleague's change; long ones folded."""

from __future__ import annotations

from pathlib import Path

import pytest

from tp_tui.clock import FrozenClock
from tp_tui.domain import GoalStatus, LifeArea
from tp_tui.models import Goal
from tp_tui.services.conflicts import ChangedSince
from tp_tui.services.goals import GOAL_MAX_CHARS, folded_goal
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.services.plan import add_goal, goal_history, moved_from, update_goal
from tp_tui.services.undo import undo_last
from tp_tui.services.validation import ValidationFailed

pytestmark = pytest.mark.engines

WANTED = GoalStatus.WANTED.value


@pytest.fixture
def ola(db_path: Path, clock: FrozenClock) -> int:
    return int(add_participant(ParticipantInput(name="Ola Testesen"), clock).id)


def test_a_goal_longer_than_the_limit_is_refused_saying_how_long(
    ola: int, clock: FrozenClock
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        add_goal(ola, LifeArea.HOUSING, "bo " * 2000, WANTED, clock)
    error = refused.value.errors["text"]
    assert error.key == "goals.error.too_long"
    assert error.params == {"limit": GOAL_MAX_CHARS, "length": len(("bo " * 2000).strip())}
    assert Goal.select().count() == 0
    goal = add_goal(ola, LifeArea.HOUSING, "x" * GOAL_MAX_CHARS, WANTED, clock)  # at the limit
    with pytest.raises(ValidationFailed):
        update_goal(goal.id, "x" * (GOAL_MAX_CHARS + 1), WANTED, clock)


def test_a_long_goal_stored_before_the_limit_can_still_change_status(
    ola: int, clock: FrozenClock
) -> None:
    goal = add_goal(ola, LifeArea.HOUSING, "Egen leilighet", WANTED, clock)
    long_words = "Egen leilighet " * 400
    Goal.update(text=long_words.strip()).where(Goal.id == goal.id).execute()
    saved = update_goal(goal.id, long_words, GoalStatus.WORKING.value, clock)
    assert saved.status == "working"


def test_moving_a_goal_keeps_it_and_says_where_it_came_from(ola: int, clock: FrozenClock) -> None:
    goal = add_goal(ola, LifeArea.HOUSING, "Jobb i barnehage", WANTED, clock)
    update_goal(goal.id, "Jobb i barnehage", WANTED, clock, life_area=LifeArea.WORK.value)
    moved = Goal.get_by_id(goal.id)
    assert (moved.life_area, moved.text) == (LifeArea.WORK.value, "Jobb i barnehage")
    history = goal_history(goal.id)
    assert len(history) == 2
    assert moved_from(history[-1].note) == LifeArea.HOUSING
    assert moved_from(history[0].note) is None


def test_an_unknown_area_is_refused(ola: int, clock: FrozenClock) -> None:
    goal = add_goal(ola, LifeArea.HOUSING, "Egen leilighet", WANTED, clock)
    with pytest.raises(ValidationFailed) as refused:
        update_goal(goal.id, "Egen leilighet", WANTED, clock, life_area="moon")
    assert "area" in refused.value.errors


def test_ending_a_goal_keeps_it_with_its_history(ola: int, clock: FrozenClock) -> None:
    goal = add_goal(ola, LifeArea.HOUSING, "Egen leilighet", WANTED, clock)
    update_goal(goal.id, "Egen leilighet", GoalStatus.ENDED.value, clock)
    assert Goal.get_by_id(goal.id).status == "ended"
    assert [event.status for event in goal_history(goal.id)] == ["wanted", "ended"]


def test_undo_takes_back_a_move_and_an_ending(ola: int, clock: FrozenClock) -> None:
    goal = add_goal(ola, LifeArea.HOUSING, "Egen leilighet", WANTED, clock)
    update_goal(goal.id, "Egen leilighet", WANTED, clock, life_area=LifeArea.NETWORK.value)
    undone = undo_last(clock)
    assert undone is not None and (undone.kind, undone.name) == ("goal.move", "Ola Testesen")
    assert Goal.get_by_id(goal.id).life_area == LifeArea.HOUSING.value
    assert len(goal_history(goal.id)) == 1
    update_goal(goal.id, "Egen leilighet", GoalStatus.ENDED.value, clock)
    undone = undo_last(clock)
    assert undone is not None and undone.kind == "goal.end"
    assert Goal.get_by_id(goal.id).status == WANTED


def test_a_move_does_not_overwrite_a_colleagues_change(ola: int, clock: FrozenClock) -> None:
    goal = add_goal(ola, LifeArea.HOUSING, "Egen leilighet", WANTED, clock)
    update_goal(goal.id, "Egen leilighet i byen", WANTED, clock, expected_version=1)
    with pytest.raises(ChangedSince) as changed:
        update_goal(
            goal.id, "Egen leilighet", WANTED, clock, expected_version=1, life_area="work"
        )
    assert [change.field for change in changed.value.changes] == ["text"]
    assert Goal.get_by_id(goal.id).life_area == LifeArea.HOUSING.value


def test_a_long_goal_is_folded_at_a_word() -> None:
    words = "Jeg vil ha min egen leilighet " * 20
    shown, cut = folded_goal(words, 40)
    assert cut and shown.endswith("…") and len(shown) <= 41
    assert words.startswith(shown[:-1])
    assert folded_goal("Egen leilighet") == ("Egen leilighet", False)
