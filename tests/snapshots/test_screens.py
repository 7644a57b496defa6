"""Snapshots of the main screens on the demo data, frozen on Thursday 26.11.2026 10:00."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.ui.helpers import counted
from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.i18n import set_language
from tp_tui.models import Participant


def app(clock: FrozenClock) -> TpApp:
    return TpApp(clock=clock, demo=True)


def test_today(demo_db: Path, clock: FrozenClock, snap_compare: Any) -> None:
    """Today: date and week 48, overdue callbacks in red first, today's contacts,
    the participants not heard from in 14+ days, and this week's rounds still planned."""
    assert snap_compare(app(clock), terminal_size=(100, 40))


def test_participants_list(demo_db: Path, clock: FrozenClock, snap_compare: Any) -> None:
    """Participants in Norwegian order (Øyvind Åsheim last), with status, stage, last contact."""
    assert snap_compare(app(clock), press=["f3"], terminal_size=(100, 30))


def test_participant_detail(demo_db: Path, clock: FrozenClock, snap_compare: Any) -> None:
    """Kari Nordmann: goals under the eight life areas, stages with checklists, the group with
    its coordinator, open callbacks and the latest contacts."""
    kari = Participant.get(Participant.name == "Kari Nordmann")

    async def open_kari(pilot: Any) -> None:
        pilot.app.open_participant(kari.id)
        await pilot.pause()

    assert snap_compare(app(clock), run_before=open_kari, terminal_size=(110, 50))


def test_participant_form_with_errors(demo_db: Path, clock: FrozenClock, snap_compare: Any) -> None:
    """The new-participant form after saving with an empty name and a bad phone: each message
    next to its field, in Norwegian."""
    set_language("nb")
    assert snap_compare(
        app(clock), press=["f3", "n", "tab", "9", "1", "x", "ctrl+s"], terminal_size=(90, 34)
    )


@pytest.fixture(autouse=True)
def _english_after() -> Any:
    yield
    set_language("en")


def test_rounds_grid(demo_db: Path, clock: FrozenClock, snap_compare: Any) -> None:
    """Rounds: three meeting places × the last weeks, minutes and conversations/new people,
    a missed round marked MISSING, this Thursday's rounds still to come (·)."""
    assert snap_compare(app(clock), press=["f5"], terminal_size=(100, 20))


def test_process_board(demo_db: Path, clock: FrozenClock, snap_compare: Any) -> None:
    """The process board: active participants under stages 1–5 with days in the stage;
    ⚑ for the stalled, ! for those past the expected time (Siv Rønning both)."""
    assert snap_compare(app(clock), press=["f6"], terminal_size=(110, 20))


def test_statistics_figures(demo_db: Path, clock: FrozenClock, snap_compare: Any) -> None:
    """Statistics for this year: the period named, the note on small groups, the figures under
    their sections, 1–4 people shown as "< 5"; no name anywhere."""
    assert snap_compare(app(clock), run_before=counted("f7"), terminal_size=(100, 30))


def test_statistics_chart_contacts_per_week(
    demo_db: Path, clock: FrozenClock, snap_compare: Any
) -> None:
    """Contacts per week this year as bars, weeks labelled under the axis, whole numbers up it."""
    assert snap_compare(app(clock), run_before=counted("f7", "2"), terminal_size=(100, 30))


def test_statistics_chart_life_areas(demo_db: Path, clock: FrozenClock, snap_compare: Any) -> None:
    """Contacts per life area this year, one bar lying down for each of the eight areas."""
    assert snap_compare(app(clock), run_before=counted("f7", "4"), terminal_size=(100, 30))
