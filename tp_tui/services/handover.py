"""Handing over: a participant to another responsible trust person, a call to a colleague.

A participant's handovers are kept as rows that are only added, so the page shows who has
followed the person and since when. A call handed over keeps who logged it; it is then owed by
the colleague (``assigned_to``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from peewee import JOIN

from tp_tui.clock import Clock
from tp_tui.dates import DateParseError, parse_date
from tp_tui.db import write
from tp_tui.models import Callback, Handover, Participant, TrustPerson
from tp_tui.services.history import name_change, record_revision, revised
from tp_tui.services.validation import FieldError, ValidationFailed

NOTE_MAX = 2000


@dataclass(frozen=True)
class HandoverInput:
    """A handover as typed: to whom, from which day (empty: today), why."""

    to_person_id: int | None
    on: str = ""
    note: str = ""


@dataclass(frozen=True)
class HandoverLine:
    handed_on: date
    from_name: str
    to_name: str
    note: str
    recorded_at: datetime


def _colleague(person_id: int | None, errors: dict[str, FieldError]) -> TrustPerson | None:
    if person_id is None:
        errors["to_person"] = FieldError("handover.error.who")
        return None
    person = TrustPerson.get_or_none((TrustPerson.id == person_id) & TrustPerson.active)
    if person is None:
        errors["to_person"] = FieldError("handover.error.who")
    return person


def hand_over_participant(participant_id: int, data: HandoverInput, clock: Clock) -> Handover:
    """Make ``data.to_person_id`` the participant's responsible trust person, and keep the
    handover (date and note) in the history."""
    now = clock.now()
    errors: dict[str, FieldError] = {}
    target = _colleague(data.to_person_id, errors)
    handed_on = now.date()
    if data.on.strip():
        try:
            handed_on = parse_date(data.on, now.date())
        except DateParseError as error:
            errors["on"] = FieldError(error.key, dict(error.params))
    if len(data.note) > NOTE_MAX:
        errors["note"] = FieldError("handover.error.note_too_long", {"max": NOTE_MAX})
    participant = Participant.get_or_none(Participant.id == participant_id)
    if participant is None:
        errors["participant"] = FieldError("contact.error.participant")
    elif target is not None and participant.responsible_id == target.id:
        errors["to_person"] = FieldError("handover.error.same", {"name": target.name})
    if errors or participant is None or target is None:
        raise ValidationFailed(errors)
    with write():
        participant = Participant.get_by_id(participant_id)
        handover = Handover.create(
            participant=participant_id,
            from_person=participant.responsible_id,
            to_person=target.id,
            handed_on=handed_on,
            note=data.note.strip(),
            recorded_at=now,
        )
        record_revision(handover, "create", now, participant_id)
        name_change("participant.handover")
        with revised(participant, now, participant_id, "handover"):
            participant.responsible = target
    return handover


def handovers_for(participant_id: int) -> tuple[HandoverLine, ...]:
    """The participant's handovers, newest first."""
    giver = TrustPerson.alias("giver")
    taker = TrustPerson.alias("taker")
    query = (
        Handover.select(Handover, giver.name.alias("giver_name"), taker.name.alias("taker_name"))
        .join_from(Handover, giver, JOIN.LEFT_OUTER, on=(Handover.from_person == giver.id))
        .join_from(Handover, taker, JOIN.LEFT_OUTER, on=(Handover.to_person == taker.id))
        .where(Handover.participant == participant_id)
        .order_by(Handover.handed_on.desc(), Handover.id.desc())
    )
    return tuple(
        HandoverLine(
            row.handed_on,
            getattr(row, "giver_name", None) or "",
            getattr(row, "taker_name", None) or "",
            row.note,
            row.recorded_at,
        )
        for row in query.objects()
    )


def hand_over_callback(callback_id: int, to_person_id: int | None, clock: Clock) -> Callback:
    """The call is now owed by the colleague; who logged it stays recorded."""
    errors: dict[str, FieldError] = {}
    target = _colleague(to_person_id, errors)
    callback = Callback.get_or_none(Callback.id == callback_id)
    if callback is None:
        errors["callback"] = FieldError("handover.error.callback_gone")
    elif callback.done_at is not None:
        errors["callback"] = FieldError("handover.error.callback_done")
    if errors or callback is None or target is None:
        raise ValidationFailed(errors)
    now = clock.now()
    with write():
        callback = Callback.get_by_id(callback_id)
        with revised(callback, now, callback.participant_id, "handover"):
            callback.assigned_to = target
    return callback


@dataclass(frozen=True)
class HandedOver:
    """How much went to the colleague: participants and calls owed."""

    participants: int
    callbacks: int


def still_held_by(person_id: int) -> tuple[list[int], list[int]]:
    """The ids of what a trust person still has: participants they are responsible for (open,
    not archived) and calls they owe (handed to them, or logged by them and not handed on)."""
    from tp_tui.services.callbacks import owed_by
    from tp_tui.services.participants import OPEN_STATUSES

    participants = Participant.select(Participant.id).where(
        (Participant.responsible == person_id)
        & Participant.status.in_(OPEN_STATUSES)
        & Participant.archived_at.is_null()
    )
    owed = owed_by(person_id, unrecorded=False)  # calls nobody logged stay everyone's
    callbacks = Callback.select(Callback.id).where(Callback.done_at.is_null() & owed)
    return [p.id for p in participants], [c.id for c in callbacks.order_by(Callback.id)]


def hand_over_everything(from_person_id: int, data: HandoverInput, clock: Clock) -> HandedOver:
    """A colleague leaves (or is away for long): every participant they are responsible for
    and every call they owe go to ``data.to_person_id``, in one transaction, each handover kept
    in the participant's history with the date and note given."""
    errors: dict[str, FieldError] = {}
    target = _colleague(data.to_person_id, errors)
    if target is not None and target.id == from_person_id:
        errors["to_person"] = FieldError("handover.error.same_person")
    if errors or target is None:
        raise ValidationFailed(errors)
    with write():
        participants, callbacks = still_held_by(from_person_id)
        name_change("handover.everything")
        for participant_id in participants:
            hand_over_participant(participant_id, data, clock)
        for callback_id in callbacks:
            hand_over_callback(callback_id, target.id, clock)
    return HandedOver(len(participants), len(callbacks))
