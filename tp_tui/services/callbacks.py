"""Callbacks: every call is returned the same day at the latest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from peewee import JOIN, Expression, ModelSelect

from tp_tui.clock import OSLO, Clock
from tp_tui.dates import DateParseError, parse_datetime, week_bounds
from tp_tui.db import write
from tp_tui.domain import CallbackOutcome
from tp_tui.models import Callback, Contact, Participant
from tp_tui.phone import PhoneError, normalize_phone
from tp_tui.services.conflicts import (
    ChangedSince,
    FieldChange,
    Opened,
    check_on_top,
    check_version,
)
from tp_tui.services.history import join_change_of, name_change, record_revision, revised
from tp_tui.services.moments import day_bounds, is_overdue
from tp_tui.services.team import current_trust_person_id
from tp_tui.services.validation import FieldError, ValidationFailed
from tp_tui.settings import Settings


@dataclass(frozen=True)
class CallbackInput:
    """A call owed, as typed: to a participant, or to a name and number."""

    participant_id: int | None
    reason: str = ""
    due: str = ""
    caller_name: str = ""
    caller_phone: str = ""


@dataclass(frozen=True)
class CallbackLine:
    id: int
    participant_id: int | None
    name: str
    phone: str | None
    reason: str
    received_at: datetime
    due_at: datetime
    done_at: datetime | None
    outcome: str | None
    overdue: bool
    assigned_to_id: int | None = None
    """The colleague the call was handed to (None: whoever logged it owes it)."""


@dataclass(frozen=True)
class CallbacksOverview:
    overdue: tuple[CallbackLine, ...]
    today: tuple[CallbackLine, ...]
    later_this_week: tuple[CallbackLine, ...]
    done_today: tuple[CallbackLine, ...]


def default_due(now: datetime, settings: Settings) -> datetime:
    """End of today's working day; after that, the end of today (the promise is the same day)."""
    end_of_work = datetime.combine(now.date(), settings.workday_end_time, OSLO)
    if now < end_of_work:
        return end_of_work
    return datetime.combine(now.date(), time(23, 59), OSLO)


def validate_callback(
    data: CallbackInput, now: datetime, settings: Settings
) -> tuple[datetime, str | None]:
    errors: dict[str, FieldError] = {}
    phone = None
    if data.participant_id is None:
        if not data.caller_name.strip():
            errors["caller_name"] = FieldError("callback.error.who")
        try:
            phone = normalize_phone(data.caller_phone)
        except PhoneError as error:
            errors["caller_phone"] = FieldError(error.key, dict(error.params))
    elif not Participant.select().where(Participant.id == data.participant_id).exists():
        errors["participant"] = FieldError("contact.error.participant")
    due = default_due(now, settings)
    if data.due.strip():
        try:
            due = parse_datetime(data.due, now, "future", default_time=settings.workday_end_time)
        except DateParseError as error:
            errors["due"] = FieldError(error.key, dict(error.params))
    if errors:
        raise ValidationFailed(errors)
    return due, phone


def register_callback(data: CallbackInput, clock: Clock, settings: Settings) -> Callback:
    """Note a call owed; due today by default."""
    now = clock.now()
    due, phone = validate_callback(data, now, settings)
    logged_by = current_trust_person_id(clock)
    with write():
        callback = Callback.create(
            logged_by=logged_by,
            participant=data.participant_id,
            caller_name=data.caller_name.strip() if data.participant_id is None else "",
            caller_phone=phone,
            reason=data.reason.strip(),
            received_at=now,
            due_at=due,
            created_at=now,
            updated_at=now,
        )
        record_revision(callback, "create", now, data.participant_id)
    return callback


# The fields of a call owed, as compared when a change meets someone else's (conflicts.py).
CALLBACK_FIELDS = (
    "participant", "caller_name", "caller_phone", "reason", "due_at", "assigned_to", "done_at",
    "outcome",
)  # fmt: skip


def callback_version(callback_id: int) -> int | None:
    """The call's version as stored now (None when it is gone): read it when the call is
    picked, pass it on to mark it returned without overwriting what someone else did."""
    callback = Callback.get_or_none(Callback.id == callback_id)
    return int(callback.version) if callback is not None else None


def callback_input(callback_id: int) -> tuple[CallbackInput, int] | None:
    """A stored call owed as the form shows it, with its version for a safe save."""
    callback = Callback.get_or_none(Callback.id == callback_id)
    if callback is None:
        return None
    return callback_as_input(callback), int(callback.version)


def callback_as_input(callback: Callback) -> CallbackInput:
    """A stored call owed as the form shows it."""
    return CallbackInput(
        participant_id=callback.participant_id,
        reason=callback.reason,
        due=callback.due_at.astimezone(OSLO).strftime("%d.%m.%Y %H:%M"),
        caller_name=callback.caller_name if callback.participant_id is None else "",
        caller_phone=(callback.caller_phone or "") if callback.participant_id is None else "",
    )


def update_callback(
    callback_id: int,
    data: CallbackInput,
    clock: Clock,
    settings: Settings,
    expected_version: int | None = None,
    opened: Opened[CallbackInput] | None = None,
) -> Callback:
    """Save an edit of a call owed (who, why, by when); the earlier state is kept as a revision.

    With ``expected_version`` (as the form opened it) a call someone else changed, handed over
    or returned since is not overwritten: :class:`ChangedSince` says what they changed. With
    ``opened`` (what the form showed when it opened) a save on top of theirs writes only the
    fields changed in the form; the others keep what is stored.
    """
    now = clock.now()
    due, phone = validate_callback(data, now, settings)  # the user's own slips, before the lock
    with write():
        callback = Callback.get_by_id(callback_id)
        check_version(callback, expected_version, CALLBACK_FIELDS)
        merged = check_on_top(
            callback,
            data,
            opened,
            callback_as_input,
            lambda merged_data: (merged_data, *validate_callback(merged_data, now, settings)),
            CALLBACK_FIELDS,
        )
        if merged is not None:
            data, due, phone = merged
        with revised(callback, now, data.participant_id or callback.participant_id):
            callback.participant_id = data.participant_id
            callback.caller_name = data.caller_name.strip() if data.participant_id is None else ""
            callback.caller_phone = phone if data.participant_id is None else None
            callback.reason = data.reason.strip()
            callback.due_at = due
    return callback


def _refuse_if_returned(callback: Callback) -> None:
    """Someone else already marked the call returned: say so, keep what they recorded."""
    if callback.done_at is not None:
        changes = (
            FieldChange("done_at", callback.done_at),
            FieldChange("outcome", callback.outcome),
        )
        raise ChangedSince(int(callback.id), changes, int(callback.version))


def complete_callback(
    callback_id: int,
    outcome: str,
    clock: Clock,
    contact_id: int | None = None,
    expected_version: int | None = None,
) -> Callback:
    """Mark a callback as returned, with how it went.

    A call already returned is never marked again: with ``expected_version`` (read when the
    call was picked, :func:`callback_version`) that, or any other change someone else made
    since (handed over, new reason or time), raises :class:`ChangedSince`; without it the
    first return simply stays as it was recorded.
    """
    if outcome not in {o.value for o in CallbackOutcome}:
        raise ValidationFailed({"outcome": FieldError("contact.error.outcome", {"value": outcome})})
    now = clock.now()
    with write():
        callback = Callback.get_by_id(callback_id)
        if expected_version is not None:
            check_version(callback, expected_version, CALLBACK_FIELDS)
            _refuse_if_returned(callback)
        if callback.done_at is not None:
            return callback  # returned by someone else: their time and outcome stay
        contact = Contact.get_or_none(Contact.id == contact_id) if contact_id else None
        if contact is not None:
            join_change_of(contact, "contact.returned", now)
        else:
            name_change("callback.done")
        with revised(callback, now, callback.participant_id):
            callback.done_at = now
            callback.outcome = outcome
            callback.contact_id = contact_id
    return callback


def reschedule_callback(
    callback_id: int,
    due: str,
    clock: Clock,
    settings: Settings,
    expected_version: int | None = None,
) -> Callback:
    """No answer: the old call is closed as tried, a new one is owed (linked to it).

    With ``expected_version``, as :func:`complete_callback`: a call someone else changed or
    returned since raises :class:`ChangedSince` and nothing is saved. Without it, a call
    already returned keeps its outcome (only the new call is added).
    """
    now = clock.now()
    old = Callback.get_by_id(callback_id)
    data = CallbackInput(old.participant_id, old.reason, due, old.caller_name, "")
    new_due, _ = validate_callback(data, now, settings)
    with write():
        old = Callback.get_by_id(callback_id)
        if expected_version is not None:
            check_version(old, expected_version, CALLBACK_FIELDS)
            _refuse_if_returned(old)
        name_change("callback.reschedule")
        if old.done_at is None:
            with revised(old, now, old.participant_id):
                old.done_at = now
                old.outcome = old.outcome or CallbackOutcome.NO_ANSWER.value
        new = Callback.create(
            participant=old.participant_id,
            caller_name=old.caller_name,
            caller_phone=old.caller_phone,
            reason=old.reason,
            received_at=old.received_at,
            due_at=new_due,
            rescheduled_from=old.id,
            logged_by=old.logged_by_id,
            assigned_to=old.assigned_to_id,
            created_at=now,
            updated_at=now,
        )
        record_revision(new, "create", now, old.participant_id)
    return new


def _line(callback: Callback, now: datetime) -> CallbackLine:
    participant = callback.participant if callback.participant_id else None
    return CallbackLine(
        id=callback.id,
        participant_id=callback.participant_id,
        name=participant.name if participant else callback.caller_name,
        phone=participant.phone if participant else callback.caller_phone,
        reason=callback.reason,
        received_at=callback.received_at,
        due_at=callback.due_at,
        done_at=callback.done_at,
        outcome=callback.outcome,
        overdue=is_overdue(callback.due_at, callback.done_at, now),
        assigned_to_id=callback.assigned_to_id,
    )


def _query() -> ModelSelect[Callback]:
    return Callback.select(Callback, Participant.id, Participant.name, Participant.phone).join(
        Participant, JOIN.LEFT_OUTER
    )


def callbacks_overview(now: datetime) -> CallbacksOverview:
    """Overdue, due today, due later this ISO week, and returned today."""
    start, end = day_bounds(now.date())
    _, sunday = week_bounds(now.date())
    _, week_end = day_bounds(sunday)
    open_ones = [
        _line(c, now)
        for c in _query()
        .where(Callback.done_at.is_null() & (Callback.due_at < week_end))
        .order_by(Callback.due_at, Callback.id)
    ]
    done = [
        _line(c, now)
        for c in _query()
        .where((Callback.done_at >= start) & (Callback.done_at < end))
        .order_by(Callback.done_at.desc())
    ]
    return CallbacksOverview(
        overdue=tuple(c for c in open_ones if c.overdue),
        today=tuple(c for c in open_ones if not c.overdue and c.due_at < end),
        later_this_week=tuple(c for c in open_ones if c.due_at >= end),
        done_today=tuple(done),
    )


SECTIONS = ("overdue", "today", "later", "done")
"""The parts of :func:`callbacks_overview`, as :func:`callback_section` reads them one by one."""


def callback_section(
    section: str,
    now: datetime,
    limit: int | None = None,
    offset: int = 0,
    mine: int | None = None,
) -> tuple[CallbackLine, ...]:
    """One part of :func:`callbacks_overview` (``overdue``, ``today``, ``later`` this week or
    ``done`` today), in the same order; ``limit`` and ``offset`` give one page of it; with
    ``mine``, only the calls that trust person owes (:func:`owed_by`).

    Each part is a range of the (done_at, due_at) index, read in its order.
    """
    start, end = day_bounds(now.date())
    _, sunday = week_bounds(now.date())
    _, week_end = day_bounds(sunday)
    # Times are stored to the second: due before ``now`` (is_overdue) is due before the next
    # whole second when ``now`` has a fraction.
    overdue_before = now + timedelta(microseconds=(1_000_000 - now.microsecond) % 1_000_000)
    query = _query()
    open_ = Callback.done_at.is_null()
    if section == "overdue":
        query = query.where(open_ & (Callback.due_at < overdue_before))
    elif section == "today":
        query = query.where(open_ & (Callback.due_at >= overdue_before) & (Callback.due_at < end))
    elif section == "later":
        query = query.where(open_ & (Callback.due_at >= end) & (Callback.due_at < week_end))
    elif section == "done":
        query = query.where((Callback.done_at >= start) & (Callback.done_at < end))
    else:
        raise ValueError(section)
    if mine is not None:
        query = query.where(owed_by(mine))
    if section == "done":
        query = query.order_by(Callback.done_at.desc(), Callback.id.desc())
    else:
        query = query.order_by(Callback.due_at, Callback.id)
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return tuple(_line(c, now) for c in query)


def callback_line(callback_id: int, now: datetime) -> CallbackLine | None:
    """One call owed (or returned), as the lists show it."""
    callback = _query().where(Callback.id == callback_id).first()
    return _line(callback, now) if callback is not None else None


def open_callbacks_for(participant_id: int, now: datetime) -> tuple[CallbackLine, ...]:
    """A participant's calls still owed, oldest first (offered for closing with a contact)."""
    query = (
        _query()
        .where((Callback.participant == participant_id) & Callback.done_at.is_null())
        .order_by(Callback.due_at)
    )
    return tuple(_line(c, now) for c in query)


def returned_same_day(received_at: datetime, done_at: datetime) -> bool:
    """The programme's availability promise: returned the day the call came in."""
    return done_at.astimezone(OSLO).date() == received_at.astimezone(OSLO).date()


def owed_by(person_id: int, unrecorded: bool = True) -> Expression:
    """Calls that are the trust person's to return: handed to them, or logged by them and not
    handed on. Calls logged before anyone was recorded belong to everyone (``unrecorded``),
    unless only what is theirs alone is asked for."""
    logged = Callback.logged_by == person_id
    if unrecorded:
        logged |= Callback.logged_by.is_null()
    return (Callback.assigned_to == person_id) | (Callback.assigned_to.is_null() & logged)


def returned_today(now: datetime, mine: int | None = None) -> int:
    """How many calls were returned today (with ``mine``: of those owed by that trust person)."""
    start, end = day_bounds(now.date())
    condition = (Callback.done_at >= start) & (Callback.done_at < end)
    if mine is not None:
        condition &= owed_by(mine)
    return int(Callback.select(Callback.id).where(condition).count())


def due_callbacks(
    now: datetime, limit: int | None = None, offset: int = 0, mine: int | None = None
) -> tuple[CallbackLine, ...]:
    """Open callbacks due by the end of today, overdue first, oldest first; ``limit`` and
    ``offset`` give one page of them; with ``mine``, only those owed by that trust person."""
    _, end = day_bounds(now.date())
    condition = Callback.done_at.is_null() & (Callback.due_at < end)
    if mine is not None:
        condition &= owed_by(mine)
    query = _query().where(condition).order_by(Callback.due_at, Callback.id)
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return tuple(_line(c, now) for c in query)
