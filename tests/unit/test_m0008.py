"""Version 8: goals, group members and individual plans get a version; every row is kept."""

from __future__ import annotations

from pathlib import Path

from peewee import SqliteDatabase

from tp_tui.db import close_database, open_database
from tp_tui.migrations import LATEST_VERSION
from tp_tui.models import Goal, GroupMember, IndividualPlan, db

from .old_files import STAMP, file_at_version

TABLES = ("participant", "goal", "goal_event", "group_member", "individual_plan")


def _version_7_file(path: Path) -> None:
    """A file as version 7 left it: a participant with two goals, a group of two members (one
    the coordinator, one who left) and an individual plan naming the coordinator."""
    old = file_at_version(path, 7)
    old.execute_sql(
        "INSERT INTO participant (name, search_text, sort_key, name_is_nickname, status, "
        "referral_note, consent_note, about, created_at, updated_at, version) "
        "VALUES ('Ola Nordmann', 'ola nordmann on', 'ola nordmann', 0, 'active', '', '', '', "
        "?, ?, 3)",
        (STAMP, STAMP),
    )
    for text, status in (("Egen leilighet", "working"), ("Jobb i Tromsø", "wanted")):
        old.execute_sql(
            "INSERT INTO goal (participant_id, life_area, text, status, created_on, status_on, "
            "sort_order) VALUES (1, 'housing', ?, ?, '2026-01-02', '2026-01-03', 0)",
            (text, status),
        )
    old.execute_sql(
        "INSERT INTO goal_event (goal_id, at, status, text, note) VALUES (1, ?, 'working', "
        "'Egen leilighet', '')",
        (STAMP,),
    )
    old.execute_sql(
        "INSERT INTO group_member (participant_id, agency, name, role, phone, is_coordinator, "
        "joined_on, left_on) VALUES (1, 'nav', 'Per Veileder', 'veileder', '+4791234567', 1, "
        "'2026-01-02', NULL)"
    )
    old.execute_sql(
        "INSERT INTO group_member (participant_id, agency, name, role, phone, is_coordinator, "
        "joined_on, left_on) VALUES (1, 'gp', 'dr. Eide', '', NULL, 0, '2026-01-02', "
        "'2026-01-04')"
    )
    old.execute_sql(
        "INSERT INTO individual_plan (participant_id, period, status, draft_started_on, "
        "coordinator_id, note, updated_at) VALUES (1, 1, 'draft', '2026-01-03', 1, '', ?)",
        (STAMP,),
    )
    old.close()


def _rows(database: SqliteDatabase, table: str) -> tuple[list[str], list[tuple[object, ...]]]:
    cursor = database.execute_sql(f"SELECT * FROM {table} ORDER BY rowid")
    return [column[0] for column in cursor.description], cursor.fetchall()


def test_upgrade_from_version_7_keeps_every_row_and_starts_at_version_1(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _version_7_file(path)
    plain = SqliteDatabase(str(path))
    before = {table: _rows(plain, table) for table in TABLES}
    plain.close()
    assert all(rows for _, rows in before.values())

    open_database(path)
    try:
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == LATEST_VERSION >= 8
        for table, (columns, rows) in before.items():
            listed = ", ".join(f'"{column}"' for column in columns)
            after = db.execute_sql(f"SELECT {listed} FROM {table} ORDER BY rowid").fetchall()
            assert after == rows, table
        assert [g.version for g in Goal.select().order_by(Goal.id)] == [1, 1]
        assert [m.version for m in GroupMember.select().order_by(GroupMember.id)] == [1, 1]
        plan = IndividualPlan.get()
        assert (plan.version, plan.status, plan.coordinator_id) == (1, "draft", 1)
        # The participant kept its own version: only the new columns start at 1.
        assert db.execute_sql("SELECT version FROM participant").fetchone()[0] == 3
    finally:
        close_database()


def test_new_rows_start_at_version_1_after_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _version_7_file(path)
    open_database(path)
    try:
        goal = Goal.create(
            participant=1, life_area="work", text="Kurs", created_on="2026-02-01",
            status_on="2026-02-01",
        )  # fmt: skip
        assert Goal.get_by_id(goal.id).version == 1
    finally:
        close_database()


def test_the_version_step_reads_the_same_for_postgresql() -> None:
    from tp_tui.migrations.m0008_versions import statements

    assert statements() == [
        "ALTER TABLE goal ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE group_member ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE individual_plan ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
    ]


def test_upgrade_from_version_7_on_postgresql_keeps_every_row() -> None:
    """The same upgrade on a team server: a version-7 database with rows, opened by today's app."""
    from peewee import PostgresqlDatabase

    from tp_tui.migrations import steps
    from tp_tui.server import APPLICATION, META_TABLE

    from ..postgres import fresh_database

    with fresh_database(empty=True) as url:
        old = PostgresqlDatabase(url)
        with old.atomic():
            old.execute_sql(
                f"CREATE TABLE {META_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
            )
            old.execute_sql(
                f"INSERT INTO {META_TABLE} (key, value) VALUES ('application', %s), "
                "('schema_version', '7')",
                (APPLICATION,),
            )
            for _, upgrade in steps()[:7]:
                upgrade(old)
            old.execute_sql(
                "INSERT INTO participant (name, search_text, sort_key, name_is_nickname, status, "
                "referral_note, consent_note, about, created_at, updated_at, version) "
                "VALUES ('Ola Nordmann', 'ola nordmann on', 'ola nordmann', FALSE, 'active', '', "
                "'', '', %s, %s, 1)",
                (STAMP, STAMP),
            )
            old.execute_sql(
                "INSERT INTO goal (participant_id, life_area, text, status, created_on, "
                "status_on, sort_order) VALUES (1, 'housing', 'Egen leilighet', 'working', "
                "'2026-01-02', '2026-01-03', 0)"
            )
            old.execute_sql(
                "INSERT INTO group_member (participant_id, agency, name, role, is_coordinator) "
                "VALUES (1, 'nav', 'Per Veileder', 'veileder', TRUE)"
            )
            old.execute_sql(
                "INSERT INTO individual_plan (participant_id, period, status, coordinator_id, "
                "note, updated_at) VALUES (1, 1, 'draft', 1, '', %s)",
                (STAMP,),
            )
        old.close()

        open_database(url)
        try:
            goal, member, plan = Goal.get(), GroupMember.get(), IndividualPlan.get()
            assert (goal.text, goal.status, goal.version) == ("Egen leilighet", "working", 1)
            assert (member.name, member.is_coordinator, member.version) == ("Per Veileder", True, 1)
            assert (plan.status, plan.coordinator_id, plan.version) == ("draft", 1, 1)
            assert Goal.select().count() == GroupMember.select().count() == 1
        finally:
            close_database()
