"""The process board by arrows, its closed column and reopening there; every period on the page."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.domain import Stage
from tp_tui.models import Participant
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.services.process import change_stage, reopen
from tp_tui.views.process import ProcessScreen

from .helpers import column, screen_text, wait_until


async def test_arrows_move_across_the_board(db_path: Path, clock: FrozenClock) -> None:
    add_participant(ParticipantInput(name="Kari Nordmann", intake="01.10.2026"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        assert isinstance(app.screen, ProcessScreen)
        app.screen.query_one("#stage-1", DataTable).focus()
        await pilot.press("right")
        assert app.focused is not None and app.focused.id == "stage-2"
        await pilot.press("right", "right")
        assert app.focused.id == "stage-4"
        await pilot.press("left")
        assert app.focused.id == "stage-3"


async def test_the_closed_column_shows_the_closed_and_o_reopens(
    db_path: Path, clock: FrozenClock
) -> None:
    kari = add_participant(ParticipantInput(name="Kari Nordmann", intake="01.06.2026"), clock)
    change_stage(kari.id, Stage.CLOSE, "01.10.2026", "", clock, "others_take_over")
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        closed = app.screen.query_one("#stage-6", DataTable)
        assert not closed.parent.display  # type: ignore[union-attr]
        await pilot.press("c")
        await wait_until(pilot, lambda: closed.row_count == 1, "Kari in the closed column")
        assert app.focused is closed
        assert "Kari Nordmann · others take over" in column(closed)[0]
        await pilot.press("left")  # the arrows reach it too
        assert app.focused is not None and app.focused.id == "stage-5"
        await pilot.press("right", "o")
        await wait_until(pilot, lambda: "ConfirmScreen" in type(app.screen).__name__, "question")
        await pilot.press("y")
        await wait_until(pilot, lambda: closed.row_count == 0, "Kari gone from the closed")
        stage1 = app.screen.query_one("#stage-1", DataTable)
        assert any("Kari Nordmann" in card for card in column(stage1))
    assert Participant.get_by_id(kari.id).status == "active"


async def test_o_on_an_active_card_says_only_the_closed_reopen(
    db_path: Path, clock: FrozenClock
) -> None:
    add_participant(ParticipantInput(name="Kari Nordmann", intake="01.10.2026"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        app.screen.query_one("#stage-1", DataTable).focus()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ProcessScreen)
        assert "Only a closed participant can be reopened" in " ".join(
            str(n.message) for n in app._notifications  # noqa: SLF001
        )


async def test_the_page_lists_every_period_with_why_it_closed(
    db_path: Path, clock: FrozenClock
) -> None:
    kari = add_participant(ParticipantInput(name="Kari Nordmann", intake="01.06.2026"), clock)
    change_stage(kari.id, Stage.MAP_NEEDS, "01.07.2026", "", clock)
    change_stage(kari.id, Stage.CLOSE, "01.10.2026", "Flyttet", clock, "masters_own_life")
    reopen(kari.id, "", "Tok kontakt igjen", clock)
    change_stage(kari.id, Stage.CLOSE, "", "", clock, "no_more_help", confirm_early=True)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_participant(kari.id)
        await pilot.pause()
        shown = str(app.screen.query_one("#periods", Static).render())
        assert "Period 1: 01.06.2026–01.10.2026," in screen_text(app)  # on the screen too
    assert "Period 1: 01.06.2026–01.10.2026, closed: masters own life" in shown
    assert "01.07.2026  2 Map needs" in shown
    assert "Flyttet" in shown
    assert "Period 2: 26.11.2026–26.11.2026, closed: does not want more help" in shown
