"""The team screen, driven with the keyboard: who I am, a new colleague, leaving, at work today."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.models import Participant, TrustPerson
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.views.team import TeamFormScreen, TeamScreen
from tp_tui.widgets.confirm import ConfirmScreen

from .helpers import column, notifications, palette, type_text


@pytest.fixture(autouse=True)
def login(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TP_TUI_USER", "kari.tp")


def eva(clock: FrozenClock) -> TrustPerson:
    return TrustPerson.create(
        name="Eva Solheim", initials="ES", login="eva", created_at=clock.now()
    )


def eva_responsible_for_ola(clock: FrozenClock) -> tuple[Participant, TrustPerson]:
    ola = add_participant(ParticipantInput(name="Ola Nordmann"), clock)
    colleague = eva(clock)
    Participant.update(responsible=colleague.id).where(Participant.id == ola.id).execute()
    return ola, colleague


def text_of(app: TpApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def row_of(app: TpApp, name: str) -> list[str]:
    table = app.screen.query_one("#team", DataTable)
    rows = [
        [str(getattr(c, "plain", c)) for c in table.get_row_at(i)] for i in range(table.row_count)
    ]
    return next(row for row in rows if row[1] == name)


async def open_team(app: TpApp, pilot: Pilot[Any]) -> None:
    """As a person does: the command palette, "team", Enter."""
    await palette(pilot, "team", "Team")
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, TeamScreen)


async def select(app: TpApp, pilot: Pilot[Any], name: str) -> None:
    table = app.screen.query_one("#team", DataTable)
    table.move_cursor(row=column(table, 1).index(name))
    await pilot.pause()


async def test_the_palette_opens_the_team_with_me_marked(db_path: Path, clock: FrozenClock) -> None:
    eva(clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_team(app, pilot)
        table = app.screen.query_one("#team", DataTable)
        assert sorted(column(table, 1)) == ["Eva Solheim", "kari.tp"]
        assert row_of(app, "kari.tp")[0] == "me"
        assert row_of(app, "Eva Solheim")[0] == ""
        assert row_of(app, "Eva Solheim")[3:5] == ["eva", "active"]
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, TeamScreen)


async def test_set_my_name_and_initials(db_path: Path, clock: FrozenClock) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_team(app, pilot)
        await select(app, pilot, "kari.tp")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, TeamFormScreen)
        assert app.screen.query_one("#login", Input).disabled  # how the app finds me
        app.screen.query_one("#name", Input).value = ""
        await type_text(pilot, "Kari Nordmann")
        await pilot.press("tab")
        app.screen.query_one("#initials", Input).value = ""
        await type_text(pilot, "kn")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TeamScreen)
        assert row_of(app, "Kari Nordmann")[:3] == ["me", "Kari Nordmann", "KN"]
    me = TrustPerson.get(TrustPerson.login == "kari.tp")
    assert (me.name, me.initials) == ("Kari Nordmann", "KN")


async def test_a_new_colleague_with_bad_input_keeps_what_was_typed(
    db_path: Path, clock: FrozenClock
) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_team(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, TeamFormScreen)
        await type_text(pilot, "Per Hansen [bold]")
        await pilot.press("tab")
        await type_text(pilot, "p1")
        await pilot.press("tab")
        await type_text(pilot, "per h")
        await pilot.press("ctrl+s")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, TeamFormScreen)
        assert text_of(app, "#initials-message") == "Initials are 1–4 letters, for example KN."
        assert text_of(app, "#login-message") == "A login has no spaces."
        assert form.query_one("#name", Input).value == "Per Hansen [bold]"
        assert TrustPerson.select().where(TrustPerson.login != "kari.tp").count() == 0
        form.query_one("#initials", Input).value = ""
        form.query_one("#login", Input).value = "per"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TeamScreen)
        # Initials made from the name's words that begin with a letter.
        assert row_of(app, "Per Hansen [bold]")[2:5] == ["PH", "per", "active"]
    per = TrustPerson.get(TrustPerson.login == "per")
    assert per.name == "Per Hansen [bold]" and per.active


async def test_a_colleague_with_participants_leaves_after_a_question(
    db_path: Path, clock: FrozenClock
) -> None:
    ola, colleague = eva_responsible_for_ola(clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_team(app, pilot)
        await select(app, pilot, "Eva Solheim")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "still has responsibility for 1 participant. Nothing" in str(
            app.screen.query_one(Static).render()
        )
        await pilot.press("n")  # not after all
        await pilot.pause()
        assert TrustPerson.get_by_id(colleague.id).active
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, TeamScreen)
        assert row_of(app, "Eva Solheim")[4] == "left"
        assert column(app.screen.query_one("#team", DataTable), 1)[-1] == "Eva Solheim"
        await pilot.press("a")  # the cursor stays on her: active again, no question
        await pilot.pause()
        assert row_of(app, "Eva Solheim")[4] == "active"
    assert TrustPerson.get_by_id(colleague.id).active
    assert Participant.get_by_id(ola.id).responsible_id == colleague.id  # never moved


async def test_i_cannot_leave_myself_and_am_told(db_path: Path, clock: FrozenClock) -> None:
    add_participant(ParticipantInput(name="Ola Nordmann"), clock)  # mine
    eva(clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_team(app, pilot)
        await select(app, pilot, "kari.tp")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, TeamScreen)  # refused at once, no question first
        assert row_of(app, "kari.tp")[4] == "active"
        messages = [str(n.message) for n in app._notifications]
        assert any("cannot mark yourself" in m for m in messages)
    assert TrustPerson.get(TrustPerson.login == "kari.tp").active


async def test_p_says_i_am_at_work_today_and_not(db_path: Path, clock: FrozenClock) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_team(app, pilot)
        assert "0 at work today" in text_of(app, "#team-summary")
        await pilot.press("p")
        await pilot.pause()
        assert row_of(app, "kari.tp")[5] == "at work today"
        assert "1 active, 1 at work today" in text_of(app, "#team-summary")
        assert TrustPerson.get(TrustPerson.login == "kari.tp").present_on == clock.today()
        await pilot.press("p")
        await pilot.pause()
        assert row_of(app, "kari.tp")[5] == "–"
    assert TrustPerson.get(TrustPerson.login == "kari.tp").present_on is None


async def test_norwegian_screen(db_path: Path, clock: FrozenClock) -> None:
    from tp_tui.i18n import set_language

    eva(clock)
    set_language("nb")
    try:
        app = TpApp(clock=clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await palette(pilot, "teamet", "Teamet")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, TeamScreen)
            assert row_of(app, "kari.tp")[0] == "meg"
            assert row_of(app, "Eva Solheim")[4] == "aktiv"
            assert "på jobb i dag" in text_of(app, "#team-summary")
    finally:
        set_language("en")


async def test_a_hostile_colleague_name_is_only_text(db_path: Path, clock: FrozenClock) -> None:
    hostile = "[ @click=app.quit]Eva[/] [bold]\x1b[2J"
    person = TrustPerson.create(name=hostile, initials="E", login="eva", created_at=clock.now())
    ola = add_participant(ParticipantInput(name="Ola Nordmann"), clock)
    Participant.update(responsible=person.id).where(Participant.id == ola.id).execute()
    shown = "[ @click=app.quit]Eva[/] [bold]"
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_team(app, pilot)
        await select(app, pilot, shown)
        await pilot.press("enter")  # Enter edits too
        await pilot.pause()
        assert isinstance(app.screen, TeamFormScreen)
        assert f"Edit {shown}" in str(app.screen.query_one(".form-title", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert str(app.screen.query_one(Static).render()).startswith(f"{shown} still has")
        await pilot.press("y")
        await pilot.pause()
        assert app.is_running
        assert row_of(app, shown)[4] == "left"


async def test_o_hands_everything_a_leaving_colleague_has_to_me(
    db_path: Path, clock: FrozenClock
) -> None:
    from tp_tui.views.handover_form import HandoverFormScreen

    ola, colleague = eva_responsible_for_ola(clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_team(app, pilot)
        await select(app, pilot, "Eva Solheim")
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, HandoverFormScreen)
        assert "Eva Solheim" in text_of(app, ".form-title")
        await pilot.press("enter", "down", "enter")  # the first one offered: me
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TeamScreen)
        messages = notifications(app)
        assert "Handed over: 1 participant and 0 calls." in messages
    me = TrustPerson.get(TrustPerson.login == "kari.tp")
    assert Participant.get_by_id(ola.id).responsible_id == me.id
