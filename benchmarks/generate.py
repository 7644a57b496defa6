"""Realistic fictional tp-tui databases at 1k, 100k and 1M contacts, for the benchmarks.

Deterministic: the same size, seed and generator version give the same rows. Every file is made
through ``tp_tui.db.open_database``, so the schema, indexes, the FTS5 search index and its
triggers are the app's own (the triggers fill the search index while rows are inserted, exactly as
when the app saves). Rows are bulk-inserted with ``executemany`` on the app's connection, in one
transaction, with the stored formats of the models (UTC ISO text for moments, ISO dates, 0/1).

Proportions (per size ``n`` contacts): about one participant per 40 contacts (most closed, some
archived; a few active, paused and met-at-rounds guests), stage records and checklist ticks,
goals with their events, area ratings, responsibility groups and plans, consents, callbacks (about
one per 8 contacts; nearly all returned, a few still owed this week), weekly rounds at the meeting
places over the years, the revisions the app writes on every save, audit rows for views and
exports. The history spans 1 year at 1k, 7 at 100k and 10 at 1M; the team grows with the size.

One reference participant, "Kari Nordmann", has the same history in every file (120 contacts,
goals, a group, open callbacks), so a screen about her can be compared across sizes.

Files are cached under ``benchmarks/.cache/`` with a JSON sidecar and rebuilt only when the
generator version or the app's schema version changes. All names, numbers and notes are invented.

    .venv/bin/python -m benchmarks.generate [--sizes 1k,100k,1M] [--force]
"""

from __future__ import annotations

import argparse
import bisect
import json
import math
import random
import sqlite3
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from operator import itemgetter
from pathlib import Path
from typing import Any, overload

from tp_tui.clock import OSLO
from tp_tui.db import close_database, open_database
from tp_tui.demo import (
    ABOUT,
    AGENCIES,
    AREA_NOTES,
    CALLBACK_REASONS,
    CLOSING_NOTES,
    DESTINATIONS,
    GOALS,
    GROUP_NOTES,
    GUEST_NOTES,
    OUTCOME_NOTES,
    PLAIN_NOTES,
    REFERRALS,
    ROUND_NOTES,
    SMS_NOTES,
    STAFF,
    STAGE_REASONS,
)
from tp_tui.domain import CHECKLIST, LifeArea, Stage
from tp_tui.folding import search_text, sort_key
from tp_tui.migrations import LATEST_VERSION
from tp_tui.phone import phone_digits

GENERATOR_VERSION = 1
SEED = 4826
# Thursday of ISO week 48, 10:00 in Oslo, as in the tests: rounds later today, calls due today.
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=OSLO)
TODAY = NOW.date()
NOW_TS = NOW.timestamp()
SIZES: dict[str, int] = {"1k": 1_000, "100k": 100_000, "1M": 1_000_000}
CACHE_DIR = Path(__file__).resolve().parent / ".cache"
REFERENCE_NAME = "Kari Nordmann"
REFERENCE_CONTACTS = 120
CONTACTS_PER_PARTICIPANT = 40
RARE_NOTE = "Snakket om turen til Svalbard i sommer"  # about one note in 10 000

FIRST_NAMES = tuple(
    "Anne|Kari|Tor|Ola|Siv|Øyvind|Åse|Bjørn|Kjersti|Geir|Hilde|Rune|Trine|Espen|Linn|Stian|"
    "Marte|Roy|Camilla|Frode|Gunnhild|Ronny|Bente|Jeanette|Kenneth|Aleksander|Tone|Per|"
    "Eirik|Ingrid|Sigrid|Håkon|Vegard|Jørgen|Solveig|Terje|Mona|Lars|Nina|Arild|Mette|"
    "Jan Ove|Tor Einar|Anne-Lise|Roy-Arne|Linn Therese|Marit|Astrid|Odd|Svein|Kjetil|Randi|"
    "Unni|Ørjan|Åsmund|Ståle|Grete|Heidi|Synnøve|Ragnhild"
    "".split("|")
)
LAST_NAMES = tuple(
    "Hansen|Johansen|Olsen|Larsen|Andersen|Pedersen|Nilsen|Berg|Haugen|Hagen|Dahl|Lie|Bakke|"
    "Moen|Strand|Solberg|Bråten|Åsheim|Ødegård|Lysø|Hovde|Dahle|Hegge|Rønning|Vatne|Eggen|"
    "Kvalheim|Storvik|Lauvås|Fossum|Sivertsen|Sæther|Aas|Øien|Kristiansen|Jakobsen|"
    "Halvorsen|Eide|Tangen|Sandvik|Lunde|Myhre|Gundersen|Brekke|Vik|Holm|Engen|Fjeld|Rød|"
    "Grøtte"
    "".split("|")
)
NICKNAMES = tuple(
    "Rød jakke|Mann med hund|Dama med sykkel|Gutten med lua|Han fra Tromsø|Blå caps|"
    "Mann med gitar|Hun med barnevogna"
    "".split("|")
)
FREE_CALLERS = tuple(
    "Mor til Jonas|Naboen til Per|Søster til en deltaker|Far til Emil|En venn av Linn".split("|")
)
DETAILS = tuple(
    "Avtalt ny time på torsdag|Møttes på biblioteket|Ringer igjen i morgen|"
    "Hadde med seg hunden|Snakket om jula|Trøtt etter en dårlig natt|Kaffe i Storgata|"
    "Skal på visning i Fjellveien|Tok bussen sammen til sentrum|Fikk brev fra Husbanken|"
    "Lånte telefonen for å ringe legen|Ville ha hjelp med et skjema|"
    "Snakket om bursdagen til sønnen|Har fått ny telefon|Gikk til apoteket etterpå|"
    "Spurte om kurs hos Fretex|Vil prøve treningssenteret|Bekymret for strømregningen"
    "".split("|")
)
EXTRA_PLACES = ("Sentrum", "Nord", "Sør", "Øst", "Vest", "Havna", "Fjellet", "Torget")
CONTACT_KINDS = (
    ("phone", 30),
    ("conversation", 28),
    ("sms", 9),
    ("home_visit", 7),
    ("accompaniment", 8),
    ("meeting_place", 8),
    ("group_meeting", 3),
)
TALK_ARENAS = (("cafe", 40), ("outdoors", 20), ("library", 15), ("office", 15), ("other", 10))
HOLIDAYS = {(12, 24), (12, 25), (12, 26), (12, 31), (1, 1)}
SCOPES = ("goals", "process", "plan", "group", "contacts")


def span_days(contacts: int) -> int:
    """Years of history: 1 at 1k, 7 at 100k, 10 at 1M (a growing team logs for longer)."""
    years = min(10.0, max(1.0, 1 + 3 * math.log10(max(contacts, 1000) / 1000)))
    return int(365 * years)


def moment(day: date, hour: int, minute: int = 0) -> float:
    """An Oslo wall-clock time as a POSIX timestamp."""
    return datetime.combine(day, dtime(hour, minute), OSLO).timestamp()


@overload
def stored(ts: float) -> str: ...
@overload
def stored(ts: None) -> None: ...
@overload
def stored(ts: float | None) -> str | None: ...
def stored(ts: float | None) -> str | None:
    """A timestamp as MomentField stores it: UTC ISO text to the second."""
    if ts is None:
        return None
    return datetime.fromtimestamp(int(ts), UTC).isoformat(timespec="seconds")


def day_of(ts: float) -> date:
    return datetime.fromtimestamp(ts, OSLO).date()


def iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def after_hours(ts: float) -> int:
    local = datetime.fromtimestamp(ts, OSLO)
    return int(local.weekday() >= 5 or local.hour < 8 or (local.hour, local.minute) >= (15, 30))


def mask(areas: list[LifeArea]) -> int:
    members = list(LifeArea)
    return sum(1 << members.index(area) for area in areas)


@dataclass
class Profile:
    name: str
    status: str
    first: date
    end: date  # the day of the last contact
    intake: date | None = None
    stages: list[tuple[int, date]] = field(default_factory=list)
    closing: str | None = None
    archived: date | None = None
    contacts: int = 0
    nickname: bool = False
    reference: bool = False
    id: int = 0
    tp: int = 1
    phone: str | None = None
    referral: str = "self"

    @property
    def reached(self) -> int:
        """The last working stage (1–5) reached."""
        return max((s for s, _ in self.stages if s < 6), default=0)

    def stage_day(self, stage: int) -> date | None:
        return next((d for s, d in self.stages if s == stage), None)


class Generator:
    def __init__(self, contacts: int, seed: int = SEED) -> None:
        self.n = contacts
        self.rng = random.Random(f"{seed}-{contacts}")
        self.span = span_days(contacts)
        self.start = TODAY - timedelta(days=self.span)
        self.participants = max(25, contacts // CONTACTS_PER_PARTICIPANT)
        per_day = contacts / self.span
        self.trust_persons = max(1, round(per_day / 5))
        self.teams = max(1, math.ceil(self.trust_persons / 8))
        self.phones: set[str] = set()
        self.counts: dict[str, int] = {}

    # -- helpers ---------------------------------------------------------------------------
    def pick(self, weighted: tuple[tuple[str, int], ...]) -> str:
        return self.rng.choices([w[0] for w in weighted], [w[1] for w in weighted])[0]

    def phone(self, rng: random.Random | None = None) -> str:
        rng = rng or self.rng
        while True:
            number = f"+47{rng.choice('49')}{rng.randrange(10**7):07d}"
            if number not in self.phones:
                self.phones.add(number)
                return number

    def name(self) -> str:
        first = self.rng.choice(FIRST_NAMES)
        last = self.rng.choice(LAST_NAMES)
        if self.rng.random() < 0.08:
            last = f"{self.rng.choice(LAST_NAMES)}-{last}"
        return f"{first} {last}"

    def working_day(self, day: date) -> date:
        """Most contacts fall on working days: a weekend day usually moves to Friday."""
        if day.weekday() >= 5 and self.rng.random() < 0.85:
            day -= timedelta(days=day.weekday() - 4)
        return day

    # -- people ----------------------------------------------------------------------------
    def stages_between(self, intake: date, last: date, count: int) -> list[tuple[int, date]]:
        span = max((last - intake).days, count)
        offsets = sorted(self.rng.sample(range(1, span + 1), count - 1)) if count > 1 else []
        days = [intake] + [min(intake + timedelta(days=o), last) for o in offsets]
        return list(zip(range(1, count + 1), days, strict=True))

    def profile(self) -> Profile:
        roll = self.rng.random()
        if roll < 0.86:
            return self.closed_profile()
        if roll < 0.95:
            return self.open_profile("active", quiet=self.quiet())
        if roll < 0.97:
            return self.open_profile("paused", quiet=self.rng.randint(20, 60))
        return self.guest_profile()

    def quiet(self) -> int:
        roll = self.rng.random()
        if roll < 0.7:
            return self.rng.randint(0, 7)
        if roll < 0.9:
            return self.rng.randint(8, 14)
        return self.rng.randint(15, 45)

    def closed_profile(self) -> Profile:
        duration = self.rng.randint(90, 360)
        latest_start = max(1, self.span - duration - 30)
        first = self.start + timedelta(days=self.rng.randrange(latest_start))
        end = min(first + timedelta(days=duration), TODAY - timedelta(days=20))
        intake = first + timedelta(days=self.rng.randint(3, 25))
        count = self.rng.choices((1, 2, 3, 4, 5), (1, 2, 3, 3, 3))[0]
        stages = self.stages_between(intake, end - timedelta(days=1), count)
        stages.append((6, end))
        closing = self.rng.choice(list(CLOSING_NOTES))
        archived = None
        if self.rng.random() < 0.4:
            day = end + timedelta(days=self.rng.randint(30, 200))
            archived = day if day < TODAY else None
        return Profile(self.name(), "closed", first, end, intake, stages, closing, archived)

    def open_profile(self, status: str, quiet: int) -> Profile:
        duration = self.rng.randint(max(20, quiet + 10), max(60, min(540, self.span - 5)))
        first = TODAY - timedelta(days=duration)
        intake = first + timedelta(days=self.rng.randint(3, min(20, duration - quiet - 2)))
        end = TODAY - timedelta(days=quiet)
        end = max(end, intake)
        count = min(5, 1 + (end - intake).days // 60)
        count = max(1, count - self.rng.randint(0, 1))
        stages = self.stages_between(intake, end, count)
        return Profile(self.name(), status, first, end, intake, stages)

    def guest_profile(self) -> Profile:
        first = TODAY - timedelta(days=self.rng.randint(3, 120))
        name = self.rng.choice(NICKNAMES)
        profile = Profile(name, "prospective", first, first, nickname=True)
        profile.referral = "meeting_place"
        profile.contacts = self.rng.randint(1, 3)
        return profile

    def reference(self) -> Profile:
        """Kari Nordmann: the same history at every size (her own random stream)."""
        first = TODAY - timedelta(days=330)
        intake = TODAY - timedelta(days=310)
        stages = [
            (1, intake),
            (2, TODAY - timedelta(days=280)),
            (3, TODAY - timedelta(days=220)),
            (4, TODAY - timedelta(days=150)),
        ]
        profile = Profile(
            REFERENCE_NAME,
            "active",
            first,
            TODAY - timedelta(days=1),
            intake,
            stages,
            reference=True,
        )
        profile.contacts = REFERENCE_CONTACTS
        profile.referral = "nav"
        return profile

    def people(self) -> list[Profile]:
        profiles = [self.reference()] + [self.profile() for _ in range(self.participants - 1)]
        budget = self.n - sum(p.contacts for p in profiles if p.reference or p.nickname)
        others = [p for p in profiles if not (p.reference or p.nickname)]
        weights = [(p.end - p.first).days + 7 for p in others]
        total = sum(weights)
        for p, weight in zip(others, weights, strict=True):
            p.contacts = max(1, int(budget * weight / total))
        diff = budget - sum(p.contacts for p in others)
        while diff:
            p = self.rng.choice(others)
            if diff > 0:
                p.contacts += 1
                diff -= 1
            elif p.contacts > 1:
                p.contacts -= 1
                diff += 1
        profiles.sort(key=lambda p: (p.first, p.name))
        ref_rng = random.Random(f"{SEED}-reference")
        for number, p in enumerate(profiles, start=1):
            p.id = number
            p.tp = self.rng.randint(1, self.trust_persons)
            if p.reference:
                p.phone = self.phone(ref_rng)
            elif not p.nickname:
                p.phone = self.phone()
                p.referral = self.rng.choice(list(REFERRALS))
        return profiles

    # -- the whole file --------------------------------------------------------------------
    def build(self, path: Path) -> dict[str, Any]:
        for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            candidate.unlink(missing_ok=True)
        database = open_database(path)
        conn: sqlite3.Connection = database.connection()
        # Generation only: a big cache and no journal; the file ends in WAL as the app keeps it.
        for pragma in ("cache_size = -400000", "journal_mode = MEMORY", "synchronous = OFF"):
            conn.execute(f"PRAGMA {pragma}").fetchall()
        with database.atomic():
            self.fill(conn)
        conn.execute("PRAGMA journal_mode = WAL").fetchall()
        close_database()
        return self.counts

    def insert(self, conn: sqlite3.Connection, table: str, columns: str, rows: Any) -> None:
        names = [c.strip() for c in columns.split(",")]
        info = conn.execute(f"PRAGMA table_info({table})").fetchall()
        missing = [row[1] for row in info if row[3] and row[4] is None and row[1] not in names]
        missing = [m for m in missing if not (m == "id" and "id" not in names)]
        if missing:
            raise SystemExit(
                f"generate.py: table {table} has NOT NULL columns the generator does not fill: "
                f"{missing}. Update GENERATOR_VERSION and the generator."
            )
        marks = ", ".join("?" * len(names))
        cursor = conn.executemany(
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", rows
        )
        self.counts[table] = self.counts.get(table, 0) + max(cursor.rowcount, 0)

    def fill(self, conn: sqlite3.Connection) -> None:
        rng = self.rng
        created = stored(moment(self.start - timedelta(days=30), 9))
        tps = [
            (
                i + 1,
                STAFF[i % len(STAFF)] + ("" if i < len(STAFF) else f" {i // len(STAFF)}"),
                "",
                created,
            )
            for i in range(self.trust_persons)
        ]
        tps = [(i, name, "".join(w[0] for w in name.split()[:2]), at) for i, name, _, at in tps]
        self.insert(conn, "trust_person", "id, name, initials, created_at", tps)

        # Meeting places: the three of migration 1, and more for a bigger team.
        existing = conn.execute(
            "SELECT id, weekday, start_time, planned_minutes FROM meeting_place ORDER BY sort_order"
        ).fetchall()
        extra: list[tuple[int, str, str, int, str, int, int, int]] = []
        next_id = max(row[0] for row in existing) + 1
        for team in range(1, self.teams):
            for base, threshold, hour in (
                ("Kafé 103", "low", "11:00"),
                ("Kafé X", "sober", "12:30"),
                ("Huset", "high", "14:00"),
            ):
                name = f"{base} {EXTRA_PLACES[(team - 1) % len(EXTRA_PLACES)]}"
                if team > len(EXTRA_PLACES):
                    name += f" {team}"
                weekday = rng.choice((1, 2, 3))
                extra.append((next_id, name, threshold, weekday, hour, 60, 1, 10 + len(extra)))
                next_id += 1
        self.insert(
            conn,
            "meeting_place",
            "id, name, threshold, weekday, start_time, planned_minutes, active, sort_order",
            extra,
        )
        places = existing + [(row[0], row[3], row[4], row[5]) for row in extra]

        visits = self.visits(conn, places)
        visit_days = sorted(visits)
        profiles = self.people()
        self.insert_people(conn, profiles)
        contacts = self.contacts(profiles, visits, visit_days)
        self.insert_contacts(conn, contacts)
        callbacks = self.callbacks(contacts, profiles)
        self.insert_callbacks(conn, callbacks)
        self.revisions_and_audit(conn, profiles, contacts, callbacks)

    def visits(
        self, conn: sqlite3.Connection, places: list[tuple[int, int, str, int]]
    ) -> dict[date, list[tuple[int, float, int]]]:
        rng = self.rng
        rows = []
        by_day: dict[date, list[tuple[int, float, int]]] = {}
        monday = self.start - timedelta(days=self.start.weekday())
        number = 0
        while monday <= TODAY:
            for place_id, weekday, start_time, planned in places:
                day = monday + timedelta(days=weekday)
                hour, minute = (int(x) for x in start_time.split(":"))
                start = moment(day, hour, minute)
                if day < self.start or start + planned * 60 > NOW_TS:
                    continue
                if (day.month, day.day) in HOLIDAYS or rng.random() < 0.06:
                    continue
                number += 1
                minutes = rng.randint(50, 70)
                rows.append(
                    (
                        number,
                        place_id,
                        iso(day),
                        stored(start),
                        minutes,
                        rng.randint(2, 9),
                        rng.randint(0, 2),
                        mask(rng.sample(list(LifeArea), 2)),
                        rng.choice(ROUND_NOTES),
                        rng.randint(1, self.trust_persons),
                        stored(min(start + (planned + 120) * 60, NOW_TS)),
                    )
                )
                by_day.setdefault(day, []).append((number, start, minutes))
            monday += timedelta(days=7)
        self.insert(
            conn,
            "round_visit",
            "id, place_id, visited_on, started_at, minutes, "
            "conversations, new_people, life_areas, note, logged_by_id, created_at",
            rows,
        )
        return by_day

    def insert_people(self, conn: sqlite3.Connection, profiles: list[Profile]) -> None:
        rng = self.rng
        people, stages, marks, goals, events, ratings = [], [], [], [], [], []
        members, plans, consents, exports = [], [], [], []
        goal_id = member_id = 0
        for p in profiles:
            closed_on = p.end if p.status == "closed" else None
            phone = p.phone
            people.append(
                (
                    p.id,
                    p.name,
                    search_text(p.name, phone_digits(phone)),
                    sort_key(p.name),
                    int(p.nickname),
                    phone,
                    p.status,
                    p.referral,
                    "" if p.nickname else REFERRALS[p.referral],
                    iso(p.first),
                    iso(p.intake),
                    iso(closed_on),
                    p.closing,
                    iso(p.intake),
                    "",
                    rng.choice(ABOUT),
                    p.tp,
                    stored(moment(p.archived, 14)) if p.archived else None,
                    stored(moment(p.first, 12)),
                    stored(min(moment(p.end, 15, 30), NOW_TS)),
                    2 if p.status == "closed" else 1,
                )
            )
            if not p.stages:
                continue
            ends = [d for _, d in p.stages[1:]] + [min(p.end, TODAY)]
            for index, (stage, entered) in enumerate(p.stages):
                closing = stage == 6
                reason = (
                    CLOSING_NOTES[p.closing or ""] if closing else rng.choice(STAGE_REASONS[stage])
                )
                early = closing and (entered - p.stages[0][1]).days < 91
                stages.append(
                    (
                        p.id,
                        1,
                        stage,
                        iso(entered),
                        reason,
                        p.closing if closing else None,
                        (1 if early else None) if closing else None,
                        stored(min(moment(entered, 15, 30), NOW_TS)),
                    )
                )
                items = list(CHECKLIST[Stage(stage)])
                current = index == len(p.stages) - 1 and not closing
                if current:
                    items = items[: rng.randint(0, len(items) - 1)]
                if closing and p.closing != "others_take_over":
                    items.remove("who_takes_over")
                span = max((ends[index] - entered).days, 0)
                for number, item in enumerate(items):
                    done = entered + timedelta(days=span * number // max(len(items), 1))
                    marks.append((p.id, 1, stage, item, iso(done), ""))
            for scope in SCOPES if rng.random() < 0.85 or p.reference else rng.sample(SCOPES, 3):
                withdrawn = None
                if rng.random() < 0.03 and not p.reference:
                    withdrawn = iso(p.intake + timedelta(days=30)) if p.intake else None
                consents.append((p.id, scope, "group", iso(p.intake), withdrawn, ""))
            mapped = p.stage_day(2)
            if mapped is not None:
                last = min(p.end, TODAY)
                areas = rng.sample(list(LifeArea), 3 if p.reference else rng.randint(1, 4))
                for order, area in enumerate(areas):
                    goal_id += 1
                    text = rng.choice(GOALS[area])
                    status = rng.choices(
                        ("wanted", "working", "reached", "put_aside"),
                        (5, 4 + p.reached, p.reached, 1),
                    )[0]
                    made = min(mapped + timedelta(days=rng.randint(0, 14)), last)
                    changed = (
                        made
                        if status == "wanted"
                        else made + timedelta(days=rng.randint(0, max((last - made).days, 0)))
                    )
                    goals.append(
                        (goal_id, p.id, area.value, text, status, iso(made), iso(changed), order)
                    )
                    events.append((goal_id, stored(moment(made, 13)), "wanted", text, ""))
                    if status != "wanted":
                        at = stored(min(moment(changed, 14, 30), NOW_TS))
                        events.append((goal_id, at, status, text, ""))
                grouped = p.stage_day(3)
                lead = None
                if grouped is not None:
                    others = [
                        "gp",
                        "mental_health",
                        "substance_service",
                        "housing",
                        "specialist",
                        "home_care",
                    ]
                    agencies = ["nav", *rng.sample(others, rng.randint(1, 3))]
                    lead_agency = rng.choice(agencies[:2])
                    for agency, staff in zip(
                        agencies, rng.sample(STAFF, len(agencies)), strict=True
                    ):
                        member_id += 1
                        if agency == lead_agency:
                            lead = member_id
                        phone = self.phone() if rng.random() < 0.7 else None
                        members.append(
                            (
                                member_id,
                                p.id,
                                agency,
                                staff,
                                AGENCIES[agency],
                                phone,
                                int(agency == lead_agency),
                                iso(grouped),
                                None,
                            )
                        )
                    if rng.random() < 0.6 or p.reference:
                        first_day = mapped + timedelta(days=7)
                        second = max(first_day, last - timedelta(days=rng.randint(3, 20)))
                        for area in LifeArea:
                            before = rng.randint(1, 3)
                            after = max(1, min(5, before + rng.randint(-1, 2)))
                            ratings.append((p.id, area.value, before, iso(first_day), ""))
                            ratings.append((p.id, area.value, after, iso(second), ""))
                    for _ in range(2 if p.reference else rng.randint(0, 3)):
                        day = grouped + timedelta(
                            days=rng.randint(0, max((last - grouped).days, 0))
                        )
                        exports.append(
                            (
                                p.id,
                                stored(moment(day, 8, 30)),
                                "summary",
                                rng.choice(("pdf", "md", "html")),
                            )
                        )
                status = "draft"
                if p.reached >= 4:
                    status = "handed_over"
                elif p.reached == 3:
                    status = rng.choice(("offered", "accepted", "declined"))
                plans.append(
                    (
                        p.id,
                        1,
                        status,
                        iso(mapped + timedelta(days=3)),
                        iso(grouped + timedelta(days=7)) if grouped else None,
                        None,
                        None,
                        None,
                        lead,
                        "",
                        stored(min(moment(p.end, 15), NOW_TS)),
                    )
                )
        self.insert(
            conn,
            "participant",
            "id, name, search_text, sort_key, name_is_nickname, "
            "phone, status, referral_source, referral_note, first_contact_on, intake_on, "
            "closed_on, closing_reason, consent_recorded_on, consent_note, about, "
            "responsible_id, archived_at, created_at, updated_at, version",
            people,
        )
        self.insert(
            conn,
            "stage_record",
            "participant_id, period, stage, entered_on, reason, "
            "closing_reason, early_close_confirmed, recorded_at",
            stages,
        )
        self.insert(
            conn, "checklist_mark", "participant_id, period, stage, item, done_on, note", marks
        )
        self.insert(
            conn,
            "consent_grant",
            "participant_id, scope, recipient, given_on, withdrawn_on, note",
            consents,
        )
        self.insert(
            conn,
            "goal",
            "id, participant_id, life_area, text, status, created_on, status_on, sort_order",
            goals,
        )
        events.sort(key=itemgetter(1))
        self.insert(conn, "goal_event", "goal_id, at, status, text, note", events)
        self.insert(
            conn, "area_rating", "participant_id, life_area, rating, rated_on, note", ratings
        )
        self.insert(
            conn,
            "group_member",
            "id, participant_id, agency, name, role, phone, is_coordinator, joined_on, left_on",
            members,
        )
        self.insert(
            conn,
            "individual_plan",
            "participant_id, period, status, draft_started_on, "
            "offered_on, accepted_on, declined_on, handed_over_on, coordinator_id, note, "
            "updated_at",
            plans,
        )
        exports.sort(key=itemgetter(1))
        self.insert(conn, "export_record", "participant_id, at, what, format", exports)
        self.exports = exports

    # -- contacts --------------------------------------------------------------------------
    def note(self, kind: str, outcome: str, areas: list[LifeArea]) -> str:
        rng = self.rng
        if outcome != "reached":
            return rng.choice(OUTCOME_NOTES[outcome])
        if kind == "sms":
            return rng.choice(SMS_NOTES)
        if kind == "group_meeting":
            return rng.choice(GROUP_NOTES)
        if kind == "meeting_place":
            return rng.choice(PLAIN_NOTES + GUEST_NOTES)
        base = rng.choice(AREA_NOTES[areas[0]]) if areas else rng.choice(PLAIN_NOTES)
        roll = rng.random()
        if roll < 0.0001:
            return f"{base}. {RARE_NOTE}" if base else RARE_NOTE
        if roll < 0.35:
            detail = rng.choice(DETAILS)
            return f"{base}. {detail}" if base else detail
        return base

    def contacts(
        self,
        profiles: list[Profile],
        visits: dict[date, list[tuple[int, float, int]]],
        visit_days: list[date],
    ) -> list[tuple[Any, ...]]:
        """(ts, participant, kind, arena, destination, minutes, mask, outcome, note,
        after_hours, round visit, logged by), sorted by time: ids follow the order of logging."""
        rows: list[tuple[Any, ...]] = []
        saved = self.rng
        kinds = [k for k, _ in CONTACT_KINDS]
        weights = [w for _, w in CONTACT_KINDS]
        destinations = list(DESTINATIONS)
        for p in profiles:
            if p.reference:
                self.rng = random.Random(f"{SEED}-reference-contacts")
            rng = self.rng
            window = max((p.end - p.first).days, 0)
            grouped = p.stage_day(3)
            for number in range(p.contacts):
                last = number == p.contacts - 1
                day = (
                    p.end
                    if last
                    else self.working_day(p.first + timedelta(days=rng.randint(0, window)))
                )
                kind = "meeting_place" if p.nickname else rng.choices(kinds, weights)[0]
                if kind == "group_meeting" and (grouped is None or day < grouped):
                    kind = "conversation"
                if last and not p.nickname:
                    kind = "conversation"
                visit = None
                if kind == "meeting_place":
                    found = bisect.bisect_right(visit_days, day) - 1
                    if found >= 0 and (visit_days[found] >= p.first or p.nickname):
                        day = visit_days[found]
                        visit = rng.choice(visits[day])
                    else:
                        kind = "conversation"
                outcome = "reached"
                if not last and kind == "phone":
                    outcome = rng.choices(("reached", "no_answer", "left_message"), (16, 2, 2))[0]
                elif not last and kind in ("conversation", "accompaniment", "home_visit"):
                    outcome = rng.choices(("reached", "no_show"), (23, 2))[0]
                evening = kind == "phone" and rng.random() < 0.08
                if visit is not None:
                    ts = visit[1] + 60 * rng.randrange(5, max(visit[2] - 10, 6), 5)
                elif day == TODAY:
                    ts = moment(day, rng.randint(7, 9), rng.randrange(0, 60, 5))
                else:
                    hour = rng.randint(18, 21) if evening else rng.randint(9, 15)
                    ts = moment(day, hour, rng.randrange(0, 60, 5))
                areas = rng.sample(list(LifeArea), rng.choice((0, 1, 1, 1, 2)))
                destination = None
                arena: str | None
                if kind == "accompaniment":
                    destination = rng.choice(destinations)
                    arena, area, note = DESTINATIONS[destination]
                    areas = [area]
                    if outcome != "reached":
                        note = rng.choice(OUTCOME_NOTES[outcome])
                else:
                    note = self.note(kind, outcome, areas)
                    arena = {
                        "phone": "phone",
                        "sms": "phone",
                        "home_visit": "home",
                        "meeting_place": "meeting_place",
                    }.get(kind)
                    if kind == "group_meeting":
                        arena = rng.choice(("nav", "office", "health_service"))
                        areas = rng.sample(list(LifeArea), 3)
                    arena = arena or self.pick(TALK_ARENAS)
                if outcome != "reached":
                    areas = []
                minutes: int | None = rng.choice((30, 45, 60, 90))
                if kind == "phone":
                    minutes = rng.randint(4, 25)
                elif kind == "meeting_place":
                    minutes = rng.randint(10, 25)
                if kind == "sms" or outcome in ("no_answer", "no_show"):
                    minutes = None
                rows.append(
                    (
                        ts,
                        p.id,
                        kind,
                        arena,
                        destination,
                        minutes,
                        mask(areas),
                        outcome,
                        note,
                        after_hours(ts),
                        visit[0] if visit else None,
                        p.tp,
                    )
                )
            if p.reference:
                self.rng = saved
        rows.sort(key=itemgetter(0, 1))
        return rows

    def insert_contacts(self, conn: sqlite3.Connection, contacts: list[tuple[Any, ...]]) -> None:
        def rows() -> Any:
            for number, c in enumerate(contacts, start=1):
                at = stored(c[0])
                yield (
                    number,
                    c[1],
                    at,
                    c[2],
                    c[3],
                    c[4],
                    "",
                    c[5],
                    c[6],
                    c[7],
                    c[8],
                    c[9],
                    c[10],
                    c[11],
                    at,
                    at,
                    1,
                )

        self.insert(
            conn,
            "contact",
            "id, participant_id, at, kind, arena, destination, "
            "destination_note, duration_minutes, life_areas, outcome, note, after_hours, "
            "round_visit_id, logged_by_id, created_at, updated_at, version",
            rows(),
        )

    # -- callbacks -------------------------------------------------------------------------
    def callbacks(
        self, contacts: list[tuple[Any, ...]], profiles: list[Profile]
    ) -> list[tuple[Any, ...]]:
        """(received, participant, caller, caller phone, reason, due, done, outcome, contact,
        logged by), sorted by when the call came in."""
        rng = self.rng
        rows: list[tuple[Any, ...]] = []
        for number, c in enumerate(contacts, start=1):
            if c[2] != "phone" or c[7] != "reached" or rng.random() > 0.45:
                continue
            ts = c[0]
            day = day_of(ts)
            if rng.random() < 0.12:
                day -= timedelta(days=1)
                received = moment(day, rng.randint(13, 14), rng.randrange(0, 60, 5))
            else:
                received = max(moment(day, 8), ts - 60 * rng.randint(60, 240))
                received = min(received, ts - 15 * 60)
            due = max(moment(day, 15, 30), received + 3600)
            rows.append(
                (
                    received,
                    c[1],
                    "",
                    None,
                    rng.choice(CALLBACK_REASONS),
                    due,
                    ts,
                    "reached",
                    number,
                    c[11],
                )
            )
        for p in profiles:
            chance = {"active": 0.12, "paused": 0.05}.get(p.status, 0.0)
            owed = 2 if p.reference else int(rng.random() < chance)
            for index in range(owed):
                offset = -1 - index if p.reference else rng.randint(-4, 6)
                due_day = TODAY + timedelta(days=offset)
                due = (
                    moment(due_day, 15, 30)
                    if rng.random() < 0.7
                    else moment(due_day, rng.randint(10, 14))
                )
                if p.reference and index == 1:
                    due = moment(TODAY + timedelta(days=2), 10)
                received = min(moment(min(due_day, TODAY), 8, 30), NOW_TS - 1800)
                rows.append(
                    (
                        received,
                        p.id,
                        "",
                        None,
                        rng.choice(CALLBACK_REASONS),
                        due,
                        None,
                        None,
                        None,
                        p.tp,
                    )
                )
        free = max(2, self.participants // 50)
        for index in range(free):
            still_open = index < max(1, free // 20)
            if still_open:
                due = moment(TODAY + timedelta(days=rng.randint(-2, 3)), 15, 30)
                received = min(due - 6 * 3600, NOW_TS - 3600)
                done = None
            else:
                day = self.start + timedelta(days=rng.randrange(self.span - 5))
                received = moment(self.working_day(day), rng.randint(9, 13))
                due = received + 6 * 3600
                done = received + 3600 * rng.randint(1, 5)
            rows.append(
                (
                    received,
                    None,
                    rng.choice(FREE_CALLERS),
                    self.phone(),
                    "Lurer på hva en tillitsperson kan gjøre",
                    due,
                    done,
                    "reached" if done else None,
                    None,
                    rng.randint(1, self.trust_persons),
                )
            )
        rows.sort(key=itemgetter(0))
        return rows

    def insert_callbacks(self, conn: sqlite3.Connection, callbacks: list[tuple[Any, ...]]) -> None:
        def rows() -> Any:
            for number, c in enumerate(callbacks, start=1):
                received, done = stored(c[0]), stored(c[6])
                yield (
                    number,
                    c[1],
                    c[2],
                    c[3],
                    c[4],
                    received,
                    stored(c[5]),
                    done,
                    c[7],
                    c[8],
                    None,
                    c[9],
                    received,
                    done or received,
                    2 if done else 1,
                )

        self.insert(
            conn,
            "callback",
            "id, participant_id, caller_name, caller_phone, reason, "
            "received_at, due_at, done_at, outcome, contact_id, rescheduled_from_id, "
            "logged_by_id, created_at, updated_at, version",
            rows(),
        )

    # -- history the app writes on every save ------------------------------------------------
    def revisions_and_audit(
        self,
        conn: sqlite3.Connection,
        profiles: list[Profile],
        contacts: list[tuple[Any, ...]],
        callbacks: list[tuple[Any, ...]],
    ) -> None:
        rng = self.rng
        revisions: list[tuple[Any, ...]] = []
        for p in profiles:
            revisions.append((moment(p.first, 12), "participant", p.id, p.id, "create", "{}"))
        for number, c in enumerate(contacts, start=1):
            revisions.append((c[0], "contact", number, c[1], "create", "{}"))
        for number, c in enumerate(callbacks, start=1):
            revisions.append((c[0], "callback", number, c[1], "create", "{}"))
            if c[6] is not None:
                before = {
                    "id": number,
                    "participant": c[1],
                    "caller_name": c[2],
                    "caller_phone": c[3],
                    "reason": c[4],
                    "received_at": stored(c[0]),
                    "due_at": stored(c[5]),
                    "done_at": None,
                    "outcome": None,
                    "contact": None,
                    "rescheduled_from": None,
                    "logged_by": c[9],
                    "created_at": stored(c[0]),
                    "updated_at": stored(c[0]),
                    "version": 1,
                }
                data = json.dumps(before, ensure_ascii=False)
                revisions.append((c[6], "callback", number, c[1], "update", data))
        revisions.sort(key=itemgetter(0))
        self.insert(
            conn,
            "revision",
            "at, entity, entity_id, participant_id, action, data",
            ((stored(r[0]), *r[1:]) for r in revisions),
        )
        del revisions
        audit: list[tuple[Any, ...]] = []
        for _ in range(self.n // 10):
            c = contacts[rng.randrange(len(contacts))]
            audit.append((min(c[0] + 300, NOW_TS - 60), "view", c[1], "", None))
        for number, (pid, at, what, _) in enumerate(self.exports, start=1):
            audit.append(
                (datetime.fromisoformat(at).timestamp(), f"export.{what}", pid, "export", number)
            )
        audit.sort(key=itemgetter(0))
        self.insert(
            conn,
            "audit_event",
            "at, action, participant_id, entity, entity_id",
            ((stored(a[0]), *a[1:]) for a in audit),
        )


# -- the cache ---------------------------------------------------------------------------------
def cache_paths(label: str) -> tuple[Path, Path]:
    return CACHE_DIR / f"tp-{label}.db", CACHE_DIR / f"tp-{label}.json"


def _fingerprint() -> dict[str, Any]:
    return {"generator": GENERATOR_VERSION, "schema": LATEST_VERSION, "seed": SEED}


def load_meta(label: str) -> dict[str, Any] | None:
    path, meta_path = cache_paths(label)
    try:
        meta: dict[str, Any] = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not path.exists() or meta.get("fingerprint") != _fingerprint():
        return None
    return meta


def verify(path: Path) -> dict[str, Any]:
    """Open the file as the app does, and check that the search index matches the tables."""
    started = time.perf_counter()
    database = open_database(path)
    opened = time.perf_counter() - started

    def one(sql: str, params: tuple[object, ...] | None = None) -> Any:
        return database.execute_sql(sql, params)

    def count(sql: str) -> int:
        return int(one(sql).fetchone()[0])

    try:
        expected = (
            count("SELECT COUNT(*) FROM contact WHERE note <> ''")
            + count("SELECT COUNT(*) FROM participant WHERE name <> ''")
            + count("SELECT COUNT(*) FROM callback WHERE reason <> ''")
        )
        indexed = count("SELECT COUNT(*) FROM search_index")
        if indexed != expected:
            raise SystemExit(f"search index has {indexed} rows, expected {expected}")
        sample = one(
            "SELECT contact.note, search_index.body FROM contact JOIN search_index "
            "ON search_index.rowid = contact.id * 4 + 1 WHERE contact.note <> '' "
            "ORDER BY contact.id DESC LIMIT 5"
        ).fetchall()
        if not sample or any(note != body for note, body in sample):
            raise SystemExit("search index text differs from the contact notes")
        reference = one(
            "SELECT id FROM participant WHERE name = ? ORDER BY id LIMIT 1", (REFERENCE_NAME,)
        ).fetchone()[0]
        return {
            "open_seconds": round(opened, 3),
            "search_index_rows": indexed,
            "reference_participant": reference,
        }
    finally:
        close_database()


def ensure(label: str, force: bool = False, quiet: bool = False) -> tuple[Path, dict[str, Any]]:
    """The cached database for a size label ("1k", "100k", "1M"), made when missing or stale."""
    path, meta_path = cache_paths(label)
    meta = None if force else load_meta(label)
    if meta is not None:
        return path, meta
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    partial = CACHE_DIR / f"tp-{label}.partial.db"
    if not quiet:
        print(f"generating {label} ({SIZES[label]:,} contacts) …", file=sys.stderr, flush=True)
    started = time.perf_counter()
    generator = Generator(SIZES[label])
    counts = generator.build(partial)
    seconds = time.perf_counter() - started
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    partial.replace(path)
    checks = verify(path)
    meta = {
        "fingerprint": _fingerprint(),
        "label": label,
        "contacts": SIZES[label],
        "now": NOW.isoformat(),
        "span_days": generator.span,
        "trust_persons": generator.trust_persons,
        "generate_seconds": round(seconds, 1),
        "file_bytes": path.stat().st_size,
        "rows": counts,
        **checks,
    }
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if not quiet:
        print(f"  {label}: {seconds:.1f} s, {path.stat().st_size / 1e6:.0f} MB", file=sys.stderr)
    return path, meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(SIZES), help="comma-separated: 1k,100k,1M")
    parser.add_argument("--force", action="store_true", help="rebuild even when cached")
    args = parser.parse_args(argv)
    for label in args.sizes.split(","):
        label = label.strip()
        if label not in SIZES:
            parser.error(f"unknown size {label!r}; choose from {', '.join(SIZES)}")
        path, meta = ensure(label, force=args.force)
        print(
            f"{label}: {path} ({meta['generate_seconds']} s to generate, "
            f"{meta['file_bytes'] / 1e6:.0f} MB)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
