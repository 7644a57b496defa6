"""Nynorsk as a third language: the catalogue, the fallbacks, the date words, the locale."""

from __future__ import annotations

import re
from datetime import date, datetime
from importlib import import_module
from pathlib import Path
from typing import cast

import pytest

from tp_tui import cli
from tp_tui.clock import OSLO
from tp_tui.dates import DateParseError, parse_date, parse_datetime, weekday_number
from tp_tui.i18n import CATALOGUE_PARTS, catalogue, get_language, long_day, set_language, t
from tp_tui.services.callback_list import parse_week
from tp_tui.services.surveys import parse_month
from tp_tui.survey_config import DEFAULT_SURVEY_CONFIG

THURSDAY = datetime(2026, 11, 26, 10, 0, tzinfo=OSLO)  # ISO week 48
FIELD = re.compile(r"\{(\w+)")

# Translated in this branch; the other parts' nn files have their own test
# (tests/unit/test_nynorsk_parts.py), and until they arrive nn shows those parts in bokmål.
OWN_PARTS = ("", "_nncore")


def _module(language: str, part: str) -> dict[str, str | tuple[str, str]]:
    messages: dict[str, str | tuple[str, str]] = import_module(
        f"tp_tui.locale.{language}{part}"
    ).MESSAGES
    return messages


@pytest.mark.parametrize("part", OWN_PARTS)
def test_every_bokmal_message_has_a_nynorsk_one_with_the_same_placeholders(part: str) -> None:
    bokmal, nynorsk = _module("nb", part), _module("nn", part)
    assert sorted(set(bokmal) - set(nynorsk)) == []
    assert sorted(set(nynorsk) - set(bokmal)) == []
    for key, text in bokmal.items():
        wanted = set(FIELD.findall(str(text)))
        forms = nynorsk[key] if isinstance(nynorsk[key], tuple) else (nynorsk[key],)
        for form in forms:
            assert set(FIELD.findall(str(form))) == wanted, key


def test_the_nynorsk_parts_present_mirror_bokmal() -> None:
    """A part translated elsewhere, once here, has the bokmål keys (no stray or lost ones)."""
    for part in CATALOGUE_PARTS:
        try:
            nynorsk = _module("nn", part)
        except ModuleNotFoundError:
            continue
        assert set(nynorsk) == set(_module("nb", part)), part


def test_a_plural_pair_gives_the_singular_for_one_and_the_plural_otherwise() -> None:
    set_language("nn")
    assert t("participants.count", count=1) == "1 deltakar"
    assert t("participants.count", count=3) == "3 deltakarar"
    assert t("participants.count", count=0) == "0 deltakarar"
    # Other code sees one text per key: the singular.
    assert catalogue("nn")["participants.count"] == "{count} deltakar"


def test_a_message_missing_in_nynorsk_shows_bokmal_then_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The loaded catalogues are dicts; a gap is made in them for this test only.
    nynorsk, bokmal = cast(dict[str, str], catalogue("nn")), cast(dict[str, str], catalogue("nb"))
    monkeypatch.delitem(nynorsk, "nav.today")
    monkeypatch.delitem(nynorsk, "today.col.who")
    monkeypatch.delitem(bokmal, "today.col.who")
    set_language("nn")
    assert t("nav.today") == "I dag"
    assert t("today.col.who") == "Who"
    assert t("no.such.key") == "no.such.key"


def test_dates_read_in_nynorsk_words() -> None:
    set_language("nn")
    assert long_day(date(2026, 11, 28)) == "laurdag 28.11.2026 · veke 48"
    assert long_day(date(2026, 11, 24)) == "tysdag 24.11.2026 · veke 48"


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i dag", datetime(2026, 11, 26, 10, 0, tzinfo=OSLO)),
        ("i går 14", datetime(2026, 11, 25, 14, 0, tzinfo=OSLO)),
        ("i morgon", datetime(2026, 11, 27, 12, 0, tzinfo=OSLO)),
        ("imorgon 9.30", datetime(2026, 11, 27, 9, 30, tzinfo=OSLO)),
        ("i morgen", datetime(2026, 11, 27, 12, 0, tzinfo=OSLO)),
        ("i overmorgon", datetime(2026, 11, 28, 12, 0, tzinfo=OSLO)),
        ("i førgårs", datetime(2026, 11, 24, 12, 0, tzinfo=OSLO)),
        ("no", datetime(2026, 11, 26, 10, 0, tzinfo=OSLO)),
        ("måndag", datetime(2026, 11, 23, 12, 0, tzinfo=OSLO)),
        ("Tysdag 10:30", datetime(2026, 11, 24, 10, 30, tzinfo=OSLO)),
        ("tys 8", datetime(2026, 11, 24, 8, 0, tzinfo=OSLO)),
        ("laurdag", datetime(2026, 11, 28, 12, 0, tzinfo=OSLO)),
        ("lau. 11", datetime(2026, 11, 28, 11, 0, tzinfo=OSLO)),
        ("sundag 20", datetime(2026, 11, 29, 20, 0, tzinfo=OSLO)),
        ("lørdag", datetime(2026, 11, 28, 12, 0, tzinfo=OSLO)),
        ("neste tysdag", datetime(2026, 12, 1, 12, 0, tzinfo=OSLO)),
        ("neste tirsdag 14", datetime(2026, 12, 1, 14, 0, tzinfo=OSLO)),
        ("førre fredag", datetime(2026, 11, 20, 12, 0, tzinfo=OSLO)),
        ("forrige mandag", datetime(2026, 11, 16, 12, 0, tzinfo=OSLO)),
        ("+1v", datetime(2026, 12, 3, 12, 0, tzinfo=OSLO)),
    ],
)
def test_both_written_forms_are_read_in_every_language(
    language: str, text: str, expected: datetime
) -> None:
    set_language(language)
    assert parse_datetime(text, THURSDAY) == expected


def test_the_nynorsk_words_are_not_read_as_more_than_they_are() -> None:
    for text in ("neste veke", "neste", "tysdag kanskje", "i morgon kveld"):
        with pytest.raises(DateParseError) as caught:
            parse_datetime(text, THURSDAY)
        assert caught.value.key == "date.error.unknown"
    with pytest.raises(DateParseError) as caught:
        parse_date("i morgon 14", THURSDAY.date())
    assert caught.value.key == "date.error.no_time_here"


def test_weekdays_months_and_weeks_typed_in_nynorsk() -> None:
    assert weekday_number("tysdag") == 1
    assert weekday_number("Laurdag") == 5
    assert weekday_number("sundag") == 6
    assert parse_month("denne månaden", THURSDAY.date()) == "2026-11"
    assert parse_month("førre månad", THURSDAY.date()) == "2026-10"
    assert parse_week("veke 49", THURSDAY.date()) == (2026, 49)


def test_survey_questions_and_scale_read_in_nynorsk() -> None:
    set_language("nn")
    question = DEFAULT_SURVEY_CONFIG.participant[0]
    assert question.text() == "Eg fekk tak i tillitspersonen når eg trong det"
    assert DEFAULT_SURVEY_CONFIG.scale[0].text() == "Heilt ueinig"
    assert DEFAULT_SURVEY_CONFIG.dont_know.text("nb") == "Vet ikke / ikke aktuelt"


def test_a_survey_wording_without_nynorsk_shows_bokmal_in_nynorsk(tmp_path: Path) -> None:
    from tp_tui.settings import load_settings

    config = tmp_path / "config.toml"
    config.write_text(
        '[[survey.participant]]\ncode = "a"\nnb = "Jeg ble hørt"\nen = "I was heard"\n'
        '[[survey.participant]]\ncode = "b"\nnb = "Jeg fikk hjelp"\nnn = "Eg fekk hjelp"\n',
        encoding="utf-8",
    )
    first, second = load_settings(config).survey.participant
    assert (first.text("nn"), second.text("nn")) == ("Jeg ble hørt", "Eg fekk hjelp")


@pytest.mark.parametrize(
    ("argv", "config", "locale", "language"),
    [
        (["--lang", "nn"], "", "C.UTF-8", "nn"),
        (["--lang", "nb"], 'language = "nn"\n', "nn_NO.UTF-8", "nb"),
        ([], 'language = "nn"\n', "C.UTF-8", "nn"),
        ([], "", "nn_NO.UTF-8", "nn"),
        ([], "", "no_NO.nynorsk", "nn"),
        ([], "", "nb_NO.UTF-8", "nb"),
        ([], 'language = "nynorsk"\n', "C.UTF-8", "en"),  # not a language code: the default
    ],
)
def test_the_command_line_takes_nynorsk_from_option_config_or_locale(
    argv: list[str],
    config: str,
    locale: str,
    language: str,
    private_dirs: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("LANG", locale)
    if config:
        folder = private_dirs / "config"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "config.toml").write_text(config, encoding="utf-8")
    seen: list[str] = []

    def list_command(*args: object) -> int:
        seen.append(get_language())
        return 0

    monkeypatch.setattr("tp_tui.commands.participants.list_command", list_command)
    assert cli.run([*argv, "--db", str(tmp_path / "tp.db"), "participants"]) == 0
    assert seen == [language]


def test_nynorsk_help_names_the_three_languages(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit):
        cli.run(["--lang", "nn", "--help"])
    shown = capsys.readouterr().out
    assert "nn (norsk nynorsk)" in shown
    assert "dagen til tillitspersonen" in shown


def test_tp_log_takes_nynorsk_labels_and_today_answers_in_nynorsk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TP_TUI_NOW", "2026-11-26T15:00")
    db = str(tmp_path / "tp.db")
    assert cli.run(["--db", db, "participants", "add", "Kari Nordmann"]) == 0
    capsys.readouterr()
    kind = ["--kind", "heimebesøk", "--area", "bustad,Tryggleik"]
    assert cli.run(["--lang", "nn", "--db", db, "log", "kn", *kind, "--when", "i går 14"]) == 0
    assert capsys.readouterr().out == (
        "Logga heimebesøk med Kari Nordmann, onsdag 25.11.2026 14:00.\n"
    )
    # The bokmål labels still work in nynorsk, and the nynorsk ones in English.
    assert cli.run(["--lang", "nn", "--db", db, "log", "kn", "--kind", "hjemmebesøk"]) == 0
    assert cli.run(["--lang", "en", "--db", db, "log", "kn", "--area", "meistring av rus"]) == 0
    capsys.readouterr()
    assert cli.run(["--lang", "nn", "--db", db, "today"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "torsdag 26.11.2026 · veke 48"
    assert "Kontaktar logga i dag" in out
    assert "Ingen å ringje tilbake i dag." in out


@pytest.mark.parametrize(
    ("language", "shown"), [("nb", "62,5 %"), ("nn", "62,5 %"), ("en", "62.5 %")]
)
def test_reports_in_nynorsk_write_a_decimal_comma(language: str, shown: str) -> None:
    from tp_tui.export.statistics import share_of

    set_language(language)
    assert share_of(10, 16) == shown


def test_a_spreadsheet_with_nynorsk_headings_and_values_imports(
    db_path: Path, tmp_path: Path
) -> None:
    from tp_tui.services.importer import plan_import

    sheet = tmp_path / "deltakarar.csv"
    sheet.write_text(
        "Førenamn;Etternamn;Tlf;Inntak;Tilvist av;Status\n"
        "Sigrid;Haugland;91234567;i går;sjølv;avslutta\n"
        "Nils;Bø;41234567;måndag;psykisk helseteneste;aktuell\n",
        encoding="utf-8",
    )
    plan = plan_import(sheet, THURSDAY.date())
    assert set(plan.columns) == {
        "first_name",
        "last_name",
        "phone",
        "intake",
        "referral_source",
        "status",
    }
    (_, sigrid), (_, nils) = plan.to_add
    assert (sigrid.name, sigrid.intake, sigrid.referral_source, sigrid.status) == (
        "Sigrid Haugland",
        "25.11.2026",
        "self",
        "closed",
    )
    assert (nils.intake, nils.referral_source, nils.status) == (
        "23.11.2026",
        "mental_health",
        "prospective",
    )
    assert plan.problems == ()
