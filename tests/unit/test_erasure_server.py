"""Erasure on a PostgreSQL server: the rows go, the tables that held them are rewritten into new
files (checked by the filenode and by reading the files as the superuser), the messages never
speak of a file, pg_dump backups from before are listed and purged, and a role that may not
rewrite the tables, a colleague's lock or an old snapshot give a clear "not scrubbed".

Needs the server in TP_TUI_TEST_PG (skipped without one, except in CI); the backup naming and
the SQLite side need no server.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from itertools import count
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.postgres import fresh_database
from tp_tui.cli import run
from tp_tui.clock import OSLO, FrozenClock
from tp_tui.db import close_database, open_database
from tp_tui.erasure_words import result_message
from tp_tui.i18n import set_language
from tp_tui.models import Participant, db
from tp_tui.services import erasure, erasure_server
from tp_tui.services.backup_purge import backups_older_than, current_server_url, purge_backups
from tp_tui.services.contacts import ContactInput, log_contact
from tp_tui.services.erasure import erase
from tp_tui.services.erasure_server import ERASED_TABLES
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.services.server_backup import backup_folder as server_backup_folder

pytestmark = pytest.mark.engines

NAME = "Kari Zyxwvutsen"  # no other row has it
NOTE = "Kvitteringsblomkål"
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=OSLO)
_roles = count(1)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A migrated database on the server, opened and bound to the models."""
    with fresh_database() as url:
        open_database(url)
        yield url


def _kari(clock: FrozenClock, others: bool = True) -> int:
    kari = add_participant(ParticipantInput(name=NAME, phone="912 34 567"), clock)
    if others:
        add_participant(ParticipantInput(name="Ola Hansen"), clock)
    log_contact(
        ContactInput(participant_id=kari.id, when="i dag 09:00", kind="phone", note=NOTE), clock
    )
    return int(kari.id)


def _filenodes() -> dict[str, int]:
    sql = "SELECT t, pg_relation_filenode(t::regclass) FROM unnest(%s::text[]) AS t"
    return dict(db.execute_sql(sql, (list(ERASED_TABLES),)).fetchall())


def _rows_naming(text: str) -> list[str]:
    """Tables with a live row whose text holds ``text``."""
    found = []
    for table in ERASED_TABLES:
        sql = f'SELECT count(*) FROM "{table}" AS r WHERE r::text LIKE %s'
        if db.execute_sql(sql, (f"%{text}%",)).fetchone()[0]:
            found.append(table)
    return found


def _files_naming(text: str) -> list[str]:
    """Tables, indexes and TOAST of this database whose file on the server holds ``text``
    (read by the superuser after a checkpoint, so what is in memory is on disk too)."""
    db.execute_sql("CHECKPOINT")
    sql = (
        "SELECT c.relname, pg_read_binary_file(pg_relation_filepath(c.oid)) FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname IN (current_schema(), 'pg_toast') AND c.relkind IN ('r', 'i', 't') "
        "AND pg_relation_filepath(c.oid) IS NOT NULL AND pg_relation_size(c.oid) > 0"
    )
    needle = text.encode()
    return sorted(name for name, data in db.execute_sql(sql).fetchall() if needle in bytes(data))


@contextmanager
def _session(url: str) -> Iterator[Any]:
    import psycopg2

    connection = psycopg2.connect(url)
    try:
        yield connection
    finally:
        connection.close()


def test_erasure_rewrites_every_table_that_held_her(pg_url: str, clock: FrozenClock) -> None:
    kari = _kari(clock)
    assert "participant" in _files_naming(NAME) and _files_naming(NOTE)  # the check sees her
    before = _filenodes()
    result = erase(kari, NAME, clock)
    assert result.on_server and result.scrubbed and result.problem == ""
    after = _filenodes()
    assert [table for table in ERASED_TABLES if after[table] == before[table]] == []
    assert _rows_naming(NAME) == [] and _rows_naming(NOTE) == []
    assert _files_naming(NAME) == [] and _files_naming(NOTE) == []
    assert Participant.get(Participant.name == "Ola Hansen")
    # The session is as it was: autocommit, no lock_timeout left behind.
    assert db.execute_sql("SHOW lock_timeout").fetchone()[0] == "0"
    assert db.connection().autocommit and not db.in_transaction()


def test_the_message_on_the_server_never_speaks_of_a_file(pg_url: str, clock: FrozenClock) -> None:
    result = erase(_kari(clock), NAME, clock)
    for language, words in (("en", ("file",)), ("nb", ("fil",))):
        set_language(language)
        text = result_message(result, 1, 3).lower()
        assert not any(word in text for word in words)
        assert "WAL" in result_message(result, 1, 3) or "write-ahead" in text


def test_sqlite_keeps_its_messages(db_path: Path, engine: str, clock: FrozenClock) -> None:
    result = erase(_kari(clock), NAME, clock)
    text = result_message(result, 7, 3)
    if engine == "sqlite":
        assert not result.on_server and text == "Erased #7: 3 rows deleted, and the file compacted."
    else:
        assert result.on_server and "file" not in text and "rewritten on the server" in text


def _cli_database(url: str, clock: FrozenClock) -> None:
    """Kari on the server, then closed: the command line opens it itself."""
    _kari(clock)
    close_database()


def test_tp_erase_on_the_server(
    pg_url: str,
    clock: FrozenClock,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TP_TUI_NOW", "2026-11-26T10:00")
    _cli_database(pg_url, clock)
    assert run(["--db", pg_url, "--lang", "nb", "erase", NAME, "--yes"]) == 0
    out, err = capsys.readouterr()
    said = (out + err).lower()
    assert "rader slettet" in said and "skrevet om på serveren" in said
    assert "fila" not in said and "file" not in said and "WAL" in out
    open_database(pg_url)
    assert not Participant.select().where(Participant.name == NAME).exists()


def _dump(url: str, when: datetime) -> Path:
    """A pg_dump backup as ``tp backup`` makes it (a stand-in file without pg_dump)."""
    from tp_tui.services.server_backup import dump

    if shutil.which("pg_dump"):
        return dump(url, when).path
    folder = server_backup_folder(url)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{when:%Y%m%d-%H%M%S}.dump"
    path.write_bytes(b"PGDMP" + NAME.encode() * 50)
    return path


def test_purge_backups_takes_the_pg_dump_files_from_before(
    pg_url: str,
    clock: FrozenClock,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TP_TUI_NOW", "2026-11-26T10:00")
    _kari(clock)
    old = _dump(pg_url, NOW - timedelta(days=1))
    assert NAME.encode() in old.read_bytes() or old.stat().st_size > 0
    later = _dump(pg_url, NOW + timedelta(hours=1))  # after the erasure: not hers to purge
    half = old.parent / f".{old.name}.partial"
    half.write_bytes(b"half")
    assert current_server_url() is not None
    assert backups_older_than(str(current_server_url()), NOW) == [old]
    close_database()

    assert run(["--db", pg_url, "erase", NAME, "--yes"]) == 0
    out = capsys.readouterr().out
    assert str(old) in out and "files overwritten and deleted" not in out
    assert old.exists()  # listed, untouched without --purge-backups

    open_database(pg_url)
    _kari(clock, others=False)
    close_database()
    assert run(["--db", pg_url, "erase", NAME, "--yes", "--purge-backups"]) == 0
    out = capsys.readouterr().out
    assert str(old) in out and "1 file overwritten and deleted." in out
    assert not old.exists() and later.exists() and half.exists()


def test_server_backups_are_found_by_their_name(tmp_path: Path) -> None:
    url = "postgresql://kari@db.kommune.no/tp"
    folder = server_backup_folder(url)
    folder.mkdir(parents=True)
    made = [folder / f"{NOW - timedelta(days=d):%Y%m%d-%H%M%S}.dump" for d in (3, 1)]
    for path in made:
        path.write_bytes(NAME.encode())
    (folder / f"{NOW + timedelta(minutes=1):%Y%m%d-%H%M%S}.dump").write_bytes(b"after")
    (folder / "notes.dump").write_text("not ours by name")
    (folder / ".20261101-100000.dump.partial").write_text("half")
    assert backups_older_than(url, NOW) == made
    assert backups_older_than("postgresql://kari@db.kommune.no/other", NOW) == []
    witness = tmp_path / "witness"
    os.link(made[0], witness)
    assert purge_backups(made) == 2
    assert witness.read_bytes() == b"\0" * len(NAME.encode())
    assert backups_older_than(url, NOW) == []


def _as_role(url: str, role: str) -> str:
    parts = urlsplit(url)
    host = f"{role}@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=host))


@contextmanager
def _colleague_role(url: str) -> Iterator[str]:
    """The URL as a role that may read and write tp-tui's tables but does not own them."""
    role = f"tp_colleague_{os.getpid()}_{next(_roles)}"
    with _session(url) as admin:
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute(f"CREATE ROLE {role} LOGIN")
            cursor.execute(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {role}")
            cursor.execute(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {role}")
        try:
            yield _as_role(url, role)
        finally:
            with admin.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
                    (role,),
                )
                cursor.execute(f"DROP OWNED BY {role}")
                cursor.execute(f"DROP ROLE {role}")


def test_a_role_that_may_not_rewrite_gets_a_clear_answer(
    pg_url: str,
    clock: FrozenClock,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TP_TUI_NOW", "2026-11-26T10:00")
    _cli_database(pg_url, clock)
    with _colleague_role(pg_url) as colleague:
        assert run(["--db", colleague, "erase", NAME, "--yes"]) == 1
        out, err = capsys.readouterr()
        assert "not rewritten on the server" in err and "database administrator" in err
        assert "VACUUM (FULL)" in err and "Traceback" not in err + out and "file" not in err
        assert run(["--db", colleague, "erase", "--scrub"]) == 1
        err = capsys.readouterr().err
        assert "were not rewritten" in err and "database administrator" in err
    open_database(pg_url)
    assert _rows_naming(NAME) == [] and _rows_naming(NOTE) == []  # the rows are gone all the same
    assert "participant" in _files_naming(NAME)  # and this is what the message warns about
    assert run(["--db", pg_url, "erase", "--scrub"]) == 0  # the owner can finish the job
    assert "rewritten on the server" in capsys.readouterr().out
    open_database(pg_url)
    assert _files_naming(NAME) == [] and _files_naming(NOTE) == []


def test_a_colleagues_lock_does_not_hang_the_erasure(
    pg_url: str, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(erasure_server, "LOCK_TIMEOUT", "300ms")
    kari = _kari(clock)
    with _session(pg_url) as colleague, colleague.cursor() as cursor:
        cursor.execute("LOCK TABLE meeting_place, contact IN ACCESS SHARE MODE")
        result = erase(kari, NAME, clock)
        colleague.rollback()
    assert not result.scrubbed and result.problem == "erase.server.reason.locked"
    assert _rows_naming(NAME) == []
    assert db.execute_sql("SHOW lock_timeout").fetchone()[0] == "0"
    text = result_message(result, kari, 3)
    assert "colleague's open session" in text and "tp erase --scrub" in text
    assert erasure.scrub()  # once the colleague is done


def test_an_older_snapshot_is_not_called_scrubbed(pg_url: str, clock: FrozenClock) -> None:
    kari = _kari(clock)
    with _session(pg_url) as colleague, colleague.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute("SELECT count(*) FROM meeting_place")  # a snapshot from before the delete
        result = erase(kari, NAME, clock)
        assert "participant" in _files_naming(NAME)  # the rewrite had to keep her row
        colleague.rollback()
    assert not result.scrubbed and result.problem == "erase.server.reason.held"
    assert erasure.scrub()
    assert _files_naming(NAME) == []
