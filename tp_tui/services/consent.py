"""The consent register: what each participant agreed may be shared, with whom, until when.

A consent is one purpose (a :class:`ConsentScope`) given to one recipient (the responsibility
group, or a named service) on a day; it may end on a day, and can be withdrawn. Nothing is
overwritten: withdrawing stamps the day on the row, renewing adds a new row, so the history of
what was agreed stays readable. Every export asks :func:`in_force_on` on the day it is made.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from tp_tui.clock import Clock
from tp_tui.dates import DateParseError, parse_date
from tp_tui.db import write
from tp_tui.domain import ConsentHow, ConsentScope, ParticipantStatus, Stage
from tp_tui.models import ConsentGrant, Participant
from tp_tui.services.conflicts import check_version
from tp_tui.services.history import name_change, record_revision, snapshot
from tp_tui.services.validation import FieldError, ValidationFailed

GROUP = "group"  # the responsibility group; any other recipient is a named service
CHECKLIST_ITEM = "consent_recorded"
SCOPE_ORDER = {scope.value: n for n, scope in enumerate(ConsentScope)}
FIELDS = ("scope", "recipient", "given_on", "expires_on", "withdrawn_on", "given_how", "note")


@dataclass(frozen=True)
class ConsentInput:
    """A consent as typed: dates as text ("i dag", "31.12.2026"); recipient empty: the group."""

    scope: str
    recipient: str = ""
    given_on: str = ""
    expires_on: str = ""
    given_how: str = ""
    note: str = ""


@dataclass(frozen=True)
class ConsentLine:
    """One row of the register and where it stands on the day asked about.

    ``state``: in_force, expired, withdrawn or not_yet (given from a later day)."""

    id: int
    scope: str
    recipient: str
    given_on: date
    expires_on: date | None
    withdrawn_on: date | None
    given_how: str
    note: str
    state: str
    version: int


@dataclass(frozen=True)
class Expiring:
    """A consent in force that ends soon: Today shows it so it is renewed in time."""

    participant_id: int
    name: str
    scope: str
    recipient: str
    expires_on: date


def state_on(grant: ConsentGrant, day: date) -> str:
    if grant.withdrawn_on is not None and grant.withdrawn_on <= day:
        return "withdrawn"
    if grant.given_on > day:
        return "not_yet"
    if grant.expires_on is not None and grant.expires_on < day:
        return "expired"
    return "in_force"


def _line(grant: ConsentGrant, day: date) -> ConsentLine:
    return ConsentLine(
        int(grant.id), grant.scope, grant.recipient, grant.given_on, grant.expires_on,
        grant.withdrawn_on, grant.given_how, grant.note, state_on(grant, day), int(grant.version),
    )  # fmt: skip


def consent_register(participant_id: int, day: date) -> list[ConsentLine]:
    """Every consent the participant gave, the ones in force first, then newest first."""
    grants = ConsentGrant.select().where(ConsentGrant.participant == participant_id)
    lines = [_line(g, day) for g in grants.order_by(ConsentGrant.given_on.desc(), ConsentGrant.id)]
    return sorted(lines, key=lambda line: line.state != "in_force")


def _for(participant_id: int, recipient: str) -> list[ConsentGrant]:
    return list(
        ConsentGrant.select().where(
            (ConsentGrant.participant == participant_id) & (ConsentGrant.recipient == recipient)
        )
    )


def in_force_on(participant_id: int, day: date, recipient: str = GROUP) -> set[str]:
    """The purposes shared with ``recipient`` on ``day``."""
    return {g.scope for g in _for(participant_id, recipient) if state_on(g, day) == "in_force"}


def lapsed_on(
    participant_id: int, day: date, recipient: str = GROUP
) -> dict[str, tuple[str, date]]:
    """Purposes once shared with ``recipient`` and not on ``day``: why, and the day withdrawn
    or the last day it held (expired), by the latest among them."""
    grants = _for(participant_id, recipient)
    shared = {g.scope for g in grants if state_on(g, day) == "in_force"}
    lapsed: dict[str, tuple[str, date]] = {}
    for grant in grants:
        state = state_on(grant, day)
        if grant.scope in shared or state not in ("withdrawn", "expired"):
            continue
        # The day withdrawn, or the last day it held.
        ended = grant.withdrawn_on if state == "withdrawn" else grant.expires_on
        if ended is None:
            continue
        if grant.scope not in lapsed or lapsed[grant.scope][1] < ended:
            lapsed[grant.scope] = (state, ended)
    return lapsed


def _checked(data: ConsentInput, today: date) -> tuple[str, str, date, date | None, str, str]:
    errors: dict[str, FieldError] = {}
    scopes = {s.value for s in ConsentScope}
    if data.scope not in scopes:
        errors["scope"] = FieldError(
            "consent.error.scope", {"value": data.scope, "choices": ", ".join(sorted(scopes))}
        )
    how = data.given_how.strip()
    if how and how not in {h.value for h in ConsentHow}:
        errors["given_how"] = FieldError("consent.error.how", {"value": how})
    given, until = today, None
    try:
        if data.given_on.strip():
            given = parse_date(data.given_on, today, "past")
    except DateParseError as error:
        errors["given_on"] = FieldError(error.key, error.params)
    try:
        if data.expires_on.strip():
            until = parse_date(data.expires_on, today, "future")
    except DateParseError as error:
        errors["expires_on"] = FieldError(error.key, error.params)
    if "given_on" not in errors and given > today:
        errors["given_on"] = FieldError("consent.error.given_later")
    if until is not None and "expires_on" not in errors and until < max(given, today):
        errors["expires_on"] = FieldError("consent.error.ends_before")
    if errors:
        raise ValidationFailed(errors)
    recipient = " ".join(data.recipient.split()) or GROUP
    return data.scope, recipient, given, until, how, data.note.strip()


def record_consent(participant_id: int, data: ConsentInput, clock: Clock) -> ConsentGrant:
    """Add a consent (a renewal is a new one; the old row stays as history). Stage 1's
    checklist item "consent recorded" ticks itself in the same change, undone with it."""
    from tp_tui.services.process import checklist_done, tick

    scope, recipient, given, until, how, note = _checked(data, clock.today())
    now = clock.now()
    with write():
        name_change("consent.record")
        grant = ConsentGrant.create(
            participant=participant_id, scope=scope, recipient=recipient, given_on=given,
            expires_on=until, given_how=how, note=note,
        )  # fmt: skip
        record_revision(grant, "create", now, participant_id)
        if CHECKLIST_ITEM not in checklist_done(participant_id):
            tick(participant_id, Stage.ESTABLISH, CHECKLIST_ITEM, True, clock)
    return grant


def withdraw_consent(
    grant_id: int, clock: Clock, on_text: str = "", expected_version: int | None = None
) -> ConsentGrant:
    """Stamp the day the participant took the consent back (today unless ``on_text`` says);
    the row stays, so the register still shows what was agreed and when it ended."""
    today = clock.today()
    try:
        on = parse_date(on_text, today, "past") if on_text.strip() else today
    except DateParseError as error:
        raise ValidationFailed({"withdrawn_on": FieldError(error.key, error.params)}) from None
    now = clock.now()
    with write():
        grant = ConsentGrant.get_by_id(grant_id)
        check_version(grant, expected_version, FIELDS)
        if grant.withdrawn_on is not None:
            raise ValidationFailed({"withdrawn_on": FieldError("consent.error.already_withdrawn")})
        if on < grant.given_on or on > today:
            raise ValidationFailed({"withdrawn_on": FieldError("consent.error.withdrawn_day")})
        name_change("consent.withdraw")
        before = snapshot(grant)
        grant.withdrawn_on = on
        grant.version += 1
        grant.save()
        record_revision(grant, "update", now, grant.participant_id, before)
    return grant


def in_force_grants(participant_id: int, scope: str, recipient: str, day: date) -> list[int]:
    """The ids of the consents for ``scope`` to ``recipient`` in force on ``day``."""
    return [
        int(g.id)
        for g in _for(participant_id, recipient)
        if g.scope == scope and state_on(g, day) == "in_force"
    ]


def expiring_soon(today: date, days: int, responsible: int | None = None) -> list[Expiring]:
    """Consents in force that end within ``days`` (none renewed to last longer), soonest first;
    of the participants the programme works with (``responsible``: of that trust person)."""
    if days <= 0:
        return []
    working = (ParticipantStatus.ACTIVE.value, ParticipantStatus.PAUSED.value)
    # "+ 0" keeps SQLite from walking every working participant's consents (its guess without
    # statistics): the few that end in the window are found by their end date instead.
    by_end = (ConsentGrant.participant + 0) == Participant.id
    query = (
        ConsentGrant.select(ConsentGrant, Participant)
        .join(Participant, on=by_end)
        .where(
            ConsentGrant.expires_on.between(today, today + timedelta(days))
            & ConsentGrant.withdrawn_on.is_null()
            & (ConsentGrant.given_on <= today)
            & Participant.status.in_(working)
            & Participant.archived_at.is_null()
        )
    )
    if responsible is not None:
        query = query.where(Participant.responsible == responsible)
    found: list[Expiring] = []
    for grant in query.order_by(ConsentGrant.expires_on, ConsentGrant.id):
        ends: date = grant.expires_on  # type: ignore[assignment]  # the query keeps only set ones
        renewed = any(
            other.id != grant.id and state_on(other, today) == "in_force"
            and (other.expires_on is None or other.expires_on > ends)
            for other in _for(grant.participant_id, grant.recipient) if other.scope == grant.scope
        )  # fmt: skip
        if not renewed:
            found.append(
                Expiring(grant.participant_id, grant.participant.name, grant.scope,
                         grant.recipient, ends)  # fmt: skip
            )
    return found
