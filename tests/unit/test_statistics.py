"""Statistics for the yearly report, on a small hand-made database whose answers are known.

Period: 1 January – 30 June 2026. Names are fictional and must never reach any output.
"""

from __future__ import annotations

import argparse
import csv
import io
from datetime import date, datetime
from pathlib import Path

import pytest

from tp_tui.clock import OSLO, FrozenClock
from tp_tui.commands.stats import stats_command
from tp_tui.export.statistics import render_csv, render_text, safe_cell
from tp_tui.i18n import set_language
from tp_tui.models import (
    Callback,
    Contact,
    Goal,
    GroupMember,
    IndividualPlan,
    MeetingPlace,
    Participant,
    RoundVisit,
    StageRecord,
    delete_query,
)
from tp_tui.services import statistics as st
from tp_tui.settings import Settings

START, END = date(2026, 1, 1), date(2026, 6, 30)
NOW = datetime(2026, 7, 2, 10, 0, tzinfo=OSLO)
NAMES = ["Ada Testesen", "Bjørn Prøvesen", "Cecilie Eksempel", "Dagfinn Fiktiv", "Eva Oppdikt"]
NAMES += ["Hanne Utenfor"] + [f"Fiktiv Person{n}" for n in range(7, 12)]
INJECTED_PLACE = '=HYPERLINK("http://x","klikk")'


def at(y: int, m: int, d: int, hh: int = 12, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=OSLO)


def person(name: str, intake: date | None, closed: date | None = None, why: str = "") -> int:
    return int(
        Participant.create(
            name=name, phone="+47 400 00 000", intake_on=intake, closed_on=closed,
            closing_reason=why or None, status="closed" if closed else "active",
            created_at=NOW, updated_at=NOW,
        ).id
    )  # fmt: skip


def stage(pid: int, number: int, on: date, period: int = 1, why: str | None = None) -> None:
    StageRecord.create(
        participant=pid, period=period, stage=number, entered_on=on, closing_reason=why,
        recorded_at=NOW,
    )  # fmt: skip


def contact(pid: int, when: datetime, kind: str, arena: str | None = None, **more: object) -> None:
    Contact.create(
        participant=pid, at=when, kind=kind, arena=arena, created_at=NOW, updated_at=NOW, **more
    )


def callback(pid: int | None, received: datetime, done: datetime | None, **more: object) -> int:
    return int(
        Callback.create(
            participant=pid, caller_name="" if pid else "Ukjent Ringer", received_at=received,
            due_at=received, done_at=done, created_at=NOW, updated_at=NOW, **more,
        ).id
    )  # fmt: skip


def visit(place: int, on: date, conversations: int, new: int) -> None:
    RoundVisit.create(
        place=place, visited_on=on, conversations=conversations, new_people=new, created_at=NOW
    )


@pytest.fixture
def world(db_path: Path) -> None:
    p1 = person(NAMES[0], date(2025, 10, 1))
    p2 = person(NAMES[1], date(2026, 2, 1), date(2026, 5, 2), "masters_own_life")
    p3 = person(NAMES[2], date(2026, 3, 1), date(2026, 6, 29), "others_take_over")
    person(NAMES[3], date(2025, 1, 1), date(2025, 12, 31), "no_more_help")  # closed before
    person(NAMES[4], date(2026, 7, 1))  # intake after the period
    person(NAMES[5], None)  # prospective: never taken in
    p7 = person(NAMES[6], date(2025, 6, 1))
    for name in NAMES[7:]:
        person(name, date(2025, 6, 1))

    for number, on in ((1, date(2025, 10, 1)), (2, date(2025, 11, 1)), (3, date(2026, 2, 1))):
        stage(p1, number, on)
    stage(p2, 1, date(2026, 2, 1))
    stage(p2, 6, date(2026, 5, 2), why="masters_own_life")
    stage(p3, 1, date(2026, 3, 1))
    stage(p3, 2, date(2026, 3, 20))
    stage(p3, 4, date(2026, 7, 15))  # after the period: not reached by its end

    GroupMember.create(participant=p1, agency="nav", joined_on=date(2026, 1, 10))
    GroupMember.create(
        participant=p3, agency="gp", joined_on=date(2025, 6, 1), left_on=date(2025, 12, 1)
    )
    GroupMember.create(participant=p3, agency="nav", joined_on=date(2026, 7, 1))
    IndividualPlan.create(participant=p1, status="accepted", updated_at=NOW)
    IndividualPlan.create(participant=p2, status="draft", updated_at=NOW)
    IndividualPlan.create(participant=p3, status="none", updated_at=NOW)

    contact(p1, at(2026, 1, 1, 0, 30), "conversation", "cafe", life_areas=1 | 32)  # housing, health
    contact(p1, at(2026, 3, 10), "accompaniment", "nav", destination="nav", duration_minutes=90,
            life_areas=16)  # fmt: skip
    contact(p2, at(2026, 4, 1), "accompaniment", "health_service", destination="gp",
            duration_minutes=60, life_areas=32)  # fmt: skip
    contact(p2, at(2026, 6, 30, 23, 30), "sms")
    contact(p1, at(2025, 12, 31, 23, 30), "conversation", "cafe")  # before
    contact(p1, at(2026, 7, 1, 0, 10), "conversation", "cafe")  # after

    callback(p1, at(2026, 2, 2, 10), at(2026, 2, 2, 14))  # same day
    callback(None, at(2026, 2, 3, 15), at(2026, 2, 4, 9))  # later
    callback(p2, at(2026, 3, 5, 9), at(2026, 3, 5, 23, 30))  # same day
    old = callback(p1, at(2026, 4, 1, 10), at(2026, 4, 1, 15), outcome="no_answer")
    callback(p1, at(2026, 4, 1, 10), at(2026, 4, 2, 9), rescheduled_from=old)  # later, counts once
    callback(p2, at(2026, 6, 30, 12), None)  # not returned
    callback(p2, at(2025, 12, 31, 12), None)  # before

    delete_query(MeetingPlace).execute()  # the migration's own places: this test brings its own
    cafe = MeetingPlace.create(name="Kafé 103", threshold="low", weekday=3).id
    odd = MeetingPlace.create(name=INJECTED_PLACE, threshold="low", weekday=3, sort_order=1).id
    MeetingPlace.create(name="Gamle stedet", threshold="high", active=False, sort_order=2)
    house = MeetingPlace.create(name="Huset", threshold="high", active=False, sort_order=3).id
    visit(cafe, date(2026, 1, 8), 3, 1)
    visit(cafe, date(2026, 1, 15), 4, 2)
    visit(cafe, date(2026, 1, 15), 1, 0)  # a second visit the same day is one round
    visit(cafe, date(2025, 12, 31), 9, 9)  # before
    visit(odd, date(2026, 2, 5), 2, 6)
    visit(house, date(2026, 3, 5), 5, 0)

    for pid, area, on in (
        (p1, "housing", date(2026, 3, 1)),
        (p1, "housing", date(2026, 4, 1)),  # the same person counts once
        (p2, "work", date(2026, 5, 1)),
        (p7, "housing", date(2025, 12, 1)),  # before
    ):
        Goal.create(participant=pid, life_area=area, text="Eget mål", status="reached",
                    created_on=date(2025, 6, 1), status_on=on)  # fmt: skip
    Goal.create(participant=p3, life_area="housing", text="Bolig", status="working",
                created_on=date(2026, 3, 1), status_on=date(2026, 4, 1))  # fmt: skip


def test_shown_hides_one_to_four_people() -> None:
    assert [st.shown(n) for n in (0, 1, 4, 5, 12)] == ["0", "< 5", "< 5", "5", "12"]


def test_planned_rounds_counts_the_weekday_in_the_period() -> None:
    assert st.planned_rounds(3, START, END) == 26  # 1 January 2026 is a Thursday
    assert st.planned_rounds(3, date(2026, 1, 2), date(2026, 1, 7)) == 0
    assert st.planned_rounds(0, date(2026, 1, 5), date(2026, 1, 5)) == 1
    assert st.planned_rounds(0, date(2026, 1, 6), date(2026, 1, 5)) == 0


def test_participants(world: None) -> None:
    p = st.participant_figures(START, END)
    assert (p.active, p.new, p.closed) == (8, 2, 2)
    assert p.closed_by_reason == {
        "others_take_over": 1, "masters_own_life": 1, "no_more_help": 0, "other": 0
    }  # fmt: skip
    assert p.median_days_closed == 105  # 90 and 120 days
    assert p.stage_reached == {0: 5, 1: 0, 2: 1, 3: 1, 4: 0, 5: 0, 6: 1}
    # by 30 June: 272 days for Ada, 90 and 120 for the two closed, 394 for the five from June 2025
    assert p.in_programme.by_range == {
        "under_3_months": 1, "3_6_months": 1, "6_12_months": 1, "1_2_years": 5,
        "over_2_years": 0,
    }  # fmt: skip
    assert p.in_programme.median_days == 394


def test_a_reopened_participants_closing_still_counts(world: None) -> None:
    pid = person("Ingrid Gjenopptatt", date(2025, 9, 1))
    stage(pid, 1, date(2025, 9, 1))
    stage(pid, 6, date(2026, 3, 1), why="no_more_help")
    stage(pid, 1, date(2026, 5, 1), period=2)  # taken in again: the row is active, not closed
    p = st.participant_figures(START, END)
    assert p.closed == 3
    assert p.closed_by_reason["no_more_help"] == 1
    assert p.median_days_closed == 120  # 90, 120 and 181 days
    # in the programme by 30 June counts from the reopening, not from the first intake
    assert p.in_programme.by_range["under_3_months"] == 2


def test_parts_of_a_whole_hide_a_small_rest() -> None:
    from tp_tui.export.statistics import part_of, share_of

    assert [part_of(n, 40) for n in (0, 3, 20, 35, 36, 39, 40)] == [
        "0", "< 5", "20", "35", "> 35", "> 35", "40"
    ]  # fmt: skip
    assert [part_of(n, 3) for n in (0, 2, 3)] == ["0", "< 5", "< 5"]
    assert share_of(20, 40) == "50.0 %"
    assert share_of(38, 40) == "> 87.5 %"
    assert share_of(2, 40) == "< 5"
    assert share_of(0, 0) == "–"


def test_contacts_per_week_include_empty_weeks(world: None) -> None:
    from tp_tui.services.statistics_series import contacts_per_week

    weeks = contacts_per_week(date(2026, 3, 2), date(2026, 4, 5))
    assert [(w.week, w.count) for w in weeks] == [(10, 0), (11, 1), (12, 0), (13, 0), (14, 1)]
    assert weeks[0].monday == date(2026, 3, 2)


def test_a_contact_just_after_midnight_counts_in_its_local_week(db_path: Path) -> None:
    from tp_tui.services.statistics_series import contacts_per_week

    pid = person(NAMES[0], date(2026, 1, 1))
    contact(pid, at(2026, 3, 9, 0, 30), "sms")  # Monday 00:30 in Oslo is Sunday 23:30 in UTC
    contact(pid, at(2026, 3, 8, 23, 30), "sms")  # Sunday evening: the week before
    weeks = contacts_per_week(date(2026, 3, 2), date(2026, 3, 15))
    assert [(w.week, w.count) for w in weeks] == [(10, 1), (11, 1)]


def test_stages_over_time_by_month_and_by_week(world: None) -> None:
    from tp_tui.services.statistics_series import sample_days, stages_over_time

    points = stages_over_time(START, END)
    assert [p.on for p in points][:2] == [date(2026, 1, 31), date(2026, 2, 28)]
    assert points[-1].on == END
    by_day = {p.on: p.by_stage for p in points}
    assert by_day[date(2026, 1, 31)] == {1: 0, 2: 1, 3: 0, 4: 0, 5: 0}  # Ada in stage 2
    assert by_day[date(2026, 3, 31)] == {1: 1, 2: 1, 3: 1, 4: 0, 5: 0}
    assert by_day[END] == {1: 0, 2: 1, 3: 1, 4: 0, 5: 0}  # Bjørn closed in May
    assert sample_days(date(2026, 3, 2), date(2026, 3, 20)) == [
        date(2026, 3, 8), date(2026, 3, 15), date(2026, 3, 20)
    ]  # fmt: skip


def test_contacts(world: None) -> None:
    c = st.contact_figures(START, END)
    assert c.total == 4
    assert {k: n for k, n in c.by_kind.items() if n} == {
        "conversation": 1, "accompaniment": 2, "sms": 1
    }  # fmt: skip
    assert {k: n for k, n in c.by_arena.items() if n} == {
        "cafe": 1, "nav": 1, "health_service": 1, "none": 1
    }  # fmt: skip
    assert {k: n for k, n in c.by_life_area.items() if n} == {
        "housing": 1,
        "health": 2,
        "income": 1,
    }
    assert c.accompaniment_minutes == 150
    assert {k: n for k, n in c.accompaniments_by_destination.items() if n} == {"nav": 1, "gp": 1}


def test_callbacks(world: None) -> None:
    b = st.callback_figures(START, END)
    assert (b.same_day, b.later, b.not_returned, b.total) == (2, 2, 1, 5)
    assert b.same_day_share == 40.0
    assert st.CallbackFigures(0, 0, 0).same_day_share is None


def test_places(world: None) -> None:
    places = {p.name: p for p in st.place_figures(START, END)}
    assert list(places) == ["Kafé 103", INJECTED_PLACE, "Huset"]
    assert places["Kafé 103"] == st.PlaceFigures("Kafé 103", 26, 2, 8, 3)
    assert places[INJECTED_PLACE] == st.PlaceFigures(INJECTED_PLACE, 26, 1, 2, 6)
    # closed before history was kept: in use, as far as can be known, up to its last visit
    assert places["Huset"] == st.PlaceFigures("Huset", 10, 1, 5, 0)


def test_group_plan_and_goals(world: None) -> None:
    f = st.follow_up_figures(START, END)
    assert (f.active, f.with_group, f.with_plan) == (8, 1, 2)
    assert {k: n for k, n in f.plan_status.items() if n} == {"accepted": 1, "draft": 1, "none": 6}
    goals = st.goals_reached(START, END)
    assert {k: n for k, n in goals.items() if n} == {"housing": 1, "work": 1}
    assert len(goals) == 8


def test_period_stats_gathers_every_figure(world: None) -> None:
    stats = st.period_stats(START, END)
    assert stats.participants == st.participant_figures(START, END)
    assert stats.callbacks == st.callback_figures(START, END)
    assert (stats.start, stats.end) == (START, END)


def cells(text: str, delimiter: str = ";") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def test_csv_rows_values_and_suppression(world: None) -> None:
    rows = cells(render_csv(st.period_stats(START, END)))
    assert rows[0] == ["Section", "Figure", "Value"]
    assert rows[1] == ["Period", "01.01.2026", "30.06.2026"]
    assert all(len(row) == 3 for row in rows)
    table = {(row[0], row[1]): row[2] for row in rows}
    assert table["Participants", "Active in the period"] == "8"
    assert table["Participants", "New (intake in the period)"] == "< 5"
    # 5 not started and three stages "< 5" of 8 would tell each is 1, and hiding the 5 too
    # would still: the whole breakdown is withheld
    stages = [value for (section, figure), value in table.items() if "Stage reached" in figure]
    assert stages == ["hidden"] * 7
    # 2 closed, shown as "< 5": no reason is shown, not even a 0, or one reason would be theirs
    reasons = [value for (_, figure), value in table.items() if figure.startswith("Closed:")]
    assert reasons == ["hidden"] * 4
    assert (
        table["Participants", "Days in the programme, median for those closed"] == "too few to show"
    )
    assert table["Contacts", "Contacts in all"] == "4"  # contacts are not people: shown as they are
    assert table["Contacts", "Hours of accompaniment"] == "2.5"
    assert table["Callbacks", "Share returned the same day"] == "40.0 %"
    assert table["Meeting places", "Kafé 103: rounds held of planned"] == "2 of 26"
    assert table["Meeting places", "Kafé 103: new people"] == "< 5"
    assert table["Meeting places", "Kafé 103: conversations"] == "8"
    group = "Responsibility group and individual plan"
    assert table[group, "Share with a responsibility group"] == "< 5"
    assert table["Goals reached", "Reached a goal: Housing"] == "< 5"
    assert table["Goals reached", "Reached a goal: Income"] == "0"


def test_csv_neutralises_formulas(world: None) -> None:
    rows = cells(render_csv(st.period_stats(START, END)))
    assert ["Meeting places", "'" + INJECTED_PLACE + ": conversations", "2"] in rows
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    for dangerous in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(dangerous) == "'" + dangerous
    assert safe_cell("Kafé 103") == "Kafé 103"


def test_no_personal_data_in_any_output(world: None) -> None:
    set_language("nb")
    outputs = [render_text(st.period_stats(START, END)), render_csv(st.period_stats(START, END))]
    set_language("en")
    outputs += [render_text(st.period_stats(START, END)), render_csv(st.period_stats(START, END))]
    outputs += [render_csv(st.period_stats(START, END), ",")]
    words = {word for name in NAMES + ["Ukjent Ringer"] for word in name.split()}
    for output in outputs:
        assert not [word for word in words if word in output]
        assert "400 00 000" not in output
        assert "Eget mål" not in output
    assert "2,5" in outputs[0]  # a decimal comma in Norwegian


def args(tmp: Path | None, fmt: str = "csv", force: bool = False) -> argparse.Namespace:
    output = str(tmp) if tmp else None
    return argparse.Namespace(
        start="1.1.2026", end="30.6.2026", format=fmt, output=output, force=force
    )


def test_stats_command_writes_csv_with_bom(world: None, tmp_path: Path) -> None:
    clock = FrozenClock(NOW)
    path = tmp_path / "stats.csv"
    assert stats_command(args(path), Settings(), clock) == 0
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert path.stat().st_mode & 0o777 == 0o600
    rows = cells(raw.decode("utf-8-sig"))
    assert ["Participants", "Active in the period", "8"] in rows
    assert stats_command(args(path), Settings(), clock) == 2  # exists; nothing overwritten
    assert stats_command(args(path, force=True), Settings(csv_delimiter=","), clock) == 0
    assert ["Participants", "Active in the period", "8"] in cells(
        path.read_text(encoding="utf-8-sig"), ","
    )


def test_stats_command_text_and_bad_dates(world: None, capsys: pytest.CaptureFixture[str]) -> None:
    clock = FrozenClock(NOW)
    assert stats_command(args(None, "text"), Settings(), clock) == 0
    out = capsys.readouterr().out
    assert "Statistics 01.01.2026 – 30.06.2026" in out
    assert "Ada" not in out
    bad = argparse.Namespace(
        start="30.6.2026", end="1.1.2026", format="text", output=None, force=False
    )
    assert stats_command(bad, Settings(), clock) == 2
    nonsense = argparse.Namespace(start="zzz", end=None, format="text", output=None, force=False)
    assert stats_command(nonsense, Settings(), clock) == 2
    default = argparse.Namespace(start=None, end=None, format="text", output=None, force=False)
    assert stats_command(default, Settings(), clock) == 0
    assert "01.01.2026 – 02.07.2026" in capsys.readouterr().out
