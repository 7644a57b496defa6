"""Lists read a page at a time give, page after page, exactly the list read at once; and the
quicker save path stores what peewee's save stores. On SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tp_tui.clock import FrozenClock
from tp_tui.db import write
from tp_tui.models import Contact, Participant, Revision, db
from tp_tui.services import callbacks, detail, participants, retention, today
from tp_tui.services.contacts import ContactInput, log_contact
from tp_tui.services.history import insert_record
from tp_tui.services.search import search
from tp_tui.settings import Settings

pytestmark = pytest.mark.engines


def _pages(read: Callable[[int, int], Sequence[Any]], size: int) -> list[Any]:
    rows: list[Any] = []
    while True:
        page = read(size, len(rows))
        rows.extend(page)
        if len(page) < size:
            return rows


def test_today_lists_page_by_page_are_the_whole_lists(demo_db: Path, clock: FrozenClock) -> None:
    now = clock.now()
    whole = today.not_heard_from(now, 14)
    assert len(whole) > 2
    assert _pages(lambda n, skip: today.not_heard_from(now, 14, n, skip), 2) == list(whole)
    assert _pages(lambda n, skip: today.contacts_today(now, n, skip), 1) == list(
        today.contacts_today(now)
    )
    assert _pages(lambda n, skip: callbacks.due_callbacks(now, n, skip), 1) == list(
        callbacks.due_callbacks(now)
    )
    first = today.today_overview(now, Settings(), page=2)
    assert first.not_heard_from == whole[:2]


def test_not_heard_from_puts_never_first_and_the_longest_silence_next(
    demo_db: Path, clock: FrozenClock
) -> None:
    rows = today.not_heard_from(clock.now(), 14)
    days = [row.days for row in rows]
    never = [d for d in days if d is None]
    assert days == never + sorted((d for d in days if d is not None), reverse=True)


def test_callback_sections_are_the_overview(demo_db: Path, clock: FrozenClock) -> None:
    for now in (
        clock.now(),
        clock.now().replace(microsecond=500_000),
        clock.now() + timedelta(hours=9),
    ):
        overview = callbacks.callbacks_overview(now)
        parts = {
            "overdue": overview.overdue,
            "today": overview.today,
            "later": overview.later_this_week,
            "done": overview.done_today,
        }
        for section in callbacks.SECTIONS:
            whole = callbacks.callback_section(section, now)
            assert [line.id for line in whole] == [line.id for line in parts[section]], section

            def read(
                n: int, skip: int, part: str = section, at: datetime = now
            ) -> tuple[callbacks.CallbackLine, ...]:
                return callbacks.callback_section(part, at, n, skip)

            paged = _pages(read, 1)
            assert paged == list(whole)
        line = overview.today[0] if overview.today else overview.overdue[0]
        assert callbacks.callback_line(line.id, now) == line


def test_participant_pages_follow_on_in_norwegian_order(demo_db: Path) -> None:
    for query, archived in (("", False), ("", True), ("a", False)):
        whole = participants.list_participants(query, archived, limit=1000)
        assert participants.count_participants(query, archived) == len(whole)
        rows: list[participants.ParticipantRow] = []
        after = None
        while True:
            page = participants.list_participants(query, archived, limit=3, after=after)
            rows.extend(page)
            if len(page) < 3:
                break
            after = (page[-1].sort_key, page[-1].id)
        assert rows == whole


def test_contact_history_pages_follow_on_newest_first(demo_db: Path, clock: FrozenClock) -> None:
    kari = Participant.get(Participant.name == "Kari Nordmann")
    # Two contacts at the same moment: the page boundary between them loses neither.
    moment = clock.now() - timedelta(days=1)
    for note in ("Samme tid 1", "Samme tid 2"):
        log_contact(ContactInput(kari.id, moment.strftime("%d.%m.%Y %H:%M"), note=note), clock)
    whole = detail.contact_lines(kari.id, 1000)
    assert len(whole) == Contact.select().where(Contact.participant == kari.id).count()
    rows = list(detail.contact_lines(kari.id, 1))
    while True:
        page = detail.contact_lines(kari.id, 1, before=rows[-1])
        if not page:
            break
        rows.extend(page)
    assert rows == list(whole)
    shown = detail.participant_detail(kari.id, clock.now())
    assert shown is not None and shown.contacts == whole[: detail.RECENT_CONTACTS]


def test_retention_count_is_the_number_of_candidates(demo_db: Path, clock: FrozenClock) -> None:
    for months in (1, 6, 24):
        settings = Settings(retention_months=months)
        candidates = retention.retention_candidates(clock.now(), settings)
        assert retention.retention_count(clock.now(), settings) == len(candidates)
        assert all(isinstance(closed_on, type(clock.today())) for _, _, closed_on in candidates)


def _row(table: str, row_id: int) -> tuple[Any, ...]:
    row = db.execute_sql(f"SELECT * FROM {table} WHERE id = {db.param}", (row_id,)).fetchone()
    return tuple(row[1:])  # all but the id


def test_insert_record_stores_what_save_stores(db_path: Path, clock: FrozenClock) -> None:
    now = clock.now()
    with write():
        kari = Participant.create(name="Kari Nordmann", created_at=now, updated_at=now)

    def contact() -> Contact:
        made = Contact(created_at=now, updated_at=now)
        made.participant_id = kari.id
        made.at = datetime(2026, 11, 25, 14, 0, tzinfo=now.tzinfo)
        made.kind = "phone"
        made.arena = "phone"
        made.duration_minutes = 10
        made.life_areas = 3
        made.note = "Ringte om husleia, «ærlig» – ✓"
        made.after_hours = False
        return made

    with write():
        saved, inserted = contact(), contact()
        saved.save()
        new_id = insert_record(inserted)
    assert new_id == inserted.id != saved.id
    assert not inserted.is_dirty()
    assert _row("contact", inserted.id) == _row("contact", saved.id)
    revision = Revision(
        at=now, entity="contact", entity_id=1, participant=kari.id, action="create", data="{}"
    )
    with write():
        insert_record(revision)
    assert Revision.get_by_id(revision.id).participant_id == kari.id
    # Search finds it, as any saved contact (on SQLite the index saw it through its trigger).
    assert {hit.id for hit in search("husleia")} == {saved.id, inserted.id}


def test_log_contact_still_writes_the_revision_for_undo(db_path: Path, clock: FrozenClock) -> None:
    from tp_tui.services.undo import undo_last

    now = clock.now()
    with write():
        kari = Participant.create(name="Kari Nordmann", created_at=now, updated_at=now)
    contact = log_contact(ContactInput(kari.id, "i dag 09:00", note="Ringte"), clock)
    revision = Revision.get(Revision.entity == "contact")
    assert (revision.entity_id, revision.action, revision.participant_id) == (
        contact.id,
        "create",
        kari.id,
    )
    undone = undo_last(clock)
    assert undone is not None and undone.entity_id == contact.id
    assert Contact.select().count() == 0
