"""The consent register: what is in force on a day, what ends soon, withdrawing keeps the row,
stage 1's checklist ticks itself, and every consent change is undone and redone as one."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tp_tui.clock import FrozenClock
from tp_tui.domain import Stage
from tp_tui.models import ChecklistMark, ConsentGrant, Participant
from tp_tui.services.conflicts import ChangedSince
from tp_tui.services.consent import (
    ConsentInput,
    consent_register,
    expiring_soon,
    in_force_on,
    lapsed_on,
    record_consent,
    withdraw_consent,
)
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.services.process import checklist_done
from tp_tui.services.undo import redo_last, undo_last
from tp_tui.services.validation import ValidationFailed

pytestmark = pytest.mark.engines
TODAY = date(2026, 11, 26)  # the frozen clock's day


@pytest.fixture
def ola(db_path: Path, clock: FrozenClock) -> int:
    return int(add_participant(ParticipantInput(name="Ola Testesen"), clock).id)


def test_in_force_from_the_day_given_to_the_day_it_ends(ola: int, clock: FrozenClock) -> None:
    record_consent(ola, ConsentInput("goals", given_on="01.11.2026", expires_on="31.12.2026"),
                   clock)  # fmt: skip
    assert in_force_on(ola, date(2026, 10, 31)) == set()
    assert in_force_on(ola, date(2026, 11, 1)) == {"goals"}
    assert in_force_on(ola, date(2026, 12, 31)) == {"goals"}
    assert in_force_on(ola, date(2027, 1, 1)) == set()
    assert lapsed_on(ola, date(2027, 1, 1)) == {"goals": ("expired", date(2026, 12, 31))}


def test_a_named_service_is_not_the_group(ola: int, clock: FrozenClock) -> None:
    record_consent(ola, ConsentInput("plan", recipient="  NAV   Tromsø "), clock)
    assert in_force_on(ola, TODAY) == set()
    assert in_force_on(ola, TODAY, "NAV Tromsø") == {"plan"}


def test_withdrawing_keeps_the_row_and_stamps_the_day(ola: int, clock: FrozenClock) -> None:
    grant = record_consent(ola, ConsentInput("contacts", given_on="01.10.2026", given_how="oral"),
                           clock)  # fmt: skip
    withdraw_consent(int(grant.id), clock, "20.11.2026")
    stored = ConsentGrant.get_by_id(grant.id)
    assert (stored.withdrawn_on, stored.given_how) == (date(2026, 11, 20), "oral")
    assert stored.version == 2
    assert in_force_on(ola, TODAY) == set()
    assert in_force_on(ola, date(2026, 11, 19)) == {"contacts"}  # history reads as it was
    [line] = consent_register(ola, TODAY)
    assert line.state == "withdrawn"
    with pytest.raises(ValidationFailed) as again:
        withdraw_consent(int(grant.id), clock)
    assert "withdrawn_on" in again.value.errors


def test_a_withdrawal_on_a_stale_form_is_refused(ola: int, clock: FrozenClock) -> None:
    grant = record_consent(ola, ConsentInput("goals"), clock)
    ConsentGrant.update(note="fornyet muntlig", version=2).where(
        ConsentGrant.id == grant.id
    ).execute()
    with pytest.raises(ChangedSince):
        withdraw_consent(int(grant.id), clock, expected_version=1)
    assert ConsentGrant.get_by_id(grant.id).withdrawn_on is None


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (ConsentInput("diary"), "scope"),
        (ConsentInput("goals", given_how="by email"), "given_how"),
        (ConsentInput("goals", given_on="31.02.2026"), "given_on"),
        (ConsentInput("goals", given_on="01.12.2026"), "given_on"),
        (ConsentInput("goals", expires_on="01.11.2026"), "expires_on"),
    ],
)
def test_bad_input_saves_nothing(
    ola: int, clock: FrozenClock, data: ConsentInput, field: str
) -> None:
    with pytest.raises(ValidationFailed) as failed:
        record_consent(ola, data, clock)
    assert field in failed.value.errors
    assert ConsentGrant.select().count() == 0


def test_expiring_soon_within_the_window_unless_renewed(ola: int, clock: FrozenClock) -> None:
    record_consent(ola, ConsentInput("goals", expires_on="10.12.2026"), clock)
    record_consent(ola, ConsentInput("plan", expires_on="31.12.2027"), clock)
    record_consent(ola, ConsentInput("group", expires_on="20.12.2026"), clock)
    record_consent(ola, ConsentInput("group"), clock)  # renewed, without an end
    soon = expiring_soon(TODAY, 30)
    assert [(e.name, e.scope, e.expires_on) for e in soon] == [
        ("Ola Testesen", "goals", date(2026, 12, 10))
    ]
    assert expiring_soon(TODAY, 10) == []
    assert expiring_soon(TODAY, 0) == []
    Participant.update(status="closed").execute()
    assert expiring_soon(TODAY, 30) == []


def test_recording_ticks_stage_one_and_undo_takes_both_back(ola: int, clock: FrozenClock) -> None:
    assert "consent_recorded" not in checklist_done(ola)
    record_consent(ola, ConsentInput("goals"), clock)
    assert "consent_recorded" in checklist_done(ola)
    undone = undo_last(clock)
    assert undone is not None and undone.kind == "consent.record"
    assert ConsentGrant.select().count() == 0
    assert "consent_recorded" not in checklist_done(ola)
    redone = redo_last(clock)
    assert redone is not None
    assert ConsentGrant.select().count() == 1 and "consent_recorded" in checklist_done(ola)
    assert ChecklistMark.get().stage == int(Stage.ESTABLISH)


def test_a_withdrawal_is_undone_and_the_consent_holds_again(ola: int, clock: FrozenClock) -> None:
    grant = record_consent(ola, ConsentInput("goals"), clock)
    later = FrozenClock(clock.now() + timedelta(minutes=5))
    withdraw_consent(int(grant.id), later)
    assert in_force_on(ola, TODAY) == set()
    undone = undo_last(later)
    assert undone is not None and undone.kind == "consent.withdraw"
    assert in_force_on(ola, TODAY) == {"goals"}


def test_today_lists_a_consent_about_to_end_within_the_setting(
    ola: int, clock: FrozenClock
) -> None:
    from tp_tui.services.today import today_overview
    from tp_tui.settings import Settings

    record_consent(ola, ConsentInput("notes", expires_on="+20"), clock)
    ending = today_overview(clock.now(), Settings()).consents_ending
    assert [(e.name, e.scope, e.expires_on) for e in ending] == [
        ("Ola Testesen", "notes", date(2026, 12, 16))
    ]
    assert today_overview(clock.now(), Settings(consent_warning_days=14)).consents_ending == ()
