"""The demo database looks like a living caseload, and is the same every time."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tp_tui.clock import OSLO, FrozenClock
from tp_tui.db import close_database, open_database
from tp_tui.demo import fill_demo, is_empty
from tp_tui.domain import Stage
from tp_tui.models import Contact, Participant, RoundVisit, StageRecord
from tp_tui.services.participants import current_stages
from tp_tui.services.today import today_overview
from tp_tui.settings import Settings


def test_demo_has_every_stage_and_something_to_do_today(demo_db: Path, clock: FrozenClock) -> None:
    assert not is_empty()
    stages = set(current_stages([p.id for p in Participant.select()]).values())
    assert stages == set(Stage)
    statuses = {p.status for p in Participant.select()}
    assert statuses == {"active", "paused", "closed", "prospective"}
    overview = today_overview(clock.now(), Settings())
    assert any(c.overdue for c in overview.callbacks)
    assert any(not c.overdue for c in overview.callbacks)
    assert any(c.participant_id is None for c in overview.callbacks)  # a caller not yet in
    assert len(overview.contacts) >= 2
    assert len(overview.not_heard_from) >= 2
    assert RoundVisit.select().count() > 50


def test_nothing_is_dated_in_the_future(demo_db: Path, clock: FrozenClock) -> None:
    assert not Contact.select().where(Contact.at > clock.now()).exists()
    assert not RoundVisit.select().where(RoundVisit.visited_on > clock.today()).exists()
    for participant in Participant.select():
        days = [
            r.entered_on
            for r in StageRecord.select()
            .where(StageRecord.participant == participant)
            .order_by(StageRecord.stage)
        ]
        assert days == sorted(days)


def _names_and_counts(path: Path, clock: FrozenClock) -> tuple[list[str], int]:
    open_database(path)
    fill_demo(clock)
    result = (
        [p.name for p in Participant.select().order_by(Participant.id)],
        Contact.select().count(),
    )
    close_database()
    return result


def test_same_clock_same_demo(tmp_path: Path, clock: FrozenClock) -> None:
    assert _names_and_counts(tmp_path / "a.db", clock) == _names_and_counts(
        tmp_path / "b.db", clock
    )


def test_demo_fills_at_new_year(tmp_path: Path) -> None:
    names, contacts = _names_and_counts(
        tmp_path / "c.db", FrozenClock(datetime(2027, 1, 1, 0, 5, tzinfo=OSLO))
    )
    assert len(names) > 15 and contacts > 300
