"""Erasing from the participant's page: only after the full name is typed."""

from __future__ import annotations

from pathlib import Path

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.models import Contact, Participant
from tp_tui.views.erase_form import EraseScreen
from tp_tui.views.participants import ParticipantsScreen

from .helpers import open_erase_form, settle, type_text


async def test_erase_after_typing_the_name(demo_db: Path, clock: FrozenClock) -> None:
    kari = Participant.get(Participant.name == "Kari Nordmann")
    others = Contact.select().where(Contact.participant != kari.id).count()
    app = TpApp(clock=clock, db_path=demo_db)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("f3")
        await open_erase_form(pilot, kari.id)
        await type_text(pilot, "Kari")  # not the full name: nothing happens
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EraseScreen)
        assert Participant.get_or_none(Participant.id == kari.id) is not None
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "Kari Nordmann")
        await pilot.press("enter")
        await settle(pilot)
        assert Participant.get_or_none(Participant.id == kari.id) is None
        assert Contact.select().where(Contact.participant == kari.id).count() == 0
        assert Contact.select().count() == others
        assert isinstance(app.screen, ParticipantsScreen)
    assert b"Kari Nordmann" not in demo_db.read_bytes()


async def test_long_closed_participants_are_named_on_start(
    db_path: Path, clock: FrozenClock
) -> None:
    from datetime import date

    now = clock.now()
    Participant.create(
        name="Gammel Sak",
        status="closed",
        closed_on=date(2023, 6, 1),
        created_at=now,
        updated_at=now,
    )
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        messages = [str(n.message) for n in app._notifications]  # noqa: SLF001
        assert any("closed more than 24 months ago" in m for m in messages)
        assert not any("Gammel" in m for m in messages)  # a count, never a name


async def test_the_plan_lists_calls_to_her_free_name_and_f2_keeps_them(
    demo_db: Path, clock: FrozenClock
) -> None:
    from textual.widgets import Static

    from tp_tui.models import Callback

    kari = Participant.get(Participant.name == "Kari Nordmann")
    now = clock.now()
    free = Callback.create(participant=None, caller_name="Kari Nordmann", reason="Ny telefon",
                           received_at=now, due_at=now, created_at=now, updated_at=now)  # fmt: skip
    app = TpApp(clock=clock, db_path=demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_erase_form(pilot, kari.id)
        plan = str(app.screen.query_one("#erase-plan", Static).render())
        assert "calls owed to a free name with their name or number: 1" in plan
        assert "press F2" in plan
        await pilot.press("f2")  # keep them
        await settle(pilot)
        assert "KEPT" in str(app.screen.query_one("#erase-plan", Static).render())
        await type_text(pilot, "Kari Nordmann")
        await pilot.press("enter")
        await settle(pilot)
        assert Participant.get_or_none(Participant.id == kari.id) is None
        assert Callback.get_by_id(free.id).caller_name == "Kari Nordmann"  # kept, as asked
