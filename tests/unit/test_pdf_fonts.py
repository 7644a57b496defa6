"""Every PDF prints every name as stored, in the font shipped with tp-tui (issue 19, item 1)."""

from __future__ import annotations

import tomllib
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from tp_tui.export.callback_list_pdf import render_pdf as callback_pdf
from tp_tui.export.pdf_fonts import FONT_DIR
from tp_tui.export.statistics_pdf import render_pdf as statistics_pdf
from tp_tui.export.summary_pdf import render_pdf as summary_pdf
from tp_tui.i18n import set_language
from tp_tui.models import MeetingPlace, RoundVisit
from tp_tui.services.callback_list import callback_week
from tp_tui.services.statistics import period_stats
from tp_tui.services.summary import participant_summary

from . import test_callback_list as week_helpers
from . import test_summary as summary_helpers
from .pdf_text import pdf_strings, shown_text

# Fictional names a Norwegian municipality meets; each short enough for one line of a column.
NAMES = [
    "Łukasz Żółć",  # Polish
    "Zoë Łukasiewicz",
    "Ąžuolas Čiurlionis",  # Lithuanian
    "Eglė Šimkūnaitė Įvė Ųla",
    "Şükrü Çağlayan İğdır",  # Turkish, with dotted and dotless i
    "Ilgın Ağaoğlu",
    "Nguyễn Thị Ánh Tuyết",  # Vietnamese
    "Đặng Phước Hưởng",
    "Cabdullaahi Xasan Ciise",  # Somali
    "Čáhppes Đuođđa Ŋuvttás",  # Sámi
    "Šiellá Ŧuŧŧe Žieŋa",
    "Αλέξανδρος Παπαδόπουλος",  # Greek
    "Ярослава Шевченко",  # Ukrainian and Russian Cyrillic
    "Їжакевич Ёлкин Ґудзь",
    "Jose\u0301 Garci\u0301a",  # decomposed: "e" + combining acute, as some keyboards give it
]


def _as_stored(name: str) -> str:
    """What the file must give back: the name itself, composed (the same text to Unicode)."""
    return unicodedata.normalize("NFC", name)


def test_the_fonts_and_their_licence_ship_with_the_package() -> None:
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"):
        assert (FONT_DIR / name).stat().st_size > 100_000
    assert "Bitstream" in (FONT_DIR / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    pyproject = Path(__file__).parents[2] / "pyproject.toml"
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))["tool"]["setuptools"]
    globs = data["package-data"]["tp_tui.export"]
    assert "fonts/*.ttf" in globs and "fonts/LICENSE-DejaVu.txt" in globs


def test_the_callback_list_prints_every_name_as_stored(db_path: Path) -> None:
    set_language("en")
    for number, name in enumerate(NAMES):
        who = week_helpers.person(name, f"+47912340{number:02d}")
        week_helpers.owed(week_helpers.at(27, 8, number), f"Ring {name}", who)
    data = callback_pdf(callback_week(2026, 48, week_helpers.NOW))
    shown = pdf_strings(data)
    for name in NAMES:
        assert _as_stored(name) in shown, name
    assert " ".join(shown).count("Ring ") == len(NAMES)
    assert "�" not in " ".join(shown)  # nothing was beyond the font, so no note at the end
    assert not any(text.startswith("Characters no font") for text in shown)
    assert len(data) < 120_000  # the fonts are embedded as subsets, not whole (2 MB)


def test_the_summary_prints_every_name_as_stored(db_path: Path) -> None:
    set_language("en")
    for name in NAMES:
        pid = summary_helpers.person(name)
        text = " ".join(shown_text(summary_pdf(participant_summary(pid, summary_helpers.NOW)))
                        .split())  # fmt: skip
        assert f"Summary for the responsibility group: {_as_stored(name)}" in text, name
        assert f"{_as_stored(name)} · summary" in text  # the footer of every page
        assert "�" not in text


def test_the_statistics_print_every_meeting_place_as_stored(db_path: Path) -> None:
    set_language("en")
    for order, name in enumerate(NAMES):
        place = MeetingPlace.create(name=name, threshold="low", weekday=3, sort_order=order)
        RoundVisit.create(place=place.id, visited_on=date(2026, 3, 5), conversations=6,
                          new_people=2, created_at=week_helpers.NOW)  # fmt: skip
    text = shown_text(statistics_pdf(period_stats(date(2026, 3, 2), date(2026, 4, 5))))
    for name in NAMES:
        assert f"{_as_stored(name)}: conversations" in text, name
    assert "�" not in text


@pytest.mark.parametrize("language", ["nb", "en"])
def test_what_no_font_can_draw_is_named_at_the_end(db_path: Path, language: str) -> None:
    set_language(language)
    who = week_helpers.person("Zoë Łukasiewicz 🙂", None)
    week_helpers.owed(week_helpers.at(27, 8), "Bursdag 🎂 i dag", who)
    shown = pdf_strings(callback_pdf(callback_week(2026, 48, week_helpers.NOW)))
    assert "Zoë Łukasiewicz �" in shown and "Bursdag � i dag" in shown
    note = " ".join(" ".join(shown).split("U+1F382", 1)[0].split()[-12:])
    expected = {"nb": "vist som �:", "en": "shown as �:"}[language]
    assert note.endswith(expected)
    assert "U+1F382 BIRTHDAY CAKE, U+1F642 SLIGHTLY SMILING FACE." in " ".join(shown)
