"""Every main screen and form at 80×24 (designed for it first) and at 120×40 (it grows).

Demo data, frozen on Thursday 26.11.2026 10:00, in English. At both sizes the footer's lower
line shows ctrl+l, ctrl+r, ctrl+z, F9, ``?`` and ctrl+q (forms: their own keys); at 120×40 the
columns that hold what a trust person reads (who, the reason, the note, the figure) are wider.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import platformdirs
import pytest
from textual.pilot import Pilot

from tests.ui.helpers import counted
from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.models import Participant

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])


def app(clock: FrozenClock) -> TpApp:
    return TpApp(clock=clock, demo=True)


async def focus_first_list(pilot: Pilot[Any]) -> None:
    """Tab into the first list, so the line under it shows the row under the cursor."""
    await pilot.press("tab")
    await pilot.pause()


def _on_kari_page(*keys: str) -> Any:
    """Open Kari Nordmann's page, then press ``keys`` (End, or a form or dialog of the page)."""

    async def run(pilot: Pilot[Any]) -> None:
        kari = Participant.get(Participant.name == "Kari Nordmann")
        pilot.app.open_participant(kari.id)  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()

    return run


@SIZES
def test_today(demo_db: Path, clock: FrozenClock, snap_compare: Any, size: tuple[int, int]) -> None:
    """Today: the calls owed with the reason readable (the overdue one as "OVERDUE 23.11 15:30"),
    today's contacts with their notes, this week's rounds on the first screen, the not heard
    from; under the lists the whole row of the call under the cursor."""
    assert snap_compare(app(clock), run_before=focus_first_list, terminal_size=size)


@SIZES
def test_participants(
    demo_db: Path, clock: FrozenClock, snap_compare: Any, size: tuple[int, int]
) -> None:
    """Participants: names, phone, status and stage; at 120 also last contact and intake."""
    assert snap_compare(app(clock), press=["f3"], terminal_size=size)


@SIZES
def test_participant_page(
    demo_db: Path, clock: FrozenClock, snap_compare: Any, size: tuple[int, int]
) -> None:
    """Kari Nordmann's page: name, phone, status, first contact and the intake date (on a
    second line at 80 columns, not cut off); goals by life area beside the process; scrolled to
    the end, the contacts with their notes on screen (areas cut short, dates without the
    year)."""
    assert snap_compare(app(clock), run_before=_on_kari_page("end"), terminal_size=size)


@SIZES
def test_callbacks(
    demo_db: Path, clock: FrozenClock, snap_compare: Any, size: tuple[int, int]
) -> None:
    """Callbacks: overdue, today, later this week and returned today, each with the reason
    readable; the keys of the screen on the upper footer line."""
    assert snap_compare(app(clock), press=["f4"], terminal_size=size)


@SIZES
def test_rounds(
    demo_db: Path, clock: FrozenClock, snap_compare: Any, size: tuple[int, int]
) -> None:
    """Rounds: the three meeting places by week, this Thursday's still to come."""
    assert snap_compare(app(clock), press=["f5"], terminal_size=size)


@SIZES
def test_process_board(
    demo_db: Path, clock: FrozenClock, snap_compare: Any, size: tuple[int, int]
) -> None:
    """The process board: five stages, each card a name (ending in … where it is cut) over its
    days in the stage; late ones as "!Nd" counted from the start (Siv Rønning: 140d ⚑ !160d);
    with the cursor on a card, that card in words under the board."""
    assert snap_compare(app(clock), press=["f6", "tab"], terminal_size=size)


@SIZES
def test_statistics(
    demo_db: Path, clock: FrozenClock, snap_compare: Any, size: tuple[int, int]
) -> None:
    """Statistics for this year: every figure's number on screen beside its label."""
    assert snap_compare(app(clock), run_before=counted("f7"), terminal_size=size)


@SIZES
def test_search(
    demo_db: Path, clock: FrozenClock, snap_compare: Any, size: tuple[int, int]
) -> None:
    """Search for "namsmann": newest first (the count line says so, and that ctrl+o switches),
    the text column as wide as the rest allows, the whole text of the second result under
    the list."""

    async def search(pilot: Pilot[Any]) -> None:
        await pilot.press("slash", *"namsmann")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter", "down")
        await pilot.pause()

    assert snap_compare(app(clock), run_before=search, terminal_size=size)


@SIZES
def test_contact_form(
    demo_db: Path, clock: FrozenClock, snap_compare: Any, size: tuple[int, int]
) -> None:
    """The contact form for Kari Nordmann: labels clear of their fields, the kinds and the
    eight life areas with their keys, wrapped to the width; at 80×24 every field down to the
    outcome and the buttons on one screen (no line under a field until it has a message), what
    the time was read as beside it; its keys in the footer."""

    async def form(pilot: Pilot[Any]) -> None:
        await pilot.press("ctrl+l", *"kari", "enter", "enter")
        await pilot.pause()

    assert snap_compare(app(clock), run_before=form, terminal_size=size)


@SIZES
def test_callback_form(
    demo_db: Path, clock: FrozenClock, snap_compare: Any, size: tuple[int, int]
) -> None:
    """The call-owed form: who, number, reason and due time, each label clear of its field."""
    assert snap_compare(app(clock), press=["ctrl+r"], terminal_size=size)


@SIZES
def test_participant_form(
    demo_db: Path, clock: FrozenClock, snap_compare: Any, size: tuple[int, int]
) -> None:
    """The new-participant form: "First contact" and every other label clear of its field."""
    assert snap_compare(app(clock), press=["f3", "n"], terminal_size=size)


@SIZES
def test_close_of_day(
    demo_db: Path, clock: FrozenClock, snap_compare: Any, size: tuple[int, int]
) -> None:
    """F9: what was done today, each call not yet returned with who, number and the whole
    reason (a long one wraps under the reason, not under the time), the rounds not logged; no
    boxes, since nothing here ticks; c and esc in the footer."""
    assert snap_compare(app(clock), press=["f9"], terminal_size=size)


@SIZES
def test_round_form(
    demo_db: Path, clock: FrozenClock, snap_compare: Any, size: tuple[int, int]
) -> None:
    """A visit to a meeting place (F5, n): the places with their keys, day, start, minutes,
    the counts, the eight life areas and the anonymous note, all on one screen at 80×24."""
    assert snap_compare(app(clock), press=["f5", "n"], terminal_size=size)


@SIZES
def test_stage_form(
    demo_db: Path, clock: FrozenClock, snap_compare: Any, size: tuple[int, int]
) -> None:
    """A stage move from the participant page (s): the six stages with their keys, from when
    and why, the name of the participant in the title."""

    async def form(pilot: Pilot[Any]) -> None:
        await pilot.press("f3", "enter")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()

    assert snap_compare(app(clock), run_before=form, terminal_size=size)


@SIZES
def test_individual_plan(
    demo_db: Path, clock: FrozenClock, snap_compare: Any, size: tuple[int, int]
) -> None:
    """Kari's individual plan (p): its status and history, the items by life area with who
    does what by when, the agreement; the plan's keys in the footer."""
    assert snap_compare(app(clock), run_before=_on_kari_page("p"), terminal_size=size)


@SIZES
def test_summary_export_dialog(
    demo_db: Path,
    clock: FrozenClock,
    snap_compare: Any,
    size: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The summary for the responsibility group (u): format and options with their keys, since
    when, the whole file name, and that only the user can read the file."""
    # The dialog only shows the name; a fixed folder keeps the picture the same on every machine.
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda *a, **k: "/home/tp/Documents")
    assert snap_compare(app(clock), run_before=_on_kari_page("u"), terminal_size=size)


@SIZES
def test_consent_form(
    demo_db: Path, clock: FrozenClock, snap_compare: Any, size: tuple[int, int]
) -> None:
    """The consents (y): a row to record a new one, then each consent with what it covers, to
    whom, from and until when and whether it is in force, on one line or wrapped whole."""
    assert snap_compare(app(clock), run_before=_on_kari_page("y"), terminal_size=size)


@SIZES
def test_meeting_form(
    demo_db: Path, clock: FrozenClock, snap_compare: Any, size: tuple[int, int]
) -> None:
    """A responsibility-group meeting (n): when, who came, what was decided and the action
    points with who does them by when."""
    assert snap_compare(app(clock), run_before=_on_kari_page("n"), terminal_size=size)


@SIZES
def test_team_screen(
    demo_db: Path, clock: FrozenClock, snap_compare: Any, size: tuple[int, int]
) -> None:
    """The team (from the palette): me marked, each colleague's name, initials, login, whether
    active and at work today; the team's keys in the footer."""
    from tp_tui.views.team import TeamScreen

    async def team(pilot: Pilot[Any]) -> None:
        await pilot.app.push_screen(TeamScreen())
        await pilot.pause()

    assert snap_compare(app(clock), run_before=team, terminal_size=size)


@SIZES
def test_goal_form(
    demo_db: Path, clock: FrozenClock, snap_compare: Any, size: tuple[int, int]
) -> None:
    """Kari's goals (g): a row to add a new one, then each goal in her own words with its life
    area and status, none cut."""
    assert snap_compare(app(clock), run_before=_on_kari_page("g"), terminal_size=size)


@SIZES
def test_hand_over_form(
    demo_db: Path, clock: FrozenClock, snap_compare: Any, size: tuple[int, int]
) -> None:
    """Handing Kari over (h): to which colleague (those at work today first), what goes with
    her, and a note for the colleague."""
    assert snap_compare(app(clock), run_before=_on_kari_page("h"), terminal_size=size)


@SIZES
def test_survey_form(
    demo_db: Path, clock: FrozenClock, snap_compare: Any, size: tuple[int, int]
) -> None:
    """A survey's answers (F7, s): that it is stored without names, which survey and month
    (what the month was read as beside it), and at 80×24 all five questions with their answers."""
    assert snap_compare(app(clock), press=["f7", "s"], terminal_size=size)
