"""Importing: slashed dates read as the column shows, and possible duplicates held back."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from tp_tui.clock import FrozenClock
from tp_tui.commands.importer import add_arguments, import_command
from tp_tui.folding import name_key
from tp_tui.models import Participant
from tp_tui.services.import_dates import decide_order
from tp_tui.services.import_duplicates import within_one_edit
from tp_tui.services.importer import ImportFileError, plan_import
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.settings import Settings

TODAY = date(2026, 11, 26)


def run(path: Path, *options: str) -> int:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args([str(path), *options])
    return import_command(args, Settings(), FrozenClock(datetime(2026, 11, 26, 10)))


def sheet(tmp_path: Path, *rows: str, name: str = "ark.csv") -> Path:
    path = tmp_path / name
    path.write_text("Navn;Telefon;Inntak\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def intakes(path: Path, order: str | None = None) -> dict[str, str]:
    return {data.name: data.intake for _, data in plan_import(path, TODAY, order).to_add}


def test_a_column_with_one_month_first_date_is_read_month_first(
    db_path: Path, tmp_path: Path
) -> None:
    path = sheet(tmp_path, "Kari Nordmann;;11/25/2026", "Ola Hansen;;10/01/2026")
    assert intakes(path) == {"Kari Nordmann": "25.11.2026", "Ola Hansen": "01.10.2026"}
    plan = plan_import(path, TODAY)
    assert (plan.date_order.order, plan.date_order.line) == ("mdy", 2)


def test_a_column_with_one_day_first_date_is_read_day_first(db_path: Path, tmp_path: Path) -> None:
    path = sheet(tmp_path, "Kari Nordmann;;25/11/2026", "Ola Hansen;;10/01/2026")
    assert intakes(path) == {"Kari Nordmann": "25.11.2026", "Ola Hansen": "10.01.2026"}


def test_a_column_that_cannot_tell_is_refused_until_the_order_is_chosen(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = sheet(tmp_path, "Kari Nordmann;;03/04/2026", "Ola Hansen;;10/01/2026")
    with pytest.raises(ImportFileError) as caught:
        plan_import(path, TODAY)
    assert caught.value.key == "import.date_order.unknown"
    assert run(path, "--apply") == 2
    err = capsys.readouterr().err
    assert "--date-order dmy" in err and "--date-order mdy" in err and "line 2" in err
    assert Participant.select().count() == 0
    assert intakes(path, "dmy") == {"Kari Nordmann": "03.04.2026", "Ola Hansen": "10.01.2026"}
    assert intakes(path, "mdy") == {"Kari Nordmann": "04.03.2026", "Ola Hansen": "01.10.2026"}


def test_dates_that_read_the_same_either_way_need_no_choice(db_path: Path, tmp_path: Path) -> None:
    path = sheet(tmp_path, "Kari Nordmann;;05/05/2026", "Ola Hansen;;3.4.2026")
    assert intakes(path) == {"Kari Nordmann": "05.05.2026", "Ola Hansen": "03.04.2026"}


def test_a_column_written_both_ways_is_refused(db_path: Path, tmp_path: Path) -> None:
    path = sheet(tmp_path, "Kari Nordmann;;25/11/2026", "Ola Hansen;;11/25/2026")
    with pytest.raises(ImportFileError) as caught:
        plan_import(path, TODAY)
    assert caught.value.key == "import.date_order.mixed"
    assert (caught.value.params["day_line"], caught.value.params["month_line"]) == (2, 3)
    # Chosen by hand, the value that does not fit is a problem of its own row.
    plan = plan_import(path, TODAY, "dmy")
    assert [(p.line, p.field) for p in plan.problems] == [(3, "intake")]


def test_order_of_a_column_with_no_slashed_dates() -> None:
    assert decide_order("Inntak", [(2, "25.11.2026"), (3, "i går")], None).order is None
    assert decide_order("Inntak", [(2, "1/2/2026")], "mdy").order == "mdy"


def test_the_dry_run_shows_each_row_as_understood(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = sheet(tmp_path, "Kari Nordmann;4791234567;11/25/2026", "Ola Hansen;;10/01/2026")
    assert run(path) == 0
    lines = capsys.readouterr().out.splitlines()
    assert (
        "Dates with slashes in “Inntak” are read month first (mm/dd/yyyy): line 2 has "
        "“11/25/2026”." in lines
    )
    assert "Rows as understood:" in lines
    assert (
        "  Line 2: Kari Nordmann: intake 25.11.2026 (from “11/25/2026”); "
        "phone 912 34 567 (from “+4791234567”)" in lines
    )
    assert "  Line 3: Ola Hansen: intake 01.10.2026 (from “10/01/2026”); no phone" in lines
    assert Participant.select().count() == 0


def test_norwegian_folding_and_one_slip() -> None:
    assert name_key("Per-Olav Aasen") == name_key("per olav  åsen") == name_key("Pér Olav Åsen")
    assert name_key("Bjoern Saether") == name_key("Bjørn Sæther")
    assert within_one_edit("kari nordman", "kari nordmann")
    assert within_one_edit("kari nordmann", "kari nordmnan")  # two letters swapped
    assert within_one_edit("kari nordmann", "kari nordmenn")
    assert not within_one_edit("kari nordmann", "kari nordmenne")
    assert not within_one_edit("kari nordmann", "karin nordman")


def test_possible_duplicates_are_held_back_and_said_why(
    db_path: Path, clock: FrozenClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_participant(ParticipantInput("Kari Nordmann", phone="91234567"), clock)
    path = sheet(
        tmp_path,
        "Kari Nordmann;;",  # the same person, her phone not in the sheet
        "Kari Nordman;;",  # spelt with one n
        "Karianne Lie;912 34 567;",  # someone else on her phone
        "Bjoern Saether;;",
        "Bjørn Sæther;41234567;",  # the row above, spelt the Norwegian way
        "Ola Hansen;;",
    )
    plan = plan_import(path, TODAY)
    assert [(d.line, d.reason, d.earlier_line) for d in plan.duplicates] == [
        (2, "name", None),
        (3, "similar_name", None),
        (4, "phone", None),
        (6, "name", 5),
    ]
    assert [line for line, _ in plan.to_add] == [5, 7]
    assert run(path, "--apply") == 0
    out = capsys.readouterr().out.splitlines()
    assert (
        "Line 3: Kari Nordman: possible duplicate of Kari Nordmann, 912 34 567 (already "
        "registered; nearly the same name) — not imported. Import it anyway with --allow-row 3 "
        "or --allow-duplicates." in out
    )
    assert any(
        line.startswith("Line 6: Bjørn Sæther: possible duplicate of Bjoern Saether (line 5; same")
        for line in out
    )
    assert "Imported 2 participants." in out
    assert Participant.select().count() == 3


def test_possible_duplicates_are_imported_when_asked(
    db_path: Path, clock: FrozenClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_participant(ParticipantInput("Kari Nordmann", phone="91234567"), clock)
    path = sheet(tmp_path, "Kari Nordman;;", "Karianne Lie;912 34 567;", "Kari Nordmann;91234567;")
    assert run(path, "--apply", "--allow-row", "3") == 0
    out = capsys.readouterr().out
    assert "Line 3: Karianne Lie: possible duplicate of Kari Nordmann" in out
    assert "— imported as asked." in out
    assert {p.name for p in Participant.select()} == {"Kari Nordmann", "Karianne Lie"}
    assert run(path, "--apply", "--allow-duplicates") == 0
    out = capsys.readouterr().out
    # The row that is certainly her is never imported, whatever is allowed.
    assert "Line 4: Kari Nordmann is already registered — skipped." in out
    assert sorted(p.name for p in Participant.select()) == [
        "Kari Nordman",
        "Kari Nordmann",
        "Karianne Lie",
    ]


def test_the_same_row_from_xlsx_and_from_csv_is_one_participant(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_path = sheet(tmp_path, "Kari Nordmann;+47 912 34 567;03.11.2026")
    book = Workbook()
    worksheet = book.active
    assert worksheet is not None
    worksheet.append(["Navn", "Telefon", "Inntak"])
    worksheet.append(["KARI  NORDMANN ", 4791234567, datetime(2026, 11, 3)])
    worksheet.append(["Kari Nordmann", None, datetime(2026, 11, 3)])
    xlsx_path = tmp_path / "ark.xlsx"
    book.save(xlsx_path)
    assert run(csv_path, "--apply") == 0
    assert run(xlsx_path, "--apply") == 0
    out = capsys.readouterr().out
    assert "Line 2: KARI NORDMANN is already registered — skipped." in out
    assert "Line 3: Kari Nordmann: possible duplicate of Kari Nordmann, 912 34 567" in out
    assert Participant.select().count() == 1


def test_row_options_are_checked() -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args(["a.csv", "--allow-row", "3,7", "--allow-row", "9"])
    assert args.allow_rows == [[3, 7], [9]]
    assert args.date_order is None and args.allow_duplicates is False
    for bad in (["--allow-row", "x"], ["--allow-row", "0"], ["--date-order", "ymd"]):
        with pytest.raises(SystemExit):
            parser.parse_args(["a.csv", *bad])
