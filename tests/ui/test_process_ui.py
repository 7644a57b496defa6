"""Take a participant from stage 1 to 6 by keys; the board shows where everyone is."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import DataTable

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.models import Participant
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.services.process import stage_records
from tp_tui.views.process import ProcessScreen

from .helpers import column, type_quickly


async def test_stage_one_to_six_by_keys(db_path: Path, clock: FrozenClock) -> None:
    kari = add_participant(ParticipantInput(name="Kari Nordmann", intake="01.10.2026"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        app.open_participant(kari.id)
        await pilot.pause()
        for day in ("10.10.2026", "01.11.2026", "15.11.2026", "i går"):
            await pilot.press("s", "tab")  # the next stage is suggested; Tab to the date
            await type_quickly(pilot, day)
            await pilot.press("ctrl+s")
            await pilot.pause()
        await pilot.press("s", "6", "tab", "tab", "tab")  # close: why does it end?
        await pilot.press("o")  # "others take over": each reason has its own letter
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")  # "the model expects 3–6 months" — close anyway
        await pilot.pause()
    records = [(r.stage, r.entered_on) for r in stage_records(kari.id)]
    assert records == [
        (1, date(2026, 10, 1)),
        (2, date(2026, 10, 10)),
        (3, date(2026, 11, 1)),
        (4, date(2026, 11, 15)),
        (5, date(2026, 11, 25)),
        (6, date(2026, 11, 26)),
    ]
    closed = Participant.get_by_id(kari.id)
    assert closed.status == "closed" and closed.closing_reason is not None
    assert stage_records(kari.id)[-1].early_close_confirmed is True


async def test_the_board_lists_participants_by_stage(demo_db: Path, clock: FrozenClock) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(120, 34)) as pilot:
        await pilot.press("f6")
        assert isinstance(app.screen, ProcessScreen)
        stage2 = column(app.screen.query_one("#stage-2", DataTable))
        assert any("Siv Rønning" in card and "⚑" in card for card in stage2)
        app.screen.query_one("#stage-2", DataTable).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ParticipantDetailScreen"


async def test_goals_ratings_group_and_plan_by_keys(db_path: Path, clock: FrozenClock) -> None:
    from tp_tui.domain import LifeArea
    from tp_tui.models import Goal, GroupMember, IndividualPlan
    from tp_tui.services.plan import area_standings

    kari = add_participant(ParticipantInput(name="Kari Nordmann", intake="01.10.2026"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        app.open_participant(kari.id)
        await pilot.pause()
        await pilot.press("g", "enter")  # "+ New"
        await pilot.pause()
        await pilot.press("1")  # housing; moves on to the words
        await type_quickly(pilot, "Få min egen leilighet")
        await pilot.press("enter", "o", "ctrl+s")  # o: wOrking on it (w is "wanted")
        await pilot.pause()
        goal = Goal.get()
        assert (goal.life_area, goal.text, goal.status) == (
            "housing",
            "Få min egen leilighet",
            "working",
        )
        await pilot.press("r", "2", "ctrl+s")  # housing stands at 2 today
        await pilot.pause()
        assert area_standings(kari.id)[LifeArea.HOUSING].latest == 2
        await pilot.press("a", "enter", "n")  # group: new member, NAV
        await type_quickly(pilot, "Randi Olsen")
        await pilot.press("tab")
        await type_quickly(pilot, "veileder")
        await pilot.press("tab", "tab", "k", "ctrl+s")
        await pilot.pause()
        member = GroupMember.get()
        assert (member.agency, member.name, member.is_coordinator) == ("nav", "Randi Olsen", True)
        await pilot.press("p", "s", "o", "ctrl+s")  # the plan, a step: the IP is offered
        await pilot.pause()
        await pilot.press("escape")  # back to the participant page
        await pilot.pause()
        plan = IndividualPlan.get()
        assert (plan.status, plan.offered_on, plan.coordinator_id) == (
            "offered",
            clock.today(),
            member.id,
        )
        goals_text = str(app.screen.query_one("#goals").render())
        assert "Få min egen leilighet" in goals_text and "[2/5]" in goals_text


async def test_tick_the_checklist_of_the_stage(db_path: Path, clock: FrozenClock) -> None:
    from tp_tui.services.process import checklist_done

    kari = add_participant(ParticipantInput(name="Kari Nordmann", intake="01.10.2026"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        app.open_participant(kari.id)
        await pilot.pause()
        await pilot.press("k", "1", "3", "ctrl+s")  # wants a change, consent recorded
        await pilot.pause()
        assert checklist_done(kari.id) == {"wants_change", "consent_recorded"}
        process_text = str(app.screen.query_one("#process").render())
        assert "[x] consent recorded" in process_text
        await pilot.press("k", "3", "ctrl+s")  # untick
        await pilot.pause()
        assert checklist_done(kari.id) == {"wants_change"}
