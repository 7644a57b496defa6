"""``tp team``: the team from the shell, as a person or a script uses it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tp_tui.cli import run
from tp_tui.db import close_database, open_database
from tp_tui.models import Participant, TrustPerson


@pytest.fixture(autouse=True)
def setting(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TP_TUI_USER", "kari.tp")
    monkeypatch.setenv("TP_TUI_NOW", "2026-11-26T10:00")
    monkeypatch.setenv("TP_TUI_DB", str(tmp_path / "tp.db"))


def tp(*args: str) -> int:
    return run(list(args))


def stored(tmp_path: Path) -> dict[str, TrustPerson]:
    open_database(tmp_path / "tp.db")
    try:
        return {p.login: p for p in TrustPerson.select()}
    finally:
        close_database()


def line_of(out: str, name: str) -> str:
    """The person's line in the list printed last."""
    return [line for line in out.splitlines() if name in line][-1]


def test_set_myself_add_a_colleague_and_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert tp("team", "me", "--name", "Kari Nordmann") == 0
    out = capsys.readouterr().out
    assert "Saved: Kari Nordmann." in out
    assert line_of(out, "Kari Nordmann").startswith("* ")
    assert " KN " in line_of(out, "Kari Nordmann")  # initials made again from the new name
    assert tp("team", "add", "eva", "--name", "Eva Solheim", "--initials", "es") == 0
    assert "Colleague added: Eva Solheim." in capsys.readouterr().out
    assert tp("--lang", "nb", "team") == 0
    out = capsys.readouterr().out
    eva = line_of(out, "Eva Solheim")
    assert " ES " in eva and " eva " in eva and "aktiv" in eva and not eva.startswith("*")
    assert "* = deg" in out
    people = stored(tmp_path)
    assert people["eva"].name == "Eva Solheim" and people["kari.tp"].initials == "KN"


def test_bad_input_says_why_and_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert tp("team", "add", "eva", "--name", "Eva Solheim") == 0
    capsys.readouterr()
    assert tp("--lang", "nb", "team", "add", "ola h", "--name", " ", "--initials", "O1") == 2
    err = capsys.readouterr().err
    assert "Navn: Skriv navnet." in err
    assert "Initialer: Initialer er 1–4 bokstaver" in err
    assert "Brukernavn: Et brukernavn har ingen mellomrom." in err
    assert tp("team", "add", "EVA", "--name", "Eva Andersen") == 2
    assert "Login: The login EVA is already Eva Solheim's." in capsys.readouterr().err
    assert tp("team", "me", "--initials", "KARIN") == 2
    assert tp("team", "inactive", "nobody") == 2
    assert "No trust person has the login “nobody”." in capsys.readouterr().err
    assert set(stored(tmp_path)) == {"eva", "kari.tp"}
    assert stored(tmp_path)["kari.tp"].initials != "KARIN"


def test_a_colleague_leaves_and_comes_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert tp("participants", "add", "Ola Nordmann") == 0
    assert tp("team", "add", "eva", "--name", "Eva Solheim") == 0
    capsys.readouterr()
    # Eva takes over Ola (as a handover would), then leaves: told, not moved.
    open_database(tmp_path / "tp.db")
    try:
        eva = TrustPerson.get(TrustPerson.login == "eva")
        Participant.update(responsible=eva.id).execute()
    finally:
        close_database()
    assert tp("team", "inactive", "eva") == 0
    captured = capsys.readouterr()
    assert "Eva Solheim is marked as having left." in captured.out
    assert "still has responsibility for 1 participant: tp team handover eva" in captured.err
    assert "left" in line_of(captured.out, "Eva Solheim")
    assert not stored(tmp_path)["eva"].active
    assert tp("team", "active", "EVA") == 0  # the login in any case
    assert "Eva Solheim is active again." in capsys.readouterr().out
    assert stored(tmp_path)["eva"].active


def test_i_cannot_leave_myself(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert tp("team", "add", "eva", "--name", "Eva Solheim") == 0
    assert tp("team", "me", "--name", "Kari Nordmann") == 0
    capsys.readouterr()
    assert tp("team", "inactive", "kari.tp") == 2
    assert "You cannot mark yourself as having left" in capsys.readouterr().err
    assert stored(tmp_path)["kari.tp"].active


def test_present_and_absent(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert tp("team", "present") == 0
    out = capsys.readouterr().out
    assert "You are marked as at work today." in out
    assert "at work today" in line_of(out, "kari.tp")
    assert str(stored(tmp_path)["kari.tp"].present_on) == "2026-11-26"
    assert tp("team", "absent") == 0
    out = capsys.readouterr().out
    assert "at work today" not in line_of(out, "kari.tp")
    assert stored(tmp_path)["kari.tp"].present_on is None


def test_edit_a_colleague(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert tp("team", "add", "eva", "--name", "Eva Solheim") == 0
    assert tp("team", "edit", "eva", "--name", "Eva Berg", "--login", "eva.berg") == 0
    out = capsys.readouterr().out
    assert "eva.berg" in line_of(out, "Eva Berg")
    assert set(stored(tmp_path)) == {"eva.berg", "kari.tp"}  # kari.tp: me, who made the change
