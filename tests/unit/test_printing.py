"""When the printer cannot print, the user is told which it is, in their language, and what to do;
``tp export summary --print`` prints as the app does, and the audit trail says what happened."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tp_tui.cli import run
from tp_tui.export import printing
from tp_tui.i18n import set_language

PATH = "/tmp/utdrag-3-20261126.pdf"


def lp_says(monkeypatch: pytest.MonkeyPatch, code: int, stderr: str) -> printing.PrintOutcome:
    def answer(*args: object, **kwargs: object) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(["lp"], code, "", stderr)

    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/lp")
    monkeypatch.setattr(subprocess, "run", answer)
    return printing.send_to_printer(Path(PATH))


def test_no_default_printer_is_said_in_norwegian_with_what_to_do(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    outcome = lp_says(monkeypatch, 1, "lp: Error - No default destination.\n")
    assert (outcome.ok, outcome.key) == (False, "printing.no_default")
    set_language("nb")
    message = outcome.message()
    assert message.startswith("Ingen skriver er valgt som standard")
    assert "standardskriver" in message and message.endswith(f"skriv ut filen selv: {PATH}")
    assert "Error" not in message and "destination" not in message and ".." not in message


@pytest.mark.parametrize(
    "stderr",
    ["lp: Error - Scheduler is not running.", "lp: error - unable to connect to server"],
)
def test_no_print_service_is_told_apart(monkeypatch: pytest.MonkeyPatch, stderr: str) -> None:
    outcome = lp_says(monkeypatch, 1, stderr)
    assert outcome.key == "printing.no_service"
    set_language("en")
    assert outcome.message().startswith("The print service (CUPS) is not running")
    assert PATH in outcome.message()


def test_lp_missing_says_so_and_differs_from_a_stopped_service(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    set_language("nb")
    missing = printing.send_to_printer(Path(PATH)).message()
    assert "ingen utskriftstjeneste" in missing and PATH in missing
    assert missing != printing.PrintOutcome(False, "printing.no_service", {"path": PATH}).message()


def test_another_refusal_quotes_lp_once_without_a_double_full_stop(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stderr = "\n lp: Error - The printer or class does not \x1b[31mexist.\nsecond line\n"
    outcome = lp_says(monkeypatch, 1, stderr)
    assert outcome.key == "printing.refused"
    assert outcome.params["reason"] == "The printer or class does not exist"
    set_language("nb")
    message = outcome.message()
    assert message.startswith("Utskriften ble avvist (skriveren svarte: «The printer or class")
    assert ".." not in message and "lp:" not in message and message.endswith(PATH)


# -- tp export summary --print -------------------------------------------------------------------


def fake_lp(folder: Path, code: int, stderr: str = "") -> Path:
    """An ``lp`` on PATH that keeps the file it was given and answers as told."""
    folder.mkdir()
    script = folder / "lp"
    script.write_text(
        f'#!/bin/sh\ncp "$2" "{folder}/printed"\necho "{stderr}" >&2\nexit {code}\n',
        encoding="utf-8",
    )
    script.chmod(0o755)
    return folder


def tp(db: Path, *args: str) -> int:
    return run(["--db", str(db), "--lang", "en", *args])


def audit_actions(db: Path) -> list[str]:
    with sqlite3.connect(db) as connection:
        return [row[0] for row in connection.execute("SELECT action FROM audit_event ORDER BY id")]


@pytest.fixture
def kari(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Path:
    monkeypatch.setenv("TP_TUI_NOW", "2026-11-26T10:00")
    db = tmp_path / "tp.db"
    assert tp(db, "participants", "add", "Łukasz Żółć") == 0
    capsys.readouterr()
    return db


def test_export_summary_print_sends_a_pdf_to_the_printer(
    kari: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    printer = fake_lp(tmp_path / "bin", 0)
    monkeypatch.setenv("PATH", f"{printer}{os.pathsep}{os.environ['PATH']}")
    assert tp(kari, "export", "summary", "Łukasz", "--print") == 0
    out = capsys.readouterr().out
    assert "Sent to the printer:" in out
    assert (printer / "printed").read_bytes().startswith(b"%PDF-")
    assert audit_actions(kari)[-2:] == ["export.summary", "print"]


def test_export_summary_print_that_fails_is_audited_as_failed(
    kari: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    printer = fake_lp(tmp_path / "bin", 1, "lp: Error - No default destination.")
    monkeypatch.setenv("PATH", f"{printer}{os.pathsep}{os.environ['PATH']}")
    target = tmp_path / "utdrag.pdf"
    assert tp(kari, "export", "summary", "Łukasz", "--print", "-o", str(target)) == 1
    err = capsys.readouterr().err
    assert "No printer is set as the default" in err and str(target) in err
    assert target.read_bytes().startswith(b"%PDF-")  # the file is there to print by hand
    assert audit_actions(kari)[-2:] == ["export.summary", "print.failed"]
    assert tp(kari, "audit", "--participant", "1") == 0
    trail = capsys.readouterr().out
    assert "printing failed" in trail and "printed" not in trail
