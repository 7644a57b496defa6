"""The Callbacks screen on a team's database: my calls by default, everyone's on t."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.models import Callback, TrustPerson
from tp_tui.services.callbacks import CallbackInput, register_callback
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.settings import Settings

from .helpers import column


@pytest.fixture(autouse=True)
def login(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TP_TUI_USER", "kari.tp")


async def test_callbacks_show_mine_and_the_teams_on_t(db_path: Path, clock: FrozenClock) -> None:
    ola = add_participant(ParticipantInput(name="Ola Nordmann"), clock)
    register_callback(CallbackInput(ola.id, "Min samtale"), clock, Settings())
    eva = TrustPerson.create(name="Eva Solheim", initials="ES", login="eva", created_at=clock.now())
    Callback.create(
        participant=ola, reason="Evas samtale", received_at=clock.now(), due_at=clock.now(),
        logged_by=eva, created_at=clock.now(), updated_at=clock.now(),
    )  # fmt: skip
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        day_line = app.screen.query_one("#day-line", Static)
        sections = [app.screen.query_one(f"#cb-{s}", DataTable) for s in ("overdue", "today")]

        def reasons() -> list[str]:
            return sorted(r for table in sections for r in column(table, 3) if r)

        assert reasons() == ["Min samtale"]
        assert "Mine" in str(day_line.render())
        await pilot.press("t")
        await pilot.pause()
        assert reasons() == ["Evas samtale", "Min samtale"]
        assert "Team's" in str(day_line.render())
        await pilot.press("t")
        await pilot.pause()
        assert reasons() == ["Min samtale"]
