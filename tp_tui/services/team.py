"""The team on one database: who I am, who is at work today, who is responsible for whom.

Who am I: the login name (``TP_TUI_USER``, else the operating-system user name) finds the
trust person with that ``login``. On a single-user file made before the team columns, the first
trust person without a login is claimed; otherwise one is made on first use. A shared server
passes the login it knows to :func:`current_trust_person`.

Who is at work today: colleagues who have saved a contact, a call or a round today (each save
marks its trust person present, once a day). When no colleague has yet, every active colleague
is offered: a call is never stuck because nobody has logged anything so far today.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from datetime import date
from weakref import WeakKeyDictionary

from tp_tui.clock import Clock
from tp_tui.db import write
from tp_tui.folding import initials
from tp_tui.models import TrustPerson, db

LOGIN_VARIABLE = "TP_TUI_USER"


@dataclass(frozen=True)
class Colleague:
    id: int
    name: str
    initials: str
    present_today: bool


def login_name() -> str:
    """The login the current trust person is found by."""
    chosen = os.environ.get(LOGIN_VARIABLE, "").strip()
    if chosen:
        return chosen
    try:
        return getpass.getuser() or "tp"
    except (KeyError, OSError):  # no user name in a bare container
        return "tp"


def find_trust_person(login: str) -> TrustPerson | None:
    """The trust person with this login, or the one without a login (a file from before the
    team columns, or the demo's). With several without a login nobody is guessed: a shared
    database maps its logins (``trust_person.login``) before people start."""
    person = TrustPerson.get_or_none(TrustPerson.login == login)
    if person is None:
        unclaimed = list(
            TrustPerson.select()
            .where((TrustPerson.login == "") & TrustPerson.active)
            .order_by(TrustPerson.id)
            .limit(2)
        )
        person = unclaimed[0] if len(unclaimed) == 1 else None
    return person


def current_trust_person(
    clock: Clock, login: str | None = None, mark_present: bool = False
) -> TrustPerson:
    """The trust person using the app, made on first use; ``mark_present`` notes "at work
    today" (once a day, so opening the app does not write every time)."""
    login = login or login_name()
    now = clock.now()
    person = find_trust_person(login)
    already_present = not mark_present or person is None or person.present_on == now.date()
    if person is not None and person.login and already_present:
        return person
    with write():
        if person is None:
            person = TrustPerson.create(
                name=login, initials=initials(login).upper(), login=login, created_at=now
            )
        elif not person.login:
            person.login = login
        if mark_present:
            person.present_on = now.date()
        person.save()
    return person


# database -> login -> (trust person id, the day marked present). Every save asks who is saving;
# the answer holds for the day, so it is looked up once a day. Weak keys: a closed database's
# answers go with it, and a new database never sees an old one's ids.
_saving_as: WeakKeyDictionary[object, dict[str, tuple[int, date]]] = WeakKeyDictionary()


def current_trust_person_id(clock: Clock) -> int:
    """The id that contacts, callbacks and rounds are recorded with (``logged_by``); saving
    also marks the trust person at work today."""
    login, today = login_name(), clock.now().date()
    answers = _saving_as.setdefault(db.obj, {})
    known = answers.get(login)
    if known is not None and known[1] == today:
        return known[0]
    person_id = int(current_trust_person(clock, mark_present=True).id)
    answers[login] = (person_id, today)
    return person_id


def my_id() -> int | None:
    """The current trust person's id without writing anything (None before the first save):
    what the screens read to show "mine"."""
    person = find_trust_person(login_name())
    return int(person.id) if person is not None else None


def colleagues(me: int, today: date) -> tuple[Colleague, ...]:
    """Every active trust person but me, by name."""
    query = (
        TrustPerson.select()
        .where(TrustPerson.active & (TrustPerson.id != me))
        .order_by(TrustPerson.name, TrustPerson.id)
    )
    return tuple(Colleague(p.id, p.name, p.initials, p.present_on == today) for p in query)


def at_work_today(me: int, today: date) -> tuple[Colleague, ...]:
    """The colleagues a call can be handed to today (see the module for the rule)."""
    everyone = colleagues(me, today)
    present = tuple(c for c in everyone if c.present_today)
    return present or everyone


def is_single_user() -> bool:
    """One trust person on this file: "mine" and "the team's" are the same."""
    return TrustPerson.select().where(TrustPerson.active).count() <= 1


def initials_by_id() -> dict[int, str]:
    """Every trust person's initials (a team is a handful), to mark calls handed over."""
    return {
        p.id: p.initials or p.name
        for p in TrustPerson.select(TrustPerson.id, TrustPerson.initials, TrustPerson.name)
    }


def trust_person_name(person_id: int | None) -> str:
    if person_id is None:
        return ""
    person = TrustPerson.get_or_none(TrustPerson.id == person_id)
    return str(person.name) if person is not None else ""


def presence_chosen(login: str, person_id: int, today: date) -> None:
    """I said myself whether I am at work today: saves for the rest of the day in this copy
    leave that as it is (see :func:`current_trust_person_id`)."""
    _saving_as.setdefault(db.obj, {})[login] = (person_id, today)
