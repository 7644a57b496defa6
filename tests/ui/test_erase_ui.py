"""Erasing from the participant's page: only after the full name is typed."""

from __future__ import annotations

from pathlib import Path

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.models import Contact, Participant
from tp_tui.views.erase_form import EraseScreen
from tp_tui.views.participants import ParticipantsScreen

from .helpers import type_text


async def test_erase_after_typing_the_name(demo_db: Path, clock: FrozenClock) -> None:
    kari = Participant.get(Participant.name == "Kari Nordmann")
    others = Contact.select().where(Contact.participant != kari.id).count()
    app = TpApp(clock=clock, db_path=demo_db)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("f3")
        app.open_participant(kari.id)
        await pilot.pause()
        await pilot.press("E")
        await pilot.pause()
        assert isinstance(app.screen, EraseScreen)
        await type_text(pilot, "Kari")  # not the full name: nothing happens
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EraseScreen)
        assert Participant.get_or_none(Participant.id == kari.id) is not None
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "Kari Nordmann")
        await pilot.press("enter")
        await pilot.pause()
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
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]  # noqa: SLF001
        assert any("closed more than 24 months ago" in m for m in messages)
        assert not any("Gammel" in m for m in messages)  # a count, never a name
