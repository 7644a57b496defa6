"""The demo database: what a newcomer sees on the first start, and the same file every time."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import cast

import pytest
from peewee import fn

from tp_tui.clock import OSLO, FrozenClock
from tp_tui.db import close_database, open_database
from tp_tui.demo import fill_demo, is_empty
from tp_tui.folding import search_text, sort_key
from tp_tui.models import (
    Callback,
    ConsentGrant,
    Contact,
    Goal,
    GroupMember,
    IndividualPlan,
    MeetingPlace,
    Participant,
    RoundVisit,
    StageRecord,
)
from tp_tui.phone import phone_digits

# A Thursday morning: the rounds are still ahead, callbacks are due later today.
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=OSLO)


@pytest.fixture
def clock(tmp_path: Path) -> Iterator[FrozenClock]:
    """The demo filled into a fresh file on the frozen date; closed after the test."""
    frozen = FrozenClock(NOW)
    open_database(tmp_path / "demo.db")
    assert is_empty()
    fill_demo(frozen)
    yield frozen
    close_database()


def _current_stages() -> dict[int, int]:
    rows = StageRecord.select(StageRecord.participant, fn.MAX(StageRecord.stage)).group_by(
        StageRecord.participant
    )
    return dict(cast(Iterable[tuple[int, int]], rows.tuples()))


def _last_contacts() -> dict[int, datetime]:
    rows = Contact.select(Contact.participant, fn.MAX(Contact.at)).group_by(Contact.participant)
    pairs = cast(Iterable[tuple[int, str]], rows.tuples())
    return {participant: Contact.at.python_value(last) for participant, last in pairs}


def test_every_stage_and_every_status(clock: FrozenClock) -> None:
    assert not is_empty()
    stages = _current_stages()
    active = Participant.select().where(Participant.status == "active")
    per_stage = Counter(stages[p.id] for p in active)
    assert all(per_stage[stage] >= 2 for stage in range(1, 6)), per_stage
    statuses = Counter(p.status for p in Participant.select())
    assert statuses["paused"] >= 1 and statuses["closed"] >= 3 and statuses["prospective"] >= 2
    assert Participant.select().where(Participant.archived_at.is_null(False)).count() >= 1
    for closed in Participant.select().where(Participant.status == "closed"):
        assert closed.closed_on and closed.closing_reason
        record = StageRecord.get((StageRecord.participant == closed) & (StageRecord.stage == 6))
        assert record.closing_reason == closed.closing_reason
        assert record.entered_on == closed.closed_on
    for guest in Participant.select().where(Participant.status == "prospective"):
        contacts = Contact.select().where(Contact.participant == guest)
        assert guest.name_is_nickname and guest.id not in stages and contacts.count() >= 1


def test_names_and_numbers_are_searchable(clock: FrozenClock) -> None:
    names = [p.name for p in Participant.select()]
    assert any(set(name.casefold()) & set("æøå") for name in names)
    assert any("-" in name.split()[0] for name in names)
    assert max(len(name) for name in names) >= 38
    for p in Participant.select().where(Participant.name_is_nickname == False):  # noqa: E712
        assert p.phone is not None and re.fullmatch(r"\+47[49]\d{7}", p.phone)
        assert p.search_text == search_text(p.name, phone_digits(p.phone))
        assert p.sort_key == sort_key(p.name)
        assert p.first_contact_on is not None and p.intake_on is not None
        assert p.first_contact_on < p.intake_on <= clock.today()


def test_callbacks_owed_today_overdue_and_this_week(clock: FrozenClock) -> None:
    now, today = clock.now(), clock.today()
    owed = list(Callback.select().where(Callback.done_at.is_null()))
    later_today = [c for c in owed if c.due_at > now and c.due_at.date() == today]
    assert len(later_today) >= 2
    assert len([c for c in owed if c.due_at < now]) >= 2
    assert len([c for c in owed if today < c.due_at.date() <= today + timedelta(days=6)]) >= 2
    free = [c for c in owed if c.participant_id is None]
    assert free and free[0].caller_name and free[0].caller_phone is not None
    assert free[0].caller_phone.startswith("+47")
    done = list(Callback.select().where(Callback.done_at.is_null(False)))
    assert len(done) > 20
    assert all(c.received_at <= c.done_at <= now and c.outcome for c in done)
    same_day = sum(c.done_at.date() == c.due_at.date() for c in done)
    assert same_day > len(done) * 0.7


def test_contacts_today_and_participants_not_to_let_go(clock: FrozenClock) -> None:
    now, today = clock.now(), clock.today()
    midnight = datetime.combine(today, datetime.min.time(), OSLO)
    todays = Contact.select().where(Contact.at >= midnight)
    assert 2 <= todays.count() <= 4
    last = _last_contacts()
    active = Participant.select().where(
        (Participant.status == "active") & Participant.archived_at.is_null()
    )
    quiet_days = [(now - last[p.id]).days for p in active]
    assert len([days for days in quiet_days if 14 <= days <= 30]) >= 2
    assert all(days < 60 for days in quiet_days)


def test_one_participant_has_stalled_in_mapping(clock: FrozenClock) -> None:
    stages, last = _current_stages(), _last_contacts()
    stalled = []
    for p in Participant.select().where(Participant.status == "active"):
        entered = (
            StageRecord.select(fn.MAX(StageRecord.entered_on))
            .where(StageRecord.participant == p)
            .scalar()
        )
        if stages[p.id] == 2 and clock.today() - entered >= timedelta(days=90):
            stalled.append((clock.now() - last[p.id]).days)
    assert stalled and max(stalled) >= 35


def test_follow_up_records_fit_the_stage(clock: FrozenClock) -> None:
    stages = _current_stages()
    plans = {plan.participant_id: plan for plan in IndividualPlan.select()}
    for p in Participant.select().where(Participant.status.in_(["active", "paused"])):
        stage = stages[p.id]
        if stage >= 2:
            assert Goal.select().where(Goal.participant == p).count() >= 1
            expected = (
                {"draft"} if stage == 2 else {"offered", "accepted", "declined", "handed_over"}
            )
            assert plans[p.id].status in expected
        if stage >= 3:
            members = list(GroupMember.select().where(GroupMember.participant == p))
            assert 2 <= len(members) <= 4
            assert [m.id for m in members if m.is_coordinator] == [plans[p.id].coordinator_id]
    assert "declined" in {plan.status for plan in plans.values()}
    scopes: dict[int, set[str]] = {}
    grants = ConsentGrant.select(ConsentGrant.participant, ConsentGrant.scope).tuples()
    for participant_id, scope in cast(Iterable[tuple[int, str]], grants):
        scopes.setdefault(participant_id, set()).add(scope)
    assert {"goals", "process"} in scopes.values()


def test_rounds_every_thursday_but_not_yet_today(clock: FrozenClock) -> None:
    for place in MeetingPlace.select():
        visits = list(RoundVisit.select().where(RoundVisit.place == place))
        assert len(visits) >= 20
        assert all(v.visited_on.weekday() == place.weekday for v in visits)
        assert all(v.started_at <= clock.now() for v in visits)
        assert all(2 <= v.conversations <= 9 for v in visits)
    assert not RoundVisit.select().where(RoundVisit.visited_on == clock.today()).exists()
    last_week = clock.today() - timedelta(days=7)
    assert RoundVisit.select().where(RoundVisit.visited_on == last_week).exists()


def _assert_nothing_in_the_future(now: datetime) -> None:
    today = now.date()
    assert not Contact.select().where(Contact.at > now).exists()
    assert not RoundVisit.select().where(RoundVisit.visited_on > today).exists()
    assert not Callback.select().where(Callback.received_at > now).exists()
    assert not Callback.select().where(Callback.done_at > now).exists()
    assert not StageRecord.select().where(StageRecord.entered_on > today).exists()


def _assert_stages_in_date_order() -> None:
    for p in Participant.select():
        records = list(
            StageRecord.select().where(StageRecord.participant == p).order_by(StageRecord.stage)
        )
        days: list[date] = [r.entered_on for r in records]
        assert days == sorted(days), p.name
        if records:
            assert records[0].stage == 1 and records[0].entered_on == p.intake_on


def test_nothing_is_dated_in_the_future(clock: FrozenClock) -> None:
    _assert_nothing_in_the_future(clock.now())


def test_stage_records_are_in_date_order(clock: FrozenClock) -> None:
    _assert_stages_in_date_order()


def _names_and_counts(path: Path, clock: FrozenClock) -> tuple[list[str], int, int]:
    open_database(path)
    try:
        fill_demo(clock)
        names = [p.name for p in Participant.select().order_by(Participant.id)]
        return names, Contact.select().count(), Callback.select().count()
    finally:
        close_database()


def test_same_clock_same_demo(tmp_path: Path) -> None:
    clock = FrozenClock(NOW)
    first = _names_and_counts(tmp_path / "a.db", clock)
    assert first == _names_and_counts(tmp_path / "b.db", clock)
    assert len(first[0]) >= 15 and first[1] > 300


def test_fills_on_new_years_night(tmp_path: Path) -> None:
    now = datetime(2027, 1, 1, 0, 5, tzinfo=OSLO)
    open_database(tmp_path / "demo.db")
    try:
        fill_demo(FrozenClock(now))
        assert Participant.select().count() >= 15
        assert Contact.select().count() > 300
        _assert_nothing_in_the_future(now)
        _assert_stages_in_date_order()
    finally:
        close_database()
