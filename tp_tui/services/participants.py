"""Participants: validate what was typed, add, edit, archive, search and list."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import cast

from peewee import ModelSelect, Tuple, fn

from tp_tui.clock import Clock
from tp_tui.dates import DateParseError, parse_date
from tp_tui.db import write
from tp_tui.domain import ParticipantStatus, ReferralSource, Stage
from tp_tui.folding import fold, initials, search_text, sort_key
from tp_tui.models import AuditEvent, Contact, Participant, StageRecord
from tp_tui.phone import PhoneError, format_phone, normalize_phone, phone_digits
from tp_tui.services.conflicts import ChangedSince, Opened, check_on_top, check_version
from tp_tui.services.history import record_revision, revised
from tp_tui.services.team import current_trust_person_id
from tp_tui.services.validation import FieldError, ValidationFailed
from tp_tui.text import clean

NAME_MAX = 120
# Everyone but the closed: the people a contact can be logged for without reopening first.
OPEN_STATUSES = tuple(s.value for s in ParticipantStatus if s != ParticipantStatus.CLOSED)


@dataclass(frozen=True)
class ParticipantInput:
    """A participant as typed in the form or on the command line."""

    name: str
    phone: str = ""
    intake: str = ""
    referral_source: str = ""
    status: str = ParticipantStatus.ACTIVE.value
    about: str = ""
    first_contact: str = ""


@dataclass(frozen=True)
class CleanParticipant:
    name: str
    phone: str | None
    intake_on: date | None
    referral_source: str | None
    status: str
    about: str
    first_contact_on: date | None = None


@dataclass(frozen=True)
class ParticipantRow:
    id: int
    name: str
    phone: str | None
    status: str
    stage: Stage | None
    intake_on: date | None
    last_contact: datetime | None
    archived: bool
    sort_key: str = ""
    """Where the row sorts (Norwegian order); the next page starts after it."""


def check_name(text: str) -> FieldError | None:
    name = clean(text).strip()  # a name of escape codes alone is no name
    if not name:
        return FieldError("participant.error.name_required")
    if len(name) > NAME_MAX:
        return FieldError("participant.error.name_too_long", {"max": NAME_MAX})
    return None


# "+47 912 34 567", "31.02.2026", "12/3": typed in the name field by mistake, most likely.
_PHONE_LIKE = re.compile(r"^\+?[\d\s().-]{5,}$")
_DATE_LIKE = re.compile(r"^\d{1,4}([./-]\d{1,2}){1,2}([./-]\d{2,4})?$")


def name_looks_like(text: str) -> str | None:
    """"phone" or "date" when the name looks like one, rather than a name (then the form
    asks and the command line wants ``--yes``); None for a name."""
    name = clean(text).strip()
    if _DATE_LIKE.match(name):
        return "date"
    if _PHONE_LIKE.match(name) and sum(ch.isdigit() for ch in name) >= 5:
        return "phone"
    return None


def check_phone(text: str) -> tuple[str | None, FieldError | None]:
    try:
        return normalize_phone(text), None
    except PhoneError as error:
        return None, FieldError(error.key, dict(error.params))


def check_intake(text: str, today: date) -> tuple[date | None, FieldError | None]:
    if not text.strip():
        return None, None
    try:
        return parse_date(text, today, "nearest"), None
    except DateParseError as error:
        return None, FieldError(error.key, dict(error.params))


def validate(data: ParticipantInput, today: date) -> CleanParticipant:
    """Check every field at once, so the user sees all that is wrong in one go."""
    errors: dict[str, FieldError] = {}
    name_error = check_name(data.name)
    if name_error:
        errors["name"] = name_error
    phone, phone_error = check_phone(data.phone)
    if phone_error:
        errors["phone"] = phone_error
    intake_on, intake_error = check_intake(data.intake, today)
    if intake_error:
        errors["intake"] = intake_error
    first_contact_on, first_error = check_intake(data.first_contact, today)
    if first_error:
        errors["first_contact"] = first_error
    elif first_contact_on and intake_on and first_contact_on > intake_on:
        # First met, then cooperation established: the other way round is a typing slip.
        errors["first_contact"] = FieldError("participant.error.first_after_intake")
    referral = data.referral_source.strip() or None
    if referral is not None and referral not in {r.value for r in ReferralSource}:
        errors["referral_source"] = FieldError("participant.error.referral", {"value": referral})
    if data.status not in {s.value for s in ParticipantStatus}:
        errors["status"] = FieldError("participant.error.status", {"value": data.status})
    if errors:
        raise ValidationFailed(errors)
    return CleanParticipant(
        name=clean(data.name).strip(),
        phone=phone,
        intake_on=intake_on,
        referral_source=referral,
        status=data.status,
        about=data.about,
        first_contact_on=first_contact_on,
    )


def _apply(participant: Participant, clean: CleanParticipant) -> None:
    participant.name = clean.name
    participant.phone = clean.phone
    participant.intake_on = clean.intake_on
    participant.referral_source = clean.referral_source
    participant.status = clean.status
    participant.about = clean.about
    participant.first_contact_on = clean.first_contact_on
    if clean.status != ParticipantStatus.PROSPECTIVE.value:
        participant.name_is_nickname = False  # a guest who joins gives their name
    participant.search_text = search_text(clean.name, phone_digits(clean.phone))
    participant.sort_key = sort_key(clean.name)


def _next_id() -> int:
    """A number never used before, also by someone since erased.

    SQLite would hand out the highest number again after the newest participant is erased, and
    the audit trail, which keeps erased numbers, would then seem to speak of the new person.
    """
    used = Participant.select(fn.MAX(Participant.id)).scalar() or 0
    audited = AuditEvent.select(fn.MAX(AuditEvent.participant_id)).scalar() or 0
    return int(max(used, audited)) + 1


def add_participant(data: ParticipantInput, clock: Clock) -> Participant:
    """Validate and save a new participant; the process starts at stage 1 on the intake date."""
    now = clock.now()
    clean = validate(data, now.date())
    # Whoever adds the participant is responsible until a handover.
    responsible = current_trust_person_id(clock)
    with write():
        participant = Participant(
            id=_next_id(), created_at=now, updated_at=now, responsible=responsible
        )
        _apply(participant, clean)
        participant.save(force_insert=True)
        record_revision(participant, "create", now, participant.id)
        if clean.status != ParticipantStatus.PROSPECTIVE.value:
            stage = StageRecord.create(
                participant=participant,
                stage=int(Stage.ESTABLISH),
                entered_on=clean.intake_on or now.date(),
                recorded_at=now,
            )
            record_revision(stage, "create", now, participant.id)
    return participant


ChangedElsewhere = ChangedSince
"""Someone saved this participant after it was opened; nothing was overwritten."""

# The fields the participant form shows, as compared when a save meets someone else's.
FORM_FIELDS = (
    "name", "phone", "intake_on", "first_contact_on", "referral_source", "status", "about",
    "responsible",
)  # fmt: skip


def participant_input(participant: Participant) -> ParticipantInput:
    """A stored participant as the edit form shows it."""
    return ParticipantInput(
        name=participant.name,
        phone=format_phone(participant.phone),
        intake=participant.intake_on.strftime("%d.%m.%Y") if participant.intake_on else "",
        referral_source=participant.referral_source or "",
        status=participant.status,
        about=participant.about,
        first_contact=(
            participant.first_contact_on.strftime("%d.%m.%Y")
            if participant.first_contact_on
            else ""
        ),
    )


def update_participant(
    participant_id: int,
    data: ParticipantInput,
    clock: Clock,
    expected_version: int | None = None,
    opened: Opened[ParticipantInput] | None = None,
) -> Participant:
    """Save an edit, keeping the previous state as a revision.

    ``expected_version`` is the version the save goes on top of (:class:`ChangedSince` when the
    stored one moved on). With ``opened`` (what the form showed when it opened), a save on top of
    someone else's writes only the fields changed in the form; the others keep what is stored.
    """
    now = clock.now()
    today = now.date()
    clean = validate(data, today)  # the user's own slips first, before the write lock
    with write():
        participant = Participant.get_by_id(participant_id)
        check_version(participant, expected_version, FORM_FIELDS)
        merged = check_on_top(
            participant,
            data,
            opened,
            participant_input,
            lambda merged_data: validate(merged_data, today),
            FORM_FIELDS,
        )
        if merged is not None:
            clean = merged
        with revised(participant, now, participant.id):
            _apply(participant, clean)
    return participant


def set_archived(participant_id: int, archived: bool, clock: Clock) -> Participant:
    """Archive (hide from the daily lists) or bring back; nothing is deleted."""
    now = clock.now()
    with write():
        participant = Participant.get_by_id(participant_id)
        with revised(participant, now, participant.id, "archive" if archived else "unarchive"):
            participant.archived_at = now if archived else None
    return participant


def get_participant(participant_id: int) -> Participant | None:
    return Participant.get_or_none(Participant.id == participant_id)


def stored_participant_input(participant_id: int) -> tuple[ParticipantInput, int] | None:
    """A stored participant as the edit form shows it, with its version for a safe save."""
    participant = get_participant(participant_id)
    if participant is None:
        return None
    return participant_input(participant), int(participant.version)


def participant_name(participant_id: int) -> str:
    """The participant's name as stored, "" when there is none by that id."""
    participant = get_participant(participant_id)
    return str(participant.name) if participant is not None else ""


def _matching(query: str) -> list[str]:
    """Search words: every word must match somewhere (name, initials or phone)."""
    words = fold(query).split()
    digits = "".join(ch for ch in query if ch.isdigit())
    if digits and len(digits) == len(query.replace(" ", "").replace("+", "")):
        # A phone number typed with spaces is one search term.
        return [digits[-8:]]
    return words


def _filtered(
    select: ModelSelect[Participant], query: str, include_archived: bool
) -> ModelSelect[Participant]:
    if not include_archived:
        select = select.where(Participant.archived_at.is_null())
    for word in _matching(query):
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        select = select.where(Participant.search_text.contains(escaped))
    return select


def list_participants(
    query: str = "",
    include_archived: bool = False,
    limit: int = 200,
    offset: int = 0,
    after: tuple[str, int] | None = None,
) -> list[ParticipantRow]:
    """Participants in Norwegian alphabetical order, filtered by what was typed.

    One page of ``limit`` rows. The next page starts ``after`` the last row shown (its
    ``(sort_key, id)``): the index on (archived_at, sort_key, id) gives the rows in order from
    there, so a page costs the same however far down the list it is. ``offset`` skips rows.
    """
    select = _filtered(
        Participant.select(
            Participant.id,
            Participant.name,
            Participant.phone,
            Participant.status,
            Participant.intake_on,
            Participant.archived_at,
            Participant.sort_key,
        ),
        query,
        include_archived,
    )
    if after is not None:
        select = select.where(Tuple(Participant.sort_key, Participant.id) > Tuple(*after))
    select = select.order_by(Participant.sort_key, Participant.id).limit(limit).offset(offset)
    participants = list(select)
    ids = [p.id for p in participants]
    stages = current_stages(ids)
    last = last_contacts(ids)
    return [
        ParticipantRow(
            id=p.id,
            name=p.name,
            phone=p.phone,
            status=p.status,
            stage=stages.get(p.id),
            intake_on=p.intake_on,
            last_contact=last.get(p.id),
            archived=p.archived_at is not None,
            sort_key=p.sort_key,
        )
        for p in participants
    ]


def count_participants(query: str = "", include_archived: bool = False) -> int:
    """How many :func:`list_participants` finds in all (it gives them page by page)."""
    return int(_filtered(Participant.select(Participant.id), query, include_archived).count())


def current_stages(participant_ids: list[int]) -> dict[int, Stage]:
    """Each participant's stage now: the last stage entered in the latest period."""
    if not participant_ids:
        return {}
    records = cast(
        Iterable[tuple[int, int]],
        StageRecord.select(StageRecord.participant, StageRecord.stage)
        .where(StageRecord.participant.in_(participant_ids))
        .order_by(
            StageRecord.participant, StageRecord.period, StageRecord.entered_on, StageRecord.id
        )
        .tuples(),
    )
    return {participant_id: Stage(stage) for participant_id, stage in records}


def last_contacts(participant_ids: list[int]) -> dict[int, datetime]:
    if not participant_ids:
        return {}
    rows = cast(
        Iterable[tuple[int, str | None]],
        Contact.select(Contact.participant, fn.MAX(Contact.at))
        .where(Contact.participant.in_(participant_ids))
        .group_by(Contact.participant)
        .tuples(),
    )
    return {pid: Contact.at.python_value(last) for pid, last in rows if last}


@dataclass(frozen=True)
class Match:
    """A participant found by typing part of a name or initials, best first."""

    id: int
    name: str
    phone: str | None
    status: str
    score: int


def _score(query: str, name: str, initials_: str) -> int:
    """How well ``query`` names this person: initials and word starts beat loose letters."""
    folded, words = fold(name), fold(name).split()
    if query == folded:
        return 100
    if query == initials_:
        return 90
    parts = query.split()
    if all(any(word.startswith(part) for word in words) for part in parts):
        return 80 if folded.startswith(parts[0]) else 70
    if query in folded:
        return 50
    if initials_.startswith(query.replace(" ", "")):
        return 45
    position = 0
    for char in query.replace(" ", ""):  # letters in order, e.g. "krnd" for Kari Nordmann
        position = folded.find(char, position) + 1
        if position == 0:
            return 0
    return 20


def find_participants(query: str, limit: int = 8, include_closed: bool = False) -> list[Match]:
    """Participants for a picker: fuzzy on name and initials, active people first."""
    wanted = fold(query)
    if not wanted:
        return []
    select = Participant.select(
        Participant.id, Participant.name, Participant.phone, Participant.status
    ).where(Participant.archived_at.is_null())
    if not include_closed:
        # Named, not "!= closed": only then can the (status, archived_at) index skip the many
        # closed participants of a file that has run for years.
        select = select.where(Participant.status.in_(OPEN_STATUSES))
    digits = "".join(ch for ch in query if ch.isdigit())
    if not digits and not any(ch in wanted for ch in "%_\\"):
        # Only people who can score: each typed word's letters in order somewhere in the name
        # or initials ("krnd" in "kari nordmann"). SQLite drops the others, so Python scores
        # the few that can match rather than everyone open.
        for part in wanted.split():
            select = select.where(Participant.search_text ** ("%" + "%".join(part) + "%"))
    matches = []
    for participant in select:
        score = _score(wanted, participant.name, initials(participant.name))
        if digits and len(digits) >= 3 and digits in phone_digits(participant.phone):
            score = max(score, 60)
        if score:
            active = participant.status == ParticipantStatus.ACTIVE.value
            matches.append(
                Match(
                    participant.id,
                    participant.name,
                    participant.phone,
                    participant.status,
                    score + (5 if active else 0),
                )
            )
    matches.sort(key=lambda m: (-m.score, sort_key(m.name)))
    return matches[:limit]


# A match this good (part of a word, the initials' start, and better) could be who was meant:
# two of them and nobody is picked. Loose letters in order ("krnd") are no rival.
RIVAL_SCORE = 45


def the_one_named(query: str, matches: Sequence[Match]) -> Match | None:
    """The participant ``query`` names beyond doubt: the only one with exactly that name, or
    else with exactly those initials, or else the only one it could be at all. Never the best
    of several ("siv" is Siv Rønning and Roy-Arne Sivertsen, "Ro" Roy-Arne and Ronny)."""
    wanted = fold(query)
    for same in (
        [m for m in matches if fold(m.name) == wanted],
        [m for m in matches if initials(m.name) == wanted.replace(" ", "")],
    ):
        if len(same) == 1:
            return same[0]
        if same:
            return None
    rivals = [match for match in matches if match.score >= RIVAL_SCORE]
    if len(rivals) == 1:
        return rivals[0]
    return matches[0] if len(matches) == 1 else None
