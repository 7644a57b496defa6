"""The statistics report with charts (HTML, PDF) and the chart data, on a small known database.

Period: Monday 2 March – Sunday 5 April 2026, five ISO weeks (10–14), charted by week.
Names and numbers are fictional and must never reach any output.
"""

from __future__ import annotations

import argparse
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from tp_tui.clock import OSLO, FrozenClock
from tp_tui.commands.stats import stats_command
from tp_tui.export.chart_data import axis_ticks, chart_ticks, charts, mask, stack, value_text
from tp_tui.export.files import ExportExists
from tp_tui.export.statistics_files import default_path, render_report, write_report
from tp_tui.export.statistics_pdf import render_pdf
from tp_tui.export.statistics_report import render_html
from tp_tui.i18n import set_language
from tp_tui.models import (
    Contact,
    MeetingPlace,
    Participant,
    RoundVisit,
    StageRecord,
    delete_query,
)
from tp_tui.services.statistics import period_stats
from tp_tui.settings import Settings

from .pdf_text import shown_text

START, END = date(2026, 3, 2), date(2026, 4, 5)
NOW = datetime(2026, 4, 10, 10, 0, tzinfo=OSLO)
NAMES = [f"{first} Diagramsen" for first in ("Alva", "Brede", "Cora", "Dorte", "Egil", "Frode")]
NAMES += ["Gunn Stolpesen"]
PHONE = "+47 400 11 222"
SCRIPT_PLACE = "<script>alert(1)</script>"
FORMULA_PLACE = '=HYPERLINK("http://x","klikk")'


def at(m: int, d: int, hh: int = 12) -> datetime:
    return datetime(2026, m, d, hh, 0, tzinfo=OSLO)


@pytest.fixture
def world(db_path: Path) -> None:
    """Seven in stage 1 from February; two move to stage 2 on 10 March, one to stage 3 on 25
    March. Stage 1 then counts 7, 5, 5, 4, 4 on the five Sundays; the others stay under 5."""
    ids = []
    for name in NAMES:
        pid = Participant.create(name=name, phone=PHONE, intake_on=date(2026, 2, 1),
                                 status="active", created_at=NOW, updated_at=NOW).id  # fmt: skip
        ids.append(pid)
        StageRecord.create(participant=ids[-1], period=1, stage=1, entered_on=date(2026, 2, 1),
                           recorded_at=NOW)  # fmt: skip
    for pid, number, on in ((ids[0], 2, date(2026, 3, 10)), (ids[1], 2, date(2026, 3, 10)),
                            (ids[2], 3, date(2026, 3, 25))):  # fmt: skip
        StageRecord.create(participant=pid, period=1, stage=number, entered_on=on, recorded_at=NOW)
    for pid, when, areas in ((ids[0], at(3, 10), 1 | 32), (ids[1], at(3, 12), 1),
                             (ids[2], at(4, 2), 0)):  # fmt: skip
        Contact.create(participant=pid, at=when, kind="conversation", arena="cafe",
                       life_areas=areas, note=f"Notat om {NAMES[0]}", created_at=NOW,
                       updated_at=NOW)  # fmt: skip
    delete_query(MeetingPlace).execute()  # the migration's own places: this test brings its own
    for order, name in enumerate((SCRIPT_PLACE, FORMULA_PLACE)):
        place = MeetingPlace.create(name=name, threshold="low", weekday=3, sort_order=order)
        RoundVisit.create(place=place.id, visited_on=date(2026, 3, 5), conversations=6,
                          new_people=2, created_at=NOW)  # fmt: skip


# -- chart data ---------------------------------------------------------------------------------


def test_contacts_per_week_counts_contacts_and_keeps_empty_weeks(world: None) -> None:
    chart = charts(period_stats(START, END))[0]
    assert (chart.key, chart.kind, chart.people, chart.masked) == ("weeks", "bars", False, False)
    assert chart.title == "Contacts per week"
    assert chart.labels == ("week 10", "week 11", "week 12", "week 13", "week 14")
    assert [(s.name, s.values) for s in chart.series] == [("Contacts", (0, 2, 0, 0, 1))]
    set_language("nb")
    assert charts(period_stats(START, END))[0].labels[0] == "uke 10"


def test_stages_over_time_hide_one_to_four_people(world: None) -> None:
    chart = charts(period_stats(START, END))[1]
    assert (chart.key, chart.kind, chart.people, chart.masked) == ("stages", "stacked", True, True)
    assert chart.labels == ("08.03", "15.03", "22.03", "29.03", "05.04")
    assert [s.name for s in chart.series] == [
        "1 Establish cooperation", "2 Map needs", "3 Group and IP",
        "4 Follow up", "5 Secure continued care",
    ]  # fmt: skip
    assert [s.values for s in chart.series] == [
        (7, 5, 5, None, None),
        (0, None, None, None, None),
        (0, 0, 0, None, None),
        (0, 0, 0, 0, 0),
        (0, 0, 0, 0, 0),
    ]
    values = {value for series in chart.series for value in series.values}
    assert not values & {1, 2, 3, 4}
    # shown values are stacked first, so they read true on the axis; the axis counts in fives
    assert stack(chart, 1) == ([(0, 5)], [1])
    assert chart_ticks(chart) == (0, 5, 10)


def test_life_areas_count_contacts_as_they_are(world: None) -> None:
    chart = charts(period_stats(START, END))[2]
    assert (chart.key, chart.kind, chart.people, chart.masked) == (
        "areas", "horizontal", False, False
    )  # fmt: skip
    assert chart.labels[:2] == ("Housing", "Work/education")
    assert len(chart.labels) == 8
    assert chart.series[0].values == (2, 0, 0, 0, 0, 1, 0, 0)


def test_masking_ticks_and_month_labels(db_path: Path) -> None:
    assert [mask(n, True) for n in (0, 1, 4, 5)] == [0, None, None, 5]
    assert [mask(n, False) for n in (0, 1, 4)] == [0, 1, 4]
    assert [value_text(v) for v in (None, 0, 7)] == ["< 5", "0", "7"]
    assert axis_ticks(0) == (0, 1)
    assert axis_ticks(7) == (0, 2, 4, 6, 8)
    assert axis_ticks(201) == (0, 100, 200, 300)
    assert axis_ticks(3, least_step=5) == (0, 5)
    months = charts(period_stats(date(2026, 1, 1), date(2026, 6, 30)))[1].labels
    assert months == ("Jan", "Feb", "Mar", "Apr", "May", "Jun")
    across = charts(period_stats(date(2025, 11, 1), date(2026, 2, 15)))[1].labels
    assert across == ("Nov 2025", "Dec 2025", "Jan 2026", "15.02.26")
    empty = charts(period_stats(START, END))
    assert [chart.masked for chart in empty] == [False, False, False]


# -- HTML ---------------------------------------------------------------------------------------


def _svg(page: str, key: str) -> str:
    found = re.search(rf'<figure id="chart-{key}">.*?</figure>', page, re.S)
    assert found, key
    return found.group(0)


def test_html_has_every_section_and_chart(world: None) -> None:
    page = render_html(period_stats(START, END))
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>Statistics 02.03.2026 – 05.04.2026</title>" in page
    assert "Groups of fewer than 5 people are shown as “&lt; 5”;" in page
    assert "Figures for overlapping periods" in page
    for title in ("Contacts per week", "Participants in each stage over time",
                  "Contacts per life area"):  # fmt: skip
        assert f"<figcaption>{title}</figcaption>" in page
    for section in ("Participants", "Contacts", "Callbacks", "Meeting places",
                    "Responsibility group and individual plan", "Goals reached"):  # fmt: skip
        assert f"<h2>{section}</h2>" in page
    assert page.count("<svg ") == 3
    assert '<td>Contacts in all</td><td class="value">3</td>' in page
    # self-contained: no scripts, no links, nothing fetched
    assert not re.search(r"<script|src=|href=|@import|url\((?!#)", page)
    assert set(re.findall(r'([\w-]+)="https?://', page)) == {"xmlns"}


def test_html_people_chart_shows_under_five_never_the_value(world: None) -> None:
    stages = _svg(render_html(period_stats(START, END)), "stages")
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", stages)
    assert "&lt; 5" in texts
    assert 'class="masked"' in stages
    assert "1–4 people, not drawn to scale" in stages
    assert not {"1", "2", "3", "4"} & set(texts)
    assert {"7", "5"} <= set(texts)
    weeks = re.findall(r"<text[^>]*>([^<]*)</text>", _svg(render_html(period_stats(START, END)),
                                                           "weeks"))  # fmt: skip
    assert "&lt; 5" not in weeks  # contacts are not people: 1 and 2 stay 1 and 2
    assert {"1", "2"} <= set(weeks)


def test_html_escapes_hostile_place_names(world: None) -> None:
    page = render_html(period_stats(START, END))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;: conversations" in page
    assert "<script>" not in page
    assert "=HYPERLINK(&quot;http://x&quot;,&quot;klikk&quot;): conversations" in page
    assert "content=\"default-src 'none'" in page


def test_html_in_norwegian(world: None) -> None:
    set_language("nb")
    page = render_html(period_stats(START, END))
    assert '<html lang="nb">' in page
    assert "Statistikk 02.03.2026 – 05.04.2026" in page
    assert "<figcaption>Deltakere i hver fase over tid</figcaption>" in page
    assert "uke 11" in page


# -- PDF ----------------------------------------------------------------------------------------


def test_pdf_shows_title_charts_and_tables(world: None) -> None:
    data = render_pdf(period_stats(START, END))
    assert data.startswith(b"%PDF-")
    assert b"/MediaBox [0 0 595.28 841.89]" in data  # A4
    text = shown_text(data)
    for expected in ("Statistics 02.03.2026 – 05.04.2026", "Contacts per week",
                     "Participants in each stage over time", "Contacts per life area",
                     "week 11", "1 Establish cooperation", "< 5", "Housing", "Participants",
                     "Goals reached", "Contacts in all", "<script>alert(1)</script>: conversations",
                     "Page 1 of"):  # fmt: skip
        assert expected in text, expected


def test_pdf_long_tables_go_on_with_a_heading(world: None) -> None:
    for number in range(40):
        MeetingPlace.create(name=f"Sted {number} Łódź 🙂", threshold="low", sort_order=10 + number)
    MeetingPlace.create(name="Langt " * 3000, threshold="low", sort_order=99)
    text = shown_text(render_pdf(period_stats(START, END)))
    assert "Meeting places (continued)" in text
    assert "Langt Langt" in text and "…" in text  # cut to a few lines, not across pages
    assert "Sted 39 Łódź �: conversations" in text  # as stored; what no font has is "�"
    assert "U+1F642 SLIGHTLY SMILING FACE." in text


def test_no_personal_data_in_html_or_pdf(world: None) -> None:
    stats = period_stats(START, END)
    outputs = [render_html(stats), shown_text(render_pdf(stats))]
    set_language("nb")
    stats = period_stats(START, END)
    outputs += [render_html(stats), shown_text(render_pdf(stats))]
    words = {word for name in NAMES for word in name.split()} | {"Notat"}
    for output in outputs:
        assert not [word for word in words if word in output]
        assert "400 11 222" not in output


# -- files and the command ----------------------------------------------------------------------


def args(output: Path | None, fmt: str, force: bool = False) -> argparse.Namespace:
    return argparse.Namespace(
        start="2.3.2026", end="5.4.2026", format=fmt, output=str(output) if output else None,
        force=force,
    )  # fmt: skip


@pytest.mark.parametrize(("fmt", "start"), [("html", b"<!DOCTYPE html>"), ("pdf", b"%PDF-")])
def test_command_writes_private_files_and_never_overwrites_silently(
    world: None, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, start: bytes
) -> None:
    clock = FrozenClock(NOW)
    path = tmp_path / f"rapport.{fmt}"
    assert stats_command(args(path, fmt), Settings(), clock) == 0
    assert path.read_bytes().startswith(start)
    assert path.stat().st_mode & 0o777 == 0o600
    assert f"Written: {path}" in capsys.readouterr().out
    path.write_bytes(b"old")
    assert stats_command(args(path, fmt), Settings(), clock) == 2
    assert "exists already" in capsys.readouterr().err
    assert path.read_bytes() == b"old"
    assert stats_command(args(path, fmt, force=True), Settings(), clock) == 0
    assert path.read_bytes().startswith(start)
    assert path.stat().st_mode & 0o777 == 0o600


def test_command_without_a_file_writes_to_the_documents_folder(
    world: None, private_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = FrozenClock(NOW)
    assert stats_command(args(None, "html"), Settings(), clock) == 0
    path = private_dirs / "Documents" / "tp-tui" / "statistikk-20260302-20260405.html"
    assert path == default_path(START, END, "html")
    assert path.stat().st_mode & 0o777 == 0o600
    assert str(path) in capsys.readouterr().out
    assert stats_command(args(None, "html"), Settings(), clock) == 2  # there already
    assert stats_command(args(None, "csv"), Settings(), clock) == 0  # csv and text: the screen
    out = capsys.readouterr().out
    assert out.startswith("Section;Figure;Value")
    assert not (path.parent / "statistikk-20260302-20260405.csv").exists()


def test_command_bad_input_gets_a_message_not_a_traceback(
    world: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = FrozenClock(NOW)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert stats_command(args(blocker / "under.pdf", "pdf"), Settings(), clock) == 1
    assert "Could not write" in capsys.readouterr().err
    assert stats_command(args(tmp_path, "html", force=True), Settings(), clock) == 1
    long = argparse.Namespace(start="1.1.2000", end="5.4.2026", format="pdf", output=None,
                              force=False)  # fmt: skip
    assert stats_command(long, Settings(), clock) == 2
    assert "ten years" in capsys.readouterr().err


def test_write_report_is_the_one_path_for_every_format(world: None, tmp_path: Path) -> None:
    stats = period_stats(START, END)
    settings = Settings(csv_delimiter=",")
    for fmt in ("text", "csv", "html", "pdf"):
        written = write_report(stats, fmt, tmp_path / f"s.{fmt}", settings)
        assert written.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "s.csv").read_text(encoding="utf-8").startswith("\ufeffSection,Figure")
    with pytest.raises(ExportExists):
        write_report(stats, "pdf", tmp_path / "s.pdf", settings)
    with pytest.raises(ValueError):
        render_report(stats, "docx", settings)
