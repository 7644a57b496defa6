"""A worker thread's database connection: its own, opened as the app's was (an encrypted file's
passphrase, the pragmas), and closed when its job ends while the app's stays open."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tp_tui.db import close_database, close_thread_connection, open_database
from tp_tui.models import Participant, db
from tp_tui.services.encryption import encrypt_file

PASSPHRASE = "korrekt hest batteri stift"


def in_thread(job: Callable[[], Any]) -> Any:
    """Run ``job`` in a thread of its own, as a worker does; what it returned (or raised)."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = job()
        except Exception as error:  # handed back to the test
            outcome["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def worker_job() -> tuple[int, bool, bool]:
    """What a worker reads, whether its connection was opened for it, and whether it was
    closed after."""
    count = Participant.select().count()
    opened = not db.is_closed()
    close_thread_connection()
    return count, opened, db.is_closed()


@pytest.mark.engines
def test_a_worker_reads_on_its_own_connection_closed_after(demo_db: Path) -> None:
    here = Participant.select().count()
    assert in_thread(worker_job) == (here, True, True)
    assert not db.is_closed()  # the app's own connection is untouched
    assert Participant.select().count() == here


def test_a_workers_connection_to_a_file_has_the_apps_pragmas(demo_db: Path) -> None:
    def secure_delete() -> int:
        value = int(db.execute_sql("PRAGMA secure_delete").fetchone()[0])
        close_thread_connection()
        return value

    assert in_thread(secure_delete) == 1  # deleted text zeroed on its writes too


def test_a_worker_opens_an_encrypted_file_with_its_passphrase(demo_db: Path) -> None:
    pytest.importorskip("sqlcipher3")
    here = Participant.select().count()
    close_database()
    encrypt_file(demo_db, PASSPHRASE)
    open_database(demo_db, passphrase=PASSPHRASE)
    try:
        assert in_thread(worker_job) == (here, True, True)
        assert Participant.select().count() == here
    finally:
        close_database()


def test_closing_on_the_main_thread_leaves_the_apps_connection(demo_db: Path) -> None:
    Participant.select().count()
    close_thread_connection()
    assert not db.is_closed()
