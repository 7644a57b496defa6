"""A team's database on PostgreSQL: opening by URL, the schema version in tp_meta, refusing what
is not ours, times and text that round-trip, the audit guard, search, erasure and the command
line. Needs the server in TP_TUI_TEST_PG (skipped without one, except in CI); the URL checks
at the top need no server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from peewee import DatabaseError

from tests.postgres import fresh_database
from tp_tui.cli import run
from tp_tui.clock import OSLO, FrozenClock
from tp_tui.db import StorageError, close_database, open_database, write
from tp_tui.migrations import LATEST_VERSION
from tp_tui.models import (
    AuditEvent,
    Callback,
    Contact,
    Participant,
    Revision,
    db,
    delete_query,
)
from tp_tui.server import _connect_params, display_url, is_server_url
from tp_tui.services.search import SearchHit, search

from .test_search import HOSTILE, callback, contact, person


def test_urls_are_told_from_file_names() -> None:
    assert is_server_url("postgresql://tp@db.example/tp")
    assert is_server_url("postgres://tp@db.example/tp")
    assert not is_server_url("postgresql.db")
    assert not is_server_url("/home/kari/tp.db")
    assert not is_server_url(Path("postgresql://x/y"))


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://tp:hemmelig@127.0.0.1:1/tp",
        "postgresql://tp@127.0.0.1:1/tp?password=hemmelig",
        "postgresql://:hemmelig@127.0.0.1:1/tp",
        # A whole connection string where libpq reads one: in dsn, dbname or the name itself.
        "postgresql://tp@127.0.0.1:1/tp?dsn=password%3Dhemmelig",
        "postgresql://tp@127.0.0.1:1/tp?DSN=password%3Dhemmelig",
        "postgresql://tp@127.0.0.1:1/tp?dbname=password%3Dhemmelig%20dbname%3Dtp",
        "postgresql://tp@127.0.0.1:1/password=hemmelig%20dbname=tp",
        "postgresql://tp@127.0.0.1:1/postgresql:%2F%2Ftp:hemmelig@127.0.0.1%2Ftp",
    ],
)
def test_a_password_in_the_url_is_refused_before_connecting(url: str) -> None:
    with pytest.raises(StorageError) as refused:
        open_database(url)  # port 1: a connection attempt would fail differently
    assert refused.value.key == "postgres.error.password_in_url"


def test_the_cli_refuses_a_password_and_names_the_password_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(["--db", "postgresql://tp:hemmelig@127.0.0.1:1/tp", "today"]) == 1
    error = capsys.readouterr().err
    assert ".pgpass" in error and "PGPASSWORD" in error and "hemmelig" not in error


def test_tls_is_preferred_unless_the_url_asks_for_more() -> None:
    name, params = _connect_params("postgresql://tp@db.example:5433/team")
    assert name == "team" and params["sslmode"] == "prefer"
    assert params["host"] == "db.example" and params["port"] == 5433 and params["user"] == "tp"
    assert _connect_params("postgresql://tp@db.example/team?sslmode=verify-full")[1]["sslmode"] == (
        "verify-full"
    )
    assert display_url("postgresql://tp@db.example:5433/team?sslmode=require") == (
        "postgresql://tp@db.example:5433/team"
    )


# With a server from here on.


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A migrated database, opened and bound to the models."""
    with fresh_database() as url:
        open_database(url)
        yield url


@pytest.fixture
def empty_url() -> Iterator[str]:
    """A new, empty database (not opened)."""
    with fresh_database(empty=True) as url:
        yield url


def meta() -> dict[str, str]:
    return dict(db.execute_sql("SELECT key, value FROM tp_meta").fetchall())


def test_a_new_database_is_made_ours_at_the_latest_version(empty_url: str) -> None:
    open_database(empty_url)
    assert meta() == {"application": "tp-tui", "schema_version": str(LATEST_VERSION)}
    assert {"participant", "contact", "callback", "audit_event"} <= set(db.obj.get_tables())
    close_database()
    open_database(empty_url)  # again: nothing to do, nothing changes
    assert meta()["schema_version"] == str(LATEST_VERSION)


def test_a_database_with_other_tables_is_refused_untouched(empty_url: str) -> None:
    import psycopg2

    connection = psycopg2.connect(empty_url)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("CREATE TABLE invoices (id int)")
        with pytest.raises(StorageError) as refused:
            open_database(empty_url)
        assert refused.value.key == "storage.error.not_ours"
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            )
            assert cursor.fetchall() == [("invoices",)]
    finally:
        connection.close()


def test_a_newer_schema_is_refused(pg_url: str) -> None:
    db.execute_sql(
        "UPDATE tp_meta SET value = %s WHERE key = 'schema_version'", (str(LATEST_VERSION + 1),)
    )
    close_database()
    with pytest.raises(StorageError) as refused:
        open_database(pg_url)
    assert refused.value.key == "storage.error.newer"


def test_another_applications_meta_table_is_refused(pg_url: str) -> None:
    db.execute_sql("UPDATE tp_meta SET value = 'other' WHERE key = 'application'")
    close_database()
    with pytest.raises(StorageError) as refused:
        open_database(pg_url)
    assert refused.value.key == "storage.error.not_ours"


def test_a_server_database_takes_no_passphrase(pg_url: str) -> None:
    close_database()
    with pytest.raises(StorageError) as refused:
        open_database(pg_url, "hemmelig")
    assert refused.value.key == "postgres.error.passphrase"


def test_times_dates_and_text_round_trip(pg_url: str) -> None:
    summer = datetime(2026, 7, 1, 23, 30, tzinfo=OSLO)  # UTC+2, and the next day in UTC
    winter = datetime(2026, 11, 26, 0, 15, tzinfo=OSLO)
    someone = person("Åse Ørnes-Æsøy", summer)
    someone.intake_on = date(2026, 7, 2)
    someone.save()
    again = Participant.get_by_id(someone.id)
    assert again.created_at == summer and again.created_at.tzinfo is not None
    assert again.intake_on == date(2026, 7, 2) and again.name == "Åse Ørnes-Æsøy"
    early = contact(someone, "tidlig", winter)
    late = contact(someone, "sent", winter + timedelta(hours=1))
    newest_first = Contact.select().order_by(Contact.at.desc())
    assert [c.id for c in newest_first] == [late.id, early.id]
    # PostgreSQL text cannot hold NUL: it is dropped, the rest is kept.
    named = person("Ola\x00Nord", winter)
    assert Participant.get_by_id(named.id).name == "OlaNord"


def test_the_audit_trail_is_append_only(pg_url: str, clock: FrozenClock) -> None:
    from tp_tui.services.audit import record

    with write():
        record("view", 7, clock.now())
    changes: tuple[Callable[[], object], ...] = (
        lambda: AuditEvent.update(action="nothing").execute(),
        lambda: delete_query(AuditEvent).execute(),
    )
    for change in changes:
        with pytest.raises(DatabaseError, match="append-only"):
            with db.atomic():
                change()
    assert AuditEvent.select().count() == 1


def test_search_finds_words_by_prefix_and_norwegian_letters(pg_url: str) -> None:
    now = datetime(2026, 11, 26, 10, 0, tzinfo=OSLO)
    oyvind = person("Øyvind Åsheim", now)
    older = contact(oyvind, "Fulgte til namsmannen om gjelda", now - timedelta(days=2))
    newer = contact(oyvind, "Ringte namsmannen igjen", now)
    owed = callback(None, "Spør om husleia", now, caller="Kari fra NAV")
    hits = search("nams")
    assert all(isinstance(hit, SearchHit) for hit in hits)
    assert [(hit.kind, hit.id) for hit in hits] == [("contact", newer.id), ("contact", older.id)]
    assert hits[0].participant_name == "Øyvind Åsheim" and hits[0].at == now
    assert "namsmannen" in hits[0].snippet and "\ue000" not in hits[0].snippet
    assert [(h.kind, h.id) for h in search("øy")] == [("participant", oyvind.id)]
    assert [(h.kind, h.id) for h in search("ÅSH")] == [("participant", oyvind.id)]
    assert [(h.kind, h.participant_name) for h in search("husl")] == [("callback", "Kari fra NAV")]
    assert search("nams gjeld") and not search("nams husleia")
    # Edited and deleted text is found by what it says now.
    newer.note = "Snakket om bolig"
    newer.save()
    assert [(h.kind, h.id) for h in search("nams")] == [("contact", older.id)]
    delete_query(Callback).where(Callback.id == owed.id).execute()
    assert search("husleia") == []


def test_hostile_input_never_raises_on_postgresql(pg_url: str) -> None:
    now = datetime(2026, 11, 26, 10, 0, tzinfo=OSLO)
    contact(person("Kari", now), "namsmannen ' \\ : & | ! <-> *", now)
    for text in HOSTILE + ["nams & !x", "a | b", "x <-> y", "'nams':*", "nams:*A"]:
        search(text)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=40))
def test_any_typed_text_searches_without_error(pg_url: str, text: str) -> None:
    search(text)


def test_erasure_leaves_no_row_of_her_on_the_server(pg_url: str, clock: FrozenClock) -> None:
    from tp_tui.services.contacts import ContactInput, log_contact
    from tp_tui.services.erasure import erase
    from tp_tui.services.participants import ParticipantInput, add_participant

    kari = add_participant(ParticipantInput(name="Kari Nordmann"), clock)
    other = add_participant(ParticipantInput(name="Ola Hansen"), clock)
    log_contact(
        ContactInput(participant_id=kari.id, when="i dag 09:00", kind="phone", note="Om husleia"),
        clock,
    )
    erase(kari.id, "Kari Nordmann", clock)
    assert not Participant.select().where(Participant.id == kari.id).exists()
    assert search("husleia") == [] and search("kari") == []
    leftover = [r.data for r in Revision.select() if "Kari" in r.data or "husleia" in r.data]
    assert leftover == []
    assert Participant.get_by_id(other.id).name == "Ola Hansen"


# The command line on the server.


def test_the_command_line_runs_on_the_server(
    empty_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TP_TUI_NOW", "2026-11-26T10:00")
    add = ["participants", "add", "Kari Nordmann", "--phone", "912 34 567", "--intake", "25.11"]
    assert run(["--db", empty_url, *add]) == 0
    monkeypatch.setenv("TP_TUI_DB", empty_url)
    log = ["log", "Kari N", "--kind", "phone", "--area", "housing", "--note", "Om husleia"]
    assert run(log) == 0
    capsys.readouterr()
    assert run(["participants"]) == 0
    assert "Kari Nordmann" in capsys.readouterr().out
    assert run(["today"]) == 0
    assert run(["stats", "--format", "csv"]) == 0
    assert "Section" in capsys.readouterr().out
    # No file was made for the URL, and no automatic file backup.
    assert not list(tmp_path.glob("postgresql*"))


def test_file_commands_are_refused_on_the_server(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    close_database()
    for command in ("restore", "encrypt", "decrypt"):
        assert run(["--db", pg_url, command]) == 2
        assert "pg_dump" in capsys.readouterr().err


def test_backup_runs_pg_dump_into_a_private_file(
    pg_url: str, private_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    if shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not on PATH")
    close_database()
    assert run(["--db", pg_url, "backup"]) == 0
    assert "pg_dump" in capsys.readouterr().out
    dumps = list((private_dirs / "data" / "server-backups").glob("*/*.dump"))
    assert len(dumps) == 1 and dumps[0].read_bytes().startswith(b"PGDMP")
    assert dumps[0].stat().st_mode & 0o077 == 0
    assert dumps[0].parent.stat().st_mode & 0o077 == 0


def test_backup_without_pg_dump_says_what_to_install(
    pg_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    close_database()
    monkeypatch.setenv("PATH", "/nonexistent")
    assert run(["--db", pg_url, "backup"]) == 1
    assert "postgresql-client" in capsys.readouterr().err


def test_an_unreachable_server_is_a_clear_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--db", "postgresql://tp@127.0.0.1:1/tp", "today"]) == 1
    assert "Could not connect to postgresql://tp@127.0.0.1:1/tp" in capsys.readouterr().err


# tp migrate-to: a laptop's file into the team database.


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)  # the file to copy from
def test_migrate_to_copies_every_row_in_one_go_and_refuses_a_second_time(
    demo_db: Path, empty_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    close_database()
    assert run(["--db", str(demo_db), "migrate-to", empty_url]) == 0
    report = capsys.readouterr().out
    file = sqlite3.connect(demo_db)
    try:
        for table in ("participant", "contact", "callback", "revision", "survey_answer"):
            rows = file.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            assert f"{table}" in report
            line = next(line for line in report.splitlines() if line.startswith(table + " "))
            assert line.split()[1:] == [str(rows), str(rows)]
        top = file.execute("SELECT max(id) FROM participant").fetchone()[0]
    finally:
        file.close()
    # A second copy would merge two caseloads: refused, and nothing changes.
    assert run(["--db", str(demo_db), "migrate-to", empty_url]) == 1
    assert "already holds data" in capsys.readouterr().err
    open_database(empty_url)
    assert Participant.select().count() == top
    assert search("namsmannen")
    fresh = person("Ny Person", datetime(2026, 11, 26, 10, 0, tzinfo=OSLO))
    assert fresh.id == top + 1


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_migrate_to_needs_a_server_url(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    close_database()
    assert run(["--db", str(demo_db), "migrate-to", "/tmp/other.db"]) == 2
    assert "postgresql://" in capsys.readouterr().err


# The password comes from the standard password file, never from the URL.

PASSWORD_ROLE = "tp_pgpass"  # .ci/postgres.sh makes the server ask this role for its password


def test_the_password_comes_from_the_password_file(
    empty_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import psycopg2

    from tests.postgres import server_url

    password = "Fiktivt-passord-123"
    admin = psycopg2.connect(server_url())
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute(
                f"DO $$ BEGIN CREATE ROLE {PASSWORD_ROLE} LOGIN; "
                "EXCEPTION WHEN duplicate_object THEN NULL; END $$"
            )
            cursor.execute(f"ALTER ROLE {PASSWORD_ROLE} LOGIN PASSWORD '{password}'")
            name = empty_url.rsplit("/", 1)[1]
            cursor.execute(f'ALTER DATABASE "{name}" OWNER TO {PASSWORD_ROLE}')
    finally:
        admin.close()
    url = empty_url.replace("://postgres@", f"://{PASSWORD_ROLE}@")
    host, port = url.split("@", 1)[1].split("/", 1)[0].split(":")
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "missing"))
    try:
        open_database(url)
    except StorageError as error:
        assert error.key == "postgres.error.connect" and password not in str(error.params)
    else:
        close_database()
        pytest.skip(f"this server lets {PASSWORD_ROLE} in without a password (.ci/run's asks)")
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"{host}:{port}:*:{PASSWORD_ROLE}:{password}\n")
    pgpass.chmod(0o600)  # libpq ignores a password file that others can read
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    open_database(url)
    assert meta()["schema_version"] == str(LATEST_VERSION)
