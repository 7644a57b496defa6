"""Every user-facing string exists in both languages."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tp_tui import domain
from tp_tui.i18n import catalogue, detect_language, long_day, set_language, t

SOURCE = Path(__file__).resolve().parents[2] / "tp_tui"


def used_keys() -> set[str]:
    """Literal keys passed to t(...), to key(...) as a description, or raised as errors."""
    keys: set[str] = set()
    error_classes = {
        "DateParseError",
        "PhoneError",
        "FieldError",
        "StorageError",
        "WeekError",
        "SummaryError",
        "ImportFileError",
    }
    for path in SOURCE.rglob("*.py"):
        if "locale" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            args = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if name in {"t"} | error_classes and args and isinstance(args[0], str):
                keys.add(args[0])
            if name == "key" and len(node.args) >= 3 and isinstance(node.args[2], ast.Constant):
                description = node.args[2].value
                assert isinstance(description, str), f"{path}: key() takes a string description"
                keys.add(description)
                keys.add(description + ".tooltip")
    return keys


def test_both_languages_have_the_same_messages() -> None:
    assert set(catalogue("nb")) == set(catalogue("en"))


def test_every_key_used_in_the_code_exists() -> None:
    keys = used_keys()
    assert len(keys) > 100
    missing = sorted(key for key in keys if key not in catalogue("en"))
    assert missing == []


def test_every_code_has_a_label() -> None:
    labels = set()
    for value in vars(domain).values():
        if isinstance(value, type) and issubclass(value, domain.Code) and value is not domain.Code:
            labels |= {member.label_key for member in value}
    labels |= {stage.label_key for stage in domain.Stage}
    labels |= {f"checklist.{item}" for items in domain.CHECKLIST.values() for item in items}
    labels |= {f"weekday.{number}" for number in range(7)}
    assert sorted(labels - set(catalogue("en"))) == []


def test_placeholders_match_between_languages() -> None:
    field = re.compile(r"\{(\w+)")
    for key, english in catalogue("en").items():
        assert set(field.findall(english)) == set(field.findall(catalogue("nb")[key])), key


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "nb_NO.UTF-8"}, "nb"),
        ({"LANG": "nn_NO.UTF-8"}, "nn"),
        ({"LANG": "nn"}, "nn"),
        ({"LANG": "nn_NO"}, "nn"),
        ({"LANG": "no_NO.nynorsk"}, "nn"),
        ({"LANG": "nn_NO@nynorsk"}, "nn"),
        ({"LANG": "Norwegian-Nynorsk"}, "nn"),
        ({"LANGUAGE": "nn:nb:en"}, "nn"),
        ({"LANGUAGE": "nb:nn"}, "nb"),
        ({"LC_MESSAGES": "nn_NO.UTF-8", "LANG": "nb_NO.UTF-8"}, "nn"),
        ({"LANG": "no_NO"}, "nb"),
        ({"LANG": "no"}, "nb"),
        ({"LANG": "nb"}, "nb"),
        ({"LANG": "nonsense"}, "en"),
        ({"LC_ALL": "nb_NO.UTF-8", "LANG": "en_US.UTF-8"}, "nb"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "nb_NO.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_language_follows_the_locale(environ: dict[str, str], language: str) -> None:
    assert detect_language(environ) == language


def test_the_day_line_in_both_languages() -> None:
    from datetime import date

    set_language("nb")
    try:
        assert long_day(date(2026, 11, 26)) == "torsdag 26.11.2026 · uke 48"
        assert t("participants.count", count=3) == "3 deltaker(e)"
    finally:
        set_language("en")
    assert long_day(date(2026, 11, 26)) == "Thursday 26.11.2026 · week 48"
