"""Every query a screen runs uses an index: checked with EXPLAIN QUERY PLAN on the real SQL.

Each case calls the service function a screen calls (Today, Participants, a participant's page
and its contact history, Callbacks, Rounds, the Process board, search, undo, closing the day) on
the demo database, records every SELECT peewee sends (the ``peewee`` logger at DEBUG) and asks
SQLite for its plan. The app never runs ANALYZE, so SQLite plans from the schema alone: a plan
seen here is the plan on a file with a million contacts.

A plan fails when it

- scans a table that grows with the file without an index (``SCAN contact``); a scan of a small
  table (meeting places, trust persons), a scan of an index, the full-text index, or a scan in
  rowid order that stops at a LIMIT without sorting is fine;
- or reaches a growing table only through an index on a column whose one value matches most of
  its rows (``archived_at IS NULL``, ``entity = 'contact'``), which is a full scan in all but
  name, unless the index also gives the order and the query stops at a LIMIT.

A second test catches a query per row ("N+1"): a screen must send the same number of statements
when the file holds more participants.

Cases known to fail are marked ``xfail(strict=True)`` with the index or change that would fix
them; when a fix lands, the case passes, strict xfail fails, and the mark must go.
"""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tp_tui.clock import OSLO, FrozenClock
from tp_tui.db import close_database, open_database
from tp_tui.models import Callback, Contact, Participant, StageRecord, db
from tp_tui.settings import Settings

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=OSLO)

# Tables that grow with the file; everything else (meeting_place, trust_person) stays small.
GROWING = {
    "participant",
    "contact",
    "callback",
    "stage_record",
    "checklist_mark",
    "goal",
    "goal_event",
    "area_rating",
    "group_member",
    "individual_plan",
    "consent_grant",
    "export_record",
    "round_visit",
    "revision",
    "audit_event",
}
# Columns whose single value (IS NULL, a common status) matches most of a growing table.
NON_SELECTIVE = {
    "participant": {"archived_at"},
    "revision": {"entity", "action", "undone_at"},
    "audit_event": {"action"},
}


@dataclass(frozen=True)
class Case:
    id: str
    screen: str
    run: Callable[[int], Any]  # called with the reference participant's id


def _cases() -> list[Case]:
    from tp_tui.services import (
        callback_list,
        callbacks,
        day_end,
        detail,
        participants,
        plan,
        process,
        retention,
        rounds,
        search,
        summary,
        today,
        undo,
    )

    settings = Settings()
    return [
        Case("today.due_callbacks", "Today", lambda _: callbacks.due_callbacks(NOW)),
        Case("today.contacts_today", "Today", lambda _: today.contacts_today(NOW)),
        Case("today.not_heard_from", "Today", lambda _: today.not_heard_from(NOW, 14)),
        Case("today.week_rounds", "Today", lambda _: today.week_rounds(NOW)),
        Case(
            "today.pages",
            "Today (scrolled)",
            lambda _: (
                callbacks.due_callbacks(NOW, 30, 30),
                today.contacts_today(NOW, 30, 30),
                today.not_heard_from(NOW, 14, 30, 30),
            ),
        ),
        Case(
            "app.retention_notice",
            "app start",
            lambda _: retention.retention_candidates(NOW, settings),
        ),
        Case(
            "app.retention_count",
            "app start",
            lambda _: retention.retention_count(NOW, settings),
        ),
        Case(
            "participants.list",
            "Participants",
            lambda _: participants.list_participants("", limit=500),
        ),
        Case(
            "participants.search",
            "Participants",
            lambda _: participants.list_participants("kari", limit=500),
        ),
        Case(
            "participants.next_page",
            "Participants (scrolled)",
            lambda _: participants.list_participants("", limit=60, after=_middle_participant()),
        ),
        Case(
            "participants.search_next_page",
            "Participants (scrolled)",
            lambda _: participants.list_participants("a", limit=60, after=_middle_participant()),
        ),
        Case(
            "participants.archived",
            "Participants",
            lambda _: participants.list_participants("", include_archived=True, limit=500),
        ),
        Case(
            "picker.find_participants",
            "contact form",
            lambda _: participants.find_participants("kari"),
        ),
        Case(
            "detail.participant_detail",
            "participant detail",
            lambda p: detail.participant_detail(p, NOW),
        ),
        Case("detail.area_standings", "participant detail", lambda p: plan.area_standings(p)),
        Case("detail.exports_of", "participant detail", lambda p: summary.exports_of(p)),
        Case(
            "detail.open_callbacks_for",
            "participant detail",
            lambda p: callbacks.open_callbacks_for(p, NOW),
        ),
        Case(
            "history.more_contacts",
            "contact history",
            lambda p: detail.participant_detail(p, NOW, detail.RECENT_CONTACTS + 50),
        ),
        Case(
            "history.next_page",
            "contact history (scrolled)",
            lambda p: detail.contact_lines(p, 50, before=detail.contact_lines(p, 10)[-1]),
        ),
        Case("callbacks.overview", "Callbacks", lambda _: callbacks.callbacks_overview(NOW)),
        Case(
            "callbacks.sections",
            "Callbacks",
            lambda _: [callbacks.callback_section(s, NOW, 30) for s in callbacks.SECTIONS],
        ),
        Case(
            "callbacks.section_pages",
            "Callbacks (scrolled)",
            lambda _: [callbacks.callback_section(s, NOW, 30, 30) for s in callbacks.SECTIONS],
        ),
        Case("callbacks.line", "Callbacks (a call chosen)", lambda _: _callback_line()),
        Case(
            "callbacks.week_list",
            "Callbacks (print)",
            lambda _: callback_list.callback_week(2026, 48, NOW),
        ),
        Case("rounds.grid", "Rounds", lambda _: rounds.rounds_grid(NOW)),
        Case("rounds.default_place", "round form", lambda _: rounds.default_place(NOW.date())),
        Case("process.board", "Process", lambda _: process.process_board(NOW, settings)),
        Case("search.notes", "search", lambda _: search.search("husleia")),
        Case("search.palette", "command palette", lambda _: search.search("nams", limit=10)),
        Case("undo.last_undoable", "undo (ctrl+z)", lambda _: undo.last_undoable()),
        Case("day_end", "close the day (F9)", lambda _: day_end.day_end(NOW)),
    ]


def _middle_participant() -> tuple[str, int]:
    """Where a page in the middle of the participant list starts: after this (sort_key, id)."""
    rows = Participant.select(Participant.sort_key, Participant.id).order_by(
        Participant.sort_key, Participant.id
    )
    middle = list(rows)[Participant.select().count() // 2]
    return middle.sort_key, middle.id


def _callback_line() -> Any:
    from tp_tui.services import callbacks

    first = Callback.select(Callback.id).order_by(Callback.id).first()
    assert first is not None
    return callbacks.callback_line(first.id, NOW)


CASES = _cases()

# Known offenders, measured on the 1M-contact benchmark file (benchmarks/PROFILE.md). None at
# present: the last ones were fixed by migration m0006 (indexes on participant) and by the
# queries of not_heard_from, find_participants, process_board and last_undoable.
PLAN_XFAIL: dict[str, str] = {}
GROWTH_XFAIL: dict[str, str] = {}


def _param(case: Case, xfail: dict[str, str]) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=xfail[case.id])] if case.id in xfail else []
    return pytest.param(case, id=case.id, marks=marks)


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database on the frozen date, made once for the module and copied per test."""
    from tp_tui.demo import fill_demo

    path = tmp_path_factory.mktemp("plans") / "demo.db"
    open_database(path)
    try:
        fill_demo(FrozenClock(NOW))
    finally:
        close_database()
    return path


@pytest.fixture
def plans_db(demo_template: Path, tmp_path: Path) -> Iterator[int]:
    """A copy of the demo, bound to the models; yields the reference participant's id."""
    path = tmp_path / "plans.db"
    shutil.copyfile(demo_template, path)
    path.chmod(0o600)
    open_database(path)
    reference = Participant.get(Participant.name == "Kari Nordmann").id
    yield int(reference)
    close_database()


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.statements: list[tuple[str, tuple[Any, ...]]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if isinstance(record.msg, tuple) and len(record.msg) == 2:
            sql, params = record.msg
            self.statements.append((str(sql), tuple(params or ())))


def _selects(run: Callable[[], Any]) -> list[tuple[str, tuple[Any, ...]]]:
    """Every SELECT peewee sends while ``run`` runs, in order (repeats kept)."""
    logger = logging.getLogger("peewee")
    recorder = _Recorder()
    level = logger.level
    logger.addHandler(recorder)
    logger.setLevel(logging.DEBUG)
    try:
        run()
    finally:
        logger.removeHandler(recorder)
        logger.setLevel(level)
    return [
        (sql, params)
        for sql, params in recorder.statements
        if sql.lstrip().upper().startswith(("SELECT", "WITH"))
    ]


_ALIAS = re.compile(r'"(\w+)" AS "(\w+)"')
_SCAN = re.compile(r"^SCAN (\S+)(.*)$")
_SEARCH = re.compile(r"^SEARCH (\S+) USING (?:COVERING )?INDEX (\S+) \((.*)\)$")


def _table(name: str, aliases: dict[str, str]) -> str:
    return aliases.get(name, name)


def _plan_problems(sql: str, params: tuple[Any, ...]) -> list[str]:
    """What is wrong with one query's plan, as readable lines ([] when it is fine)."""
    plan = [row[3] for row in db.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()]
    aliases = {alias: table for table, alias in _ALIAS.findall(sql)}
    sorts = any(line.startswith("USE TEMP B-TREE FOR ORDER BY") for line in plan)
    limited = re.search(r"\bLIMIT\b", sql) is not None
    problems = []
    for line in plan:
        scan = _SCAN.match(line)
        if scan:
            name, rest = scan.groups()
            table = _table(name, aliases)
            if table not in GROWING or "VIRTUAL TABLE" in rest or "INDEX" in rest:
                continue
            in_rowid_order = re.search(rf'ORDER BY "{name}"\."id" (?:DESC|ASC)?\s*LIMIT', sql)
            if in_rowid_order and not sorts:
                continue  # reads in rowid order and stops at the LIMIT
            problems.append(f"full scan of {table}: {line}")
            continue
        search = _SEARCH.match(line)
        if search:
            name, index, constraint = search.groups()
            table = _table(name, aliases)
            columns = set(re.findall(r"(\w+)\s*(?:=|>|<|IS)", constraint))
            weak = NON_SELECTIVE.get(table, set())
            if limited and not sorts:
                continue  # the index gives the order: it reads up to the LIMIT and stops
            if columns and columns <= weak:
                problems.append(f"non-selective index on {table}: {line}")
    if problems:
        problems.append("plan: " + " | ".join(plan))
        problems.append("sql: " + " ".join(sql.split())[:400])
    return problems


@pytest.mark.parametrize("case", [_param(c, PLAN_XFAIL) for c in CASES])
def test_screen_queries_use_selective_indexes(case: Case, plans_db: int) -> None:
    statements = _selects(lambda: case.run(plans_db))
    assert statements, f"{case.id} sent no SELECT: the case no longer exercises the screen"
    seen: set[str] = set()
    offenders: list[str] = []
    for sql, params in statements:
        if sql in seen:
            continue
        seen.add(sql)
        offenders += _plan_problems(sql, params)
    assert not offenders, f"{case.screen} ({case.id}):\n" + "\n".join(offenders)


def _add_active_participants(count: int) -> None:
    """More active participants, each with a stage, a contact and a call owed."""
    for number in range(count):
        participant = Participant.create(
            name=f"Test Person {number}",
            search_text=f"test person {number}",
            sort_key="test",
            status="active",
            intake_on=NOW.date() - timedelta(days=40),
            created_at=NOW,
            updated_at=NOW,
        )
        StageRecord.create(participant=participant, stage=2, entered_on=NOW.date(), recorded_at=NOW)
        StageRecord.create(participant=participant, stage=1, entered_on=NOW.date(), recorded_at=NOW)
        Contact.create(
            participant=participant,
            at=NOW - timedelta(days=20),
            kind="phone",
            note="Ringte om husleia",
            created_at=NOW,
            updated_at=NOW,
        )
        Callback.create(
            participant=participant,
            reason="Ville prate",
            received_at=NOW,
            due_at=NOW + timedelta(hours=3),
            created_at=NOW,
            updated_at=NOW,
        )


@pytest.mark.parametrize("case", [_param(c, GROWTH_XFAIL) for c in CASES])
def test_screen_query_count_does_not_grow_with_rows(case: Case, plans_db: int) -> None:
    before = len(_selects(lambda: case.run(plans_db)))
    _add_active_participants(5)
    after = len(_selects(lambda: case.run(plans_db)))
    assert after == before, (
        f"{case.screen} ({case.id}) sent {before} SELECTs, then {after} with 5 more "
        "participants: a query per row"
    )
