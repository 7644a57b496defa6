"""The plan editor by keys: a row drafted from the goals is edited (long text wraps), Esc asks
before throwing away a change, a step is dated, and the plan is handed over to the coordinator
with a file for them — or refused, saying why, when the group has no coordinator."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import TextArea

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.domain import LifeArea, PlanStatus
from tp_tui.models import ExportRecord, GroupMember, IndividualPlan, PlanItem
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.services.plan import MemberInput, add_goal, remove_member, save_member
from tp_tui.views.plan_document import PlanItemForm, PlanScreen

from .helpers import notifications, screen_text, type_quickly, type_text, wait_until


@pytest.fixture
def kari(db_path: Path, clock: FrozenClock) -> int:
    person = add_participant(ParticipantInput(name="Kari Testesen", intake="01.10.2026"), clock)
    add_goal(person.id, LifeArea.HOUSING, "Egen leilighet", "wanted", clock)
    return int(person.id)


async def test_draft_edit_and_esc_asks_before_throwing_away(kari: int, clock: FrozenClock) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_participant(kari)
        await pilot.pause()
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(app.screen, PlanScreen), "the plan")
        assert "The plan has no coordinator" in screen_text(app)
        await pilot.press("d")  # drafted from the goals
        await wait_until(pilot, lambda: "Egen leilighet" in screen_text(app), "the drafted row")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, PlanItemForm), "the row's form")
        await pilot.press("tab")  # from the goal to the measures
        assert isinstance(app.focused, TextArea) and app.focused.id == "measures"
        await type_quickly(pilot, "Søke kommunal bolig og gå på visning sammen med TP " * 2)
        await pilot.press("escape")  # changed: it asks
        await wait_until(pilot, lambda: "throw away" in screen_text(app), "the question")
        await pilot.press("escape")  # no: back to the form, nothing lost
        await wait_until(pilot, lambda: isinstance(app.screen, PlanItemForm), "the form again")
        await pilot.press("tab", "tab")
        await type_quickly(pilot, "01.02.2027")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, PlanScreen), "the plan again")
        row = PlanItem.get()
        assert row.measures.startswith("Søke kommunal bolig og gå på visning")
        assert str(row.due_on) == "2027-02-01"
        await wait_until(pilot, lambda: "row changed" in screen_text(app), "the new version")
        await pilot.press("x")  # take the row out, then bring it back with ctrl+z
        await wait_until(pilot, lambda: PlanItem.select().count() == 0, "the row taken out")
        await pilot.press("ctrl+z")
        await wait_until(pilot, lambda: "Undone" in notifications(app), "the undo")
        assert PlanItem.get().measures.startswith("Søke kommunal bolig")
        await wait_until(pilot, lambda: "Egen leilighet" in screen_text(app), "the row again")
        await pilot.press("s", "o", "tab")  # a step: offered, on another day than today
        await type_quickly(pilot, "20.11.2026")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, PlanScreen), "the plan again")
        plan = IndividualPlan.get()
        assert (plan.status, str(plan.offered_on)) == ("offered", "2026-11-20")
        await pilot.press("h")  # no group: refused, saying why
        await wait_until(pilot, lambda: "no responsibility group" in notifications(app), "why")
        assert IndividualPlan.get().status == "offered"


async def test_hand_over_writes_the_file_and_records_to_whom(
    kari: int, clock: FrozenClock
) -> None:
    save_member(kari, MemberInput("nav", "Nina Veileder", is_coordinator=True), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_participant(kari)
        await pilot.pause()
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(app.screen, PlanScreen), "the plan")
        assert "Coordinator: Nina Veileder" in screen_text(app)
        await pilot.press("d", "h")
        await wait_until(pilot, lambda: "Hand the plan over" in screen_text(app), "the form")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "Handed over" in notifications(app), "the file")
        plan = IndividualPlan.get()
        assert plan.status == PlanStatus.HANDED_OVER.value
        assert plan.handed_over_on == clock.today() and plan.handed_to == "Nina Veileder (NAV)"
        record = ExportRecord.get()
        assert (record.what, record.format) == ("plan", "pdf")
        found = re.search(r"(/\S+\.pdf)", notifications(app))
        assert found is not None and Path(found.group(1)).read_bytes().startswith(b"%PDF")
        remove_member(int(GroupMember.get().id), clock)  # the coordinator leaves the group
        await pilot.press("escape")  # back on the participant page, read again
        await wait_until(pilot, lambda: "the plan has no" in screen_text(app),
                         "that the plan has no coordinator")  # fmt: skip
        assert "individual plan for" in screen_text(app)  # the export, in words
        assert "summary.what" not in screen_text(app)


async def test_hostile_text_in_the_plan_is_shown_literally(
    db_path: Path, clock: FrozenClock
) -> None:
    from tp_tui.services.plan_document import ItemInput, add_item

    person = add_participant(ParticipantInput(name="Per Testesen"), clock)
    add_item(person.id, LifeArea.SAFETY, ItemInput("Per [/ [bold]trygg[/bold]", "\x1b[2Jro"),
             clock)  # fmt: skip
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_participant(person.id)
        await pilot.pause()
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(app.screen, PlanScreen), "the plan")
        shown = screen_text(app)
        assert "Per [/ [bold]trygg[/bold]" in shown and "\x1b" not in shown


async def test_a_row_saved_by_someone_else_meanwhile_is_not_overwritten(
    kari: int, clock: FrozenClock
) -> None:
    from tp_tui.services.plan_document import ItemInput, draft_from_mapping, update_item

    draft_from_mapping(kari, clock)
    row = PlanItem.get()
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_participant(kari)
        await pilot.pause()
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(app.screen, PlanScreen), "the plan")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, PlanItemForm), "the row's form")
        update_item(row.id, ItemInput("Egen leilighet", "Kollegaens tiltak"), clock)
        await pilot.press("tab")
        await type_text(pilot, "Mitt tiltak")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "Measures" in str(
            app.screen.query_one("#form-message").render()), "what the colleague changed")
        assert isinstance(app.screen, PlanItemForm)  # what was typed is still there
        assert PlanItem.get_by_id(row.id).measures == "Kollegaens tiltak"
