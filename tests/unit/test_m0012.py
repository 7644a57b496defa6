"""The plan document's migration: a version-10 file upgrades keeping every row, its plan keeps
its status and dates, and gets rows, an agreement and a recipient."""

from __future__ import annotations

from pathlib import Path

from peewee import SqliteDatabase

from tp_tui.clock import FrozenClock
from tp_tui.db import close_database, open_database
from tp_tui.domain import LifeArea
from tp_tui.migrations import LATEST_VERSION, MIGRATION_MODULES
from tp_tui.models import IndividualPlan, PlanItem, db
from tp_tui.services.plan_document import ItemInput, add_item, plan_document

from .old_files import STAMP, renamed_participant_file

COLUMNS = "id, participant_id, period, status, draft_started_on, offered_on, version"


def _version_10_file(path: Path) -> None:
    renamed_participant_file(path, 10)
    old = SqliteDatabase(str(path))
    old.execute_sql(
        "INSERT INTO individual_plan (participant_id, period, status, draft_started_on, "
        "offered_on, note, updated_at, version) VALUES (1, 1, 'offered', '2026-09-01', "
        "'2026-09-15', 'Fra kartleggingen', ?, 3)",
        (STAMP,),
    )
    old.close()


def test_upgrade_from_version_10_keeps_the_plan_and_adds_the_document(
    tmp_path: Path, clock: FrozenClock
) -> None:
    assert MIGRATION_MODULES.index("m0012_plan_document") >= 10
    path = tmp_path / "old.db"
    _version_10_file(path)
    plain = SqliteDatabase(str(path))
    before = plain.execute_sql(f"SELECT {COLUMNS} FROM individual_plan").fetchall()
    revisions = plain.execute_sql("SELECT * FROM revision ORDER BY id").fetchall()
    plain.close()
    open_database(path)
    try:
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        assert db.execute_sql(f"SELECT {COLUMNS} FROM individual_plan").fetchall() == before
        kept = db.execute_sql("SELECT * FROM revision ORDER BY id").fetchall()
        assert [row[: len(revisions[0])] for row in kept] == revisions
        plan = IndividualPlan.get_by_id(1)
        assert (plan.agreed_on, plan.agreement_note, plan.handed_to) == (None, "", "")
        assert PlanItem.select().count() == 0
        add_item(1, LifeArea.HOUSING, ItemInput("Egen leilighet", "Søke bolig"), clock)
        doc = plan_document(1)
        assert [i.goal_text for i in doc.items] == ["Egen leilighet"]
        assert doc.note == "Fra kartleggingen"
    finally:
        close_database()
