"""Storage: safe settings, private files, refusing files we must not touch, migrations."""

from __future__ import annotations

import sqlite3
import stat
from datetime import date, datetime
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from tp_tui.clock import OSLO
from tp_tui.db import (
    APPLICATION_ID,
    StorageError,
    check_integrity,
    close_database,
    integrity_known,
    migrate,
    open_database,
    write,
)
from tp_tui.migrations import LATEST_VERSION, steps
from tp_tui.models import Contact, MeetingPlace, Participant, db


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_every_connection_has_the_safe_settings(db_path: Path) -> None:
    def pragma(name: str) -> object:
        return db.execute_sql(f"PRAGMA {name}").fetchone()[0]

    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2
    assert pragma("foreign_keys") == 1
    assert pragma("secure_delete") == 1
    assert pragma("temp_store") == 2
    busy_timeout = pragma("busy_timeout")
    assert isinstance(busy_timeout, int)
    assert busy_timeout >= 5000
    assert pragma("application_id") == APPLICATION_ID
    assert pragma("user_version") == LATEST_VERSION


def test_files_are_private_whatever_the_umask(tmp_path: Path) -> None:
    import os

    old = os.umask(0o022)
    try:
        path = tmp_path / "nested" / "tp.db"
        open_database(path)
        MeetingPlace.create(name="Biblioteket", threshold="low")
        assert mode(path.parent) == 0o700
        assert mode(path) == 0o600
        for suffix in ("-wal", "-shm"):
            side = Path(f"{path}{suffix}")
            if side.exists():
                assert mode(side) == 0o600
    finally:
        os.umask(old)
        close_database()


def test_meeting_places_are_seeded(db_path: Path) -> None:
    places = [
        (p.name, p.threshold, p.weekday)
        for p in MeetingPlace.select().order_by(MeetingPlace.sort_order)
    ]
    assert places == [("Kafé 103", "low", 3), ("Kafé X", "sober", 3), ("Huset", "high", 3)]


@pytest.mark.parametrize(
    ("content", "key"),
    [
        (b"Kari Nordmann, 912 34 567\n" * 20, "storage.error.not_ours"),
        (b"SQLite format 3\x00" + b"\xff" * 4000, "storage.error.damaged"),
    ],
)
def test_foreign_or_damaged_file_is_refused_untouched(
    tmp_path: Path, content: bytes, key: str
) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(content)
    with pytest.raises(StorageError) as caught:
        open_database(path)
    assert caught.value.key == key
    assert path.read_bytes() == content
    assert not Path(f"{path}-wal").exists()


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (text TEXT)")
    connection.execute("INSERT INTO notes VALUES ('hemmelig')")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(StorageError) as caught:
        open_database(path)
    assert caught.value.key == "storage.error.not_ours"
    assert path.read_bytes() == before


def test_newer_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "tp.db"
    open_database(path)
    db.execute_sql(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    close_database()
    before = path.read_bytes()
    with pytest.raises(StorageError) as caught:
        open_database(path)
    assert caught.value.key == "storage.error.newer"
    assert path.read_bytes() == before


def _scribbled_file(tmp_path: Path) -> tuple[Path, bytes]:
    """A file at the latest version with one b-tree page overwritten."""
    path = tmp_path / "tp.db"
    open_database(path)
    for number in range(50):
        Participant.create(name=f"Testperson {number}", created_at=_now(), updated_at=_now())
    close_database()
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 3 : page * 3 + 200] = b"\x00\x01" * 100  # scribble over a b-tree page
    path.write_bytes(bytes(data))
    return path, bytes(data)


def test_damaged_page_is_found_before_the_first_write(tmp_path: Path) -> None:
    path, before = _scribbled_file(tmp_path)
    open_database(path)  # fast: the pages are read later, not on the way to the first screen
    assert not integrity_known()
    with pytest.raises(StorageError) as caught, write():
        Participant.create(name="Ny Person", created_at=_now(), updated_at=_now())
    assert caught.value.key == "storage.error.damaged"
    with pytest.raises(StorageError):
        check_integrity()  # and it stays damaged
    close_database()
    assert path.read_bytes() == before
    open_database(path)
    assert not integrity_known()  # a damaged file never earns a stamp: checked every time
    close_database()


def test_an_unchanged_file_is_not_checked_again(tmp_path: Path) -> None:
    path = tmp_path / "tp.db"
    open_database(path)
    with write():
        Participant.create(name="Kari Nordmann", created_at=_now(), updated_at=_now())
    close_database()  # checked and closed cleanly: the stamp is written
    open_database(path)
    assert integrity_known()
    close_database()
    path.write_bytes(path.read_bytes())  # anything else touching the file: a new time
    open_database(path)
    assert not integrity_known()
    check_integrity()
    assert integrity_known()
    close_database()


def test_damaged_old_version_is_refused_before_migrating(tmp_path: Path) -> None:
    path, _ = _scribbled_file(tmp_path)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 4")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(StorageError) as caught:
        open_database(path)
    assert caught.value.key == "storage.error.damaged"
    assert path.read_bytes() == before


def _now() -> datetime:
    return datetime(2026, 11, 26, 10, 0, tzinfo=OSLO)


def test_upgrade_from_the_first_version_keeps_every_row(tmp_path: Path) -> None:
    """A file made at version 1 and filled, then opened by this version: all rows survive."""
    path = tmp_path / "old.db"
    old = SqliteDatabase(str(path), pragmas={"foreign_keys": 1})
    first_version, first_upgrade = steps()[0]
    with old.atomic():
        first_upgrade(old)
        old.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        old.execute_sql(f"PRAGMA user_version = {first_version}")
    stamp = "2026-01-05T09:00:00+00:00"
    people = [("Øyvind Ås", "+4791234567"), ("Kari Nordmann", None), ("Æsa Berg", "+4722334455")]
    for name, phone in people:
        old.execute_sql(
            "INSERT INTO participant (name, name_is_nickname, phone, status, referral_note, "
            "consent_note, about, created_at, updated_at, version, intake_on) "
            "VALUES (?, 0, ?, 'active', '', '', '', ?, ?, 1, '2026-01-05')",
            (name, phone, stamp, stamp),
        )
    old.execute_sql(
        "INSERT INTO contact (participant_id, at, kind, destination_note, life_areas, outcome, "
        "note, after_hours, created_at, updated_at, version) "
        "VALUES (1, ?, 'phone', '', 1, 'reached', 'Ringte om husleia', 0, ?, ?, 1)",
        (stamp, stamp, stamp),
    )
    counts_before = {
        table: old.execute_sql(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        for table in ("participant", "contact", "meeting_place")
    }
    old.close()

    open_database(path)
    try:
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        for table, count in counts_before.items():
            assert db.execute_sql(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == count
        kari = Participant.get(Participant.name == "Kari Nordmann")
        assert kari.intake_on == date(2026, 1, 5)
        # The new columns were filled in for the old rows: search and Norwegian order work.
        oyvind = Participant.get(Participant.search_text.contains("øy"))
        assert oyvind.name == "Øyvind Ås"
        assert "91234567" in oyvind.search_text
        ordered = [p.name for p in Participant.select().order_by(Participant.sort_key)]
        assert ordered == ["Kari Nordmann", "Æsa Berg", "Øyvind Ås"]
        assert Contact.select().where(Contact.participant == kari).count() == 0
        first = Participant.get_by_id(1)
        assert Contact.select().where(Contact.participant == first).get().note == (
            "Ringte om husleia"
        )
    finally:
        close_database()


def test_migrating_twice_changes_nothing(db_path: Path) -> None:
    migrate(db.obj)
    assert db.execute_sql("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert MeetingPlace.select().count() == 3


def test_two_copies_open_on_one_file_both_save(tmp_path: Path) -> None:
    """A second connection holding a read does not make the first copy's save fail."""
    path = tmp_path / "tp.db"
    open_database(path)
    try:
        other = sqlite3.connect(path, timeout=10)
        other.execute("BEGIN")
        other.execute("SELECT COUNT(*) FROM participant").fetchone()
        Participant.create(name="Kari", created_at=_now(), updated_at=_now())
        other.execute("COMMIT")
        other.execute(
            "INSERT INTO meeting_place (name, threshold, weekday, start_time, "
            "planned_minutes, active, sort_order) VALUES ('Parken', 'low', 1, '10:00', "
            "30, 1, 9)"
        )
        other.commit()
        other.close()
        assert Participant.select().count() == 1
        assert MeetingPlace.select().count() == 4
    finally:
        close_database()
