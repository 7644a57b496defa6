"""Files tp wrote about a person are found by tp erase, listed, and with --purge-backups
overwritten and removed; the audit keeps a tombstone with a count, no name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tp_tui.cli import run
from tp_tui.models import AuditEvent, Participant, db
from tp_tui.paths import data_dir
from tp_tui.services.erasure_matches import marks_of

NAME = "Kari Nordmann"


@pytest.fixture
def exported(private_dirs: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Kari's summary to a file named after her, the week's list printed (no print service:
    the PDF stays in the data folder) and as a calendar file."""
    monkeypatch.setenv("TP_TUI_NOW", "2026-11-26T10:00")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    documents = private_dirs / "Documents"
    files = {
        "summary": documents / "kari-nordmann.pdf",
        "calendar": documents / "uke.ics",
        "printed": data_dir() / "exports" / "ringeliste-2026-W48.pdf",
    }
    summary = ["export", "summary", NAME, "--format", "pdf", "-o", str(files["summary"])]
    assert run(["--demo", *summary]) == 0
    assert run(["--demo", "callbacks", "--team", "--print"]) == 1  # printing failed, file kept
    week = ["callbacks", "--team", "--format", "ics", "-o", str(files["calendar"])]
    assert run(["--demo", *week]) == 0
    assert all(path.is_file() for path in files.values())
    return files


def _kari() -> tuple[int, tuple[str, ...]]:
    db.connect(reuse_if_open=True)
    kari = Participant.get(Participant.name == NAME)
    return int(kari.id), marks_of(kari).spellings()


def test_the_plan_lists_them_and_without_purge_they_stay(
    exported: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run(["--demo", "--lang", "en", "erase", NAME, "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Files tp wrote that still hold them (3" in out
    for path in exported.values():
        assert str(path) in out
        assert path.is_file()
    assert "--purge-backups" in out


def test_purge_removes_every_file_and_leaves_a_tombstone(
    exported: dict[str, Path], private_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kari_id, spellings = _kari()
    assert any(len(form) >= 8 for form in spellings)  # her number is among them
    assert run(["--demo", "--lang", "en", "erase", NAME, "--yes", "--purge-backups"]) == 0
    assert not any(path.exists() for path in exported.values())
    db.connect(reuse_if_open=True)
    tomb = AuditEvent.get(AuditEvent.action == "erase.files")
    assert (tomb.participant_id, tomb.entity) == (kari_id, "files")
    assert (tomb.entity_id or 0) >= 3
    assert run(["--demo", "--lang", "en", "audit", "--participant", str(kari_id)]) == 0
    assert "overwritten and deleted" in capsys.readouterr().out
    # No file tp wrote under the home holds a byte of her name or number, in any form.
    db.close()
    forms = [form.encode() for form in spellings] + [b"kari-nordmann", b"Nordmann"]
    for path in private_dirs.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for form in forms:
                assert form not in data, (path.name, form)
