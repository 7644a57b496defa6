"""The week's callback list: the data, the four formats, week parsing and printing."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from icalendar import Calendar

from tp_tui.clock import OSLO
from tp_tui.export import printing
from tp_tui.export.callback_list import (
    render_html,
    render_ics,
    render_text,
)
from tp_tui.export.callback_list_pdf import render_pdf
from tp_tui.folding import search_text, sort_key
from tp_tui.i18n import catalogue, set_language, t
from tp_tui.models import Callback, Participant
from tp_tui.services.callback_list import (
    CallbackWeek,
    ListLine,
    WeekError,
    callback_week,
    parse_week,
)

from .pdf_text import pdf_strings

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=OSLO)  # Thursday of week 48
LONG_NAME = "Anne-Marit Østerbø Kristiansen-Haugland Ødegård"  # 47 characters
HOSTILE = "<script>alert(1)</script> [bold] | # \x1b[2J**x**"


def at(day: int, hour: int, minute: int = 0, month: int = 11, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=OSLO)


def person(name: str, phone: str | None) -> Participant:
    return Participant.create(
        name=name,
        search_text=search_text(name),
        sort_key=sort_key(name),
        phone=phone,
        created_at=NOW,
        updated_at=NOW,
    )


def owed(
    due: datetime,
    reason: str,
    participant: Participant | None = None,
    caller: tuple[str, str | None] = ("", None),
    done: datetime | None = None,
) -> Callback:
    received = due - timedelta(hours=3)
    return Callback.create(
        participant=participant,
        caller_name=caller[0],
        caller_phone=caller[1],
        reason=reason,
        received_at=received,
        due_at=due,
        done_at=done,
        outcome="reached" if done else None,
        created_at=received,
        updated_at=received,
    )


def make_week_data() -> dict[str, Callback]:
    """A week 48 with a call left from week 47, late ones, done ones, a free caller, a long name."""
    kari = person("Kari Nordmann", "+4791234567")
    ola = person("Ola Åsen", "+4722334455")
    anne = person(LONG_NAME, "+4740000001")
    return {
        "last_week": owed(at(20, 14), "Spurte om time hos fastlegen", ola),
        "tuesday": owed(at(24, 15, 30), "Ville snakke om husleia", kari),
        "this_morning": owed(at(26, 8), "Svar om møtet på Huset", anne),
        "done": owed(at(25, 12), "Allerede ringt", kari, done=at(25, 11)),
        "today": owed(at(26, 14), "Trenger følge til NAV", kari),
        "free": owed(at(27, 9), "Ringte for en venn", caller=("Per Hansen", "+4798765432")),
        "long": owed(at(27, 12), "Vil ha hjelp med søknad om bostøtte før fristen går ut", anne),
        "sunday": owed(at(29, 23, 59), "", ola),
        "next_week": owed(at(30, 10), "Neste uke", kari),
    }


@pytest.fixture
def week_data(db_path: Path) -> dict[str, Callback]:
    return make_week_data()


def ids(lines: Iterable[ListLine]) -> list[int]:
    return [line.callback_id for line in lines]


# --- the data ---------------------------------------------------------------------------------


def test_week_is_grouped_monday_to_sunday_with_overdue_first(
    week_data: dict[str, Callback],
) -> None:
    week = callback_week(2026, 48, NOW)
    assert (week.iso_year, week.week, week.monday, week.sunday) == (
        2026, 48, date(2026, 11, 23), date(2026, 11, 29),
    )  # fmt: skip
    assert ids(week.overdue) == [week_data[k].id for k in ("last_week", "tuesday", "this_morning")]
    assert all(line.overdue for line in week.overdue)
    assert [d.day for d in week.days] == [date(2026, 11, 23) + timedelta(n) for n in range(7)]
    by_day = {d.day.day: ids(d.lines) for d in week.days}
    assert by_day == {
        23: [], 24: [], 25: [],
        26: [week_data["today"].id],
        27: [week_data["free"].id, week_data["long"].id],
        28: [],
        29: [week_data["sunday"].id],
    }  # fmt: skip
    every = ids(week.overdue) + [i for d in week.days for i in ids(d.lines)]
    assert week_data["done"].id not in every and week_data["next_week"].id not in every
    free = week.days[4].lines[0]
    assert (free.who, free.phone, free.reason) == ("Per Hansen", "987 65 432", "Ringte for en venn")
    assert free.due_at == at(27, 9) and free.due_at.tzinfo is not None and not free.overdue
    assert week.generated_at == NOW


def test_next_week_carries_everything_still_owed(week_data: dict[str, Callback]) -> None:
    week = callback_week(2026, 49, NOW)
    late = ["last_week", "tuesday", "this_morning"]
    assert ids(week.overdue) == [week_data[k].id for k in late]
    assert all(line.overdue for line in week.overdue)
    # Owed before the week starts, but not late yet as the sheet is made: not "overdue".
    coming = ["today", "free", "long", "sunday"]
    assert ids(week.before_week) == [week_data[k].id for k in coming]
    assert not any(line.overdue for line in week.before_week)
    text = render_text(week)
    assert text.index("Overdue") < text.index("Before the week, not yet due") < text.index("Monday")
    assert ids(week.days[0].lines) == [week_data["next_week"].id]


def test_a_past_week_keeps_its_late_calls_on_their_days(week_data: dict[str, Callback]) -> None:
    week = callback_week(2026, 47, NOW)
    assert week.overdue == ()
    assert ids(week.days[4].lines) == [week_data["last_week"].id]
    assert week.days[4].lines[0].overdue


def test_initials_instead_of_names_and_the_number_stays(week_data: dict[str, Callback]) -> None:
    week = callback_week(2026, 48, NOW, initials=True)
    assert [line.who for line in week.overdue] == ["OÅ", "KN", "AMØKHØ"]
    assert week.days[4].lines[0].who == "PH"  # a free caller too
    assert week.overdue[1].phone == "912 34 567"
    text = render_text(week)
    assert "Kari" not in text and "Nordmann" not in text and "Hansen" not in text
    assert "912 34 567" in text


def test_stored_text_is_cleaned_to_one_line(db_path: Path) -> None:
    owed(at(26, 14), "Første linje\nandre\tlinje \x1b]0;tittel\x07", person("Kari\x1b[31m X", None))
    line = callback_week(2026, 48, NOW).days[3].lines[0]
    assert (line.who, line.phone, line.reason) == ("Kari X", "", "Første linje andre linje")


def test_the_year_boundary(db_path: Path) -> None:
    owed(at(3, 12, month=1, year=2027), "Godt nytt år", person("Kari Nordmann", None))
    week = callback_week(2026, 53, NOW)
    assert (week.monday, week.sunday) == (date(2026, 12, 28), date(2027, 1, 3))
    assert ids(week.days[6].lines) == [1] and week.days[6].day == date(2027, 1, 3)
    assert "uke 53" not in render_text(week)  # English by default
    assert "week 53 · 28.12.2026–03.01.2027" in render_text(week)


# --- week parsing -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "next_week", "expected"),
    [
        (None, False, (2026, 48)),
        ("", False, (2026, 48)),
        (None, True, (2026, 49)),
        ("48", False, (2026, 48)),
        (" 48 ", True, (2026, 49)),
        ("W48", False, (2026, 48)),
        ("uke 48", False, (2026, 48)),
        ("2026-W48", False, (2026, 48)),
        ("2026-w48", False, (2026, 48)),
        ("2026W48", False, (2026, 48)),
        ("2026-48", False, (2026, 48)),
        ("53", False, (2026, 53)),  # 2026 has 53 ISO weeks: 28.12.2026 is in week 53
        ("2026-W53", False, (2026, 53)),
        ("2026-W53", True, (2027, 1)),
        ("2", False, (2027, 2)),  # the nearest week 2 in late November is next year's
        ("2025-W52", False, (2025, 52)),
    ],
)
def test_weeks_people_type(text: str | None, next_week: bool, expected: tuple[int, int]) -> None:
    assert parse_week(text, date(2026, 11, 26), next_week) == expected


@pytest.mark.parametrize(
    ("text", "today", "key"),
    [
        ("2025-W53", date(2026, 11, 26), "callback_list.error.no_such_week"),  # 52 weeks
        ("53", date(2025, 6, 2), "callback_list.error.no_such_week"),
        ("0", date(2026, 11, 26), "callback_list.error.no_such_week"),
        ("54", date(2026, 11, 26), "callback_list.error.no_such_week"),
        ("2026-W54", date(2026, 11, 26), "callback_list.error.no_such_week"),
        ("1999-W10", date(2026, 11, 26), "date.error.year_range"),
        ("neste", date(2026, 11, 26), "callback_list.error.week_format"),
        ("202648", date(2026, 11, 26), "callback_list.error.week_format"),
        ("٤٨", date(2026, 11, 26), "callback_list.error.week_format"),
    ],
)
def test_weeks_that_do_not_exist_are_refused(text: str, today: date, key: str) -> None:
    with pytest.raises(WeekError) as caught:
        parse_week(text, today)
    assert caught.value.key == key
    assert isinstance(caught.value, ValueError)
    message = t(caught.value.key, **caught.value.params)
    assert "{" not in message


def test_week_53_of_a_52_week_year_names_the_year() -> None:
    with pytest.raises(WeekError) as caught:
        parse_week("2025-W53", date(2026, 11, 26))
    assert caught.value.params == {"week": 53, "year": 2025, "weeks": 52}


# --- plain text -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "nb"])
def test_text_sheet_matches_the_golden_file(week_data: dict[str, Callback], language: str) -> None:
    set_language(language)
    text = render_text(callback_week(2026, 48, NOW))
    golden = GOLDEN / f"callback_list_week48_{language}.txt"
    assert text == golden.read_text(encoding="utf-8")


def test_text_shows_hostile_text_literally(db_path: Path) -> None:
    owed(at(26, 14), HOSTILE, person("Per [/] \x1b[2J", None))
    text = render_text(callback_week(2026, 48, NOW))
    assert "<script>alert(1)</script> [bold] | # **x**" in text
    assert "Per [/]" in text
    assert "\x1b" not in text and "[2J" not in text


# --- HTML -------------------------------------------------------------------------------------


class Page(HTMLParser):
    """The parts of the sheet a test looks at: language, title, headings and table rows."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.charset = ""
        self.texts: dict[str, list[str]] = {"title": [], "h1": [], "day": [], "style": []}
        self.rows: list[list[str]] = []
        self.tags: list[str] = []
        self._open = ""
        self._row: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang") or ""
        if tag == "meta" and "charset" in values:
            self.charset = values["charset"] or ""
        if tag == "tr" and "id" in values:
            self._row = []
        if tag == "td" and self._row is not None:
            self._row.append("")
        if tag in self.texts:
            self.texts[tag].append("")
            self._open = tag
        if tag == "th" and values.get("class") == "day":  # a day's heading row in the table
            self.texts["day"].append("")
            self._open = "day"

    def handle_endtag(self, tag: str) -> None:
        if tag == "th" and self._open == "day":
            self._open = ""
        if tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None
        if tag == self._open:
            self._open = ""

    def handle_data(self, data: str) -> None:
        if self._open:
            self.texts[self._open][-1] += data
        elif self._row:
            self._row[-1] += data


def parse(document: str) -> Page:
    page = Page()
    page.feed(document)
    page.close()
    return page


def test_html_is_a_whole_printable_document(week_data: dict[str, Callback]) -> None:
    set_language("nb")
    document = render_html(callback_week(2026, 48, NOW))
    page = parse(document)
    assert document.startswith("<!DOCTYPE html>")
    assert (page.lang, page.charset) == ("nb", "utf-8")
    assert page.texts["title"] == page.texts["h1"] == ["Ringeliste uke 48 · 23.11.–29.11.2026"]
    assert page.texts["day"][:2] == ["Forfalt", "mandag 23.11.2026"]
    assert page.texts["day"][-1] == "søndag 29.11.2026" and len(page.texts["day"]) == 8
    # One table for the whole week: the columns line up and its headings repeat on each page.
    assert page.tags.count("table") == 1 and page.tags.count("thead") == 1
    assert page.tags.index("thead") < page.tags.index("tbody")
    assert "table-layout: fixed" in page.texts["style"][0]
    assert "@page { size: A4; margin: 15mm; }" in page.texts["style"][0]
    assert page.rows[0] == [
        "☐",
        "20.11. 14:00",
        "Ola Åsen",
        "22 33 44 55",
        "Spurte om time hos fastlegen",
    ]
    assert [row[2] for row in page.rows].count(LONG_NAME) == 2
    assert len(page.rows) == 7
    assert document.count("Ingen å ringe") == 4


def test_html_shows_hostile_text_as_text(db_path: Path) -> None:
    owed(at(26, 14), HOSTILE, person('Per <b onclick="x()">&amp;', None))
    document = render_html(callback_week(2026, 48, NOW))
    page = parse(document)
    assert page.rows[0][2] == 'Per <b onclick="x()">&amp;'
    assert page.rows[0][4] == "<script>alert(1)</script> [bold] | # **x**"
    assert "script" not in page.tags and "b" not in page.tags
    assert "\x1b" not in document


# --- PDF --------------------------------------------------------------------------------------


def test_pdf_is_a4_and_shows_the_sheet(week_data: dict[str, Callback]) -> None:
    set_language("nb")
    owed(at(28, 11), "Husleie {nb} (€) \\ Łódź 中", person("Zoë Łukasiewicz", "+46701234567"))
    data = render_pdf(callback_week(2026, 48, NOW))
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert b"/MediaBox [0 0 595.28 841.89]" in data
    shown = pdf_strings(data)
    assert shown[0] == "Ringeliste uke 48 · 23.11.–29.11.2026"
    for text in ("Forfalt", "mandag 23.11.2026", "lørdag 28.11.2026", "Ingen å ringe", "Ola Åsen"):
        assert text in shown
    assert "Laget 26.11.2026 10:00" in shown and "Side 1 av 1" in shown
    assert "Trenger følge til NAV" in shown and "987 65 432" in shown
    # The long name wraps in its column, whole.
    assert {"Anne-Marit Østerbø", "Kristiansen-Haugland", "Ødegård"} <= set(shown)
    # Every letter as stored; what no shipped font draws is "�", named at the end; "{nb}" is
    # not a page count.
    assert "Zoë Łukasiewicz" in shown
    assert "Husleie {nb} (€) \\ Łódź �" in shown
    assert any("U+4E2D CJK UNIFIED IDEOGRAPH-4E2D" in text for text in shown)


def test_pdf_long_pages_repeat_the_title_and_count_pages(db_path: Path) -> None:
    kari = person("Kari Nordmann", "+4791234567")
    for number in range(15):  # a few pages' worth: each reason a long word-less run
        owed(at(27, 8) + timedelta(minutes=number), "ord " * 60 + "x" * 1500, kari)
    shown = pdf_strings(render_pdf(callback_week(2026, 48, NOW)))
    pages = [text for text in shown if text.startswith("Page ")]
    assert len(pages) > 2 and pages[-1] == f"Page {len(pages)} of {len(pages)}"
    assert shown.count("Callback list week 48 · 23.11.–29.11.2026") == len(pages)
    assert shown.count("Friday 27.11.2026") == len(pages)  # the day again on each new page
    assert all(len(text) < 80 for text in shown)  # nothing runs off the page


def test_pdf_prints_a_long_reason_whole(db_path: Path) -> None:
    reason = " ".join(f"ord{number}" for number in range(400))  # many pages' worth of lines
    owed(at(27, 8), reason, person("Kari Nordmann", "+4791234567"))
    owed(at(27, 9), "Neste samtale", person("Ola Åsen", None))
    shown = pdf_strings(render_pdf(callback_week(2026, 48, NOW)))
    # Every word, in order, over the pages (their headings and footers come between).
    assert [word for word in " ".join(shown).split() if word.startswith("ord")] == reason.split()
    assert "…" not in " ".join(shown)
    pages = shown.count("Callback list week 48 · 23.11.–29.11.2026")
    assert pages > 2 and shown.count("Friday 27.11.2026") == pages  # the day on each page
    assert "Neste samtale" in shown


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler's pdftotext is not installed")
def test_pdf_reads_back_with_poppler(week_data: dict[str, Callback], tmp_path: Path) -> None:
    set_language("nb")
    path = tmp_path / "liste.pdf"
    path.write_bytes(render_pdf(callback_week(2026, 48, NOW)))
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    text = done.stdout.decode("utf-8")
    for expected in (
        "Ringeliste uke 48",
        "Forfalt",
        "Ola Åsen",
        "søknad om bostøtte",
        "Side 1 av 1",
    ):
        assert expected in text


# --- iCalendar --------------------------------------------------------------------------------


def test_ics_parses_back_one_event_per_call(week_data: dict[str, Callback]) -> None:
    set_language("nb")
    week = callback_week(2026, 48, NOW)
    data = render_ics(week)
    assert b"\r\n" in data
    calendar = Calendar.from_ical(data)
    assert str(calendar["PRODID"]) == "-//tp-tui//callbacks//NB"
    assert str(calendar["VERSION"]) == "2.0"
    events = list(calendar.walk("VEVENT"))
    expected = ["last_week", "tuesday", "this_morning", "today", "free", "long", "sunday"]
    lines = [*week.overdue, *(line for day in week.days for line in day.lines)]
    assert [line.callback_id for line in lines] == [week_data[k].id for k in expected]
    assert [str(e["UID"]) for e in events] == [line.uid for line in lines]
    assert len({line.uid for line in lines}) == len(lines)
    first = events[0]
    start = first.decoded("DTSTART")
    assert start == at(20, 14) and start.utcoffset() == timedelta(0)
    assert b"DTSTART:20261120T130000Z" in data
    assert first.decoded("DTEND") - start == timedelta(minutes=15)
    assert str(first["SUMMARY"]) == "Ring Ola Åsen"
    assert str(first["DESCRIPTION"]).splitlines() == [
        "Spurte om time hos fastlegen",
        "Telefon: 22 33 44 55",
        "Forfalt siden 20.11.2026 14:00",
    ]
    assert str(first["CLASS"]) == "PRIVATE"
    # Each call rings on the phone at its due time; the alarm's text names no one.
    for event in events:
        (alarm,) = event.walk("VALARM")
        assert (str(alarm["ACTION"]), alarm.decoded("TRIGGER")) == ("DISPLAY", timedelta(0))
        assert str(alarm["DESCRIPTION"]) == "Tilbakeringing nå"
    free = events[4]
    assert str(free["SUMMARY"]) == "Ring Per Hansen"
    assert str(free["DESCRIPTION"]).splitlines() == ["Ringte for en venn", "Telefon: 987 65 432"]
    assert "DESCRIPTION" not in events[6] or "Telefon" in str(events[6]["DESCRIPTION"])


def test_ics_with_initials_and_in_english(week_data: dict[str, Callback]) -> None:
    calendar = Calendar.from_ical(render_ics(callback_week(2026, 48, NOW, initials=True)))
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert summaries[:2] == ["Call OÅ", "Call KN"]
    assert "Per Hansen" not in str(render_ics(callback_week(2026, 48, NOW, initials=True)))


def test_ics_survives_hostile_text(db_path: Path) -> None:
    owed(at(26, 14), "a;b,c\\d " + HOSTILE, person("Per\nBEGIN:VEVENT", None))
    calendar = Calendar.from_ical(render_ics(callback_week(2026, 48, NOW)))
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Call Per BEGIN:VEVENT"
    assert str(event["DESCRIPTION"]) == "a;b,c\\d <script>alert(1)</script> [bold] | # **x**"


def test_an_empty_week_still_makes_every_format(db_path: Path) -> None:
    week = callback_week(2026, 48, NOW)
    assert isinstance(week, CallbackWeek) and week.overdue == ()
    assert render_text(week).count("No calls") == 7
    assert parse(render_html(week)).rows == []
    assert "Page 1 of 1" in pdf_strings(render_pdf(week))
    assert list(Calendar.from_ical(render_ics(week)).walk("VEVENT")) == []


# --- printing ---------------------------------------------------------------------------------


def run_result(code: int, stderr: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.CompletedProcess(["lp"], code, "", stderr)


def test_printing_without_lp_says_where_the_file_is(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    outcome = printing.send_to_printer(tmp_path / "liste.pdf")
    assert (outcome.ok, outcome.key) == (False, "printing.no_lp")
    assert str(tmp_path / "liste.pdf") in outcome.message()


def test_printing_runs_lp_without_a_shell(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls: list[tuple[object, dict[str, object]]] = []

    def run(args: object, **kwargs: object) -> subprocess.CompletedProcess[str]:
        calls.append((args, kwargs))
        return run_result(0)

    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/lp")
    monkeypatch.setattr(subprocess, "run", run)
    path = tmp_path / "-n 99.pdf"
    outcome = printing.send_to_printer(path)
    assert (outcome.ok, outcome.key) == (True, "printing.sent")
    assert calls[0][0] == ["/usr/bin/lp", "--", str(path)]
    assert calls[0][1].get("shell") in (None, False) and calls[0][1]["timeout"]


@pytest.mark.parametrize(
    ("error", "key"),
    [
        (subprocess.TimeoutExpired(["lp"], 30), "printing.timeout"),
        (PermissionError(13, "Permission denied"), "printing.refused"),
    ],
)
def test_printing_never_raises(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, error: Exception, key: str
) -> None:
    def run(*args: object, **kwargs: object) -> subprocess.CompletedProcess[str]:
        raise error

    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/lp")
    monkeypatch.setattr(subprocess, "run", run)
    outcome = printing.send_to_printer(tmp_path / "liste.pdf")
    assert (outcome.ok, outcome.key) == (False, key)
    assert "{" not in outcome.message()


# --- the catalogues ---------------------------------------------------------------------------


def test_export_messages_exist_in_both_languages_with_the_same_fields() -> None:
    areas = ("callback_list.", "export.", "printing.")
    english = {key: text for key, text in catalogue("en").items() if key.startswith(areas)}
    assert len(english) > 20
    field = re.compile(r"\{(\w+)")
    for key, text in english.items():
        assert set(field.findall(text)) == set(field.findall(catalogue("nb")[key])), key
    for key in ("callback_list.error.week_format", "callback_list.error.no_such_week"):
        assert key in catalogue("en") and key in catalogue("nb")  # raised as WeekError keys
    assert "date.error.year_range" in catalogue("nb")


def test_overdue_is_decided_in_utc_in_the_hour_that_happens_twice(db_path: Path) -> None:
    # 25.10.2026: 02:00-03:00 happens twice. 02:45 the first time is before 02:30 the second.
    first_0245 = datetime(2026, 10, 25, 2, 45, tzinfo=OSLO, fold=0)
    second_0230 = datetime(2026, 10, 25, 2, 30, tzinfo=OSLO, fold=1)
    owed(first_0245, "Før klokka ble stilt", person("Kari Nordmann", None))
    week = callback_week(2026, 43, second_0230)
    assert ids(week.overdue) == [1] and week.days[6].lines == ()
