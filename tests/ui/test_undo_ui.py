"""ctrl+z takes back the last change, whatever it was, and says what and for whom; ctrl+y
makes it again. The issue's case: a guest with a call owed on Rounds, then a stage move on F6."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.models import Callback, Participant, StageRecord
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.views.process import ProcessScreen

from .helpers import notifications, type_text, wait_until


def stages(participant_id: int) -> list[int]:
    query = StageRecord.select().where(StageRecord.participant == participant_id)
    return [record.stage for record in query.order_by(StageRecord.id)]


async def test_undo_takes_back_the_stage_move_not_the_guest_and_redo_makes_it_again(
    db_path: Path, clock: FrozenClock
) -> None:
    kari = add_participant(ParticipantInput(name="Kari Nordmann", intake="01.10.2026"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5", "n")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "RoundFormScreen", "form")
        await type_text(pilot, "4")
        await pilot.press("ctrl+g")  # save the visit, then a guest who asked for help
        await wait_until(pilot, lambda: type(app.screen).__name__ == "GuestFormScreen", "guest")
        await type_text(pilot, "Rød jakke")
        await pilot.press("tab", "tab")
        await type_text(pilot, "Vil ha hjelp med bolig")
        await pilot.press("ctrl+s")
        await wait_until(
            pilot, lambda: Participant.get_or_none(Participant.name == "Rød jakke"), "the guest"
        )
        guest = Participant.get(Participant.name == "Rød jakke")
        await pilot.press("escape")
        await pilot.press("f6")
        await wait_until(pilot, lambda: isinstance(app.screen, ProcessScreen), "the board")
        app.screen.query_one("#stage-1", DataTable).focus()
        await pilot.press("s")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "StageFormScreen", "stage")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: stages(kari.id) == [1, 2], "the move to stage 2")

        await pilot.press("ctrl+z")
        await wait_until(pilot, lambda: stages(kari.id) == [1], "the move undone")
        assert "Undone: moving Kari Nordmann to a new stage." in notifications(app)
        assert Callback.get(Callback.participant == guest.id).reason == "Vil ha hjelp med bolig"

        await pilot.press("ctrl+y")
        await wait_until(pilot, lambda: stages(kari.id) == [1, 2], "the move redone")
        assert "Redone: moving Kari Nordmann to a new stage." in notifications(app)

        await pilot.press("ctrl+z", "ctrl+z")  # the move, then the guest with the call owed
        await wait_until(
            pilot, lambda: Participant.get_or_none(Participant.id == guest.id) is None, "guest"
        )
        assert Callback.select().where(Callback.participant == guest.id).count() == 0
        assert "Undone: the guest Rød jakke, with the call owed." in notifications(app)
        assert stages(kari.id) == [1]


async def test_a_goal_is_undone_alone_and_the_participant_stays(
    db_path: Path, clock: FrozenClock
) -> None:
    from tp_tui.models import Goal

    kari = add_participant(ParticipantInput(name="Kari Nordmann", intake="01.10.2026"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_participant(kari.id)
        await pilot.pause()
        await pilot.press("g", "enter")  # "+ New"
        await pilot.press("1")  # housing; moves on to the words
        await type_text(pilot, "Få min egen leilighet")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: Goal.select().count() == 1, "the goal saved")
        await wait_until(pilot, lambda: type(app.screen).__name__ != "GoalForm", "closed")
        await pilot.press("escape")
        await pilot.press("ctrl+z")
        await wait_until(pilot, lambda: Goal.select().count() == 0, "the goal undone")
        assert "Undone: the new goal for Kari Nordmann." in notifications(app)
        assert Participant.get_by_id(kari.id).name == "Kari Nordmann"
        assert stages(kari.id) == [1]
