from __future__ import annotations

from tp_tui.folding import fold, initials, search_text, sort_key


def test_norwegian_alphabetical_order() -> None:
    names = ["Åse", "Øyvind", "Zara", "Æsa", "Ola", "ærlig", "Anders", "Åge"]
    assert sorted(names, key=sort_key) == [
        "Anders",
        "Ola",
        "Zara",
        "ærlig",
        "Æsa",
        "Øyvind",
        "Åge",
        "Åse",
    ]


def test_fold_makes_case_irrelevant_for_nordic_letters() -> None:
    assert "øy" in fold("Øyvind Åsheim")
    assert "åsh" in fold("Øyvind Åsheim")


def test_initials_and_search_text() -> None:
    assert initials("Per-Olav Ås") == "poå"
    assert search_text("Kari Nordmann", "91234567") == "kari nordmann kn 91234567"
