"""Printing and exporting from the app: the week's list and a participant summary."""

from __future__ import annotations

import stat
from pathlib import Path

from textual.widgets import Static

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.models import ExportRecord, Participant
from tp_tui.views.export_dialog import ExportDialog

from .helpers import notifications, settle, type_text


async def test_week_list_to_a_file_and_no_printer(
    demo_db: Path, clock: FrozenClock, private_dirs: Path, monkeypatch: object
) -> None:
    import shutil

    monkeypatch.setattr(shutil, "which", lambda name: None)  # type: ignore[attr-defined]
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("f4", "t", "p")  # the team's calls: Kari's are a colleague's
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("t")  # text
        await pilot.press("tab")
        await type_text(pilot, "48")
        await pilot.press("tab", "p", "i", "ctrl+s")  # print it, initials
        await settle(pilot)
        written = private_dirs / "Documents" / "tp-tui" / "ringeliste-2026-W48.txt"
        text = written.read_text(encoding="utf-8")
        assert "uke 48" in text.lower() or "week 48" in text.lower()
        assert "Kari Nordmann" not in text and "KN" in text
        assert stat.S_IMODE(written.stat().st_mode) == 0o600
        messages = notifications(app)
        assert "by hand" in messages and str(written) in messages


async def test_summary_from_the_participant_page_is_recorded(
    demo_db: Path, clock: FrozenClock, private_dirs: Path
) -> None:
    kari = Participant.get(Participant.name == "Kari Nordmann")
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        app.open_participant(kari.id)
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        await pilot.press("m", "ctrl+s")  # Markdown
        await settle(pilot)
        path = private_dirs / "Documents" / "tp-tui" / f"utdrag-{kari.id}-20261126.md"
        assert "Kari Nordmann" in path.read_text(encoding="utf-8")
        record = ExportRecord.get(ExportRecord.participant == kari.id)
        assert (record.what, record.format) == ("summary", "md")
        assert "summary for the responsibility group" in str(
            app.screen.query_one("#process", Static).render()
        )
        await pilot.press("u", "m", "ctrl+s")  # the same file again: asks before overwriting
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert ExportRecord.select().where(ExportRecord.participant == kari.id).count() == 1


async def test_a_summary_that_could_not_be_printed_is_not_audited_as_printed(
    demo_db: Path, clock: FrozenClock, private_dirs: Path, monkeypatch: object
) -> None:
    import shutil

    from tp_tui.models import AuditEvent

    monkeypatch.setattr(shutil, "which", lambda name: None)  # type: ignore[attr-defined]
    kari = Participant.get(Participant.name == "Kari Nordmann")
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        app.open_participant(kari.id)
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        await pilot.press("m", "tab", "p", "ctrl+s")  # Markdown, and print it
        await settle(pilot)
        messages = notifications(app)
        assert "This machine has no print service" in messages
        assert f"utdrag-{kari.id}-20261126.md" in messages
        actions = [
            row.action
            for row in AuditEvent.select().where(AuditEvent.participant_id == kari.id)
        ]
        assert actions[-2:] == ["export.summary", "print.failed"]


async def test_the_summary_dialog_takes_a_since_day_and_refuses_a_future_one(
    demo_db: Path, clock: FrozenClock, private_dirs: Path
) -> None:
    from textual.widgets import Input

    kari = Participant.get(Participant.name == "Kari Nordmann")
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_participant(kari.id)
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        await pilot.press("m", "tab", "tab")  # Markdown; past the options to "since"
        await type_text(pilot, "20.11.2027")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)  # refused: the dialog stays, as typed
        message = str(app.screen.query_one("#since-message", Static).render())
        assert "cannot be later than today" in message
        assert app.screen.query_one("#since", Input).value == "20.11.2027"
        assert ExportRecord.select().where(ExportRecord.participant == kari.id).count() == 0
        app.screen.query_one("#since", Input).value = ""
        await type_text(pilot, "05.11.2026")
        await pilot.press("ctrl+s")
        await settle(pilot)
        path = private_dirs / "Documents" / "tp-tui" / f"utdrag-{kari.id}-20261126.md"
        assert "since 05.11.2026" in path.read_text(encoding="utf-8")
