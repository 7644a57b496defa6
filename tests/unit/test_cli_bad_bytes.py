"""Input that used to crash a command is refused with a clear message, and nothing is written.

Bytes that are not UTF-8 (a Latin-1 terminal typing "Kafé") reach Python as lone surrogates;
digits that are digits to ``str.isdigit`` but not to people ("²", "١٢"); a number longer than
any id; a file holding text that is not UTF-8.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tp_tui.cli import run


def tp(db: Path, *args: str) -> int:
    return run(["--db", str(db), "--lang", "en", *args])


def rows(db: Path, table: str) -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "tp.db"
    assert tp(path, "participants", "add", "Kari Nordmann") == 0
    capsys.readouterr()
    return path


@pytest.mark.parametrize(
    "args",
    [
        ("participants", "add", "Bad\udcffName"),
        ("log", "Kari\udcff"),
        ("log", "Kari", "--note", "x\udcfe"),
        ("participants", "--search", "\udcff"),
        ("places", "add", "Kaf\udce9"),
    ],
    ids=["name", "who", "note", "search", "place"],
)
def test_bytes_that_are_not_utf8_are_refused(
    db: Path, args: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    places = rows(db, "meeting_place")
    assert tp(db, *args) == 2
    err = capsys.readouterr().err
    assert "not UTF-8 text" in err and "Traceback" not in err
    assert (rows(db, "participant"), rows(db, "contact"), rows(db, "meeting_place")) == (
        1,
        0,
        places,
    )


def test_a_latin1_terminal_is_told_in_norwegian_too(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--db", str(db), "--lang", "nb", "places", "add", "Kaf\udce9"]) == 2
    assert "ikke er UTF-8-tekst" in capsys.readouterr().err


@pytest.mark.parametrize("minutes", ["²", "١٢", "１２"])
def test_digits_people_do_not_type_are_no_duration(
    db: Path, minutes: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert tp(db, "log", "Kari", "--minutes", minutes) == 2
    assert "Duration" in capsys.readouterr().err
    assert rows(db, "contact") == 0


def test_a_place_with_odd_digits_for_minutes_is_refused(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    places = rows(db, "meeting_place")
    assert tp(db, "places", "add", "Biblioteket", "--minutes", "²") == 2
    assert "Traceback" not in capsys.readouterr().err
    assert rows(db, "meeting_place") == places


def test_a_round_count_in_odd_digits_is_a_field_error() -> None:
    from tp_tui.services.rounds import _count
    from tp_tui.services.validation import FieldError

    errors: dict[str, FieldError] = {}
    assert _count("²", "conversations", errors, 99) == 0
    assert errors["conversations"].key == "round.error.count"


def test_an_id_longer_than_any_record_is_refused(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        tp(db, "audit", "--participant", "99999999999999999999")
    assert stopped.value.code == 2
    assert "not a record number" in capsys.readouterr().err


def test_text_in_the_file_that_is_not_utf8_is_reported_as_damage(
    db: Path, tmp_path: Path
) -> None:
    with sqlite3.connect(db) as connection:  # another program wrote bytes that are not UTF-8
        connection.execute("UPDATE participant SET name = CAST(X'4B61FF7269' AS TEXT)")
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "d")}
    command = [sys.executable, "-m", "tp_tui", "--db", str(db), "--lang", "en", "participants"]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 1
    assert "is damaged" in result.stderr and "Traceback" not in result.stderr
