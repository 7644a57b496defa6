"""Every figure describes its period as of the last day: a report made again later is the same.

The changes are made through the services a user's keys call, on the days they happened.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from tp_tui.clock import OSLO, FrozenClock
from tp_tui.domain import LifeArea, PlanStatus, Stage
from tp_tui.export.statistics import render_csv
from tp_tui.models import MeetingPlace, delete_query
from tp_tui.services import statistics as st
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.services.places import PlaceInput, save_place
from tp_tui.services.plan import (
    MemberInput,
    add_goal,
    remove_member,
    save_member,
    set_plan_status,
    update_goal,
)
from tp_tui.services.process import change_stage, reopen

OCTOBER = (date(2026, 10, 1), date(2026, 10, 31))
NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))


def on(day: date) -> FrozenClock:
    return FrozenClock(datetime(day.year, day.month, day.day, 14, tzinfo=OSLO))


def people(count: int, intake: date) -> list[int]:
    clock = on(intake)
    text = intake.strftime("%d.%m.%Y")
    return [
        int(add_participant(ParticipantInput(f"Fiktiv Deltaker{n}", intake=text), clock).id)
        for n in range(count)
    ]


def test_plan_status_is_the_one_on_the_last_day(db_path: Path) -> None:
    ids = people(6, date(2026, 9, 1))
    for pid in ids[:5]:
        set_plan_status(pid, PlanStatus.DRAFT, on(date(2026, 11, 20)))
    set_plan_status(ids[5], PlanStatus.DRAFT, on(date(2026, 10, 5)))
    set_plan_status(ids[5], PlanStatus.OFFERED, on(date(2026, 10, 20)))
    set_plan_status(ids[5], PlanStatus.ACCEPTED, on(date(2026, 11, 2)))
    october = st.follow_up_figures(*OCTOBER).plan_status
    assert {k: n for k, n in october.items() if n} == {"none": 5, "offered": 1}
    november = st.follow_up_figures(*NOVEMBER).plan_status
    assert {k: n for k, n in november.items() if n} == {"draft": 5, "accepted": 1}
    # a step taken back later (draft again) does not change October either
    set_plan_status(ids[5], PlanStatus.DRAFT, on(date(2026, 12, 1)))
    assert st.follow_up_figures(*OCTOBER).plan_status == october
    assert st.follow_up_figures(*NOVEMBER).plan_status == november


def test_goals_reached_count_by_their_history(db_path: Path) -> None:
    first, second = people(2, date(2026, 9, 1))
    goal = add_goal(first, LifeArea.HOUSING, "Egen leilighet", "working", on(date(2026, 9, 2)))
    update_goal(goal.id, "Egen leilighet", "reached", on(date(2026, 10, 15)))
    update_goal(goal.id, "Egen leilighet", "working", on(date(2026, 11, 20)))  # set back since
    later = add_goal(second, LifeArea.WORK, "Jobb", "working", on(date(2026, 9, 2)))
    update_goal(later.id, "Jobb", "reached", on(date(2026, 11, 3)))
    assert {k: n for k, n in st.goals_reached(*OCTOBER).items() if n} == {"housing": 1}
    assert {k: n for k, n in st.goals_reached(*NOVEMBER).items() if n} == {"work": 1}


def test_stage_and_activity_as_of_the_last_day(db_path: Path) -> None:
    (pid,) = people(1, date(2025, 9, 1))
    change_stage(pid, Stage.CLOSE, "01.03.2026", "", on(date(2026, 3, 1)), "no_more_help")
    before = st.participant_figures(date(2026, 4, 1), date(2026, 6, 30))
    assert before.active == 0
    reopen(pid, "01.10.2026", "Tok kontakt igjen", on(date(2026, 10, 1)))
    # reopened in October: April–June still had nobody in the programme
    assert st.participant_figures(date(2026, 4, 1), date(2026, 6, 30)) == before
    october = st.participant_figures(*OCTOBER)
    assert october.active == 1
    assert {s: n for s, n in october.stage_reached.items() if n} == {1: 1}  # begun again
    first_half = st.participant_figures(date(2026, 1, 1), date(2026, 6, 30))
    assert {s: n for s, n in first_half.stage_reached.items() if n} == {6: 1}


def test_rounds_planned_only_while_the_place_was_in_use(db_path: Path) -> None:
    delete_query(MeetingPlace).execute()
    old = save_place(
        PlaceInput(name="Kafé 103", threshold="low", weekday="tor"), clock=on(date(2025, 1, 1))
    )
    new = save_place(
        PlaceInput(name="Nytt sted", threshold="low", weekday="tor"), clock=on(date(2026, 11, 5))
    )
    save_place(PlaceInput(active=False), old.id, clock=on(date(2026, 6, 11)))
    year = {p.name: p.planned for p in st.place_figures(date(2026, 1, 1), date(2026, 12, 31))}
    # Thursdays 1.1–11.6 (the day it closed counts: the round may have been held), and
    # from 5.11 (added that day) to the end of the year
    assert year == {"Kafé 103": 24, "Nytt sted": 9}
    assert [p.name for p in st.place_figures(*OCTOBER)] == []  # neither in use in October
    save_place(PlaceInput(active=True), old.id, clock=on(date(2026, 11, 19)))
    november = {p.name: p.planned for p in st.place_figures(*NOVEMBER)}
    assert november == {"Kafé 103": 2, "Nytt sted": 4}
    assert new.active


def test_last_years_report_does_not_drift(db_path: Path) -> None:
    ids = people(7, date(2026, 9, 1))
    for pid in ids[:6]:
        set_plan_status(pid, PlanStatus.DRAFT, on(date(2026, 10, 3)))
    goal = add_goal(ids[0], LifeArea.HOUSING, "Bolig", "reached", on(date(2026, 10, 10)))
    report = render_csv(st.period_stats(*OCTOBER))
    for pid in ids[:6]:
        set_plan_status(pid, PlanStatus.OFFERED, on(date(2026, 11, 10)))
    update_goal(goal.id, "Bolig", "working", on(date(2026, 11, 11)))
    change_stage(ids[6], Stage.CLOSE, "12.11.2026", "", on(date(2026, 11, 12)), "other",
                 confirm_early=True)  # fmt: skip
    save_place(PlaceInput(name="Nytt sted", threshold="low"), clock=on(date(2026, 11, 13)))
    assert render_csv(st.period_stats(*OCTOBER)) == report


def test_a_responsibility_group_counts_as_it_was_on_the_last_day(db_path: Path) -> None:
    first, second = people(2, date(2026, 9, 1))
    member = save_member(first, MemberInput("nav", "Fiktiv Veileder"), on(date(2026, 10, 10)))
    save_member(second, MemberInput("gp"), on(date(2026, 11, 25)))  # joined after October
    remove_member(member.id, on(date(2026, 11, 20)))
    assert st.follow_up_figures(*OCTOBER).with_group == 1
    assert st.follow_up_figures(*NOVEMBER).with_group == 1  # the second; the first had left
