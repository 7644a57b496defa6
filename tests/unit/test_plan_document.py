"""The individual plan as a document: drafted from the goals and the mapping, edited row by row
(versions: what, when, by whom; undoable), dated steps, the participant's agreement, and a
hand-over that needs a group with a coordinator."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tp_tui.clock import FrozenClock
from tp_tui.domain import LifeArea, PlanStatus, Stage
from tp_tui.models import IndividualPlan, PlanItem
from tp_tui.services.conflicts import ChangedSince
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.services.plan import (
    MemberInput,
    add_goal,
    remove_member,
    save_member,
    set_plan_status,
    update_goal,
)
from tp_tui.services.plan_document import (
    ItemInput,
    add_item,
    draft_from_mapping,
    hand_over,
    plan_changes,
    plan_document,
    record_agreement,
    remove_item,
    update_item,
)
from tp_tui.services.process import change_stage
from tp_tui.services.undo import undo_last
from tp_tui.services.validation import ValidationFailed

pytestmark = pytest.mark.engines


@pytest.fixture
def kari(db_path: Path, clock: FrozenClock) -> int:
    person = add_participant(ParticipantInput(name="Kari Testesen", intake="01.09.2026"), clock)
    return int(person.id)


def _group_with_coordinator(participant_id: int, clock: FrozenClock) -> int:
    member = save_member(
        participant_id, MemberInput("nav", "Nina Veileder", is_coordinator=True), clock
    )
    return int(member.id)


def test_draft_is_made_from_goals_and_mapping_notes(kari: int, clock: FrozenClock) -> None:
    change_stage(kari, Stage.MAP_NEEDS, "i dag", "Vil ha egen bolig og jobb", clock)
    housing = add_goal(kari, LifeArea.HOUSING, "Egen leilighet", "wanted", clock)
    update_goal(housing.id, "Egen leilighet", "working", clock, note="Søke kommunal bolig")
    add_goal(kari, LifeArea.WORK, "Jobbe litt", "wanted", clock)
    add_goal(kari, LifeArea.LEISURE, "Gitar", "put_aside", clock)
    assert draft_from_mapping(kari, clock) == 2
    doc = plan_document(kari)
    assert [(i.area, i.goal_text, i.measures) for i in doc.items] == [
        (LifeArea.HOUSING, "Egen leilighet", "Søke kommunal bolig"),
        (LifeArea.WORK, "Jobbe litt", ""),
    ]
    assert doc.status == PlanStatus.DRAFT
    assert doc.steps == ((PlanStatus.DRAFT, clock.today()),)
    assert doc.note == "Vil ha egen bolig og jobb"
    assert draft_from_mapping(kari, clock) == 0  # drafting again adds only new goals
    assert len(plan_document(kari).items) == 2


def test_a_row_is_edited_and_each_save_is_a_version(kari: int, clock: FrozenClock) -> None:
    item = add_item(kari, LifeArea.INCOME, ItemInput("Betale regningene"), clock)
    update_item(
        item.id,
        ItemInput("Betale regningene", "Budsjett med NAV", "NAV", "+14", "01.12.2026"),
        clock,
        expected_version=1,
    )
    row = PlanItem.get_by_id(item.id)
    assert (row.measures, row.responsible) == ("Budsjett med NAV", "NAV")
    assert row.due_on == date.fromordinal(clock.today().toordinal() + 14)
    assert row.evaluate_on == date(2026, 12, 1)
    changes = plan_changes(kari)
    assert changes[0].what == "item.update"
    assert set(changes[0].fields) == {"measures", "responsible", "due_on", "evaluate_on"}
    assert changes[0].area == LifeArea.INCOME
    assert any(c.what == "item.create" for c in changes)


def test_a_row_someone_saved_since_is_not_overwritten(kari: int, clock: FrozenClock) -> None:
    item = add_item(kari, LifeArea.INCOME, ItemInput("Betale regningene"), clock)
    update_item(item.id, ItemInput("Betale regningene", "Budsjett"), clock)
    with pytest.raises(ChangedSince):
        update_item(item.id, ItemInput("Betale regningene", "Noe annet"), clock, 1)
    assert PlanItem.get_by_id(item.id).measures == "Budsjett"


def test_bad_dates_and_empty_goal_are_refused_and_nothing_is_saved(
    kari: int, clock: FrozenClock
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        add_item(kari, LifeArea.INCOME, ItemInput("  ", due_on="32.13"), clock)
    assert set(caught.value.errors) == {"goal_text", "due_on"}
    assert PlanItem.select().count() == 0


def test_plan_edits_are_undone(kari: int, clock: FrozenClock) -> None:
    item = add_item(kari, LifeArea.HOUSING, ItemInput("Egen leilighet"), clock)
    update_item(item.id, ItemInput("Egen leilighet", "Søke bolig"), clock)
    assert undo_last(clock) is not None
    assert PlanItem.get_by_id(item.id).measures == ""
    remove_item(item.id, clock)
    assert PlanItem.get_or_none(PlanItem.id == item.id) is None
    assert undo_last(clock) is not None
    assert PlanItem.get_by_id(item.id).goal_text == "Egen leilighet"


def test_steps_are_dated_with_a_given_day_not_only_today(kari: int, clock: FrozenClock) -> None:
    set_plan_status(kari, PlanStatus.OFFERED, clock, on=date(2026, 10, 1))
    set_plan_status(kari, PlanStatus.ACCEPTED, clock)
    doc = plan_document(kari)
    assert dict(doc.steps) == {PlanStatus.OFFERED: date(2026, 10, 1),
                               PlanStatus.ACCEPTED: clock.today()}  # fmt: skip
    with pytest.raises(ValidationFailed):
        set_plan_status(kari, PlanStatus.ACCEPTED, clock, on=date(2030, 1, 1))
    record_agreement(kari, date(2026, 10, 3), "Sa ja i møtet", clock)
    doc = plan_document(kari)
    assert (doc.agreed_on, doc.agreement_note) == (date(2026, 10, 3), "Sa ja i møtet")


def test_hand_over_is_refused_without_group_or_coordinator(kari: int, clock: FrozenClock) -> None:
    with pytest.raises(ValidationFailed) as caught:
        hand_over(kari, clock)
    assert caught.value.errors["plan_status"].key == "plandoc.error.no_group"
    save_member(kari, MemberInput("gp", "Lege Testesen"), clock)
    with pytest.raises(ValidationFailed) as caught:
        set_plan_status(kari, PlanStatus.HANDED_OVER, clock)
    assert caught.value.errors["plan_status"].key == "plandoc.error.no_coordinator"
    assert plan_document(kari).status != PlanStatus.HANDED_OVER


def test_hand_over_records_to_whom_and_when(kari: int, clock: FrozenClock) -> None:
    _group_with_coordinator(kari, clock)
    hand_over(kari, clock, on=date(2026, 11, 2))
    doc = plan_document(kari)
    assert doc.status == PlanStatus.HANDED_OVER
    assert dict(doc.steps)[PlanStatus.HANDED_OVER] == date(2026, 11, 2)
    assert doc.handed_to == "Nina Veileder (NAV)"


def test_a_coordinator_who_leaves_is_no_longer_the_plans(kari: int, clock: FrozenClock) -> None:
    member = _group_with_coordinator(kari, clock)
    assert plan_document(kari).coordinator is not None
    remove_member(member, clock)
    doc = plan_document(kari)
    assert doc.coordinator is None
    plan = IndividualPlan.get(IndividualPlan.participant == kari)
    assert plan.coordinator_id is None
    with pytest.raises(ValidationFailed):
        hand_over(kari, clock)


def test_a_coordinator_who_gives_up_the_role_is_no_longer_the_plans(
    kari: int, clock: FrozenClock
) -> None:
    member = _group_with_coordinator(kari, clock)
    save_member(kari, MemberInput("nav", "Nina Veileder", is_coordinator=False), clock, member)
    assert plan_document(kari).coordinator is None


def test_erasing_the_participant_takes_the_plan_rows_too(kari: int, clock: FrozenClock) -> None:
    from tp_tui.services.erasure import erase

    add_item(kari, LifeArea.HOUSING, ItemInput("Egen leilighet", "Søke bolig"), clock)
    erase(kari, "Kari Testesen", clock)
    assert PlanItem.select().count() == 0
