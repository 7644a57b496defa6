"""A demo database full of fictional people, so a newcomer sees a living app at once.

Everything is dated relative to the clock, so the demo is always "now"; the same clock and seed
give the same file.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from tp_tui.clock import OSLO, Clock
from tp_tui.db import write
from tp_tui.domain import CHECKLIST, LifeArea, Stage, areas_to_mask
from tp_tui.folding import search_text, sort_key
from tp_tui.models import (
    AreaRating,
    Callback,
    ChecklistMark,
    ConsentGrant,
    Contact,
    Goal,
    GoalEvent,
    GroupMember,
    IndividualPlan,
    MeetingPlace,
    Participant,
    RoundVisit,
    StageRecord,
    TrustPerson,
)
from tp_tui.phone import phone_digits


@dataclass(frozen=True)
class Person:
    name: str
    status: str
    stage: int  # 0 for prospective guests
    months_in: float
    quiet_days: int = 0  # days since the last contact
    nickname: bool = False
    archived: bool = False
    closing_reason: str | None = None


# Invented names; any likeness to a real person is chance.
PEOPLE = (
    Person("Kari Nordmann", "active", 4, 7.0),
    Person("Ola Nordmann", "active", 2, 1.0),
    Person("Øyvind Åsheim", "active", 3, 3.5, quiet_days=1),
    Person("Anne-Marit Berge", "active", 1, 0.3, quiet_days=2),
    Person("Jonas Lien", "active", 5, 9.0, quiet_days=3),
    Person("Silje Haugland", "active", 2, 4.0, quiet_days=40),
    Person("Per Ivar Strand", "active", 3, 2.5, quiet_days=17),
    Person("Ingrid Solbakken", "active", 4, 6.0),
    Person("Mohammed Ali Rustad", "active", 1, 0.2, quiet_days=1),
    Person("Tone Elisabeth Kristiansen-Dahl", "active", 5, 8.5, quiet_days=6),
    Person("Espen Moe", "active", 3, 2.0, quiet_days=21),
    Person("Hanne Vik", "active", 4, 5.0, quiet_days=4),
    Person("Ronny Fjeld", "paused", 2, 3.0, quiet_days=9),
    Person("Lise Aune", "closed", 6, 10.0, closing_reason="others_take_over"),
    Person("Geir Bakken", "closed", 6, 9.5, closing_reason="masters_own_life"),
    Person("Trine Sæther", "closed", 6, 4.0, closing_reason="no_more_help"),
    Person("Bjørn Holm", "active", 4, 8.0, quiet_days=60, archived=True),
    Person("Rød jakke", "prospective", 0, 0.1, nickname=True),
    Person("Mann med hund", "prospective", 0, 0.05, nickname=True),
)

GOALS = {
    LifeArea.HOUSING: ("Få min egen leilighet", "Slippe å bo på hospits", "Betale husleia i tide"),
    LifeArea.WORK: ("Komme i gang med jobb på Fretex", "Ta opp igjen fagbrevet"),
    LifeArea.LEISURE: ("Begynne å gå på tur igjen", "Være med på fotballen på torsdager"),
    LifeArea.NETWORK: ("Ta opp igjen kontakten med datteren min", "Ha noen å ringe til"),
    LifeArea.INCOME: ("Slippe gjelden til namsmannen", "Få orden på økonomien"),
    LifeArea.HEALTH: ("Få time hos fastlegen", "Sove bedre om natta"),
    LifeArea.SAFETY: ("Føle meg trygg der jeg bor",),
    LifeArea.SUBSTANCE_USE: ("Klare meg uten piller i helgene", "Holde meg rusfri til jul"),
}
NOTES = (
    "Ringte om husleia",
    "Snakket om hvordan uka har vært",
    "Fulgte til fastlegen",
    "Gikk tur og pratet om jobb",
    "Planla møte med NAV",
    "Hadde en tung dag, lyttet",
    "Kaffe på biblioteket",
    "Ba om hjelp med søknad om bostøtte",
    "Fornøyd med ny leilighet",
    "Øvde på å ringe namsmannen sammen",
    "",
    "Avlyste, ringer i morgen",
)
CALLBACK_REASONS = (
    "Ville snakke om husleia",
    "Spør om følge til fastlegen",
    "Lurer på svar fra NAV",
    "Trenger hjelp med et brev",
    "Ville bare prate",
)
GROUP = (
    ("nav", "Randi Olsen", "NAV-veileder"),
    ("gp", "dr. Arne Eide", "fastlege"),
    ("mental_health", "Mona Lunde", "psykiatrisk sykepleier"),
    ("housing", "Kjell Tangen", "boligkonsulent"),
)
ROUND_NOTES = ("Rolig dag, mange ville prate om jul", "To nye ansikter", "", "Mye snakk om bolig")
KIND_WEIGHTS = (
    ("phone", 30), ("conversation", 30), ("sms", 10), ("home_visit", 8),
    ("accompaniment", 8), ("meeting_place", 6),
)  # fmt: skip
ARENA_FOR = {
    "phone": "phone", "sms": "phone", "home_visit": "home", "meeting_place": "meeting_place",
    "accompaniment": "nav", "group_meeting": "nav",
}  # fmt: skip


class _Demo:
    def __init__(self, clock: Clock, seed: int) -> None:
        self.rng = random.Random(seed)
        self.now = clock.now()
        self.today = self.now.date()
        self.tp = TrustPerson.create(name="Demo Tillitsperson", initials="DT", created_at=self.now)
        self.contacts: list[dict[str, Any]] = []
        self.phone_serial = 0

    def at(self, day: date, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute), OSLO)

    def phone(self) -> str:
        self.phone_serial += 1
        first = "49"[self.phone_serial % 2]
        return f"+47{first}{self.rng.randrange(1000000, 9999999)}"

    def participant(self, person: Person) -> Participant:
        intake = self.today - timedelta(days=int(person.months_in * 30.4))
        phone = self.phone()
        participant = Participant.create(
            name=person.name,
            search_text=search_text(person.name, phone_digits(phone)),
            sort_key=sort_key(person.name),
            name_is_nickname=person.nickname,
            phone=None if person.nickname else phone,
            status=person.status,
            referral_source=self.rng.choice(("self", "nav", "gp", "prison", "meeting_place")),
            first_contact_on=intake - timedelta(days=self.rng.randint(3, 20)),
            intake_on=None if person.nickname else intake,
            closed_on=self.today - timedelta(days=20) if person.closing_reason else None,
            closing_reason=person.closing_reason,
            consent_recorded_on=None if person.nickname else intake,
            responsible=self.tp,
            archived_at=self.now - timedelta(days=30) if person.archived else None,
            created_at=self.at(intake, 9),
            updated_at=self.at(intake, 9),
        )
        return participant

    def stages(self, participant: Participant, person: Person) -> list[date]:
        """Stage records spread from intake to (nearly) today; returns each stage's date."""
        intake: date = participant.intake_on or self.today
        end = participant.closed_on or self.today
        span = max((end - intake).days, 1)
        if person.quiet_days >= 30:
            span = max(span // 4, 1)  # stalled early on
        dates = []
        for number in range(1, person.stage + 1):
            entered = intake + timedelta(days=span * (number - 1) // max(person.stage, 1))
            if number == 6:
                entered = end
            dates.append(entered)
            StageRecord.create(
                participant=participant,
                stage=number,
                entered_on=entered,
                reason="Avtalt med deltaker" if number > 1 else "Inntak",
                closing_reason=person.closing_reason if number == 6 else None,
                recorded_at=self.at(entered, 15, 30),
            )
            if number < person.stage or number == 6:
                for item in CHECKLIST[Stage(number)]:
                    ChecklistMark.create(
                        participant=participant, stage=number, item=item, done_on=entered
                    )
        return dates

    def goals(self, participant: Participant, intake: date) -> None:
        areas = self.rng.sample(list(LifeArea), self.rng.randint(1, 4))
        for order, area in enumerate(areas):
            text = self.rng.choice(GOALS[area])
            status = self.rng.choice(("wanted", "working", "working", "reached", "put_aside"))
            created = intake + timedelta(days=7)
            goal = Goal.create(
                participant=participant,
                life_area=area.value,
                text=text,
                status=status,
                created_on=created,
                status_on=created,
                sort_order=order,
            )
            GoalEvent.create(goal=goal, at=self.at(created, 14), status="wanted", text=text)
            if status != "wanted":
                GoalEvent.create(
                    goal=goal,
                    at=self.at(created + timedelta(days=30), 14),
                    status=status,
                    text=text,
                )
        for area in areas:
            for weeks, rating in ((0, self.rng.randint(1, 3)), (8, self.rng.randint(2, 5))):
                AreaRating.create(
                    participant=participant,
                    life_area=area.value,
                    rating=rating,
                    rated_on=intake + timedelta(weeks=weeks),
                )

    def group_and_plan(self, participant: Participant, person: Person, dates: list[date]) -> None:
        coordinator = None
        if person.stage >= 3:
            for index, (agency, name, role) in enumerate(GROUP[: self.rng.randint(2, 4)]):
                member = GroupMember.create(
                    participant=participant,
                    agency=agency,
                    name=name,
                    role=role,
                    phone=self.phone(),
                    is_coordinator=index == 0,
                    joined_on=dates[2],
                )
                coordinator = coordinator or member
        if person.stage < 2:
            return
        status = (
            "draft" if person.stage == 2 else ("handed_over" if person.stage > 3 else "offered")
        )
        if participant.name.startswith("Espen"):
            status = "declined"
        IndividualPlan.create(
            participant=participant,
            status=status,
            draft_started_on=dates[1],
            offered_on=dates[2] if person.stage >= 3 else None,
            accepted_on=dates[3] if person.stage >= 4 and status != "declined" else None,
            declined_on=dates[2] if status == "declined" else None,
            handed_over_on=dates[3] if status == "handed_over" else None,
            coordinator=coordinator,
            updated_at=self.now,
        )

    def consents(self, participant: Participant, intake: date) -> None:
        scopes: tuple[str, ...] = ("goals", "process", "plan", "group", "contacts", "callbacks")
        if participant.name.startswith("Øyvind"):
            scopes = ("goals", "process")
        for scope in scopes:
            ConsentGrant.create(participant=participant, scope=scope, given_on=intake)

    def history(self, participant: Participant, person: Person, stage_dates: list[date]) -> None:
        start: date = participant.first_contact_on or self.today
        last = (participant.closed_on or self.today) - timedelta(days=person.quiet_days)
        per_week = 1.0 if person.status == "paused" else 2.5
        day: date = start
        while day <= last:
            step = max(1, int(self.rng.expovariate(per_week / 7)))
            day += timedelta(days=step)
            if day >= last or day.weekday() >= 5 and self.rng.random() < 0.8:
                continue
            self.contact(participant, day)
        if person.status == "active" and person.quiet_days < 14:
            self.contact(participant, last)  # the last contact falls exactly on that day
        for group_day in stage_dates[2:]:
            self.contact(participant, group_day, kind="group_meeting")

    def contact(self, participant: Participant, day: date, kind: str | None = None) -> None:
        names, weights = zip(*KIND_WEIGHTS, strict=True)
        kind = kind or self.rng.choices(names, weights)[0]
        hour = self.rng.choice((9, 10, 11, 12, 13, 14, 15, 19))
        moment = self.at(day, hour, self.rng.choice((0, 15, 30, 45)))
        if moment > self.now:
            moment = self.now - timedelta(minutes=self.rng.randint(20, 90))
        areas = self.rng.sample(list(LifeArea), self.rng.randint(0, 2))
        outcome = "reached"
        if kind == "phone":
            outcome = self.rng.choices(("reached", "no_answer", "left_message"), (8, 1, 1))[0]
        self.contacts.append({
            "participant": participant.id, "at": moment, "kind": kind,
            "arena": ARENA_FOR.get(kind, self.rng.choice(("cafe", "library", "outdoors"))),
            "destination": self.rng.choice(("gp", "nav", "bailiff", "bank", "hospital",
                                            "housing_viewing")) if kind == "accompaniment"
            else None,
            "duration_minutes": 10 if kind in ("phone", "sms")
            else self.rng.choice((30, 45, 60, 90)),
            "life_areas": areas_to_mask(areas), "outcome": outcome,
            "note": self.rng.choice(NOTES), "after_hours": hour >= 17,
            "logged_by": self.tp.id, "created_at": moment, "updated_at": moment,
        })  # fmt: skip

    def callbacks(self, participants: list[Participant]) -> None:
        active = [p for p in participants if p.status == "active" and not p.archived_at]
        for index in range(40):
            who = self.rng.choice(active)
            day = self.today - timedelta(days=self.rng.randint(1, 120))
            received = self.at(day, self.rng.randint(8, 13))
            late = index % 9 == 0
            done = received + timedelta(days=1 if late else 0, hours=2)
            Callback.create(
                participant=who,
                reason=self.rng.choice(CALLBACK_REASONS),
                received_at=received,
                due_at=self.at(day, 15, 30),
                done_at=done,
                outcome="reached",
                logged_by=self.tp,
                created_at=received,
                updated_at=done,
            )
        monday = self.today - timedelta(days=self.today.weekday())
        open_ones = ((0, 14, 0), (0, 15, 30), (-1, 15, 30), (-3, 15, 30), (1, 15, 30), (2, 12, 0))
        for index, (offset, hour, minute) in enumerate(open_ones):
            due_day = self.today + timedelta(days=offset)
            if offset > 0 and due_day > monday + timedelta(days=6):
                due_day = self.today
            who = active[(index * 3) % len(active)]
            received = min(self.at(due_day, 9), self.now - timedelta(minutes=30))
            Callback.create(
                participant=who,
                reason=CALLBACK_REASONS[index % 5],
                received_at=received,
                due_at=self.at(due_day, hour, minute),
                logged_by=self.tp,
                created_at=received,
                updated_at=received,
            )
        Callback.create(
            participant=None,
            caller_name="Mor til Jonas",
            caller_phone="+4790011223",
            reason="Bekymret, vil snakke med noen",
            received_at=self.now - timedelta(hours=1),
            due_at=self.at(self.today, 15, 30),
            logged_by=self.tp,
            created_at=self.now,
            updated_at=self.now,
        )

    def rounds(self) -> None:
        places = list(MeetingPlace.select().order_by(MeetingPlace.sort_order))
        for weeks_back in range(26, -1, -1):
            monday = self.today - timedelta(days=self.today.weekday(), weeks=weeks_back)
            for place in places:
                day = monday + timedelta(days=place.weekday)
                start = datetime.combine(day, time.fromisoformat(place.start_time), OSLO)
                if start + timedelta(minutes=place.planned_minutes) > self.now:
                    continue
                if self.rng.random() < 0.08:
                    continue  # a missed round: sick, or a crisis elsewhere
                RoundVisit.create(
                    place=place,
                    visited_on=day,
                    started_at=start,
                    minutes=self.rng.randint(50, 70),
                    conversations=self.rng.randint(2, 9),
                    new_people=self.rng.randint(0, 2),
                    life_areas=areas_to_mask(self.rng.sample(list(LifeArea), 2)),
                    note=self.rng.choice(ROUND_NOTES),
                    logged_by=self.tp,
                    created_at=start,
                )


def is_empty() -> bool:
    return not Participant.select().exists()


def fill_demo(clock: Clock, seed: int = 48) -> None:
    """Fill the open database with fictional participants, contacts, callbacks and rounds."""
    with write():
        demo = _Demo(clock, seed)
        participants = []
        for person in PEOPLE:
            participant = demo.participant(person)
            participants.append(participant)
            if person.nickname:
                demo.contact(participant, demo.today - timedelta(days=2), kind="meeting_place")
                continue
            dates = demo.stages(participant, person)
            intake: date = participant.intake_on or demo.today
            if person.stage >= 2:
                demo.goals(participant, intake)
            demo.group_and_plan(participant, person, dates)
            demo.consents(participant, intake)
            demo.history(participant, person, dates)
        for start in range(0, len(demo.contacts), 200):
            Contact.insert_many(demo.contacts[start : start + 200]).execute()
        demo.callbacks(participants)
        demo.rounds()
