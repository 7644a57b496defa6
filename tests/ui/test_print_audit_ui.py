"""The audit trail says what really happened when a summary was sent to the printer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.models import AuditEvent, Participant
from tp_tui.views.export_dialog import ExportDialog

from .helpers import settle, wait_until


async def test_failed_printing_is_not_logged_as_printed(
    demo_db: Path, clock: FrozenClock, private_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)  # no print service on this machine
    kari = Participant.get(Participant.name == "Kari Nordmann")
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        app.open_participant(kari.id)
        await settle(pilot)
        await pilot.press("u")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportDialog), "the export dialog")
        await pilot.press("m", "tab", "p", "ctrl+s")  # Markdown, and print it
        path = private_dirs / "Documents" / "tp-tui" / f"utdrag-{kari.id}-20261126.md"
        await wait_until(pilot, path.exists, "the summary written")
        await settle(pilot)
    actions = [
        row.action for row in AuditEvent.select().where(AuditEvent.participant_id == kari.id)
    ]
    assert "export.summary" in actions
    assert "print.failed" in actions
    assert "print" not in actions
