"""Contacts: log what happened today in a few keys, edit it later, delete it with undo."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time

from tp_tui.clock import Clock
from tp_tui.dates import DateParseError, parse_datetime
from tp_tui.db import write
from tp_tui.domain import (
    Arena,
    ContactKind,
    ContactOutcome,
    Destination,
    LifeArea,
    areas_to_mask,
    mask_to_areas,
)
from tp_tui.models import Contact, Participant, db
from tp_tui.services.conflicts import ChangedSince, Opened, check_on_top, check_version
from tp_tui.services.history import insert_record, record_revision, revised, snapshot
from tp_tui.services.team import current_trust_person_id
from tp_tui.services.validation import FieldError, ValidationFailed
from tp_tui.settings import Settings

MAX_MINUTES = 24 * 60
WORKDAY_START = time(8, 0)

# The arena a kind of contact almost always has, so the form can fill it in.
DEFAULT_ARENA: dict[str, str] = {
    ContactKind.PHONE: Arena.PHONE,
    ContactKind.SMS: Arena.PHONE,
    ContactKind.HOME_VISIT: Arena.HOME,
    ContactKind.MEETING_PLACE: Arena.MEETING_PLACE,
}


@dataclass(frozen=True)
class ContactInput:
    """A contact as typed in the form or on the command line."""

    participant_id: int | None
    when: str
    kind: str = ContactKind.CONVERSATION.value
    arena: str = ""
    destination: str = ""
    destination_note: str = ""
    duration: str = ""
    life_areas: tuple[LifeArea, ...] = ()
    outcome: str = ContactOutcome.REACHED.value
    note: str = ""
    round_visit_id: int | None = None  # met during a meeting-place round


@dataclass(frozen=True)
class CleanContact:
    participant_id: int
    at: datetime
    kind: str
    arena: str | None
    destination: str | None
    destination_note: str
    duration_minutes: int | None
    life_areas: int
    outcome: str
    note: str
    round_visit_id: int | None = None


# ASCII digits only, as for dates: int() would read "١٢" (Arabic-Indic) as 12.
_DURATION = re.compile(
    r"^(?:(\d{1,2})[:.](\d{2})|(\d{1,4}(?:[.,]\d{1,6})?)\s*(t|h|min|m)?)$", re.ASCII
)


def parse_duration(text: str) -> int | None:
    """Minutes from "45", "45 min", "1t", "1,5 t", "1:30"; None when empty."""
    cleaned = text.strip().casefold().replace("timer", "t").replace("time", "t")
    if not cleaned:
        return None
    match = _DURATION.match(cleaned)
    if not match:
        raise ValueError(text)
    if match.group(1) is not None:
        minutes = int(match.group(1)) * 60 + int(match.group(2))
    else:
        amount = float(match.group(3).replace(",", "."))
        minutes = round(amount * 60) if match.group(4) in ("t", "h") else round(amount)
    if not 0 < minutes <= MAX_MINUTES:
        raise ValueError(text)
    return minutes


def is_after_hours(moment: datetime, settings: Settings) -> bool:
    """Evenings, nights and weekends: the model's promise reaches there only when it must."""
    local = moment.timetz().replace(tzinfo=None)
    return moment.weekday() >= 5 or local < WORKDAY_START or local >= settings.workday_end_time


# The codes each field accepts, made once (not on every save).
_KINDS = frozenset(member.value for member in ContactKind)
_ARENAS = frozenset(member.value for member in Arena)
_DESTINATIONS = frozenset(member.value for member in Destination)
_OUTCOMES = frozenset(member.value for member in ContactOutcome)


def _participant_exists(participant_id: int) -> bool:
    # A primary-key lookup; written out, as peewee's query building would cost more than it.
    mark = db.param
    table = Participant._meta.table_name
    sql = f'SELECT 1 FROM "{table}" WHERE "id" = {mark} LIMIT 1'
    return db.execute_sql(sql, (participant_id,)).fetchone() is not None


def validate_contact(data: ContactInput, now: datetime) -> CleanContact:
    """Check every field at once and return what will be stored."""
    errors: dict[str, FieldError] = {}
    if data.participant_id is None or not _participant_exists(data.participant_id):
        errors["participant"] = FieldError("contact.error.participant")
    at = now
    try:
        at = parse_datetime(data.when, now, "past")
        if at.date() > now.date():
            errors["when"] = FieldError("contact.error.future")
    except DateParseError as error:
        errors["when"] = FieldError(error.key, dict(error.params))
    if data.kind not in _KINDS:
        errors["kind"] = FieldError("contact.error.kind", {"value": data.kind})
    arena = data.arena or DEFAULT_ARENA.get(data.kind, "")
    if arena and arena not in _ARENAS:
        errors["arena"] = FieldError("contact.error.arena", {"value": arena})
    destination = data.destination or None
    if data.kind == ContactKind.ACCOMPANIMENT and destination is None:
        errors["destination"] = FieldError("contact.error.destination_needed")
    if destination is not None and destination not in _DESTINATIONS:
        errors["destination"] = FieldError("contact.error.destination", {"value": destination})
    duration = None
    try:
        duration = parse_duration(data.duration)
    except ValueError:
        errors["duration"] = FieldError("contact.error.duration", {"max": MAX_MINUTES})
    if data.outcome not in _OUTCOMES:
        errors["outcome"] = FieldError("contact.error.outcome", {"value": data.outcome})
    if errors:
        raise ValidationFailed(errors)
    assert data.participant_id is not None
    return CleanContact(
        participant_id=data.participant_id,
        at=at,
        kind=data.kind,
        arena=arena or None,
        destination=destination if data.kind == ContactKind.ACCOMPANIMENT else None,
        destination_note=data.destination_note.strip(),
        duration_minutes=duration,
        life_areas=areas_to_mask(data.life_areas),
        outcome=data.outcome,
        note=data.note.rstrip(),
        round_visit_id=data.round_visit_id,
    )


def _apply(contact: Contact, clean: CleanContact, settings: Settings) -> None:
    contact.participant_id = clean.participant_id
    contact.round_visit_id = clean.round_visit_id
    contact.at = clean.at
    contact.kind = clean.kind
    contact.arena = clean.arena
    contact.destination = clean.destination
    contact.destination_note = clean.destination_note
    contact.duration_minutes = clean.duration_minutes
    contact.life_areas = clean.life_areas
    contact.outcome = clean.outcome
    contact.note = clean.note
    contact.after_hours = is_after_hours(clean.at, settings)


def log_contact(data: ContactInput, clock: Clock, settings: Settings | None = None) -> Contact:
    """Validate and save a new contact in one committed transaction."""
    now = clock.now()
    clean = validate_contact(data, now)
    logged_by = current_trust_person_id(clock)
    with write():
        contact = Contact(created_at=now, updated_at=now, logged_by=logged_by)
        _apply(contact, clean, settings or Settings())
        insert_record(contact)
        record_revision(contact, "create", now, clean.participant_id)
    return contact


ContactChangedElsewhere = ChangedSince
"""The contact was saved by someone else after it was opened; nothing was overwritten."""

# The fields the contact form shows, as compared when a save meets someone else's.
FORM_FIELDS = (
    "participant", "at", "kind", "arena", "destination", "destination_note", "duration_minutes",
    "life_areas", "outcome", "note",
)  # fmt: skip


def update_contact(
    contact_id: int,
    data: ContactInput,
    clock: Clock,
    expected_version: int | None = None,
    settings: Settings | None = None,
    opened: Opened[ContactInput] | None = None,
) -> Contact:
    """Save an edit; the earlier state is kept as a revision.

    ``expected_version`` is the version the save goes on top of (:class:`ChangedSince` when the
    stored one moved on). With ``opened`` (what the form showed when it opened), a save on top of
    someone else's writes only the fields changed in the form; the others keep what is stored.
    """
    now = clock.now()
    clean = validate_contact(data, now)  # the user's own slips first, before the write lock
    with write():
        contact = Contact.get_by_id(contact_id)
        check_version(contact, expected_version, FORM_FIELDS)
        merged = check_on_top(
            contact,
            data,
            opened,
            contact_as_input,
            lambda merged_data: validate_contact(merged_data, now),
            FORM_FIELDS,
        )
        if merged is not None:
            clean = merged
        with revised(contact, now, clean.participant_id):
            _apply(contact, clean, settings or Settings())
    return contact


def delete_contact(contact_id: int, clock: Clock) -> Contact:
    """Delete a contact; the whole row is kept as a revision so the delete can be undone.

    Returns the deleted row (no longer stored), so the message can say what went.
    """
    now = clock.now()
    with write():
        contact = Contact.get_by_id(contact_id)
        before = snapshot(contact)
        participant_id = contact.participant_id
        record_revision(contact, "delete", now, participant_id, before)
        contact.delete_instance()
    return contact


def contact_input(contact_id: int) -> tuple[ContactInput, int] | None:
    """A stored contact as the form shows it, with its version for a safe save."""
    contact = Contact.get_or_none(Contact.id == contact_id)
    if contact is None:
        return None
    return contact_as_input(contact), int(contact.version)


def contact_as_input(contact: Contact) -> ContactInput:
    """A stored contact as the form shows it."""
    return ContactInput(
        participant_id=contact.participant_id,
        when=contact.at.strftime("%d.%m.%Y %H:%M"),
        kind=contact.kind,
        arena=contact.arena or "",
        destination=contact.destination or "",
        destination_note=contact.destination_note,
        duration=str(contact.duration_minutes) if contact.duration_minutes else "",
        life_areas=tuple(mask_to_areas(contact.life_areas)),
        outcome=contact.outcome,
        note=contact.note,
        round_visit_id=contact.round_visit_id,
    )
