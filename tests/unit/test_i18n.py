"""Every user-facing string exists in every language, and the catalogues are sound.

The catalogues are gettext files (tp_tui/locale/*.po, template tp-tui.pot). These checks fail when
a message is missing or fuzzy in a language, its {fields} differ from the English (in any plural
form), a .po is malformed or stale against the template, or a message is used nowhere in the code.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tp_tui import domain, po
from tp_tui.i18n import (
    LANGUAGES,
    LOCALE_DIR,
    catalogue,
    detect_language,
    long_day,
    plural_forms,
    set_language,
    t,
)

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
        assert t("participants.count", count=3) == "3 deltakere"
        assert t("participants.count", count=1) == "1 deltaker"
    finally:
        set_language("en")
    assert long_day(date(2026, 11, 26)) == "Thursday 26.11.2026 · week 48"


# --- the catalogues as files -------------------------------------------------------------------

FIELD = re.compile(r"\{(\w+)")
CATALOGUES = sorted(LOCALE_DIR.glob("*.po"))
# A count written out as a noun with its ending in brackets: "deltaker(e)", "call(s)".
BRACKETED_PLURAL = re.compile(r"\w\((s|es|e|er|r|en|ene)\)")


def entries(path: Path) -> dict[str, po.PoEntry]:
    found: dict[str, po.PoEntry] = {}
    for entry in po.parse(path.read_text(encoding="utf-8")):
        if entry.context is None:
            continue
        assert entry.context not in found, f"{path.name}: {entry.context} twice"
        found[entry.context] = entry
    return found


def template() -> dict[str, po.PoEntry]:
    return entries(LOCALE_DIR / "tp-tui.pot")


def fields(text: str) -> set[str]:
    return set(FIELD.findall(text))


def test_every_language_of_the_app_has_a_catalogue() -> None:
    assert {path.stem for path in CATALOGUES} >= set(LANGUAGES)


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.name)
def test_a_catalogue_is_well_formed_and_matches_the_template(path: Path) -> None:
    parsed = po.parse(path.read_text(encoding="utf-8"))
    header = po.header_fields(parsed)
    assert header.get("Language") == path.stem
    assert header.get("Content-Type") == "text/plain; charset=UTF-8"
    assert "nplurals=" in header.get("Plural-Forms", "")
    nplurals = int(header["Plural-Forms"].split("nplurals=")[1].split(";")[0])
    pot, mine = template(), entries(path)
    assert list(mine) == list(pot), "stale: run python -m tools.dicts_to_po (it merges the .pot)"
    for key, entry in mine.items():
        source = pot[key]
        assert (entry.msgid, entry.msgid_plural) == (source.msgid, source.msgid_plural), key
        if entry.msgid_plural is not None:
            assert len(entry.msgstr) == nplurals, f"{key}: {nplurals} forms in this language"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.name)
def test_every_message_is_translated_with_the_same_fields(path: Path) -> None:
    for key, entry in entries(path).items():
        assert not entry.fuzzy, f"{path.name}: {key} is marked fuzzy (the English changed)"
        assert entry.translated or entry.msgid == "", f"{path.name}: {key} is not translated"
        if entry.msgid_plural is None:
            assert fields(entry.msgstr[0]) == fields(entry.msgid), f"{path.name}: {key}"
            continue
        english = fields(entry.msgid) | fields(entry.msgid_plural)
        for form in entry.msgstr:
            # The form is chosen by {count} (always given: see below), shown or not: a singular
            # may say "one participant" without the number. Nothing else may differ.
            assert fields(form) | {"count"} == english | {"count"}, f"{path.name}: {key}: {form}"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.name)
def test_a_count_is_a_plural_form_not_an_ending_in_brackets(path: Path) -> None:
    for key, entry in entries(path).items():
        for text in [entry.msgid, *entry.msgstr]:
            assert not BRACKETED_PLURAL.search(text), f"{path.name}: {key}: {text}"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.name)
def test_the_app_reads_a_catalogue_as_the_checks_do(path: Path) -> None:
    """The start-up reader (po.messages) skips the entry objects; it must agree with po.parse."""
    text = path.read_text(encoding="utf-8")
    messages, plurals, rule = po.messages(text)
    assert po._messages_by_line(text) == (messages, plurals, rule)  # the fallback reads the same
    parsed = entries(path)
    assert messages == {k: e.msgstr[0] for k, e in parsed.items() if e.translated or not e.msgid}
    assert plurals == {k: tuple(e.msgstr) for k, e in parsed.items() if e.msgid_plural}
    assert rule == po.header_fields(po.parse(path.read_text(encoding="utf-8")))["Plural-Forms"]


def test_a_malformed_catalogue_is_refused_with_its_line() -> None:
    with pytest.raises(po.PoError, match="line 3"):
        po.parse('msgctxt "a"\nmsgid "A"\nmsgstrr "B"\n')
    with pytest.raises(po.PoError, match="line 1"):
        po.parse('"stray"\n')


def test_the_reader_takes_what_poedit_writes() -> None:
    """Strings split over lines, escapes, a fuzzy entry (left out) and an obsolete one (#~)."""
    text = (
        'msgid ""\nmsgstr ""\n"Language: xx\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        '#. a note\nmsgctxt "a"\nmsgid ""\n"Two "\n"lines"\nmsgstr ""\n"To \\"linjer\\"\\n"\n\n'
        '#, fuzzy\nmsgctxt "b"\nmsgid "Old"\nmsgstr "Gammel"\n\n'
        '#~ msgctxt "c"\n#~ msgid "Gone"\n#~ msgstr "Borte"\n\n'
        'msgctxt "d"\nmsgid "{count} day"\nmsgid_plural "{count} days"\n'
        'msgstr[0] "{count} dag"\nmsgstr[1] "{count} dager"\n'
    )
    # As the converter writes it (read a whole entry at a time), and with Windows line ends and
    # the old text of the fuzzy entry (#|) as Poedit may leave them (read line by line).
    windows = text.replace("#, fuzzy\n", '#, fuzzy\n#| msgid "Older"\n').replace("\n", "\r\n")
    for variant in (text, windows):
        messages, plurals, rule = po.messages(variant)
        assert messages == {"a": 'To "linjer"\n', "d": "{count} dag"}
        assert plurals == {"d": ("{count} dag", "{count} dager")}
        assert rule == "nplurals=2; plural=(n != 1);"
    parsed = {e.context: e for e in po.parse(text)}
    assert parsed["a"].msgid == "Two lines" and parsed["a"].extracted == ["a note"]
    assert parsed["b"].fuzzy and "c" not in parsed


def test_a_count_chooses_the_plural_form_in_each_language() -> None:
    assert t("participants.count", count=1) == "1 participant"
    assert t("participants.count", count=0) == "0 participants"
    set_language("nb")
    try:
        assert t("handover.callbacks", count=1) == "1 tilbakeringing"
        assert t("handover.callbacks", count=2) == "2 tilbakeringinger"
    finally:
        set_language("en")
    assert set(plural_forms("nb")) == set(plural_forms("en"))


def dynamic_key_patterns() -> list[re.Pattern[str]]:
    """Keys the code builds: f"weekday.{n}" and "plandoc.what." + what, as patterns.

    Read from the code itself (an f-string or a + whose text starts like a key), so a family of
    keys counts as used only while the code that builds them is there.
    """
    patterns: list[re.Pattern[str]] = []
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            parts: list[ast.expr] = []
            if isinstance(node, ast.JoinedStr):
                parts = list(node.values)
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
                parts = [node.left, node.right]
            head = parts[0] if parts else None
            if not (isinstance(head, ast.Constant) and isinstance(head.value, str)):
                continue
            if not re.match(r"[a-z]\w*\.", head.value):
                continue
            pattern = "".join(
                re.escape(part.value)
                if isinstance(part, ast.Constant) and isinstance(part.value, str)
                else r"[\w.]+"
                for part in parts
            )
            patterns.append(re.compile(pattern))
    return patterns


def code_labels() -> set[str]:
    """Every stored code's label (f"{prefix}.{value}" in domain.Code, which no pattern sees)."""
    labels: set[str] = set()
    for value in vars(domain).values():
        if isinstance(value, type) and issubclass(value, (domain.Code, domain.Stage)):
            if value not in (domain.Code,):
                labels |= {member.label_key for member in value}
    return labels


def test_every_message_is_used_somewhere_in_the_code() -> None:
    strings: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.add(node.value)
    strings |= code_labels()
    patterns = dynamic_key_patterns()

    def used(key: str) -> bool:
        if key in strings or (key.endswith(".tooltip") and key.removesuffix(".tooltip") in strings):
            return True  # a key(...) binding's description brings its tooltip along
        return any(pattern.fullmatch(key) for pattern in patterns)

    unused = sorted(key for key in template() if not used(key))
    assert unused == [], "remove with: python -m tools.dicts_to_po --remove " + " ".join(unused)


def test_a_plural_message_is_always_given_its_count() -> None:
    plural = set(plural_forms("en"))
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "t"):
                continue
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and first.value in plural:
                names = {keyword.arg for keyword in node.keywords}
                assert "count" in names, f"{path}:{node.lineno}: {first.value} needs count="
