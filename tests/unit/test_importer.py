"""Importing participants from a spreadsheet: reading, the dry run, applying, the command."""

from __future__ import annotations

import argparse
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from tp_tui.clock import FrozenClock
from tp_tui.commands.importer import add_arguments, add_parser, import_command
from tp_tui.domain import Stage
from tp_tui.i18n import catalogue, set_language
from tp_tui.models import Participant, Revision, StageRecord
from tp_tui.services import importer
from tp_tui.services.importer import (
    Duplicate,
    ImportFileError,
    apply_import,
    plan_import,
    read_rows,
)
from tp_tui.services.participants import ParticipantInput, add_participant, set_archived
from tp_tui.settings import Settings

FILES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
TODAY = date(2026, 11, 26)


def run(path: Path, *options: str) -> int:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args([str(path), *options])
    return import_command(args, Settings(), FrozenClock(datetime(2026, 11, 26, 10)))


def counts() -> tuple[int, int, int]:
    return Participant.select().count(), StageRecord.select().count(), Revision.select().count()


def test_norwegian_excel_csv(db_path: Path) -> None:
    plan = plan_import(FILES / "norsk_excel.csv", TODAY)
    assert plan.columns == {
        "name": "Navn",
        "phone": "Mobil",
        "intake": "Inntaksdato",
        "referral_source": "Henvist av",
        "about": "Merknad",
    }
    assert plan.ignored_columns == ("Fødselsnummer",)
    assert "00000000000" not in repr(plan)  # the ignored column's values are not even kept
    assert [(line, data.name) for line, data in plan.to_add] == [
        (2, "Åse Bjørnstad"),
        (3, "Ørjan Lie"),
        (4, "Kåre Æsøy"),
    ]
    first, second, third = (data for _, data in plan.to_add)
    assert (first.phone, first.intake, first.referral_source) == (
        "+4791234567",
        "03.11.2026",
        "nav",
    )
    assert first.about == "Liker å møtes på kafé"
    assert (second.phone, second.referral_source) == ("+4741322110", "gp")
    assert third.referral_source == "meeting_place"
    assert (plan.problems, plan.duplicates, plan.notes) == ((), (), ())


def test_a_sheet_headed_in_nynorsk(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "nynorsk.csv"
    path.write_text(
        "Førenamn;Etternamn;Telefon;Tilvist av\nSigrid;Haugland;912 34 567;sjølv\n",
        encoding="utf-8",
    )
    plan = plan_import(path, TODAY)
    assert plan.columns == {
        "first_name": "Førenamn",
        "last_name": "Etternamn",
        "phone": "Telefon",
        "referral_source": "Tilvist av",
    }
    [(_, sigrid)] = plan.to_add
    assert (sigrid.name, sigrid.phone, sigrid.referral_source) == (
        "Sigrid Haugland",
        "+4791234567",
        "self",
    )
    whole_name = tmp_path / "namn.csv"
    whole_name.write_text("Namn\nOlav Aasen\n", encoding="utf-8")
    assert plan_import(whole_name, TODAY).columns == {"name": "Namn"}


def test_english_csv_with_bom_and_a_cell_over_two_lines(db_path: Path) -> None:
    plan = plan_import(FILES / "english.csv", TODAY)
    assert plan.columns["name"] == "Full name"  # the BOM is not part of the first heading
    rows = {data.name: (line, data) for line, data in plan.to_add}
    assert rows["Emma Clarke"][1].intake == "02.11.2026"
    assert rows["Jonas Berg"][1].status == "paused"
    assert rows["Jonas Berg"][1].about == "Two lines\nin one cell"
    assert rows["Nora Vik"][1].referral_source == "specialist"
    assert rows["Nora Vik"][1].status == "prospective"
    assert rows["Liam Sorensen"][1].phone == "+4793011222"
    # Line numbers are the spreadsheet's rows: the two-line cell is still one row.
    assert rows["Nora Vik"][0] == 4
    assert [(p.line, p.field, p.key) for p in plan.problems] == [(6, "phone", "phone.error.length")]


def test_xlsx_with_dates_numbers_split_names_and_formulas(db_path: Path, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Fornavn", "Etternavn", "Tlf.", "Startdato", "Status", "Merknad", None])
    sheet.append(["Kari", "Nordmann", 91234567.0, datetime(2026, 11, 3), "aktiv", "=1+1", "x"])
    sheet.append([])
    sheet.append(["Ola", "Hansen", 4791234568, "i går", "i pause", 12.5, None])
    sheet.append(["Per", "Berg", 912, None, None, None, None])
    path = tmp_path / "deltakere.xlsx"
    book.save(path)
    plan = plan_import(path, TODAY)
    assert plan.columns == {
        "first_name": "Fornavn",
        "last_name": "Etternavn",
        "phone": "Tlf.",
        "intake": "Startdato",
        "status": "Status",
        "about": "Merknad",
    }
    assert plan.ignored_columns == ("(G)",)  # a column without a heading but with data
    (line_kari, kari), (line_ola, ola) = plan.to_add
    assert (line_kari, kari.name, kari.phone, kari.intake) == (
        2,
        "Kari Nordmann",
        "+4791234567",
        "03.11.2026",
    )
    assert kari.about == ""  # a formula is never evaluated; no value was saved with it
    assert (line_ola, ola.phone, ola.intake, ola.status, ola.about) == (
        4,
        "+4791234568",  # "+47 912 34 568" that Excel turned into a number
        "25.11.2026",
        "paused",
        "12.5",
    )
    assert [(p.line, p.field) for p in plan.problems] == [(5, "phone")]


def test_bad_rows_are_reported_with_their_line_and_reason(db_path: Path) -> None:
    plan = plan_import(FILES / "bad_rows.csv", TODAY)
    found = [(p.line, p.field, p.key) for p in plan.problems]
    assert found == [
        (3, "name", "participant.error.name_required"),
        (4, "phone", "phone.error.characters"),
        (6, "phone", "phone.error.length"),
        (7, "intake", "date.error.no_such_date"),
        (8, "referral_source", "participant.error.referral"),
        (9, "phone", "phone.error.length"),
        (9, "intake", "date.error.no_such_date"),
        (9, "referral_source", "participant.error.referral"),
    ]
    assert [(line, data.name) for line, data in plan.to_add] == [
        (2, "Ola Normann"),
        (10, "Tor Lund"),
    ]
    assert plan.to_add[1][1].intake == "25.11.2026"  # "i går", read on the planning day
    assert plan.skipped_lines == (3, 4, 6, 7, 8, 9)


def test_duplicates_in_the_database_and_in_the_file(db_path: Path, clock: FrozenClock) -> None:
    kari = add_participant(ParticipantInput("Kari Nordmann", phone="91234567"), clock)
    set_archived(kari.id, True, clock)  # archived people still count
    plan = plan_import(FILES / "duplicates.csv", TODAY)
    assert plan.duplicates == (
        Duplicate(2, "Kari Nordmann", None, "Kari Nordmann", "+4791234567", "same"),
        Duplicate(3, "kari NORDMANN", None, "Kari Nordmann", "+4791234567", "same"),
        Duplicate(5, "Per Hansen", 4, "Per Hansen", None, "same"),
        # Another Per Hansen, now with a phone: perhaps the same man, so asked about.
        Duplicate(6, "Per Hansen", 4, "Per Hansen", None, "name"),
    )
    assert [(line, data.phone) for line, data in plan.to_add] == [(4, "")]
    assert plan.skipped_lines == (2, 3, 5, 6)


def test_formula_looking_cells_are_kept_as_text_and_noted(
    db_path: Path, clock: FrozenClock
) -> None:
    plan = plan_import(FILES / "formula.csv", TODAY)
    assert [(n.line, n.field, n.params) for n in plan.notes] == [
        (2, "name", {"start": "="}),
        (3, "about", {"start": "-"}),
        (4, "name", {"start": "@"}),
    ]
    assert apply_import(plan, clock) == 3
    names = {p.name for p in Participant.select()}
    assert '=HYPERLINK("http://example.invalid","Klikk")' in names
    assert Participant.get(Participant.name == "Anne Lie").about == "-ikke ring før 10"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("no_name.csv", "import.error.no_name_column"),
        ("empty.csv", "import.error.empty"),
        ("picture.png", "import.error.not_spreadsheet"),
        ("missing.csv", "import.error.cannot_read"),
    ],
)
def test_files_that_cannot_be_imported(db_path: Path, name: str, key: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        plan_import(FILES / name, TODAY)
    assert caught.value.key == key
    if name == "no_name.csv":
        assert caught.value.params["headers"] == "Telefon, Mobil, Notat"


def test_other_unreadable_files(db_path: Path, tmp_path: Path) -> None:
    blank = tmp_path / "blank.csv"
    blank.write_text(" ; ;\n\n;;\n", encoding="utf-8")
    document = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(document, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    keys = []
    for path in (blank, document, broken):
        with pytest.raises(ImportFileError) as caught:
            read_rows(path)
        keys.append(caught.value.key)
    assert keys == [
        "import.error.empty",
        "import.error.not_spreadsheet",
        "import.error.not_spreadsheet",
    ]


def test_delimiter_encoding_and_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "tab.txt"
    path.write_bytes("\n\tNavn\tTelefon\nx\tBjørn\t912 34 567\n\n\n\tÅse\t\n".encode("cp1252"))
    header, rows = read_rows(path)
    assert header == ["", "Navn", "Telefon"]
    assert rows == [(3, ["x", "Bjørn", "912 34 567"]), (6, ["", "Åse", ""])]


def test_dry_run_writes_nothing(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = counts()
    assert run(FILES / "norsk_excel.csv") == 0
    assert run(FILES / "english.csv", "--dry-run") == 0
    assert counts() == before == (0, 0, 0)
    out = capsys.readouterr().out
    assert "Nothing was written (dry run). Run again with --apply to import." in out
    assert "3 to add, 0 rows with problems, 0 duplicates." in out
    assert "Columns left out (never imported): “Fødselsnummer”" in out


def test_apply_imports_the_good_rows_exactly_once(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(FILES / "english.csv", "--apply") == 0
    out = capsys.readouterr().out
    assert "Imported 4 participants." in out
    assert "Not imported: line 6 (see above)." in out
    # What add_participant makes: the participant and stage 1 unless prospective, each with
    # a revision (undo takes the whole import back as one change).
    assert counts() == (4, 3, 7)
    emma = Participant.get(Participant.name == "Emma Clarke")
    record = StageRecord.get(StageRecord.participant == emma)
    assert (record.stage, record.entered_on) == (Stage.ESTABLISH, date(2026, 11, 2))
    assert emma.search_text and emma.sort_key
    assert run(FILES / "english.csv", "--apply") == 0
    out = capsys.readouterr().out
    assert "Line 2: Emma Clarke is already registered — skipped." in out
    assert "Imported 0 participants." in out
    assert counts() == (4, 3, 7)


def test_apply_is_all_or_nothing(
    db_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plan_import(FILES / "norsk_excel.csv", TODAY)
    calls: list[str] = []

    def failing(data: ParticipantInput, clock: FrozenClock) -> Participant:
        calls.append(data.name)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return add_participant(data, clock)

    monkeypatch.setattr(importer, "add_participant", failing)
    with pytest.raises(RuntimeError):
        apply_import(plan, clock)
    assert counts() == (0, 0, 0)


def test_apply_checks_duplicates_again(db_path: Path, clock: FrozenClock) -> None:
    plan = plan_import(FILES / "norsk_excel.csv", TODAY)
    add_participant(ParticipantInput("ørjan lie", phone="41322110"), clock)  # added meanwhile
    assert apply_import(plan, clock) == 2
    assert Participant.select().count() == 3


def test_the_command_prints_problems_and_duplicates(
    db_path: Path, clock: FrozenClock, capsys: pytest.CaptureFixture[str]
) -> None:
    add_participant(ParticipantInput("Kari Nordmann", phone="912 34 567"), clock)
    assert run(FILES / "duplicates.csv") == 0
    assert run(FILES / "bad_rows.csv") == 0
    lines = capsys.readouterr().out.splitlines()
    assert "Line 2: Kari Nordmann is already registered — skipped." in lines
    assert "Line 5: Per Hansen is also on line 4 — skipped." in lines
    assert "Line 6: Phone: A Norwegian number has 8 digits (this has 6)." in lines
    assert "Line 8: Referred by: Unknown referral source: Naboen." in lines
    assert (
        "Line 2: Ola Normann: possible duplicate of Kari Nordmann, 912 34 567 (already "
        "registered; same phone) — not imported. Import it anyway with --allow-row 2 or "
        "--allow-duplicates." in lines
    )
    assert "1 to add, 6 rows with problems, 1 duplicate." in lines


def test_a_bad_file_exits_2_and_says_why(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(FILES / "no_name.csv", "--apply") == 2
    captured = capsys.readouterr()
    assert (
        "No column with names was found. The headings in the file are: Telefon, Mobil, Notat."
        in captured.err
    )
    assert captured.out == ""


def test_norwegian_output(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_language("nb")
    try:
        assert run(FILES / "bad_rows.csv") == 0
    finally:
        set_language("en")
    out = capsys.readouterr().out
    assert "Rad 6: Telefon: Et norsk nummer har 8 sifre (dette har 6)." in out
    assert "Ingenting er lagret (prøvekjøring)." in out


def test_hostile_cells_print_as_plain_text(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "hostile.csv"
    row = "Per\x1b[31m\x07 Olsen;91234567\n"
    path.write_text("Navn;Telefon;Evil\x1b[2J\n" + row + row, encoding="utf-8")
    assert run(path) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "Line 3: Per Olsen is also on line 2 — skipped." in out
    assert "Columns left out (never imported): “Evil”" in out


def test_parser_options() -> None:
    parser = argparse.ArgumentParser(prog="tp")
    add_parser(parser.add_subparsers(dest="command"), [])
    assert parser.parse_args(["import", "participants", "a.csv"]).apply is False
    assert parser.parse_args(["import", "participants", "a.csv", "--apply"]).apply is True
    assert parser.parse_args(["import", "participants", "--dry-run", "a.csv"]).apply is False
    with pytest.raises(SystemExit):
        parser.parse_args(["import", "participants", "a.csv", "--apply", "--dry-run"])


def test_every_import_message_exists_in_both_languages() -> None:
    source = "".join(
        path.read_text(encoding="utf-8")
        for path in (
            Path(importer.__file__),
            Path(importer.__file__).parents[1] / "commands" / "importer.py",
        )
    )
    keys = set(re.findall(r'"(import\.[a-z_.]+)"', source))
    assert len(keys) > 20
    for language in ("en", "nb"):
        assert sorted(keys - set(catalogue(language))) == [], language
