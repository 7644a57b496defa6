"""The team features, driven with the keyboard: mine / the team's, handovers, edit conflicts."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Select, Static

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.models import Callback, Handover, Participant, TrustPerson
from tp_tui.services.callbacks import CallbackInput, register_callback
from tp_tui.services.participants import ParticipantInput, add_participant, update_participant
from tp_tui.settings import Settings
from tp_tui.views.handover_form import HandoverFormScreen
from tp_tui.views.participant_detail import ParticipantDetailScreen
from tp_tui.views.participant_form import ParticipantFormScreen

from .helpers import column, type_text


@pytest.fixture(autouse=True)
def login(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TP_TUI_USER", "kari.tp")


def eva(clock: FrozenClock) -> TrustPerson:
    return TrustPerson.create(
        name="Eva Solheim",
        initials="ES",
        login="eva",
        present_on=clock.today(),
        created_at=clock.now(),
    )


def text_of(app: TpApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def choose_first_colleague(pilot: object) -> None:
    # The list opens on the prompt; the first colleague is one down.
    await pilot.press("enter", "down", "enter")  # type: ignore[attr-defined]


async def test_today_shows_mine_and_the_team_on_t(db_path: Path, clock: FrozenClock) -> None:
    ola = add_participant(ParticipantInput(name="Ola Nordmann"), clock)
    register_callback(CallbackInput(ola.id, "Min samtale"), clock, Settings())
    colleague = eva(clock)
    Callback.create(
        participant=ola, reason="Evas samtale", received_at=clock.now(), due_at=clock.now(),
        logged_by=colleague, created_at=clock.now(), updated_at=clock.now(),
    )  # fmt: skip
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#callbacks", DataTable)
        assert column(table, 3) == ["Min samtale"]
        assert "Mine" in text_of(app, "#day-line")
        await pilot.press("t")
        await pilot.pause()
        assert sorted(column(table, 3)) == ["Evas samtale", "Min samtale"]
        assert "Team's" in text_of(app, "#day-line")
        await pilot.press("t")
        await pilot.pause()
        assert column(table, 3) == ["Min samtale"]


async def test_hand_a_participant_over_from_the_page(db_path: Path, clock: FrozenClock) -> None:
    ola = add_participant(ParticipantInput(name="Ola Nordmann"), clock)
    colleague = eva(clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_participant(ola.id)
        await pilot.pause()
        assert isinstance(app.screen, ParticipantDetailScreen)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HandoverFormScreen)
        await choose_first_colleague(pilot)
        await pilot.press("tab")
        await type_text(pilot, "i dag")
        await pilot.press("tab")
        await type_text(pilot, "Permisjon")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ParticipantDetailScreen)
        assert "Responsible: Eva Solheim" in text_of(app, "#process")
        assert "handed over from kari.tp to Eva Solheim: Permisjon" in text_of(app, "#process")
    assert Participant.get_by_id(ola.id).responsible_id == colleague.id
    assert Handover.select().count() == 1


async def test_a_handover_without_a_colleague_says_so(db_path: Path, clock: FrozenClock) -> None:
    ola = add_participant(ParticipantInput(name="Ola Nordmann"), clock)
    eva(clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_participant(ola.id)
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HandoverFormScreen)
        assert text_of(app, "#to_person-message") == "Choose a colleague."
    assert Handover.select().count() == 0


async def test_hand_a_call_to_a_colleague_at_work(db_path: Path, clock: FrozenClock) -> None:
    ola = add_participant(ParticipantInput(name="Ola Nordmann"), clock)
    callback = register_callback(CallbackInput(ola.id, "Ring meg"), clock, Settings())
    colleague = eva(clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        app.screen.query_one("#cb-today", DataTable).focus()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HandoverFormScreen)
        select = app.screen.query_one("#to_person", Select)
        assert [str(prompt) for prompt, _ in select._options[1:]] == ["Eva Solheim"]
        await choose_first_colleague(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, HandoverFormScreen)
        # The call is Eva's now: gone from mine, marked with her initials in the team's.
        assert column(app.screen.query_one("#cb-today", DataTable), 3) == [""]
        await pilot.press("t")
        await pilot.pause()
        assert column(app.screen.query_one("#cb-today", DataTable), 3) == ["→ ES Ring meg"]
    assert Callback.get_by_id(callback.id).assigned_to_id == colleague.id


async def test_a_conflicting_edit_says_what_changed_and_keeps_the_text(
    db_path: Path, clock: FrozenClock
) -> None:
    kari = add_participant(ParticipantInput(name="Kari Nordmann", phone="91234567"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "e")
        await pilot.pause()
        assert isinstance(app.screen, ParticipantFormScreen)
        # Someone else saves a new number while the form is open.
        update_participant(
            kari.id, ParticipantInput(name="Kari Nordmann", phone="98765432"), clock, 1
        )
        await pilot.press("end")
        await type_text(pilot, " Berg")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ParticipantFormScreen)
        message = text_of(app, "#form-message")
        assert "Changed: Phone (now: 987 65 432)." in message
        assert app.screen.query_one("#name", Input).value == "Kari Nordmann Berg"
        assert Participant.get_by_id(kari.id).name == "Kari Nordmann"
        await pilot.press("ctrl+s")  # saving again on top is the user's choice
        await pilot.pause()
        assert not isinstance(app.screen, ParticipantFormScreen)
    stored = Participant.get_by_id(kari.id)
    assert stored.name == "Kari Nordmann Berg"
    # Only the name was changed in this form: the colleague's new number stays.
    assert stored.phone == "+4798765432"


async def test_a_hostile_colleague_name_is_only_text(db_path: Path, clock: FrozenClock) -> None:
    ola = add_participant(ParticipantInput(name="Ola Nordmann"), clock)
    TrustPerson.create(name="Per [/", login="per", created_at=clock.now())
    TrustPerson.create(name="[ @click=app.quit]Eva\x1b[2J", login="eva", created_at=clock.now())
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_participant(ola.id)
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        await choose_first_colleague(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ParticipantDetailScreen)
        assert "Responsible: Per [/" in text_of(app, "#process")  # by name: "P" before "["
        assert "\x1b" not in text_of(app, "#process")
