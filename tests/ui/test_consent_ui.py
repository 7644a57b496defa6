"""The consent register in the app: from the participant page (record, withdraw, undo) and
from stage 1's checklist (which ticks itself); Escape asks before throwing away a typed form."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.models import ConsentGrant
from tp_tui.services.consent import ConsentInput, in_force_on, record_consent
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.services.process import checklist_done
from tp_tui.views.consent_forms import ConsentForm
from tp_tui.views.participant_detail import ParticipantDetailScreen

from .helpers import notifications, screen_text, type_text, wait_until

TODAY = date(2026, 11, 26)


async def test_record_a_consent_from_the_participant_page_and_undo_it(
    db_path: Path, clock: FrozenClock
) -> None:
    kari = add_participant(ParticipantInput(name="Kari Nordmann"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_participant(kari.id)
        await pilot.pause()
        assert "Agreed to share: –" in str(app.screen.query_one("#process").render())
        await pilot.press("y", "enter")  # the register, then "new"
        await wait_until(pilot, lambda: isinstance(app.screen, ConsentForm), "the consent form")
        await pilot.press("1", "tab")  # goals (on to the recipient, left empty), the given day
        await type_text(pilot, "i går")
        await pilot.press("tab")
        await type_text(pilot, "31.12.2026")
        await pilot.press("tab", "w", "ctrl+s")  # in writing
        await wait_until(pilot, lambda: not isinstance(app.screen, ConsentForm), "the form closed")
        assert "Consent recorded: goals to the responsibility group." in notifications(app)
        assert "goals → the responsibility group · 25.11.2026–31.12.2026 · in force" in (
            screen_text(app)
        )
        grant = ConsentGrant.get()
        assert (grant.given_on, grant.expires_on, grant.given_how) == (
            date(2026, 11, 25), date(2026, 12, 31), "written",
        )  # fmt: skip
        await pilot.press("escape")
        await wait_until(
            pilot, lambda: isinstance(app.screen, ParticipantDetailScreen), "the participant page"
        )
        process = str(app.screen.query_one("#process").render())
        assert "Agreed to share: goals" in process and "[x] consent recorded" in process
        await pilot.press("ctrl+z")
        await wait_until(pilot, lambda: ConsentGrant.select().count() == 0, "the consent undone")
        assert "consent_recorded" not in checklist_done(kari.id)
        await wait_until(
            pilot,
            lambda: "Agreed to share: –" in str(app.screen.query_one("#process").render()),
            "nothing shared any more",
        )


async def test_withdraw_from_the_register_keeps_the_row(db_path: Path, clock: FrozenClock) -> None:
    kari = add_participant(ParticipantInput(name="Kari Nordmann"), clock)
    record_consent(kari.id, ConsentInput("contacts", given_on="01.11.2026"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_participant(kari.id)
        await pilot.pause()
        await pilot.press("y", "down", "x")
        await wait_until(pilot, lambda: "withdrawn" in screen_text(app), "the withdrawal")
        assert "contacts → the responsibility group · 01.11.2026–26.11.2026 · withdrawn" in (
            screen_text(app)
        )
    assert in_force_on(kari.id, TODAY) == set()
    assert ConsentGrant.get().withdrawn_on == TODAY


async def test_stage_one_checklist_records_consent_and_ticks_itself(
    db_path: Path, clock: FrozenClock
) -> None:
    kari = add_participant(ParticipantInput(name="Kari Nordmann"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_participant(kari.id)
        await pilot.pause()
        await pilot.press("k", "ctrl+o")
        await wait_until(pilot, lambda: isinstance(app.screen, ConsentForm), "the consent form")
        await pilot.press("7")  # notes from contacts (on to the recipient), to a named service
        await type_text(pilot, "NAV Tromsø")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not isinstance(app.screen, ConsentForm), "the form closed")
        assert "[x] consent recorded" in screen_text(app)  # the checklist form, still open
        assert "consent_recorded" in checklist_done(kari.id)
        await pilot.press("ctrl+s")
        await wait_until(
            pilot, lambda: isinstance(app.screen, ParticipantDetailScreen), "the participant page"
        )
    assert "consent_recorded" in checklist_done(kari.id)
    assert in_force_on(kari.id, TODAY, "NAV Tromsø") == {"notes"}


async def test_escape_asks_before_throwing_away_a_typed_consent(
    db_path: Path, clock: FrozenClock
) -> None:
    kari = add_participant(ParticipantInput(name="Kari Nordmann"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_participant(kari.id)
        await pilot.pause()
        await pilot.press("y", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ConsentForm), "the consent form")
        await pilot.press("2")  # process, on to the recipient
        await type_text(pilot, "Fastlegen")
        await pilot.press("escape")
        await wait_until(pilot, lambda: "throw away" in screen_text(app), "the question")
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, ConsentForm), "the consent form")
        await pilot.press("tab", "tab")  # past the given day, to until
        await type_text(pilot, "31.02.2026")
        await pilot.press("ctrl+s")
        message = app.screen.query_one("#expires_on-message")
        await wait_until(pilot, lambda: str(message.render()).strip(), "why it was refused")
        assert isinstance(app.screen, ConsentForm)  # refused, with what was typed kept
        assert "Fastlegen" in screen_text(app)
    assert ConsentGrant.select().count() == 0


async def test_today_shows_a_consent_about_to_end_and_opens_the_participant(
    db_path: Path, clock: FrozenClock
) -> None:
    from tp_tui.views.today import TodayScreen

    kari = add_participant(ParticipantInput(name="Kari Nordmann"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.screen.query("#consents")  # nothing ends: no section
        record_consent(kari.id, ConsentInput("goals", expires_on="10.12.2026"), clock)
        assert isinstance(app.screen, TodayScreen)
        app.screen.load()
        await pilot.pause()
        table = app.screen.query_one("#consents")
        assert table.display
        assert "Kari Nordmann" in screen_text(app) and "10.12.2026" in screen_text(app)
        table.focus()
        await pilot.press("enter")
        await wait_until(
            pilot, lambda: isinstance(app.screen, ParticipantDetailScreen), "Kari's page"
        )


async def test_the_palette_opens_the_register_from_a_participant_page(
    db_path: Path, clock: FrozenClock
) -> None:
    from tp_tui.views.plan_forms import PickScreen

    from .helpers import palette

    kari = add_participant(ParticipantInput(name="Kari Nordmann"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_participant(kari.id)
        await pilot.pause()
        await palette(pilot, "consents", "Consents of this participant")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, PickScreen), "the register")
        assert "Consents" in screen_text(app)


async def test_a_consent_changed_since_the_list_was_read_is_not_withdrawn(
    db_path: Path, clock: FrozenClock
) -> None:
    kari = add_participant(ParticipantInput(name="Kari Nordmann"), clock)
    grant = record_consent(kari.id, ConsentInput("goals"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_participant(kari.id)
        await pilot.pause()
        await pilot.press("y", "down")
        # A colleague renews the note on it meanwhile (their save moves the version on).
        ConsentGrant.update(note="skriftlig fornyet", version=2).where(
            ConsentGrant.id == grant.id
        ).execute()
        await pilot.press("x")
        await wait_until(
            pilot, lambda: "someone changed this consent" in notifications(app), "why not"
        )
    assert ConsentGrant.get_by_id(grant.id).withdrawn_on is None
