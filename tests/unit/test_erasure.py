"""Erasure: every row about the participant goes, no byte of them is left in the file or its WAL,
everyone else is untouched, and the audit trail says "erased" with the id alone."""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tp_tui.clock import OSLO, FrozenClock
from tp_tui.db import write
from tp_tui.models import AuditEvent, Callback, Contact, Participant, Revision, db
from tp_tui.paths import data_dir
from tp_tui.services.backup_purge import backup_folder, backups_older_than, purge_backups
from tp_tui.services.contacts import ContactInput, log_contact
from tp_tui.services.erasure import ErasureRefused, erase, plan_erasure
from tp_tui.services.retention import retention_candidates
from tp_tui.services.summary import record_export
from tp_tui.settings import Settings

NAME = "Kari Nordmann"
SECRET = "Zebraflodhest"  # a word no other row has
# Tables with a participant column; goal_event hangs on goal.
PARTICIPANT_TABLES = (
    "contact", "callback", "goal", "area_rating", "stage_record", "checklist_mark",
    "group_member", "individual_plan", "consent_grant", "export_record", "revision",
)  # fmt: skip
OTHER_TABLES = ("participant", "goal_event", "meeting_place", "round_visit", "trust_person")


def file_bytes(path: Path) -> bytes:
    wal = Path(f"{path}-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def count(sql: str, *params: object) -> int:
    return int(db.execute_sql(sql, params).fetchone()[0])


def others(kari: int) -> dict[str, int]:
    """Rows that are not Kari's, per table: these must all survive her erasure."""
    found = {t: count(f"SELECT COUNT(*) FROM {t} WHERE participant_id IS NOT ?", kari)
             for t in PARTICIPANT_TABLES}  # fmt: skip
    found["revision"] = count(
        "SELECT COUNT(*) FROM revision WHERE participant_id IS NOT ? AND data NOT LIKE ?",
        kari, f"%{SECRET}%",
    )  # fmt: skip
    found["participant"] = count("SELECT COUNT(*) FROM participant WHERE id <> ?", kari)
    found["goal_event"] = count(
        "SELECT COUNT(*) FROM goal_event JOIN goal ON goal.id = goal_event.goal_id "
        "WHERE goal.participant_id <> ?",
        kari,
    )
    for table in OTHER_TABLES[2:]:
        found[table] = count(f"SELECT COUNT(*) FROM {table}")
    found["search_index"] = count(
        "SELECT COUNT(*) FROM search_index WHERE rowid <> ? * 4 + 2 "
        "AND rowid NOT IN (SELECT id * 4 + 1 FROM contact WHERE participant_id = ?) "
        "AND rowid NOT IN (SELECT id * 4 + 3 FROM callback WHERE participant_id = ?)",
        kari, kari, kari,
    )  # fmt: skip
    return found


@pytest.fixture
def kari(demo_db: Path, clock: FrozenClock) -> int:
    """Kari from the demo, with what erasure must also catch: a long distinctive note among other
    people's, revisions, an export, another's callback tied to her contact, and revisions that
    name her without her participant id (a moved contact, a free-name callback)."""
    person = Participant.get(Participant.name == NAME)
    per = Participant.get(Participant.name == "Stian Eggen")
    now = clock.now()
    first = log_contact(ContactInput(person.id, "now", note=f"Ringte {SECRET} om gjeld"), clock)
    with write():
        # Long notes of hers between short ones of his: the layout that leaves moved copies.
        for number in range(150):
            Contact.create(
                participant=person,
                at=now,
                kind="phone",
                created_at=now,
                updated_at=now,
                note=f"Ringte namsmannen om gjeld {number} {SECRET.lower()} hemmelig",
            )
            Contact.create(participant=per, at=now, kind="phone", created_at=now,
                           updated_at=now, note=f"Snakket om husleie {number}")  # fmt: skip
        Callback.create(participant=per, reason="Ringer tilbake", received_at=now, due_at=now,
                        contact=first, created_at=now, updated_at=now)  # fmt: skip
        moved = json.dumps({"participant": person.id, "note": f"{SECRET} flyttet"})
        Revision.create(at=now, entity="contact", entity_id=first.id + 10_000, participant=per,
                        action="update", data=moved)  # fmt: skip
        hers = Callback.get(Callback.participant == person).id
        Revision.create(at=now, entity="callback", entity_id=hers, participant=None,
                        action="create", data=json.dumps({"reason": SECRET}))  # fmt: skip
    record_export(person.id, "summary", "md", clock)
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return int(person.id)


def test_a_name_that_does_not_match_erases_nothing(kari: int, clock: FrozenClock) -> None:
    before = others(kari), plan_erasure(kari).counts
    for typed in ("Kari", "kari nordmann", "Kari  Nordmann", "", "Per Hansen"):
        with pytest.raises(ErasureRefused) as refused:
            erase(kari, typed, clock)
        assert refused.value.key == "erase.error.name_mismatch"
    assert (others(kari), plan_erasure(kari).counts) == before
    assert AuditEvent.select().where(AuditEvent.action == "erase").count() == 0


def test_erasing_leaves_no_row_and_no_byte_of_her(
    demo_db: Path, kari: int, clock: FrozenClock
) -> None:
    person = Participant.get_by_id(kari)
    assert person.phone is not None
    phone = person.phone[-8:].encode()
    words = (NAME.encode(), b"Nordmann", b"nordmann", SECRET.encode(), SECRET.lower().encode())
    # The control: before erasing, the search does find her (so this test can fail).
    data = file_bytes(demo_db)
    assert all(word in data for word in (*words, phone))
    plan = plan_erasure(kari)
    assert plan.name == NAME
    assert plan.counts["contacts"] > 150 and plan.counts["revisions"] >= 3
    assert plan.counts["exports"] == 1 and all(n > 0 for n in plan.counts.values())
    kept = others(kari)

    result = erase(kari, f"  {NAME} ", clock)

    assert result.counts == plan.counts and result.scrubbed
    assert result.erased_at == clock.now()
    for table in PARTICIPANT_TABLES:
        assert count(f"SELECT COUNT(*) FROM {table} WHERE participant_id = ?", kari) == 0, table
    assert Participant.get_or_none(Participant.id == kari) is None
    assert count("SELECT COUNT(*) FROM revision WHERE data LIKE ?", f"%{SECRET}%") == 0
    assert count("SELECT COUNT(*) FROM search_index WHERE search_index MATCH ?", SECRET) == 0
    assert count("SELECT COUNT(*) FROM search_index WHERE body LIKE ?", "%Nordmann%") == 0
    # Everyone else is as they were; the callback tied to her contact stays, untied. One row
    # is new: the mark that stops undo at the erasure, which names no one.
    mark = Revision.get(Revision.entity == "erasure")
    assert (mark.entity_id, mark.participant_id, mark.data, mark.role) == (0, None, "{}", "final")
    assert others(kari) == {**kept, "revision": kept["revision"] + 1}
    assert Callback.get(Callback.reason == "Ringer tilbake").contact_id is None
    assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    # Not a byte of her name, her notes or her phone number in the file or its WAL.
    data = file_bytes(demo_db)
    for word in (*words, phone):
        assert word not in data, word
    assert b"husleie" in data and b"Stian Eggen" in data
    # The audit trail says it happened, with her number and no name.
    audit = AuditEvent.get(AuditEvent.action == "erase")
    assert (audit.participant_id, audit.at) == (kari, clock.now())
    row = db.execute_sql("SELECT * FROM audit_event WHERE id = ?", (audit.id,)).fetchone()
    assert not any(NAME in str(value) or "Nordmann" in str(value) for value in row)


def test_an_unknown_participant_is_refused(demo_db: Path, clock: FrozenClock) -> None:
    with pytest.raises(ErasureRefused) as refused:
        erase(99_999, NAME, clock)
    assert refused.value.key == "erase.error.no_id"


def _backup(folder: Path, moment: datetime) -> Path:
    path = folder / moment.strftime("tp-%Y%m%d-%H%M%S.db")
    path.write_bytes(f"SQLite format 3\x00 {NAME} ".encode() * 100)
    return path


def test_backups_older_than_the_erasure_are_listed_and_purged(tmp_path: Path) -> None:
    db_path = data_dir() / "tp.db"
    folder = data_dir() / "backups" / "tp"
    assert backup_folder(db_path) == folder
    folder.mkdir(parents=True)
    when = datetime(2026, 11, 26, 10, 0, tzinfo=OSLO)
    old = [_backup(folder, when - timedelta(days=d)) for d in (3, 1)]
    _backup(folder, when + timedelta(minutes=1))  # after the erasure: without her
    (folder / "notes.txt").write_text("not a backup")
    (folder / "tp-garbage.db").write_text("not ours by name")
    assert backups_older_than(db_path, when) == old
    assert backups_older_than(data_dir() / "other.db", when) == []
    # A file elsewhere called tp.db has its own folder: it never sees (or purges) these.
    elsewhere = backup_folder(tmp_path / "tp.db")
    assert elsewhere.parent == folder.parent and elsewhere.name.startswith("tp-")
    assert backups_older_than(tmp_path / "tp.db", when) == []

    # Zeroed before unlinking: a hard link shows what the blocks held at the end.
    witness = tmp_path / "witness"
    os.link(old[0], witness)
    size = witness.stat().st_size
    Path(f"{old[1]}-wal").write_bytes(NAME.encode())
    assert purge_backups(old + [folder / "gone.db"]) == 2
    assert not any(path.exists() for path in old) and not Path(f"{old[1]}-wal").exists()
    assert witness.read_bytes() == b"\0" * size
    assert backups_older_than(db_path, when) == []
    assert len(list(folder.glob("tp-*.db"))) == 2


def test_retention_candidates_are_closed_longer_than_the_limit(
    db_path: Path, clock: FrozenClock
) -> None:
    now = clock.now()
    today = now.date()

    def person(name: str, status: str, closed_on: date | None) -> int:
        return int(
            Participant.create(name=name, status=status, closed_on=closed_on,
                               created_at=now, updated_at=now).id
        )  # fmt: skip

    old = person("Gammel", "closed", date(2024, 11, 25))
    person("Akkurat to år", "closed", date(2024, 11, 26))  # exactly 24 months: not longer
    person("Nylig", "closed", today - timedelta(days=30))
    person("Gjenåpnet", "active", date(2020, 1, 1))  # reopened: not closed any more
    older = person("Eldre", "closed", date(2023, 2, 28))
    assert retention_candidates(now, Settings()) == [
        (older, "Eldre", date(2023, 2, 28)),
        (old, "Gammel", date(2024, 11, 25)),
    ]
    assert retention_candidates(now, Settings(retention_months=48)) == []
    assert len(retention_candidates(now, Settings(retention_months=1))) == 3  # not 30 days ago
    # From the end of a longer month, a month back is the end of the shorter one.
    late = person("Februar", "closed", date(2027, 2, 27))
    person("Siste februar", "closed", date(2027, 2, 28))
    march_end = datetime(2027, 3, 31, 12, tzinfo=OSLO)
    found = [c[0] for c in retention_candidates(march_end, Settings(retention_months=1))]
    assert found[-1] == late and len(found) == 5


def test_an_erased_number_is_never_given_again(db_path: Path, clock: FrozenClock) -> None:
    from tp_tui.services.erasure import erase
    from tp_tui.services.participants import ParticipantInput, add_participant

    first = add_participant(ParticipantInput(name="Ola Hansen"), clock)
    last = add_participant(ParticipantInput(name="Siri Lund"), clock)
    erase(last.id, "Siri Lund", clock)
    newcomer = add_participant(ParticipantInput(name="Per Berg"), clock)
    assert newcomer.id not in (first.id, last.id)
    assert newcomer.id == last.id + 1
