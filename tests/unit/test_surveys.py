"""Participant and partner surveys: anonymous storage, settings, summaries and "< 5"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from peewee import PostgresqlDatabase, SqliteDatabase

from tp_tui.dates import DateParseError
from tp_tui.db import close_database, open_database
from tp_tui.export.survey_rows import survey_rows
from tp_tui.i18n import set_language
from tp_tui.migrations import LATEST_VERSION
from tp_tui.migrations.m0005_surveys import statements
from tp_tui.models import AuditEvent, Revision, SurveyAnswer, SurveyResponse, db
from tp_tui.services.surveys import (
    parse_month,
    question_field,
    questions,
    record_response,
    survey_summary,
)
from tp_tui.services.validation import ValidationFailed
from tp_tui.settings import Settings, load_settings
from tp_tui.survey_config import DEFAULT_SURVEY_CONFIG, SurveyConfig, survey_config_from

from .old_files import file_at_version

TODAY = date(2026, 11, 26)
PARTICIPANT_CODES = ["availability", "listened_to", "right_help", "coordination", "own_influence"]


def answers(*scores: int | None, survey: str = "participant") -> dict[str, int | None]:
    codes = [q.code for q in questions(None, survey)]
    return dict(zip(codes, scores, strict=True))


def counts() -> tuple[int, int]:
    return SurveyResponse.select().count(), SurveyAnswer.select().count()


# --- the schema --------------------------------------------------------------------------------


def _version_4_file(path: Path) -> None:
    old = file_at_version(path, 4)
    stamp = "2026-01-05T09:00:00+00:00"
    old.execute_sql(
        "INSERT INTO participant (name, search_text, sort_key, name_is_nickname, status, "
        "referral_note, consent_note, about, created_at, updated_at, version) "
        "VALUES ('Kari Nordmann', 'kari nordmann', 'kari nordmann', 0, 'active', '', '', '', "
        "?, ?, 1)",
        (stamp, stamp),
    )
    old.execute_sql(
        "INSERT INTO contact (participant_id, at, kind, destination_note, life_areas, outcome, "
        "note, after_hours, created_at, updated_at, version) "
        "VALUES (1, ?, 'phone', '', 1, 'reached', 'Ringte om husleia', 0, ?, ?, 1)",
        (stamp, stamp, stamp),
    )
    old.execute_sql(
        "INSERT INTO audit_event (at, action, participant_id, entity) VALUES (?, 'view', 1, '')",
        (stamp,),
    )
    old.close()


def test_upgrade_from_version_4_keeps_every_row(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _version_4_file(path)
    tables = ("participant", "contact", "meeting_place", "audit_event", "search_index")
    plain = SqliteDatabase(str(path))
    before = {t: plain.execute_sql(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}
    plain.close()

    open_database(path)
    try:
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == LATEST_VERSION >= 5
        for table, count in before.items():
            assert db.execute_sql(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == count
        assert db.execute_sql("SELECT note FROM contact").fetchone()[0] == "Ringte om husleia"
        record_response("participant", "2026-11", answers(5, 4, 3, None, 2))
        assert counts() == (1, 5)
    finally:
        close_database()


def _columns(table: str) -> list[str]:
    return [row[1] for row in db.execute_sql(f"PRAGMA table_info({table})").fetchall()]


def test_no_survey_table_can_point_to_a_person_or_a_day(db_path: Path) -> None:
    assert _columns("survey_response") == ["id", "survey", "answered_month"]
    assert _columns("survey_answer") == ["id", "response_id", "question", "score"]
    for table in ("survey_response", "survey_answer"):
        links = db.execute_sql(f"PRAGMA foreign_key_list({table})").fetchall()
        assert {link[2] for link in links} <= {"survey_response"}
    triggers = db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name LIKE 'survey%'"
    ).fetchall()
    assert triggers == []


def test_a_response_leaves_no_trace_elsewhere(db_path: Path) -> None:
    """Nothing about a response reaches the history, the audit trail or the search index."""
    record_response("partner", "2026-11", answers(5, 5, 4, 4, None, survey="partner"))
    assert Revision.select().count() == 0
    assert AuditEvent.select().count() == 0
    assert db.execute_sql("SELECT COUNT(*) FROM search_index").fetchone()[0] == 0


def test_the_schema_also_reads_for_postgresql() -> None:
    for_postgres = statements(sqlite=False)
    assert all("AUTOINCREMENT" not in statement for statement in for_postgres)
    assert "SERIAL PRIMARY KEY" in for_postgres[0]
    # The step itself only runs SQL; on a server it would create the same two tables.
    executed: list[str] = []

    class Recorder(PostgresqlDatabase):
        def execute_sql(self, sql: str, *args: object, **kwargs: object) -> None:
            executed.append(sql)

    from tp_tui.migrations.m0005_surveys import upgrade

    upgrade(Recorder("nowhere"))
    assert executed == for_postgres


def test_answers_go_with_their_response(db_path: Path) -> None:
    response_id = record_response("participant", "2026-11", answers(1, 2, 3, 4, 5))
    SurveyResponse.get_by_id(response_id).delete_instance()
    assert counts() == (0, 0)


# --- recording ---------------------------------------------------------------------------------


def test_a_response_is_stored_with_month_and_scores_only(db_path: Path) -> None:
    response_id = record_response("participant", "2026-11", answers(5, 4, None, 2, 1))
    response = SurveyResponse.get_by_id(response_id)
    assert (response.survey, response.answered_month) == ("participant", "2026-11")
    rows = SurveyAnswer.select().where(SurveyAnswer.response == response)
    stored = {a.question: a.score for a in rows}
    assert stored == dict(zip(PARTICIPANT_CODES, [5, 4, None, 2, 1], strict=True))


@pytest.mark.parametrize(
    ("survey", "month", "given", "field", "key"),
    [
        ("visitor", "2026-11", answers(5, 5, 5, 5, 5), "survey", "survey.error.survey"),
        ("participant", "11.2026", answers(5, 5, 5, 5, 5), "month", "survey.error.month_format"),
        ("participant", "2026-13", answers(5, 5, 5, 5, 5), "month", "survey.error.month_format"),
        ("participant", "2026-12", answers(5, 5, 5, 5, 5), "month", "survey.error.month_future"),
        ("participant", "1999-01", answers(5, 5, 5, 5, 5), "month", "date.error.year_range"),
        (
            "participant",
            "2026-11",
            answers(6, 5, 5, 5, 5),
            question_field("availability"),
            "survey.error.score",
        ),
        (
            "participant",
            "2026-11",
            answers(0, 5, 5, 5, 5),
            question_field("availability"),
            "survey.error.score",
        ),
        (
            "participant",
            "2026-11",
            {c: 3 for c in PARTICIPANT_CODES[1:]},
            question_field("availability"),
            "survey.error.missing",
        ),
        (
            "participant",
            "2026-11",
            {**answers(3, 3, 3, 3, 3), "mood": 3},
            question_field("mood"),
            "survey.error.question",
        ),
    ],
)
def test_bad_input_is_refused_and_nothing_written(
    db_path: Path, survey: str, month: str, given: dict[str, int | None], field: str, key: str
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        record_response(survey, month, given, today=TODAY)
    assert refused.value.errors[field].key == key
    assert counts() == (0, 0)


def test_a_true_is_not_a_score(db_path: Path) -> None:
    with pytest.raises(ValidationFailed):
        record_response("participant", "2026-11", answers(True, 5, 5, 5, 5))
    assert counts() == (0, 0)


@pytest.mark.parametrize(
    ("typed", "month"),
    [
        ("11.2026", "2026-11"),
        ("3/2026", "2026-03"),
        ("2026-05", "2026-05"),
        ("11", "2026-11"),
        ("12", "2025-12"),  # no year: the latest December so far
        ("nov", "2026-11"),
        ("Desember 2025", "2025-12"),
        ("oct", "2026-10"),
        ("forrige måned", "2026-10"),
        ("førre månad", "2026-10"),  # nynorsk
        ("Denne månaden", "2026-11"),
        ("denne ma\u030aneden", "2026-11"),  # å typed as a + ring
        ("i dag", "2026-11"),
        ("25.10", "2026-10"),
        ("3.1.2026", "2026-01"),
    ],
)
def test_months_are_read_as_people_type_them(typed: str, month: str) -> None:
    assert parse_month(typed, TODAY) == month


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("", "survey.error.month_empty"),
        ("13", "survey.error.no_such_month"),
        ("13.2026", "survey.error.no_such_month"),
        ("11.1999", "date.error.year_range"),
        ("snart", "survey.error.month_unknown"),
    ],
)
def test_unreadable_months_say_why(typed: str, key: str) -> None:
    with pytest.raises(DateParseError) as refused:
        parse_month(typed, TODAY)
    assert refused.value.key == key


# --- summing up --------------------------------------------------------------------------------


def _five_participant_forms() -> None:
    for scores in [(5, 4, 3, None, 1), (4, 4, 3, 2, 1), (5, 5, None, 2, 2), (3, 4, 3, 2, 1)]:
        record_response("participant", "2026-10", answers(*scores))
    record_response("participant", "2026-11", answers(4, 3, 3, None, None))


def test_summary_counts_and_means(db_path: Path) -> None:
    _five_participant_forms()
    record_response("participant", "2026-12", answers(1, 1, 1, 1, 1))  # after the period
    record_response("participant", "2026-09", answers(1, 1, 1, 1, 1))  # before it
    summary = survey_summary(date(2026, 10, 15), date(2026, 11, 3))
    assert (summary.first_month, summary.last_month) == ("2026-10", "2026-11")
    participant, partner = summary.surveys
    assert (participant.responses, partner.responses) == (5, 0)
    by_code = {q.question.code: q for q in participant.questions}
    assert [q.question.code for q in participant.questions] == PARTICIPANT_CODES
    availability = by_code["availability"]
    assert (availability.answered, availability.dont_know, availability.mean) == (5, 0, 4.2)
    assert availability.counts == {1: 0, 2: 0, 3: 1, 4: 2, 5: 2}
    right_help = by_code["right_help"]
    assert (right_help.answered, right_help.dont_know, right_help.mean) == (4, 1, 3.0)
    assert by_code["own_influence"].mean == 1.3  # 5 / 4 = 1.25, one decimal


def test_statistics_rows_in_norwegian(db_path: Path) -> None:
    _five_participant_forms()
    record_response("partner", "2026-11", answers(5, 5, 5, 5, 5, survey="partner"))
    set_language("nb")
    rows = survey_rows(survey_summary(date(2026, 1, 1), date(2026, 12, 31)))
    participant = {figure: value for section, figure, value in rows if section.startswith("Del")}
    assert participant["Svar registrert for 01.2026–12.2026"] == "5"
    question = "Jeg fikk tak i tillitspersonen når jeg trengte det"
    assert participant[f"{question}: gjennomsnitt (1–5)"] == "4,2"
    assert participant[f"{question}: 5 Helt enig"] == "2"
    assert participant[f"{question}: antall som tok stilling"] == "5"
    # A question fewer than 5 gave a score to: the count says "< 5", no mean or distribution.
    right_help = "Jeg fikk hjelp til riktig tjeneste til riktig tid"
    assert participant[f"{right_help}: antall som tok stilling"] == "< 5"
    assert f"{right_help}: gjennomsnitt (1–5)" not in participant
    partner = [(figure, value) for section, figure, value in rows if section.startswith("Sam")]
    assert partner == [
        ("Svar registrert for 01.2026–12.2026", "< 5"),
        ("Gjennomsnitt og fordeling", "vises ikke under 5 svar"),
    ]
    assert all(section in {"Deltakerundersøkelse", "Samarbeidspartnerundersøkelse"}
               for section, _, _ in rows)  # fmt: skip


def test_four_responses_show_no_mean(db_path: Path) -> None:
    for _ in range(4):
        record_response("participant", "2026-11", answers(5, 5, 5, 5, 5))
    rows = survey_rows(survey_summary(date(2026, 11, 1), date(2026, 11, 30)))
    values = [value for section, _, value in rows if section == "Participant survey"]
    assert values == ["< 5", "not shown under 5 responses"]
    assert not any("mean" in figure for _, figure, _ in rows)
    assert [(figure, value) for section, figure, value in rows if section == "Partner survey"] == [
        ("Responses recorded for 11.2026", "0")
    ]


def test_a_question_no_longer_asked_is_still_counted(db_path: Path) -> None:
    record_response("participant", "2026-11", answers(5, 5, 5, 5, 5))
    config = survey_config_from(
        {"participant": [{"code": "listened_to", "nb": "Jeg ble hørt", "en": "I was heard"}]}
    )
    figures = survey_summary(TODAY, TODAY, config).surveys[0]
    assert [q.question.code for q in figures.questions] == [
        "listened_to",
        "availability",
        "coordination",
        "own_influence",
        "right_help",
    ]
    assert figures.questions[0].question.text("en") == "I was heard"


# --- settings ----------------------------------------------------------------------------------


CONFIG = """
language = "nb"

[[survey.participant]]
code = "reached"
nb = "Jeg fikk tak i TP"
en = "I could reach the TP"

[[survey.participant]]
code = "heard"
nb = "Jeg ble hørt"

[[survey.scale]]
nb = "Nei"
en = "No"

[[survey.scale]]
nb = "Delvis"
en = "Partly"

[[survey.scale]]
nb = "Ja"
en = "Yes"
"""


def test_questions_and_scale_come_from_the_config_file(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(CONFIG, encoding="utf-8")
    settings = load_settings(path)
    assert settings.language == "nb"
    assert [q.code for q in questions(settings, "participant")] == ["reached", "heard"]
    assert questions(settings, "participant")[1].text("en") == "Jeg ble hørt"  # nb for both
    assert questions(settings, "partner") == DEFAULT_SURVEY_CONFIG.partner
    assert settings.survey.top == 3
    record_response("participant", "2026-11", {"reached": 3, "heard": None}, config=settings)
    with pytest.raises(ValidationFailed):
        record_response("participant", "2026-11", {"reached": 4, "heard": 1}, config=settings)
    assert counts() == (1, 2)


@pytest.mark.parametrize(
    "survey_table",
    [
        "survey = 3",
        "[survey]\nparticipant = 'many'",
        "[[survey.participant]]\ncode = 'Bad Code!'\nnb = 'x'",
        "[[survey.participant]]\ncode = 'a'\nnb = 'x'\n" * 2,  # the same code twice
        "[[survey.participant]]\ncode = 'a'",
        "[[survey.scale]]\nnb = 'Bare ett trinn'",
        "[survey]\nscale = [" + ", ".join(["{nb = 'x'}"] * 10) + "]",
    ],
)
def test_a_wrong_survey_table_gives_the_defaults(tmp_path: Path, survey_table: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f'language = "en"\n{survey_table}\n', encoding="utf-8")
    settings = load_settings(path)
    assert settings.language == "en"
    assert settings.survey == DEFAULT_SURVEY_CONFIG


def test_defaults_cover_the_programme_goals_in_both_languages() -> None:
    config: SurveyConfig = Settings().survey
    assert [q.code for q in config.participant] == PARTICIPANT_CODES
    assert len(config.partner) == 5 and config.top == 5
    for question in (*config.participant, *config.partner):
        assert question.text("nb") and question.text("en")
        assert question.text("nb") != question.text("en")


def test_text_from_the_config_file_is_cleaned() -> None:
    config = survey_config_from(
        {"participant": [{"code": "a", "nb": "Hei\x1b[2J  der\n", "en": "Hi"}]}
    )
    assert config.participant[0].text("nb") == "Hei der"
