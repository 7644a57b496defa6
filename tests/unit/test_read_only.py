"""A read-only database is opened read-only: reading commands work, writing ones are refused
with a message that says why, and its mode is never changed. A read-only folder is not a
damaged file."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from tp_tui.cli import run

Capture = pytest.CaptureFixture[str]


@pytest.fixture
def db(tmp_path: Path, capsys: Capture) -> Path:
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "tp.db"
    assert run(["--db", str(path), "participants", "add", "Kari Nordmann"]) == 0
    capsys.readouterr()
    return path


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("file_mode", [0o400, 0o444])
def test_a_read_only_file_is_read_and_never_made_writable(
    db: Path, capsys: Capture, file_mode: int
) -> None:
    db.chmod(file_mode)
    before = db.read_bytes()
    assert run(["--db", str(db), "--lang", "en", "participants"]) == 0
    assert "Kari Nordmann" in capsys.readouterr().out
    assert run(["--db", str(db), "--lang", "en", "today"]) == 0
    assert run(["--db", str(db), "--lang", "en", "log", "kari", "--note", "Kaffe"]) == 1
    err = capsys.readouterr().err
    assert "is read-only: it can be read, but nothing can be saved" in err
    assert "damaged" not in err and "Traceback" not in err
    assert mode(db) == file_mode and db.read_bytes() == before


def test_a_read_only_folder_is_not_called_damaged(db: Path, capsys: Capture) -> None:
    folder = db.parent
    folder.chmod(0o555)
    try:
        assert run(["--db", str(db), "--lang", "en", "participants"]) == 0
        assert "Kari Nordmann" in capsys.readouterr().out
        assert run(["--db", str(db), "--lang", "en", "participants", "add", "Ola"]) == 1
        err = capsys.readouterr().err
        assert "folder of the database" in err and "damaged" not in err
    finally:
        folder.chmod(0o755)


def test_an_old_read_only_file_is_not_upgraded(tmp_path: Path, capsys: Capture) -> None:
    from .old_files import renamed_participant_file

    path = tmp_path / "old.db"
    renamed_participant_file(path, 9)
    path.chmod(0o444)
    before = path.read_bytes()
    assert run(["--db", str(path), "--lang", "en", "participants"]) == 1
    assert "must be upgraded, which writes to it" in capsys.readouterr().err
    assert path.read_bytes() == before and mode(path) == 0o444
