"""Meeting-place rounds, by keys: log a visit and see it in the week grid and on Today."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import DataTable

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.domain import LifeArea
from tp_tui.models import MeetingPlace, RoundVisit
from tp_tui.views.round_form import RoundFormScreen
from tp_tui.views.rounds import RoundsScreen

from .helpers import column, type_text


async def test_log_a_visit_by_keys_and_see_the_grid(db_path: Path, clock: FrozenClock) -> None:
    app = TpApp(clock=clock)  # Thursday: the rounds are today
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f5")
        assert isinstance(app.screen, RoundsScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, RoundFormScreen)
        # Kafé 103 is pre-selected (today is its day); the cursor waits in "conversations".
        await type_text(pilot, "6")
        await pilot.press("tab")
        await type_text(pilot, "2")
        await pilot.press("tab", "1", "5", "ctrl+s")
        await pilot.pause()
        visit = RoundVisit.get()
        assert visit.place.name == "Kafé 103"
        assert (visit.visited_on, visit.minutes, visit.conversations, visit.new_people) == (
            date(2026, 11, 26),
            60,
            6,
            2,
        )
        assert visit.life_areas == LifeArea.HOUSING.bit | LifeArea.INCOME.bit
        grid = app.screen.query_one(DataTable)
        assert column(grid, 0) == ["Kafé 103", "Kafé X", "Huset"]
        this_week = column(grid, len(grid.columns) - 1)
        assert this_week[0] == "60m 6/2"
        await pilot.press("f2")
        rounds_today = app.screen.query_one("#rounds", DataTable)
        assert column(rounds_today, 2) == ["visited", "planned", "planned"]


async def test_a_visit_cannot_be_in_the_future(db_path: Path, clock: FrozenClock) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f5", "n")
        await pilot.pause()
        app.screen.query_one("#day").focus()
        await type_text(pilot, "i morgen")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RoundFormScreen)
        assert RoundVisit.select().count() == 0


async def test_weeks_move_with_comma_and_full_stop(db_path: Path, clock: FrozenClock) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f5")
        grid = app.screen.query_one(DataTable)
        last = str(grid.ordered_columns[-1].label)
        await pilot.press("comma")
        assert str(grid.ordered_columns[-1].label) != last
        await pilot.press("full_stop")
        assert str(grid.ordered_columns[-1].label) == last
        assert MeetingPlace.select().count() == 3


async def test_a_guest_and_a_participant_met_at_the_round(
    db_path: Path, clock: FrozenClock
) -> None:
    from tp_tui.models import Callback, Contact, Participant
    from tp_tui.services.participants import ParticipantInput, add_participant
    from tp_tui.views.contact_form import ContactFormScreen

    add_participant(ParticipantInput(name="Kari Nordmann"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("f5", "n")
        await pilot.pause()
        await type_text(pilot, "4")
        await pilot.press("ctrl+g")  # save the visit, then a guest who asked for help
        await pilot.pause()
        await type_text(pilot, "Rød jakke")
        await pilot.press("tab", "tab")
        await type_text(pilot, "Vil ha hjelp med bolig")
        await pilot.press("ctrl+s")
        await pilot.pause()
        guest = Participant.get(Participant.name == "Rød jakke")
        assert (guest.status, guest.name_is_nickname, guest.referral_source) == (
            "prospective",
            True,
            "meeting_place",
        )
        assert Callback.get(Callback.participant == guest.id).reason == "Vil ha hjelp med bolig"
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+l")  # save the visit (Kafé X now), then log a contact from it
        await pilot.pause()
        assert isinstance(app.screen, ContactFormScreen)
        await type_text(pilot, "kari")
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        contact = Contact.get()
        visits = list(RoundVisit.select().order_by(RoundVisit.id))
        assert [v.place.name for v in visits] == ["Kafé 103", "Kafé X"]
        assert (contact.kind, contact.round_visit_id) == ("meeting_place", visits[1].id)
