"""The command line, as a person or a script uses it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tp_tui.cli import run


def tp(*args: str) -> int:
    return run(list(args))


def test_add_and_list_participants(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "tp.db")
    assert (
        tp(
            "--db",
            db,
            "participants",
            "add",
            "Kari Nordmann",
            "--phone",
            "912 34 567",
            "--intake",
            "25.11.2026",
        )
        == 0
    )
    assert "Kari Nordmann" in capsys.readouterr().out
    assert tp("participants", "--db", db) == 0  # global options after the subcommand too
    out = capsys.readouterr().out
    assert "Kari Nordmann" in out and "912 34 567" in out and "25.11.2026" in out


def test_bad_input_says_why_and_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "tp.db")
    status = tp("--db", db, "participants", "add", "", "--phone", "91x", "--intake", "31.02")
    err = capsys.readouterr().err
    assert status == 2
    assert "The name must be filled in." in err
    assert "digits" in err
    assert "31.02" in err
    assert tp("--db", db, "participants") == 0
    assert "No participants found." in capsys.readouterr().out


def test_norwegian_on_request(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert tp("--lang", "nb", "--db", str(tmp_path / "tp.db"), "participants") == 0
    assert "Fant ingen deltakere." in capsys.readouterr().out


def test_environment_variable_points_to_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "elsewhere.db"
    monkeypatch.setenv("TP_TUI_DB", str(path))
    assert tp("participants", "add", "Ola Nordmann") == 0
    assert path.exists()


def test_demo_is_separate_and_can_be_reset(
    private_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert tp("--demo", "participants") == 0
    demo_list = capsys.readouterr().out
    assert "Kari Nordmann" in demo_list
    assert tp("--demo", "participants", "add", "Ekstra Person") == 0
    assert tp("--demo", "participants") == 0
    assert "Ekstra Person" in capsys.readouterr().out
    assert tp("--demo", "--reset", "participants") == 0
    assert "Ekstra Person" not in capsys.readouterr().out
    # The real database was never touched.
    assert not (private_dirs / "data" / "tp.db").exists()
    assert tp("participants") == 0
    assert "No participants found." in capsys.readouterr().out


def test_not_a_database_is_refused_before_anything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("handleliste\n")
    assert tp("--db", str(path), "participants") == 1
    assert "not a tp-tui database" in capsys.readouterr().err
    assert tp("--db", str(path)) == 1  # the app itself: refused before any screen opens
    assert "not a tp-tui database" in capsys.readouterr().err
    assert path.read_text() == "handleliste\n"


def _subprocess(
    args: list[str], tmp_path: Path, code: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "LANG": "C.UTF-8",
    }
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "tp_tui", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)


def test_python_dash_m_version_and_help(tmp_path: Path) -> None:
    version = _subprocess(["--version"], tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("tp-tui ")
    helptext = _subprocess(["--help"], tmp_path)
    assert helptext.returncode == 0
    assert "--demo" in helptext.stdout and "participants" in helptext.stdout


def test_files_made_by_the_command_line_are_private(tmp_path: Path) -> None:
    result = _subprocess(
        ["--db", str(tmp_path / "db" / "tp.db"), "participants", "add", "Kari"], tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert oct((tmp_path / "db" / "tp.db").stat().st_mode & 0o777) == "0o600"
    assert oct((tmp_path / "db").stat().st_mode & 0o777) == "0o700"


def test_reset_refuses_the_real_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "tp.db")
    assert tp("--db", db, "participants", "add", "Kari Nordmann") == 0
    with pytest.raises(SystemExit) as stopped:
        tp("--db", db, "--reset", "participants")
    assert stopped.value.code == 2
    assert "only works with --demo" in capsys.readouterr().err
    assert tp("--db", db, "participants") == 0
    assert "Kari Nordmann" in capsys.readouterr().out
