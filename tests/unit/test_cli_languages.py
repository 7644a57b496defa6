"""`tp --help`, each subcommand's help and argparse's errors speak the user's language only."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from tests.foreign_words import foreign_in
from tp_tui import domain
from tp_tui.cli import build_parser, run
from tp_tui.i18n import LANGUAGES, set_language


def _codes() -> set[str]:
    """The codes the command line takes (--kind phone): typed, not read."""
    return {
        member.value
        for value in vars(domain).values()
        if isinstance(value, type) and issubclass(value, domain.Code) and value is not domain.Code
        for member in value
    }


def _helps(
    parser: argparse.ArgumentParser, typed: set[str], path: tuple[str, ...] = ()
) -> Iterator[tuple[str, str]]:
    """Each parser's help, nested subcommands too (``tp participants add``); ``typed`` gets
    every choice an option or a subcommand takes."""
    try:
        parser.parse_known_args(["--help"])  # adds a subcommand's arguments first
    except SystemExit:
        pass
    yield " ".join(("tp", *path, "--help")), parser.format_help()
    for action in parser._actions:  # noqa: SLF001 (argparse lists them nowhere else)
        if action.choices is not None:
            typed |= {str(choice) for choice in action.choices}
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for name, sub in action.choices.items():
                yield from _helps(sub, typed, (*path, name))


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    set_language(request.param)
    yield request.param
    set_language("en")


def test_every_help_is_in_the_language_asked_for(
    language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    typed = _codes()
    helps = dict(_helps(build_parser(), typed))
    capsys.readouterr()
    assert len(helps) > 15  # tp and every subcommand
    foreign = {
        command: found
        for command, text in helps.items()
        if (found := foreign_in(text, language, typed=typed))
    }
    assert foreign == {}


@pytest.mark.parametrize(
    "argv",
    [
        ["fnord"],  # invalid choice
        ["export"],  # the following arguments are required
        ["callbacks", "--bogus"],  # unrecognized arguments
        ["log", "Kari", "--kind"],  # expected one argument
    ],
)
def test_argparse_errors_are_in_the_language_asked_for(
    language: str, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        run(["--lang", language, *argv])
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert ("error:" in error) == (language == "en"), error
    typed = _codes()
    for _ in _helps(build_parser(), typed):  # every subcommand and choice: typed, not read
        pass
    capsys.readouterr()
    assert foreign_in(error, language, typed=typed) == [], error


def test_a_wrong_language_is_told_in_the_locale_s_language(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`tp --lang fr` on a Norwegian machine: the error is Norwegian, as --lang is not read."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "nb_NO.UTF-8")
    try:
        with pytest.raises(SystemExit):
            run(["--lang", "fr"])
    finally:
        set_language("en")
    error = capsys.readouterr().err
    assert "ugyldig valg: 'fr'" in error, error
