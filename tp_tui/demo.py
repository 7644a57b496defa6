"""A demo database full of fictional people, so a newcomer sees a living app at once.

Everything is dated relative to the clock, so the demo is always "now"; the same clock and seed
give the same file. Every name, number and note here is invented: any likeness is chance.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, cast

from peewee import Model

from tp_tui.clock import OSLO, Clock
from tp_tui.db import write
from tp_tui.demo_meetings import fill_demo_meetings
from tp_tui.demo_surveys import fill_demo_surveys
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
    Handover,
    IndividualPlan,
    MeetingPlace,
    Participant,
    PlanItem,
    RoundVisit,
    StageRecord,
    TrustPerson,
)
from tp_tui.phone import phone_digits

Row = dict[str, Any]
A = LifeArea
ACTIVE, PAUSED, CLOSED, GUEST = "active", "paused", "closed", "prospective"


@dataclass(frozen=True)
class Person:
    """``stages``: days ago each stage was entered, stage 1 being the intake; for a closed person
    the last one is the closing (stage 6). ``quiet``: days since the last contact (for a guest:
    days since first met)."""

    name: str
    status: str
    stages: tuple[int, ...]
    quiet: int = 1
    closing: str | None = None
    plan: str | None = None  # the IP status, where the stage alone does not say it
    scopes: tuple[str, ...] = ("goals", "process", "plan", "group", "contacts")
    withdrawn: tuple[str, ...] = ()  # consents given, then taken back
    archived_days: int | None = None

    def stage_numbers(self) -> list[int]:
        numbers = list(range(1, len(self.stages) + 1))
        return numbers[:-1] + [6] if self.status == CLOSED else numbers

    @property
    def stage(self) -> int:
        return self.stage_numbers()[-1] if self.stages else 0

    @property
    def reached(self) -> int:
        """The last working stage (1–5) reached, closing aside."""
        return len(self.stages) - (self.status == CLOSED)


PEOPLE = (
    Person("Anne-Lise Bråten", ACTIVE, (9,), quiet=0),
    Person("Aleksander Hovde", ACTIVE, (20,), quiet=3, scopes=()),
    Person("Tor Einar Dahle", ACTIVE, (75, 52)),
    Person("Camilla Hegge", ACTIVE, (48, 30), quiet=23),
    Person("Siv Rønning", ACTIVE, (160, 140), quiet=40),  # stalled in mapping
    Person("Øyvind Åsheim", ACTIVE, (130, 100, 60), quiet=0, plan="offered",
           scopes=("goals", "process")),
    Person("Kenneth Lysø", ACTIVE, (110, 85, 50), quiet=17, plan="declined",
           withdrawn=("contacts",)),
    Person("Marte Kristine Solheim-Bjørkedal Haugen", ACTIVE, (150, 120, 75), quiet=2,
           plan="accepted"),
    Person("Roy-Arne Sivertsen", ACTIVE, (230, 200, 150, 90), quiet=0),
    Person("Kari Nordmann", ACTIVE, (200, 175, 130, 70), quiet=4),
    Person("Linn Therese Vatne", ACTIVE, (300, 270, 220, 160, 45)),
    Person("Stian Eggen", ACTIVE, (280, 250, 200, 140, 30), quiet=6,
           scopes=("goals", "process", "plan", "group", "contacts", "callbacks")),
    Person("Ronny Kvalheim", PAUSED, (190, 160, 110), quiet=9, plan="offered"),
    Person("Gunnhild Storvik", CLOSED, (310, 285, 240, 180, 110, 25), closing="masters_own_life"),
    Person("Frode Lauvås", CLOSED, (260, 230, 170, 120, 60), closing="others_take_over"),
    Person("Jeanette Ødegård", CLOSED, (120, 100, 70), closing="no_more_help"),
    Person("Bente Fossum", CLOSED, (295, 270, 215, 170, 120, 95), closing="others_take_over",
           archived_days=30),
    Person("Rød jakke", GUEST, (), quiet=35, scopes=()),
    Person("Mann med hund", GUEST, (), quiet=12, scopes=()),
)  # fmt: skip

REFERRALS = {
    "self": "Ringte selv etter tips fra en venn", "nav": "Henvist fra NAV-veileder",
    "gp": "Fastlegen tok kontakt", "prison": "Kontakt før løslatelse",
    "institution": "Etter opphold på behandlingsinstitusjon", "family": "Søsteren tok kontakt",
    "mental_health": "Henvist fra psykisk helsetjeneste", "meeting_place": "Møtt på Kafé 103",
}  # fmt: skip
ABOUT = ("Liker å møtes ute, ikke på kontoret.", "Best å ringe etter klokka ti.", "",
         "Har hund, tar den gjerne med.", "Vil helst ha SMS først.", "")  # fmt: skip
GOALS = {
    A.HOUSING: ("Få min egen leilighet", "Slippe å bo på hospits",
                "Klare å betale husleia hver måned"),
    A.WORK: ("Komme i gang med jobb på Fretex", "Ta opp igjen fagbrevet som tømrer",
             "Ha noe å gå til om morgenen"),
    A.LEISURE: ("Begynne å fiske igjen", "Være med på turgruppa på onsdager",
                "Lære meg å spille gitar"),
    A.NETWORK: ("Ta opp igjen kontakten med datteren min", "Ha noen å ringe til når det er tungt",
                "Få besøke barnebarna"),
    A.INCOME: ("Slippe gjelden til namsmannen", "Få orden på økonomien",
               "Ha penger til mat hele måneden"),
    A.HEALTH: ("Få fikset tennene", "Sove bedre om natta", "Få hjelp med angsten"),
    A.SAFETY: ("Føle meg trygg der jeg bor", "Slippe å være redd for dem jeg skylder penger"),
    A.SUBSTANCE_USE: ("Klare meg uten piller i helgene", "Komme inn på LAR",
                      "Holde meg rusfri til jul"),
}  # fmt: skip
AREA_NOTES = {
    A.HOUSING: ("Snakket om husleia", "Så på boligannonser sammen",
                "Bråk med naboen igjen", "Søknad om kommunal bolig er sendt"),
    A.WORK: ("Snakket om arbeidstrening på Fretex", "Vil prøve et kurs til høsten",
             "Første uka på arbeidstrening gikk fint"),
    A.LEISURE: ("Gikk tur langs sjøen", "Kaffe og prat om hverdagen",
                "Har begynt på treningssenteret"),
    A.NETWORK: ("Snakket om kontakten med datteren", "Var hos broren i helgen",
                "Savner familien, tung dag"),
    A.INCOME: ("Gikk gjennom regninger sammen", "Spørsmål om sosialhjelp",
               "Laget budsjett for måneden"),
    A.HEALTH: ("Sover dårlig, tar det opp med fastlegen", "Tannlegetime bestilt",
               "Vondt i ryggen, ba om legetime"),
    A.SAFETY: ("Føler seg utrygg i oppgangen", "Snakket om hva som skjer når det blir vanskelig"),
    A.SUBSTANCE_USE: ("God uke, holdt seg unna", "Sprekk i helgen, snakket om det",
                      "Vil snakke med ruskonsulenten om LAR"),
}  # fmt: skip
PLAIN_NOTES = ("Kort prat, alt vel", "Avtalte ny tid neste uke", "", "Sjekket hvordan det går", "")
OUTCOME_NOTES = {
    "no_answer": ("", "Tok ikke telefonen"), "left_message": ("La igjen beskjed på svarer",),
    "no_show": ("Møtte ikke, sendte SMS", "Kom ikke, ringer i morgen"),
}  # fmt: skip
SMS_NOTES = ("Påminnelse om timen i morgen", "Takket for i går", "Sendte adressen til NAV", "")
# destination: (arena, life area, note)
DESTINATIONS = {
    "gp": ("health_service", A.HEALTH, "Fulgte til fastlegen"),
    "hospital": ("health_service", A.HEALTH, "Fulgte til poliklinikken"),
    "nav": ("nav", A.INCOME, "Møte på NAV om økonomien"),
    "bailiff": ("other", A.INCOME, "Fulgte til namsmannen, laget nedbetalingsplan"),
    "bank": ("other", A.INCOME, "Fulgte til banken for å ordne konto"),
    "housing_viewing": ("other", A.HOUSING, "Visning av leilighet"),
    "other": ("other", A.HEALTH, "Fulgte til tannlegen"),
}
GROUP_NOTES = ("Ansvarsgruppemøte: gikk gjennom planen", "Ansvarsgruppemøte, NAV og fastlege der",
               "Ansvarsgruppemøte: nye avtaler om bolig")  # fmt: skip
KINDS = (("phone", 34), ("conversation", 32), ("sms", 9), ("home_visit", 8), ("accompaniment", 9))
TALK_ARENAS = (("cafe", 40), ("outdoors", 20), ("library", 15), ("office", 15), ("other", 10))
AGENCIES = {
    "nav": "NAV-veileder", "gp": "fastlege", "mental_health": "psykiatrisk sykepleier",
    "substance_service": "ruskonsulent", "housing": "boligkonsulent",
    "specialist": "behandler, poliklinikk", "home_care": "hjemmesykepleier",
}  # fmt: skip
STAFF = ("Hege Strømsnes", "Bård Ulvik", "Nina Aasen", "Trond Helle", "Kjersti Moen",
         "Lars Vestby", "Elin Grøtte", "Arild Sandvik", "Mette Rogne", "Jan Ove Lia")  # fmt: skip
STAGE_REASONS = {
    1: ("Ønsker endring, trenger koordinerte tjenester", "", "Inntak etter henvisning"),
    2: ("Startet kartlegging", "", "Klar for å se på livsområdene"),
    3: ("Ansvarsgruppe opprettet", "Første møte i ansvarsgruppa", ""),
    4: ("IP overlevert koordinator", ""),
    5: ("Stabilt i egen bolig", "Godt ivaretatt av tjenestene", ""),
}
CLOSING_NOTES = {
    "others_take_over": "Avtalt med deltaker: koordinator i NAV tar over",
    "masters_own_life": "Mestrer hverdagen selv, avsluttet etter avtale",
    "no_more_help": "Ønsker ikke mer hjelp nå, kan ta kontakt igjen",
}
CALLBACK_REASONS = (
    "Ville snakke om husleia", "Spør om følge til fastlegen", "Lurer på svar fra NAV om bostøtte",
    "Trenger hjelp med et brev fra namsmannen", "Ville bare prate litt",
    "Har mistet bankkortet", "Spør om vi kan møtes på biblioteket",
)  # fmt: skip
ROUND_NOTES = ("Rolig, mange ville prate om bolig", "Travelt, kø ved kaffen", "", "",
               "To nye ansikter, en spurte om NAV", "Mye snakk om kulda", "Stille i dag",
               "God stemning, noen spilte kort")  # fmt: skip
GUEST_NOTES = ("Pratet litt, vil kanskje møtes igjen", "Spurte hva en tillitsperson gjør",
               "Snakket om å få et sted å bo")  # fmt: skip
PLAN_NOTES = {"offered": "Vil tenke på det til neste møte", "declined": "Vil ikke ha IP nå"}
# The plan document's measures and who carries them, by life area (no randomness: the rest of
# the demo draws from one seeded sequence, and these rows must not shift it).
MEASURES = {
    A.HOUSING: ("Søke kommunal bolig, følge på visning", "housing"),
    A.WORK: ("Avklaringsmøte med NAV om arbeidstrening", "nav"),
    A.LEISURE: ("Prøve turgruppa på Kafé 103 to ganger", ""),
    A.NETWORK: ("Ta kontakt med søster, TP er med hvis ønsket", ""),
    A.INCOME: ("Budsjett og nedbetalingsplan med NAV", "nav"),
    A.HEALTH: ("Time hos fastlegen, TP følger", "gp"),
    A.SAFETY: ("Avtale om hva som gjøres ved krise", "mental_health"),
    A.SUBSTANCE_USE: ("Samtaler med ruskonsulent hver uke", "substance_service"),
}
HOLIDAYS = {(12, 24), (12, 25), (12, 26), (12, 31), (1, 1)}


class _Demo:
    """Builds the rows: participants, goals and group members at once (their ids are needed),
    everything else in bulk at the end."""

    def __init__(self, clock: Clock, seed: int) -> None:
        self.rng = random.Random(seed)
        self.now = clock.now().astimezone(OSLO)
        self.today = self.now.date()
        self.rows: dict[type[Model], list[Row]] = defaultdict(list)
        self.phones: set[str] = set()
        self.visits: dict[date, list[tuple[int, datetime, int]]] = defaultdict(list)
        self.today_contacts = 0
        self.tp = TrustPerson.create(name="Demo Tillitsperson", initials="DT", created_at=self.now)

    # -- small helpers ---------------------------------------------------------------------
    def at(self, day: date, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute), OSLO)

    def ago(self, days: int) -> date:
        return self.today - timedelta(days=days)

    def pick(self, weighted: Sequence[tuple[str, int]]) -> str:
        return self.rng.choices([w[0] for w in weighted], [w[1] for w in weighted])[0]

    def between(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, max((last - first).days, 0)))

    def phone(self) -> str:
        """A made-up mobile number, unique in the demo."""
        while True:
            number = f"+47{self.rng.choice('49')}{self.rng.randrange(10**7):07d}"
            if number not in self.phones:
                self.phones.add(number)
                return number

    def flush(self, model: type[Model]) -> None:
        rows = self.rows.pop(model, [])
        for start in range(0, len(rows), 100):
            model.insert_many(rows[start : start + 100]).execute()

    # -- the participant and the process ---------------------------------------------------
    def participant(self, person: Person, dates: list[date]) -> Participant:
        guest = person.status == GUEST
        phone = None if guest else self.phone()
        source = "meeting_place" if guest else self.rng.choice(list(REFERRALS))
        intake = dates[0] if dates else None
        first = intake - timedelta(days=self.rng.randint(5, 25)) if intake else None
        first = first or self.ago(person.quiet)
        archived = person.archived_days
        return Participant.create(**{
            "name": person.name, "search_text": search_text(person.name, phone_digits(phone)),
            "sort_key": sort_key(person.name), "name_is_nickname": guest, "phone": phone,
            "status": person.status, "referral_source": source,
            "referral_note": "" if guest else REFERRALS[source], "first_contact_on": first,
            "intake_on": intake, "closed_on": dates[-1] if person.closing else None,
            "closing_reason": person.closing, "consent_recorded_on": intake,
            "about": self.rng.choice(ABOUT), "responsible": self.tp,
            "archived_at": None if archived is None else self.at(self.ago(archived), 14),
            "created_at": self.at(first, 12),
            "updated_at": min(self.at(dates[-1] if dates else first, 15, 30), self.now),
        })  # fmt: skip

    def stages(self, p: Participant, person: Person, dates: list[date]) -> None:
        early = person.status == CLOSED and (dates[-1] - dates[0]).days < 90
        for number, entered in zip(person.stage_numbers(), dates, strict=True):
            closing = number == 6
            reason = self.rng.choice(STAGE_REASONS[number]) if number < 6 else ""
            self.rows[StageRecord].append({
                "participant": p.id, "period": 1, "stage": number, "entered_on": entered,
                "reason": CLOSING_NOTES[person.closing or ""] if closing else reason,
                "closing_reason": person.closing if closing else None,
                "early_close_confirmed": True if closing and early else None,
                "recorded_at": min(self.at(entered, 15, 30), self.now),
            })  # fmt: skip
        ends = dates[1:] + [self.ago(1)]
        for index, number in enumerate(person.stage_numbers()):
            done = index < len(dates) - 1 or number == 6
            self.checklist(p, person, number, (dates[index], ends[index]), done)

    def checklist(
        self, p: Participant, person: Person, number: int, span: tuple[date, date], done: bool
    ) -> None:
        """Ticks for a stage: all of a finished one, some of the current one."""
        items = list(CHECKLIST[Stage(number)])
        if number == 3 and person.plan:
            items = items[: 4 if person.plan == "accepted" else 3]
        elif not done:
            items = items[: self.rng.randint(0, len(items) - 1)]
        if number == 6 and person.closing != "others_take_over":
            items.remove("who_takes_over")
        start, end = span
        for index, item in enumerate(items):
            day = start if number in (1, 6) else start + (end - start) * index // len(items)
            row = {"participant": p.id, "stage": number, "item": item, "done_on": day}
            self.rows[ChecklistMark].append(row)

    def goals(self, p: Participant, dates: list[date], end: date) -> None:
        stage = len(dates)
        weights = (("wanted", 5), ("working", 4 + stage), ("reached", stage), ("put_aside", 1))
        for order, area in enumerate(self.rng.sample(list(LifeArea), self.rng.randint(1, 4))):
            text = self.rng.choice(GOALS[area])
            status = self.pick(weights)
            created = self.between(dates[1], min(dates[1] + timedelta(days=14), end))
            changed = created if status == "wanted" else self.between(created, end)
            goal = Goal.insert(
                participant=p.id, life_area=area.value, text=text, status=status,
                created_on=created, status_on=changed, sort_order=order,
            ).execute()  # fmt: skip
            events = [("wanted", self.at(created, 13))]
            if status != "wanted":
                events.append((status, min(self.at(changed, 14, 30), self.now)))
            for event_status, moment in events:
                row = {"goal": goal, "at": moment, "status": event_status, "text": text}
                self.rows[GoalEvent].append(row)

    def ratings(self, p: Participant, first: date, second: date) -> None:
        """How each life area stood at the mapping, halfway and lately, as the participant saw
        it (the halfway rating is drawn from the two others, so the rest of the demo stays as
        it was)."""
        for area in LifeArea:
            before = self.rng.randint(1, 3)
            after = max(1, min(5, before + self.rng.randint(-1, 2)))
            days = [(first, before), (second, after)]
            if (second - first).days >= 30:
                halfway = first + (second - first) / 2
                days.insert(1, (halfway, (before + after + (area.value < "m")) // 2))
            for day, rating in days:
                row = {"participant": p.id, "life_area": area.value, "rating": rating}
                self.rows[AreaRating].append({**row, "rated_on": day})

    def group(self, p: Participant, joined: date) -> int:
        """The responsibility group; returns the coordinator's id."""
        others = ["gp", "mental_health", "substance_service", "housing", "specialist", "home_care"]
        agencies = ["nav", *self.rng.sample(others, self.rng.randint(1, 3))]
        lead = self.rng.choice(agencies[:2])
        ids = {}
        for agency, name in zip(agencies, self.rng.sample(STAFF, len(agencies)), strict=True):
            phone = self.phone() if self.rng.random() < 0.7 else None
            ids[agency] = GroupMember.insert(
                participant=p.id, agency=agency, name=name, role=AGENCIES[agency], phone=phone,
                is_coordinator=agency == lead, joined_on=joined,
            ).execute()  # fmt: skip
        return int(ids[lead])

    def plan(self, p: Participant, person: Person, dates: list[date], lead: int | None) -> None:
        """The IP: a draft in mapping; offered, accepted or declined in stage 3; handed over."""
        stage = person.reached
        status = person.plan or ("draft" if stage == 2 else "handed_over")
        offered = dates[2] + timedelta(days=7) if stage >= 3 else None
        accepted = dates[3] - timedelta(days=10) if stage >= 4 else None
        if status == "accepted" and offered:
            accepted = offered + timedelta(days=14)
        declined = offered + timedelta(days=10) if offered and status == "declined" else None
        plan = IndividualPlan.create(**{
            "participant": p, "period": 1, "status": status,
            "draft_started_on": dates[1] + timedelta(days=3), "offered_on": offered,
            "accepted_on": accepted,
            "declined_on": declined,
            "handed_over_on": dates[3] - timedelta(days=3) if status == "handed_over" else None,
            "coordinator": lead, "note": PLAN_NOTES.get(status, ""),
            "updated_at": min(self.at(dates[min(stage, 4) - 1], 15), self.now),
            "agreed_on": accepted if status in ("accepted", "handed_over") else None,
            "handed_to": self.handed_to(lead) if status == "handed_over" else "",
        })  # fmt: skip
        self.plan_rows(p, plan, offered or dates[1] + timedelta(days=3))

    def handed_to(self, lead: int | None) -> str:
        member = GroupMember.get_or_none(GroupMember.id == lead) if lead else None
        return f"{member.name} ({member.role})" if member else ""

    def plan_rows(self, p: Participant, plan: IndividualPlan, start: date) -> None:
        """The plan document: a row per goal (put aside stays out), with measures and dates."""
        goals = Goal.select().where((Goal.participant == p.id) & (Goal.status != "put_aside"))
        for order, goal in enumerate(goals.order_by(Goal.sort_order, Goal.id)):
            measures, agency = MEASURES[LifeArea(goal.life_area)]
            PlanItem.insert(
                plan=plan.id, life_area=goal.life_area, goal_text=goal.text, measures=measures,
                responsible=AGENCIES.get(agency, "TP") if agency else "TP",
                due_on=start + timedelta(days=60 + 14 * order),
                evaluate_on=start + timedelta(days=90), sort_order=order,
                updated_at=min(self.at(start, 15), self.now),
            ).execute()  # fmt: skip

    def consents(self, p: Participant, person: Person, intake: date) -> None:
        for scope in person.scopes:
            withdrawn = self.ago(20) if scope in person.withdrawn else None
            row = {"participant": p.id, "scope": scope, "recipient": "group", "given_on": intake}
            self.rows[ConsentGrant].append({**row, "withdrawn_on": withdrawn})

    # -- contacts --------------------------------------------------------------------------
    def history(self, p: Participant, person: Person, dates: list[date]) -> None:
        """About 2–3 contacts a week from the first meeting to the last contact."""
        first: date = p.first_contact_on or dates[0]
        last = dates[-1] if person.closing else self.ago(person.quiet)
        while last != self.today and last.weekday() >= 5:
            last -= timedelta(days=1)  # the last talk before a quiet spell: a working day
        for offset in range((last - first).days):
            day = first + timedelta(days=offset)
            chance = 0.5 if day >= dates[0] else 0.2
            if person.status == PAUSED and day > self.ago(42):
                chance = 0.15
            if day.weekday() >= 5:
                chance /= 6
            roll = self.rng.random()
            for _ in range((roll < chance) + (roll < chance * 0.15)):
                self.contact(p.id, day)
        self.contact(p.id, last, final=True)
        if person.reached >= 3:
            self.group_meetings(p.id, dates[2] + timedelta(days=7), last)

    def group_meetings(self, participant: int, day: date, last: date) -> None:
        """A responsibility-group meeting about every six weeks, on a working day."""
        while day < last:
            if day.weekday() >= 5:
                day += timedelta(days=7 - day.weekday())
            if day < last:
                moment = self.at(day, self.rng.choice((9, 10, 13)))
                arena = self.rng.choice(("nav", "office", "health_service"))
                areas = self.rng.sample(list(LifeArea), 3)
                minutes = self.rng.choice((60, 90))
                self.add_contact(participant, moment, "group_meeting", arena, minutes, areas,
                                 note=self.rng.choice(GROUP_NOTES))  # fmt: skip
            day += timedelta(days=self.rng.randint(38, 46))

    def final_moment(self, day: date) -> datetime:
        """The last contact: today's fall before now; the others in office hours."""
        if day == self.today:
            slot = self.now.replace(second=0, microsecond=0)
            slot -= timedelta(minutes=25 + 45 * self.today_contacts + slot.minute % 5)
            self.today_contacts += 1
            if slot.date() == self.today and slot.hour >= 7:
                return slot
            day -= timedelta(days=1)  # too early in the morning: yesterday, then
        return self.at(day, self.rng.randint(9, 14), self.rng.randrange(0, 60, 15))

    def contact(self, participant: int, day: date, final: bool = False) -> None:
        if not final and self.visits.get(day) and self.rng.random() < 0.3:
            self.round_talk(participant, day)
            return
        kind = "conversation" if final else self.pick(KINDS)
        evening = kind == "phone" and self.rng.random() < 0.08
        hour = self.rng.randint(18, 21) if evening else self.rng.randint(9, 15)
        moment = self.at(day, hour, self.rng.randrange(0, 60, 5))
        if final:
            moment = self.final_moment(day)
        outcome = "reached"
        if not final and kind == "phone":
            outcome = self.pick((("reached", 16), ("no_answer", 2), ("left_message", 2)))
        elif not final and kind in ("conversation", "accompaniment", "home_visit"):
            outcome = self.pick((("reached", 23), ("no_show", 2)))
        if kind == "accompaniment":
            self.accompaniment(participant, moment, outcome)
            return
        areas = self.rng.sample(list(LifeArea), self.rng.choice((0, 1, 1, 1, 2)))
        note = self.rng.choice(AREA_NOTES[areas[0]] if areas else PLAIN_NOTES)
        if kind == "sms":
            note = self.rng.choice(SMS_NOTES)
        if outcome != "reached":
            areas, note = [], self.rng.choice(OUTCOME_NOTES[outcome])
        arena = {"phone": "phone", "sms": "phone", "home_visit": "home"}.get(kind)
        minutes: int | None = self.rng.choice((30, 45, 60, 90))
        if kind == "phone":
            minutes = self.rng.randint(4, 25)
        if kind == "sms" or outcome in ("no_answer", "no_show"):
            minutes = None
        self.add_contact(participant, moment, kind, arena or self.pick(TALK_ARENAS), minutes,
                         areas, outcome, note, after_hours=evening)  # fmt: skip

    def accompaniment(self, participant: int, moment: datetime, outcome: str) -> None:
        destination = self.rng.choice(list(DESTINATIONS))
        arena, area, note = DESTINATIONS[destination]
        minutes = self.rng.choice((60, 90, 120, 180)) if outcome == "reached" else None
        if outcome != "reached":
            note = self.rng.choice(OUTCOME_NOTES[outcome])
        self.add_contact(participant, moment, "accompaniment", arena, minutes, [area], outcome,
                         note, destination=destination)  # fmt: skip

    def round_talk(self, participant: int, day: date, guest: bool = False) -> None:
        """A talk at a meeting place, tied to that day's round."""
        visit, started, minutes = self.rng.choice(self.visits[day])
        moment = started + timedelta(minutes=self.rng.randrange(5, max(minutes - 10, 6), 5))
        areas = self.rng.sample(list(LifeArea), self.rng.randint(0, 2))
        note = self.rng.choice(GUEST_NOTES if guest else PLAIN_NOTES)
        self.add_contact(participant, moment, "meeting_place", "meeting_place",
                         self.rng.randint(10, 25), areas, note=note, round_visit=visit)  # fmt: skip

    def add_contact(
        self, participant: int, moment: datetime, kind: str, arena: str, minutes: int | None,
        areas: Sequence[LifeArea], outcome: str = "reached", note: str = "", **extra: Any,
    ) -> None:  # fmt: skip
        self.rows[Contact].append({
            "participant": participant, "at": moment, "kind": kind, "arena": arena,
            "duration_minutes": minutes, "life_areas": areas_to_mask(areas), "outcome": outcome,
            "note": note, "logged_by": self.tp.id, "created_at": moment, "updated_at": moment,
            "after_hours": False, "destination": None, "round_visit": None, **extra,
        })  # fmt: skip

    def guest_talks(self, p: Participant, person: Person) -> None:
        """Guests are met at the Thursday rounds only: the first time, and once or twice since."""
        days = sorted(day for day in self.visits if self.ago(person.quiet) <= day < self.today)
        chosen = [days[0], *self.rng.sample(days[1:], min(len(days) - 1, 2))] if days else []
        for day in sorted(chosen):
            self.round_talk(p.id, day, guest=True)
        if chosen:
            Participant.update(first_contact_on=chosen[0]).where(Participant.id == p.id).execute()

    # -- rounds and callbacks --------------------------------------------------------------
    def rounds(self) -> None:
        """Thursday rounds at every place for half a year; this week's once they are over."""
        places = list(MeetingPlace.select().where(MeetingPlace.active))
        monday = self.ago(self.today.weekday())
        for weeks in range(26, -1, -1):
            for place in places:
                day = monday - timedelta(weeks=weeks) + timedelta(days=place.weekday)
                start = datetime.combine(day, time.fromisoformat(place.start_time), OSLO)
                ends = start + timedelta(minutes=place.planned_minutes)
                if ends > self.now or (day.month, day.day) in HOLIDAYS:
                    continue
                if self.rng.random() < 0.06:
                    continue  # missed: sick, or a crisis elsewhere
                self.rows[RoundVisit].append({
                    "place": place.id, "visited_on": day, "started_at": start,
                    "minutes": self.rng.randint(50, 70), "conversations": self.rng.randint(2, 9),
                    "new_people": self.rng.randint(0, 2),
                    "life_areas": areas_to_mask(self.rng.sample(list(LifeArea), 2)),
                    "note": self.rng.choice(ROUND_NOTES), "logged_by": self.tp.id,
                    "created_at": min(ends + timedelta(hours=2), self.now),
                })  # fmt: skip
        self.flush(RoundVisit)
        fields = (RoundVisit.id, RoundVisit.visited_on, RoundVisit.started_at, RoundVisit.minutes)
        rows = cast(Iterable[tuple[int, date, datetime, int]], RoundVisit.select(*fields).tuples())
        for visit, day, started, minutes in rows:
            self.visits[day].append((visit, started, minutes))

    def done_callbacks(self) -> None:
        """Some reached phone calls were calls returned: most the same day, a few the next."""
        query = Contact.select(Contact.id, Contact.participant, Contact.at).where(
            (Contact.kind == "phone") & (Contact.outcome == "reached")
        )
        calls = cast(Iterable[tuple[int, int, datetime]], query.order_by(Contact.id).tuples())
        for call, participant, moment in calls:
            if self.rng.random() > 0.25:
                continue
            day: date = moment.date()
            if self.rng.random() < 0.12:
                day -= timedelta(days=1)
                received = self.at(day, self.rng.randint(13, 14), self.rng.randrange(0, 60, 5))
            else:
                received = max(self.at(day, 8), moment - timedelta(hours=self.rng.randint(1, 4)))
                received = min(received, moment - timedelta(minutes=15))
            due = max(self.at(day, 15, 30), received + timedelta(hours=1))
            reason = self.rng.choice(CALLBACK_REASONS)
            self.add_callback(participant, received, due, reason, moment, call)

    def later_today(self, hour: int, minute: int, fallback: int) -> datetime:
        due = self.at(self.today, hour, minute)
        soon = self.now.replace(second=0, microsecond=0) + timedelta(minutes=fallback)
        return due if due > self.now else soon

    def week_days(self) -> tuple[date, date]:
        """Two working days later this week (early next week, seen from a Friday or weekend)."""
        rest = [self.today + timedelta(days=n) for n in range(1, 5 - self.today.weekday())]
        if not rest:
            monday = self.today + timedelta(days=7 - self.today.weekday())
            rest = [monday, monday + timedelta(days=1)]
        return rest[0], rest[-1]

    def open_callbacks(self, reachable: list[int]) -> None:
        """Calls still owed: two later today, two overdue, two later this week, one free caller."""
        first, second = self.week_days()
        dues = (
            self.later_today(13, 0, 60), self.later_today(15, 30, 120),
            self.at(self.ago(1), 15, 30), self.at(self.ago(3), 15, 30),
            self.at(first, 10), self.at(second, 15, 30),
        )  # fmt: skip
        for index, due in enumerate(dues):
            received = self.at(min(due.date(), self.today), 9, 20 + 5 * index)
            received = min(received, self.now - timedelta(minutes=30 + 5 * index))
            reason = CALLBACK_REASONS[index % len(CALLBACK_REASONS)]
            self.add_callback(reachable[index % len(reachable)], received, due, reason)
        received = self.now - timedelta(minutes=50)
        reason = "Bekymret for sønnen, lurer på hva en tillitsperson kan gjøre"
        self.add_callback(None, received, self.later_today(15, 30, 90), reason)

    def add_callback(
        self, participant: int | None, received: datetime, due: datetime, reason: str,
        done: datetime | None = None, contact: int | None = None,
    ) -> None:  # fmt: skip
        free = participant is None
        self.rows[Callback].append({
            "participant": participant, "caller_name": "Mor til Jonas" if free else "",
            "caller_phone": self.phone() if free else None, "reason": reason,
            "received_at": received, "due_at": due, "done_at": done,
            "outcome": "reached" if done else None, "contact": contact,
            "logged_by": self.tp.id, "created_at": received, "updated_at": done or received,
        })  # fmt: skip

    def team(self) -> None:
        """Two fictional colleagues, each responsible for some participants (by turn, not by
        chance, so the rest of the demo stays the same): Today's "mine / the team's" and the
        handover have something to show. The demo's own trust person has no login, so whoever
        opens the demo is it."""
        eva = TrustPerson.create(
            name="Eva Solheim", initials="ES", login="eva.solheim", present_on=self.today,
            created_at=self.now,
        )  # fmt: skip
        tor = TrustPerson.create(
            name="Tor Brekke", initials="TB", login="tor.brekke", created_at=self.now
        )
        rows = Participant.select(Participant.id, Participant.status).order_by(Participant.id)
        handed = False
        for index, row in enumerate(rows):
            participant = row.id
            colleague = {1: eva, 3: tor}.get(index % 4)
            if colleague is None:
                continue
            Participant.update(responsible=colleague).where(Participant.id == participant).execute()
            Contact.update(logged_by=colleague).where(Contact.participant == participant).execute()
            Callback.update(logged_by=colleague).where(
                Callback.participant == participant
            ).execute()
            if colleague is eva and row.status == "active" and not handed:
                handed = True
                Handover.create(
                    participant=participant, from_person=self.tp, to_person=eva,
                    handed_on=self.ago(30), note="Eva tar over mens jeg har permisjon",
                    recorded_at=self.at(self.ago(30), 14),
                )  # fmt: skip


def is_empty() -> bool:
    """No participants in the bound database."""
    return not Participant.select().exists()


def _fill_person(demo: _Demo, person: Person) -> Participant:
    """One participant with the process, goals, group, plan, consents and contacts."""
    dates = [demo.ago(days) for days in person.stages]
    p = demo.participant(person, dates)
    if person.status == GUEST:
        demo.guest_talks(p, person)
        return p
    end = dates[-1] if person.closing else demo.ago(1)
    demo.stages(p, person, dates)
    demo.consents(p, person, dates[0])
    if person.reached >= 2:
        demo.goals(p, dates, end)
        lead = demo.group(p, dates[2]) if person.reached >= 3 else None
        demo.plan(p, person, dates, lead)
    if person.reached >= 3 and demo.rng.random() < 0.6:
        demo.ratings(p, dates[1] + timedelta(days=7), end - timedelta(days=demo.rng.randint(3, 20)))
    demo.history(p, person, dates)
    return p


# Consents recorded as a trust person records them (the register, with history): one to a
# named service, one for contact notes that ends within Today's warning, one given orally.
RECORDED_CONSENTS = (
    ("Kari Nordmann", "notes", "", 60, 12, "written"),
    ("Roy-Arne Sivertsen", "plan", "NAV Tromsø", 90, 200, "written"),
    ("Tor Einar Dahle", "callbacks", "", 40, None, "oral"),
)


def _recorded_consents(clock: Clock) -> None:
    from tp_tui.i18n import format_date
    from tp_tui.services.consent import ConsentInput, record_consent

    today = clock.now().date()
    for name, scope, to, given_ago, ends_in, how in RECORDED_CONSENTS:
        person = Participant.get_or_none(Participant.name == name)
        if person is None:
            continue
        ends = format_date(today + timedelta(days=ends_in)) if ends_in is not None else ""
        given = format_date(today - timedelta(days=given_ago))
        record_consent(person.id, ConsentInput(scope, to, given, ends, how), clock)


def fill_demo(clock: Clock, seed: int = 48) -> None:
    """Fill the bound database with fictional participants, contacts, callbacks and rounds."""
    with write():
        demo = _Demo(clock, seed)
        demo.rounds()
        reachable = []
        for person in PEOPLE:
            p = _fill_person(demo, person)
            if person.status == ACTIVE and person.quiet <= 6 and person.reached >= 2:
                reachable.append(p.id)
        for model in (StageRecord, ChecklistMark, ConsentGrant, GoalEvent, AreaRating, Contact):
            demo.flush(model)
        demo.done_callbacks()
        demo.open_callbacks(reachable)
        demo.flush(Callback)
        demo.team()
        _recorded_consents(clock)
        # Recording them made the demo's trust person the login of whoever built the file:
        # it stays unclaimed, so whoever opens the demo is its trust person.
        TrustPerson.update(login="").where(TrustPerson.id == demo.tp.id).execute()
        fill_demo_surveys(clock.now().date(), seed)
        fill_demo_meetings(clock.now().date())
