"""Encryption at rest with SQLCipher: encrypt, reopen, wrong and empty passphrases, decrypt."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tp_tui.cli import run
from tp_tui.db import SQLITE_MAGIC, StorageError, close_database, open_database
from tp_tui.models import Participant, db
from tp_tui.services.encryption import decrypt_file, encrypt_file

pytest.importorskip("sqlcipher3")

PASSPHRASE = "korrekt hest batteri stift"


def _counts() -> dict[str, int]:
    names = [
        row[0]
        for row in db.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {name: db.execute_sql(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


@pytest.fixture
def encrypted(demo_db: Path) -> tuple[Path, dict[str, int], str]:
    """The demo database, encrypted; returns its path, row counts and a participant's name."""
    counts = _counts()
    name = Participant.select().first().name
    close_database()
    encrypt_file(demo_db, PASSPHRASE)
    return demo_db, counts, name


def test_encrypted_file_hides_names_and_reopens(
    encrypted: tuple[Path, dict[str, int], str],
) -> None:
    path, counts, name = encrypted
    data = path.read_bytes()
    assert not data.startswith(SQLITE_MAGIC)
    assert name.encode() not in data
    assert not Path(f"{path}-wal").exists() or name.encode() not in Path(f"{path}-wal").read_bytes()
    with pytest.raises(StorageError) as caught:
        open_database(path)
    assert caught.value.key == "storage.error.encrypted"
    open_database(path, PASSPHRASE)
    assert _counts() == counts
    close_database()


def test_wrong_passphrase_is_clear_quiet_and_changes_nothing(
    encrypted: tuple[Path, dict[str, int], str], capfd: pytest.CaptureFixture[str]
) -> None:
    path, _, _ = encrypted
    before = path.read_bytes()
    capfd.readouterr()
    with pytest.raises(StorageError) as caught:
        open_database(path, "feil passordfrase")
    assert caught.value.key == "storage.error.wrong_passphrase"
    out, err = capfd.readouterr()
    assert out == "" and err == ""
    assert path.read_bytes() == before


@pytest.mark.parametrize("passphrase", ["", "   \t"])
def test_empty_passphrase_is_refused_before_anything_is_created(
    tmp_path: Path, passphrase: str, capfd: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new.db"
    with pytest.raises(StorageError) as caught:
        open_database(path, passphrase)
    assert caught.value.key == "storage.error.empty_passphrase"
    assert list(tmp_path.iterdir()) == [] or not path.exists()
    assert not path.exists()


def test_empty_passphrase_never_encrypts(demo_db: Path) -> None:
    close_database()
    before = demo_db.read_bytes()
    with pytest.raises(StorageError) as caught:
        encrypt_file(demo_db, "")
    assert caught.value.key == "storage.error.empty_passphrase"
    assert demo_db.read_bytes() == before
    assert [p.name for p in demo_db.parent.iterdir() if p.name.startswith(".tp-")] == []


def test_decrypt_brings_back_a_plain_file(encrypted: tuple[Path, dict[str, int], str]) -> None:
    path, counts, name = encrypted
    decrypt_file(path, PASSPHRASE)
    assert path.read_bytes().startswith(SQLITE_MAGIC)
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    connection.close()
    open_database(path)
    assert _counts() == counts
    assert Participant.select().where(Participant.name == name).exists()
    close_database()


def test_search_works_on_the_encrypted_file(encrypted: tuple[Path, dict[str, int], str]) -> None:
    from tp_tui.services.search import search

    path, _, name = encrypted
    open_database(path, PASSPHRASE)
    assert search(name.split()[0])
    close_database()


def test_backup_of_encrypted_database_is_encrypted(
    encrypted: tuple[Path, dict[str, int], str],
) -> None:
    from tp_tui.services.backup import check_backup, make_backup
    from tp_tui.services.encryption import sqlcipher_module

    path, counts, name = encrypted
    from datetime import datetime

    from tp_tui.clock import OSLO

    open_database(path, PASSPHRASE)
    made = make_backup(path, datetime(2026, 11, 26, 10, 0, tzinfo=OSLO))
    close_database()
    data = made.path.read_bytes()
    assert not data.startswith(SQLITE_MAGIC) and name.encode() not in data
    assert made.path.stat().st_mode & 0o777 == 0o600
    connection = sqlite_module_connect(sqlcipher_module(), made.path)
    assert (
        connection.execute("SELECT count(*) FROM participant").fetchone()[0]
        == counts["participant"]
    )
    connection.close()
    with pytest.raises(StorageError) as caught:
        check_backup(made)
    assert caught.value.key == "backup.error.encrypted_restore"


def sqlite_module_connect(dbapi: object, path: Path) -> sqlite3.Connection:
    connection: sqlite3.Connection = dbapi.connect(str(path))  # type: ignore[attr-defined]
    connection.execute(f"PRAGMA key = '{PASSPHRASE}'")
    return connection


def _passphrase_file(tmp_path: Path, text: str, mode: int = 0o600) -> Path:
    file = tmp_path / "pass.txt"
    file.write_text(text + "\n", encoding="utf-8")
    file.chmod(mode)
    return file


def test_cli_encrypt_open_and_decrypt_with_passphrase_file(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "cli.db"
    assert run(["--db", str(database), "participants", "add", "Kari Nordmann"]) == 0
    file = _passphrase_file(tmp_path, PASSPHRASE)
    assert run(["--db", str(database), "encrypt", "--passphrase-file", str(file)]) == 0
    assert b"Kari Nordmann" not in database.read_bytes()
    capfd.readouterr()

    # Without a terminal and without the file: a clear message, exit 1.
    assert run(["--db", str(database), "participants"]) == 1
    assert "encrypted" in capfd.readouterr().err

    assert run(["--db", str(database), "--passphrase-file", str(file), "participants"]) == 0
    assert "Kari Nordmann" in capfd.readouterr().out

    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not it\n", encoding="utf-8")
    wrong.chmod(0o600)
    before = database.read_bytes()
    assert run(["--db", str(database), "--passphrase-file", str(wrong), "participants"]) == 1
    out, err = capfd.readouterr()
    assert "Wrong passphrase" in err and "hmac" not in err
    assert database.read_bytes() == before

    assert run(["--db", str(database), "decrypt", "--passphrase-file", str(file)]) == 0
    assert database.read_bytes().startswith(SQLITE_MAGIC)
    assert run(["--db", str(database), "participants"]) == 0
    assert "Kari Nordmann" in capfd.readouterr().out


def test_cli_refuses_a_passphrase_file_others_can_read(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "cli.db"
    assert run(["--db", str(database), "participants", "add", "Kari Nordmann"]) == 0
    before = database.read_bytes()
    file = _passphrase_file(tmp_path, PASSPHRASE, mode=0o644)
    capfd.readouterr()
    assert run(["--db", str(database), "encrypt", "--passphrase-file", str(file)]) == 2
    assert "chmod 600" in capfd.readouterr().err
    assert database.read_bytes().startswith(SQLITE_MAGIC)
    assert len(database.read_bytes()) == len(before)


def test_cli_encrypt_refuses_empty_passphrase_file(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "cli.db"
    assert run(["--db", str(database), "participants", "add", "Kari Nordmann"]) == 0
    file = _passphrase_file(tmp_path, "  ")
    assert run(["--db", str(database), "encrypt", "--passphrase-file", str(file)]) == 2
    assert database.read_bytes().startswith(SQLITE_MAGIC)


def test_missing_sqlcipher_gives_a_clear_message(
    encrypted: tuple[Path, dict[str, int], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    path, _, _ = encrypted
    monkeypatch.setitem(sys.modules, "playhouse.sqlcipher_ext", None)
    with pytest.raises(StorageError) as caught:
        open_database(path, PASSPHRASE)
    assert caught.value.key == "storage.error.no_sqlcipher"


def test_cli_asks_on_a_terminal_three_times(
    encrypted: tuple[Path, dict[str, int], str],
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    import getpass
    import sys

    path, _, name = encrypted
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    answers = iter(["feil", "", PASSPHRASE])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    assert run(["--db", str(path), "participants"]) == 0
    assert name in capfd.readouterr().out

    answers = iter(["feil", "feil igjen", "fortsatt feil"])
    before = path.read_bytes()
    assert run(["--db", str(path), "participants"]) == 1
    assert "three times" in capfd.readouterr().err
    assert path.read_bytes() == before


def test_an_encrypted_backup_is_restored_with_the_passphrase(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tp_tui.cli import run

    monkeypatch.setenv("TP_TUI_NOW", "2026-11-26T10:00")
    path = tmp_path / "tp.db"
    secret = tmp_path / "pf"
    secret.write_text("en lang og god frase\n")
    secret.chmod(0o600)
    key = ["--db", str(path), "--passphrase-file", str(secret)]
    assert run([*key, "participants", "add", "Kari Nordmann"]) == 0
    assert run([*key, "encrypt"]) == 0
    assert run([*key, "backup"]) == 0
    monkeypatch.setenv("TP_TUI_NOW", "2026-11-26T11:00")
    assert run([*key, "participants", "add", "Etter Kopien"]) == 0
    capsys.readouterr()
    assert run([*key, "restore", "1", "--yes"]) == 0
    assert run([*key, "participants"]) == 0
    out = capsys.readouterr().out
    assert "Kari Nordmann" in out and "Etter Kopien" not in out
    assert b"Kari Nordmann" not in path.read_bytes()  # still encrypted
