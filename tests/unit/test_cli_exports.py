"""tp callbacks, tp export summary and tp import participants, as a script uses them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tp_tui.cli import run


@pytest.fixture
def demo_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TP_TUI_NOW", "2026-11-26T10:00")


def test_week_list_as_text_html_and_refusing_to_overwrite(
    demo_now: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--demo", "--lang", "nb", "callbacks"]) == 0
    out = capsys.readouterr().out
    assert "Ringeliste uke 48" in out and "Forfalt" in out and "[ ]" in out
    target = tmp_path / "uke.html"
    assert run(["--demo", "callbacks", "--next", "--format", "html", "-o", str(target)]) == 0
    assert "<html" in target.read_text(encoding="utf-8")
    assert run(["--demo", "callbacks", "--format", "html", "-o", str(target)]) == 2
    assert "--force" in capsys.readouterr().err
    assert run(["--demo", "callbacks", "--format", "pdf"]) == 2  # a PDF needs a file
    assert run(["--demo", "callbacks", "--week", "2026-W60"]) == 2


def test_summary_with_consent_and_a_bad_name(
    demo_now: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--demo", "export", "summary", "Øyvind"]) == 0
    out = capsys.readouterr().out
    assert "Øyvind Åsheim" in out and "not agreed to share" in out
    assert (
        run(
            [
                "--demo",
                "export",
                "summary",
                "Kari",
                "--format",
                "pdf",
                "-o",
                str(tmp_path / "k.pdf"),
            ]
        )
        == 0
    )
    assert (tmp_path / "k.pdf").read_bytes().startswith(b"%PDF")
    assert run(["--demo", "export", "summary", "Qwerty Zyx"]) == 2
    assert "No participant matches" in capsys.readouterr().err


def test_import_dry_run_then_apply(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "deltakere.csv"
    sheet.write_text("Navn;Mobil\nKari Nordmann;912 34 567\n;123\n", encoding="utf-8")
    db = str(tmp_path / "tp.db")
    assert run(["--db", db, "import", "participants", str(sheet)]) == 0
    assert run(["--db", db, "participants"]) == 0
    assert "No participants found." in capsys.readouterr().out
    assert run(["--db", db, "import", "participants", str(sheet), "--apply"]) == 0
    assert run(["--db", db, "participants"]) == 0
    assert "Kari Nordmann" in capsys.readouterr().out


def test_meeting_places_are_configurable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "tp.db")
    assert (
        run(
            [
                "--db",
                db,
                "places",
                "add",
                "Biblioteket",
                "--threshold",
                "low",
                "--weekday",
                "tirsdag",
                "--time",
                "10",
                "--minutes",
                "45",
            ]
        )
        == 0
    )
    assert run(["--db", db, "places", "edit", "Kafé X", "--active", "no"]) == 0
    out = capsys.readouterr().out
    assert "Biblioteket" in out and "Tuesday 10:00, 45 min" in out and "(inactive)" in out
    assert run(["--db", db, "places", "add", "Huset"]) == 2
    assert run(["--db", db, "places", "add", "Parken", "--time", "25"]) == 2
    assert "Start: There is no such time of day." in capsys.readouterr().err


def test_stats_as_text_and_csv_without_names(
    demo_now: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import csv

    assert run(["--demo", "stats", "--from", "01.01.2026", "--to", "26.11.2026"]) == 0
    text = capsys.readouterr().out
    assert "Contacts" in text and "Kari" not in text
    target = tmp_path / "stats.csv"
    assert run(["--demo", "stats", "--format", "csv", "-o", str(target)]) == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == ["Section", "Figure", "Value"] and len(rows) > 20
    assert not any("Nordmann" in cell for row in rows for cell in row)
