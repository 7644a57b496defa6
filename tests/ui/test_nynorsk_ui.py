"""`tp --lang nn` opens the app in nynorsk: what a nynorsk user sees first."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from tp_tui import cli
from tp_tui.app import TpApp
from tp_tui.clock import OSLO, FrozenClock
from tp_tui.i18n import set_language
from tp_tui.models import Contact
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.views.contact_form import ContactFormScreen
from tp_tui.views.today import TodayScreen

from .helpers import screen_text, type_text, wait_until


def test_lang_nn_opens_today_in_nynorsk(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TP_TUI_NOW", "2026-11-26T10:00+01:00")
    shown: list[str] = []

    async def look(app: TpApp) -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda: isinstance(app.screen, TodayScreen), "Today")
            await wait_until(pilot, lambda: "FORFALLEN" in screen_text(app), "an overdue call")
            shown.append(screen_text(app))
            await pilot.press("f3")
            await wait_until(pilot, lambda: "deltakarar" in screen_text(app), "the list")
            shown.append(screen_text(app))

    def run_in_a_test_terminal(app: TpApp, *args: Any, **kwargs: Any) -> None:
        asyncio.run(look(app))

    monkeypatch.setattr(TpApp, "run", run_in_a_test_terminal)
    assert cli.run(["--lang", "nn", "--db", str(demo_db)]) == 0
    today, participants = shown
    assert "torsdag 26.11.2026 · veke 48" in today
    for heading in ("Tilbakeringingar i dag og forfalne", "Rundane på møteplassane denne veka"):
        assert heading in today
    for bokmal in ("Tilbakeringinger", "Ukens runder", "Ikke hørt", " uke "):
        assert bokmal not in today
    assert "Søk: namn, initialar eller telefon" in participants
    assert "18 deltakarar" in participants  # the plural form, not "deltakar(ar)"


async def test_a_contact_logged_in_nynorsk_words_shows_and_saves_the_day_understood(
    db_path: Path, clock: FrozenClock
) -> None:
    kari = add_participant(ParticipantInput(name="Kari Nordmann", phone="91234567"), clock)
    set_language("nn")
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("ctrl+l")
        await wait_until(pilot, lambda: isinstance(app.screen, ContactFormScreen), "the form")
        await type_text(pilot, "kari")
        await pilot.press("enter")  # to the date field, which typing replaces
        await type_text(pilot, "i førgårs 14")
        await wait_until(
            pilot, lambda: "→ tysdag 24.11.2026 14:00" in screen_text(app), "the day understood"
        )
        assert "heimebesøk" in screen_text(app)
        await pilot.press("enter", "h", "ctrl+s")
        await wait_until(pilot, lambda: Contact.select().count() == 1, "the contact saved")
        contact = Contact.get()
        assert (contact.participant_id, contact.kind) == (kari.id, "home_visit")
        assert contact.at == datetime(2026, 11, 24, 14, 0, tzinfo=OSLO)
