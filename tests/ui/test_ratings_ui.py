"""The rating form at 80×24: a digit rates an area and moves on, the day can be an earlier one,
a bad day is told and nothing is lost, Esc asks first; the page shows ratings over time."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input, Static

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.domain import LifeArea
from tp_tui.models import AreaRating
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.services.plan import rate_area
from tp_tui.views.plan_forms import RatingsForm

from .helpers import type_text


async def test_two_areas_rated_on_the_intake_day_show_over_time(
    db_path: Path, clock: FrozenClock
) -> None:
    kari = add_participant(ParticipantInput(name="Kari Fiktiv", intake="01.09.2026"), clock)
    rate_area(kari.id, LifeArea.HOUSING, 4, clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_participant(kari.id)
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RatingsForm)
        latest = str(app.screen.query_one("#rate-housing-message", Static).render())
        assert "latest 4 on 26.11.2026" in latest
        await pilot.press("1", "3")  # housing 1, then work/education 3: each moves on
        assert app.screen.focused is not None
        assert app.screen.focused.id == "rate-leisure"
        day = app.screen.query_one("#rated_on", Input)
        day.focus()
        day.value = ""
        await type_text(pilot, "01.09.2026")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, RatingsForm)
        rows = [
            (r.life_area, r.rating, r.rated_on)
            for r in AreaRating.select().order_by(AreaRating.rated_on, AreaRating.id)
        ]
        assert rows == [
            ("housing", 1, date(2026, 9, 1)),
            ("work", 3, date(2026, 9, 1)),
            ("housing", 4, date(2026, 11, 26)),
        ]
        shown = str(app.screen.query_one("#ratings", Static).render())
        assert "1→4  01.09.2026–26.11.2026" in shown
        assert "3  01.09.2026" in shown


async def test_a_day_to_come_is_told_and_esc_asks_before_dropping_the_ratings(
    db_path: Path, clock: FrozenClock
) -> None:
    kari = add_participant(ParticipantInput(name="Kari Fiktiv"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_participant(kari.id)
        await pilot.pause()
        await pilot.press("r", "2")
        await pilot.pause()
        day = app.screen.query_one("#rated_on", Input)
        day.value = "+3"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RatingsForm)
        message = str(app.screen.query_one("#rated_on-message", Static).render())
        assert "today or before" in message
        assert AreaRating.select().count() == 0
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, RatingsForm)  # the question is on top
        await pilot.press("escape")  # no: back to what was typed
        await pilot.pause()
        assert isinstance(app.screen, RatingsForm)
        assert app.screen.query_one("#rate-housing").value == "2"
