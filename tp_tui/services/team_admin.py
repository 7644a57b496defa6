"""Team settings: who I am, the colleagues, who has left, who is at work today.

Trust persons are never deleted: a colleague who leaves is made inactive, so their name still
shows on the contacts, calls and handovers they made, but they are no longer offered for a
handover or listed as at work today. A change to a trust person keeps its earlier state as a
revision (``entity = "trust_person"``), as edits of other records do.

Each function takes the login explicitly where it matters ("me"), so the command line, the
screen and the tests decide who is asking; :func:`tp_tui.services.team.login_name` is the usual
answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peewee import fn

from tp_tui.clock import Clock
from tp_tui.db import write
from tp_tui.folding import initials as initials_of
from tp_tui.i18n import t
from tp_tui.models import TrustPerson
from tp_tui.services.history import name_change, record_revision, snapshot
from tp_tui.services.team import current_trust_person, find_trust_person, presence_chosen
from tp_tui.services.validation import FieldError, ValidationFailed

NAME_MAX = 80
INITIALS_MAX = 4
LOGIN_MAX = 64


@dataclass(frozen=True)
class TeamMember:
    """One trust person as the team list shows them."""

    id: int
    name: str
    initials: str
    login: str
    active: bool
    present_today: bool
    is_me: bool


@dataclass(frozen=True)
class PersonInput:
    """A trust person as typed: empty initials are made from the name."""

    name: str
    initials: str = ""
    login: str = ""


@dataclass(frozen=True)
class Responsibilities:
    """What a trust person still has when they leave: participants they are responsible for
    (open, not archived) and calls they owe: handed to them, or logged by them and not handed
    on (:func:`tp_tui.services.handover.still_held_by`)."""

    participants: int
    callbacks: int

    def __bool__(self) -> bool:
        return bool(self.participants or self.callbacks)

    def describe(self) -> str:
        """ "ansvar for 4 deltakere og 2 tilbakeringinger å ta", naming only what there is."""
        parts = []
        if self.participants:
            parts.append(t("team_admin.left.participants", count=self.participants))
        if self.callbacks:
            parts.append(t("team_admin.left.callbacks", count=self.callbacks))
        return t("team_admin.left.and").join(parts)


def list_team(login: str, today: date) -> tuple[TeamMember, ...]:
    """Every trust person, active first, then by name; nothing is written."""
    me = find_trust_person(login)
    query = TrustPerson.select().order_by(
        TrustPerson.active.desc(), TrustPerson.name, TrustPerson.id
    )
    return tuple(
        TeamMember(
            id=int(p.id),
            name=p.name,
            initials=p.initials,
            login=p.login,
            active=bool(p.active),
            present_today=bool(p.active) and p.present_on == today,
            is_me=me is not None and p.id == me.id,
        )
        for p in query
    )


def find_by_login(login: str) -> TrustPerson | None:
    """The trust person with exactly this login, or (failing that) the only one whose login
    differs in case alone; None when nobody or several match."""
    login = login.strip()
    if not login:
        return None
    person = TrustPerson.get_or_none(TrustPerson.login == login)
    if person is not None:
        return person
    matches = list(TrustPerson.select().where(fn.LOWER(TrustPerson.login) == login.lower()))
    return matches[0] if len(matches) == 1 else None


def _clean(
    data: PersonInput, person_id: int | None, login_required: bool
) -> tuple[PersonInput, dict[str, FieldError]]:
    """What was typed, tidied (spaces collapsed, initials upper-cased), and what is wrong."""
    errors: dict[str, FieldError] = {}
    name = " ".join(data.name.split())
    if not name:
        errors["name"] = FieldError("team_admin.error.name_missing")
    elif len(name) > NAME_MAX:
        errors["name"] = FieldError("team_admin.error.name_too_long", {"max": NAME_MAX})
    initials = "".join(data.initials.split()).upper()
    if not initials and name:
        initials = "".join(c for c in initials_of(name) if c.isalpha()).upper()[:INITIALS_MAX]
    if not initials:
        if name:  # with no name, its message is enough
            errors["initials"] = FieldError("team_admin.error.initials")
    elif not initials.isalpha() or len(initials) > INITIALS_MAX:
        errors["initials"] = FieldError("team_admin.error.initials")
    login = data.login.strip()
    if not login:
        if login_required:
            errors["login"] = FieldError("team_admin.error.login_missing")
    elif any(char.isspace() for char in login):
        errors["login"] = FieldError("team_admin.error.login_spaces")
    elif len(login) > LOGIN_MAX or not login.isprintable():
        errors["login"] = FieldError("team_admin.error.login_invalid", {"max": LOGIN_MAX})
    else:
        taken = TrustPerson.select().where(fn.LOWER(TrustPerson.login) == login.lower())
        if person_id is not None:
            taken = taken.where(TrustPerson.id != person_id)
        other = taken.first()
        if other is not None:
            errors["login"] = FieldError(
                "team_admin.error.login_taken", {"login": login, "name": other.name}
            )
    return PersonInput(name, initials, login), errors


def add_colleague(data: PersonInput, clock: Clock) -> TrustPerson:
    """A colleague who can be handed participants and calls before they ever open the app;
    they are found by ``login`` when they do."""
    clean, errors = _clean(data, None, login_required=True)
    if errors:
        raise ValidationFailed(errors)
    now = clock.now()
    with write():
        # Checked again inside the transaction: another copy may have added the login meanwhile.
        _, errors = _clean(clean, None, login_required=True)
        if errors:
            raise ValidationFailed(errors)
        person = TrustPerson.create(
            name=clean.name, initials=clean.initials, login=clean.login, created_at=now
        )
        record_revision(person, "create", now, None)
    return person


def update_person(person_id: int, data: PersonInput, clock: Clock, my_login: str) -> TrustPerson:
    """Change a trust person's name, initials and login.

    My own login cannot be changed here: it is how the app finds me (``TP_TUI_USER`` or the
    operating-system user), and another would make the app take me for someone new.
    """
    person = TrustPerson.get_or_none(TrustPerson.id == person_id)
    if person is None:
        raise ValidationFailed({"person": FieldError("team_admin.error.gone")})
    me = find_trust_person(my_login)
    is_me = me is not None and me.id == person.id
    clean, errors = _clean(data, person_id, login_required=bool(person.login))
    if is_me and clean.login != person.login and clean.login != my_login:
        errors["login"] = FieldError("team_admin.error.own_login", {"login": my_login})
    if errors:
        raise ValidationFailed(errors)
    now = clock.now()
    with write():
        person = TrustPerson.get_by_id(person_id)
        before = snapshot(person)
        person.name, person.initials, person.login = clean.name, clean.initials, clean.login
        if person.__data__ != before:
            person.save()
            record_revision(person, "update", now, None, before)
    return person


def update_me(data: PersonInput, clock: Clock, my_login: str) -> TrustPerson:
    """Set my own name and initials (I am made first when I have not used the app yet)."""
    me = current_trust_person(clock, login=my_login)
    return update_person(
        int(me.id), PersonInput(data.name, data.initials, me.login), clock, my_login
    )


def responsibilities(person_id: int) -> Responsibilities:
    """What the trust person is still responsible for; see :class:`Responsibilities`."""
    from tp_tui.services.handover import still_held_by

    participants, callbacks = still_held_by(person_id)
    return Responsibilities(len(participants), len(callbacks))


def set_active(person_id: int, active: bool, clock: Clock, my_login: str) -> Responsibilities:
    """Make a trust person inactive (left the team) or active again.

    Nothing is moved: the answer says how many participants and calls the person still has,
    for the user to hand over. I cannot make myself inactive, and the last active trust person
    cannot be made inactive.
    """
    person = TrustPerson.get_or_none(TrustPerson.id == person_id)
    if person is None:
        raise ValidationFailed({"person": FieldError("team_admin.error.gone")})
    me = find_trust_person(my_login)
    if not active and me is not None and me.id == person.id:
        raise ValidationFailed({"active": FieldError("team_admin.error.self_inactive")})
    now = clock.now()
    with write():
        person = TrustPerson.get_by_id(person_id)
        if bool(person.active) != active:
            others = TrustPerson.select().where(TrustPerson.active & (TrustPerson.id != person.id))
            if not active and not others.exists():
                raise ValidationFailed({"active": FieldError("team_admin.error.last_active")})
            before = snapshot(person)
            person.active = active
            person.save()
            record_revision(person, "activate" if active else "deactivate", now, None, before)
    return responsibilities(person_id)


def set_present(present: bool, clock: Clock, my_login: str) -> TrustPerson:
    """Mark me at work today, or not, without saving anything else.

    "Not at work" holds for the rest of the day in this running copy; a save made from another
    copy of the app (or after a restart) marks me at work again, as any save does.
    """
    today = clock.today()
    me = current_trust_person(clock, login=my_login)
    with write():
        me = TrustPerson.get_by_id(me.id)
        before = snapshot(me)
        me.present_on = today if present else None
        me.save()
        # Chosen before the revision asks who is saving, which would mark me present again.
        presence_chosen(my_login, int(me.id), today)
        record_revision(me, "update", clock.now(), None, before)
        name_change("trust_person.present")
    return me
