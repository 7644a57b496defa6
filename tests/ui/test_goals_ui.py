"""Goals by keys: moved to another area and ended, taken back with ctrl+z; a long goal is
refused with a message and keeps what was typed; a long stored goal shows folded on the page."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.domain import LifeArea
from tp_tui.models import Goal
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.services.plan import add_goal
from tp_tui.views.plan_forms import GoalForm

from .helpers import notifications, wait_until


def _page_goals(app: TpApp) -> str:
    return str(app.screen.query_one("#goals", Static).render())


async def test_a_goal_is_moved_then_ended_and_ctrl_z_takes_each_back(
    db_path: Path, clock: FrozenClock
) -> None:
    kari = add_participant(ParticipantInput(name="Kari Nordmann"), clock)
    goal = add_goal(kari.id, LifeArea.HOUSING, "Jobb i barnehage", "wanted", clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_participant(kari.id)
        await pilot.pause()
        await pilot.press("g", "down", "enter")  # the goal, under "new"
        await wait_until(pilot, lambda: isinstance(app.screen, GoalForm), "the goal form")
        await pilot.press("shift+tab", "2", "ctrl+s")  # back to the area: 2 work/education
        await wait_until(pilot, lambda: not isinstance(app.screen, GoalForm), "the page")
        assert Goal.get_by_id(goal.id).life_area == "work"
        shown = _page_goals(app)
        assert shown.index("Jobb i barnehage") > shown.index("2 Work")
        await pilot.press("g", "down", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, GoalForm), "the goal form")
        history = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "(moved from Housing)" in history
        await pilot.press("tab", "e", "ctrl+s")  # status: ended
        await wait_until(pilot, lambda: not isinstance(app.screen, GoalForm), "the page")
        assert Goal.get_by_id(goal.id).status == "ended"
        assert "Jobb i barnehage (ended)" in _page_goals(app)
        await pilot.press("ctrl+z")
        await wait_until(pilot, lambda: "ending a goal of Kari" in notifications(app), "undone")
        assert Goal.get_by_id(goal.id).status == "wanted"
        await pilot.press("ctrl+z")
        await wait_until(pilot, lambda: "moving a goal of Kari" in notifications(app), "undone")
        assert Goal.get_by_id(goal.id).life_area == "housing"
        await pilot.pause()
        shown = _page_goals(app)
        assert shown.index("Jobb i barnehage") < shown.index("2 Work")


async def test_a_too_long_goal_is_refused_and_kept_in_the_field(
    db_path: Path, clock: FrozenClock
) -> None:
    kari = add_participant(ParticipantInput(name="Kari Nordmann"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_participant(kari.id)
        await pilot.pause()
        await pilot.press("g", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, GoalForm), "the goal form")
        await pilot.press("1")
        words = "Jeg vil bo for meg selv " * 220
        app.screen.query_one("#text", Input).value = words
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GoalForm)
        message = str(app.screen.query_one("#text-message", Static).render())
        assert "at most 500 characters; this one has" in message
        assert app.screen.query_one("#text", Input).value == words
    assert Goal.select().count() == 0


async def test_a_long_stored_goal_is_folded_on_the_page(db_path: Path, clock: FrozenClock) -> None:
    kari = add_participant(ParticipantInput(name="Kari Nordmann"), clock)
    goal = add_goal(kari.id, LifeArea.HOUSING, "Egen leilighet", "wanted", clock)
    long_words = " ".join(f"ord{n}" for n in range(1000))  # 5,000 characters, as the issue saw
    Goal.update(text=long_words).where(Goal.id == goal.id).execute()
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_participant(kari.id)
        await pilot.pause()
        shown = _page_goals(app)
        assert "ord0 ord1" in shown and "…" in shown and "ord999" not in shown
        assert len(shown) < 1000
