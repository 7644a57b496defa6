"""Move message dictionaries (tp_tui/locale/{lang}*.py) into the gettext catalogues.

    python -m tools.dicts_to_po            # merge every dict file into {lang}.po, then delete it
    python -m tools.dicts_to_po --keep     # merge, but leave the dict files where they are
    python -m tools.dicts_to_po --recomment  # also rewrite every "#." note from tools/po_notes.py
    python -m tools.dicts_to_po --remove KEY…  # drop messages the code no longer uses

A dict file holds ``MESSAGES: dict[str, str] = {...}``; a value may be a tuple
``(singular, plural)`` for a message with a count. The English files give each entry its msgid
(English text) and msgid_plural; every other language's files give its msgstr. Entries already in
a .po keep their place, their notes and the translator's own comments; new ones go at the end.
``tp-tui.pot`` (the template a new language starts from) is rewritten from the English entries.
Run it from the repository root. It reads the dict files with ``ast``: nothing in them is run.
"""

from __future__ import annotations

import argparse
import ast
import sys
from dataclasses import dataclass
from pathlib import Path

from tools import po_notes
from tp_tui.po import PoEntry, header_fields, parse

LOCALE = Path(__file__).resolve().parent.parent / "tp_tui" / "locale"
TEMPLATE = "tp-tui.pot"
DEFAULT_PLURAL_FORMS = "nplurals=2; plural=(n != 1);"
LANGUAGE_NAMES = {"en": "English", "nb": "Norwegian Bokmål", "nn": "Norwegian Nynorsk"}

Message = str | tuple[str, ...]


@dataclass
class Catalogue:
    language: str
    header: dict[str, str]
    entries: dict[str, PoEntry]  # by msgctxt, in file order


def dict_files(locale: Path) -> dict[str, list[Path]]:
    """{lang: [lang.py, lang_part.py, …]}: the base file first, then the parts by name."""
    found: dict[str, list[Path]] = {}
    for path in sorted(locale.glob("*.py")):
        if path.name == "__init__.py":
            continue
        language = path.stem.split("_", 1)[0]
        found.setdefault(language, []).append(path)
    for paths in found.values():
        paths.sort(key=lambda path: (path.stem != path.stem.split("_", 1)[0], path.name))
    return found


def read_messages(path: Path) -> dict[str, Message]:
    """``MESSAGES = {...}`` and any later ``MESSAGES.update({...})``, read without running them."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: dict[str, Message] = {}
    seen = False
    for node in tree.body:
        value: ast.expr | None = None
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            value = node.value if node.target.id == "MESSAGES" else None
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            value = node.value if isinstance(target, ast.Name) and target.id == "MESSAGES" else None
        elif (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Call)
            and ast.unparse(node.value.func) == "MESSAGES.update"
            and len(node.value.args) == 1
        ):
            value = node.value.args[0]
        if value is None:
            continue
        messages = ast.literal_eval(value)
        if not isinstance(messages, dict):
            sys.exit(f"{path}:{node.lineno}: MESSAGES is not a dict literal")
        for key, text in messages.items():
            forms = text if isinstance(text, tuple) else (text,)
            if not isinstance(key, str) or not all(isinstance(form, str) for form in forms):
                sys.exit(f"{path}: {key!r} is not a str key with str or tuple-of-str text")
        found.update(messages)
        seen = True
    if not seen:
        sys.exit(f"{path}: no MESSAGES = {{...}} dict found")
    return found


def read_catalogue(language: str, locale: Path) -> Catalogue:
    path = locale / f"{language}.po"
    if not path.exists():
        return Catalogue(language, {}, {})
    entries = parse(path.read_text(encoding="utf-8"))
    by_key: dict[str, PoEntry] = {e.context: e for e in entries if e.context is not None}
    return Catalogue(language, header_fields(entries), by_key)


def quote(text: str) -> list[str]:
    """A string as .po lines: one line, or "" then one line per "\\n" as Poedit writes it."""

    def escape(part: str) -> str:
        part = part.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
        return '"' + part.replace("\r", "\\r").replace("\n", "\\n") + '"'

    pieces = text.splitlines(keepends=True)
    if len(pieces) <= 1:
        return [escape(text)]
    return ['""'] + [escape(piece) for piece in pieces]


def render_entry(entry: PoEntry) -> list[str]:
    lines = [f"# {comment}".rstrip() for comment in entry.comments]
    lines += [f"#. {note}" for note in entry.extracted]
    lines += [f"#: {reference}" for reference in entry.references]
    if entry.flags:
        lines.append("#, " + ", ".join(entry.flags))

    def keyword(name: str, text: str) -> None:
        first, *rest = quote(text)
        lines.append(f"{name} {first}")
        lines.extend(rest)

    if entry.context is not None:
        keyword("msgctxt", entry.context)
    keyword("msgid", entry.msgid)
    if entry.msgid_plural is not None:
        keyword("msgid_plural", entry.msgid_plural)
        for number, form in enumerate(entry.msgstr):
            keyword(f"msgstr[{number}]", form)
    else:
        keyword("msgstr", entry.msgstr[0] if entry.msgstr else "")
    return lines


def render(header: dict[str, str], entries: list[PoEntry]) -> str:
    head = PoEntry(
        msgid="", msgstr=["".join(f"{name}: {value}\n" for name, value in header.items())]
    )
    blocks = [render_entry(head)] + [render_entry(entry) for entry in entries]
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def make_header(language: str | None, old: dict[str, str]) -> dict[str, str]:
    header = {
        "Project-Id-Version": "tp-tui",
        "Language": language or "",
        "Language-Team": LANGUAGE_NAMES.get(language or "", ""),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": DEFAULT_PLURAL_FORMS,
    }
    if language is None:
        header["Language-Team"] = ""
    header.update(old)  # what Poedit/Weblate wrote in an existing catalogue wins
    return header


def nplurals(header: dict[str, str]) -> int:
    for part in header.get("Plural-Forms", DEFAULT_PLURAL_FORMS).split(";"):
        name, _, value = part.partition("=")
        if name.strip() == "nplurals":
            return int(value)
    return 2


def forms_of(message: Message) -> tuple[str, ...]:
    return message if isinstance(message, tuple) else (message,)


def convert(locale: Path, keep: bool, recomment: bool, remove: tuple[str, ...] = ()) -> list[str]:
    """Merge, write the catalogues and the template; return the problems found (also printed)."""
    problems: list[str] = []
    files = dict_files(locale)
    languages = sorted({"en", "nb"} | set(files) | {p.stem for p in locale.glob("*.po")})
    dicts: dict[str, dict[str, Message]] = {language: {} for language in languages}
    for language, paths in files.items():
        for path in paths:
            dicts[language].update(read_messages(path))
    catalogues = {language: read_catalogue(language, locale) for language in languages}

    # The template: English entries by key, old ones first in their order, then the new ones.
    english = catalogues["en"]
    template: dict[str, PoEntry] = {}
    for key, known in english.entries.items():
        template[key] = PoEntry(key, known.msgid, known.msgid_plural, [], list(known.extracted))
    changed: set[str] = set()  # keys whose English text changed: their translations need a look
    for key, message in dicts["en"].items():
        forms = forms_of(message)
        if len(forms) > 2:
            problems.append(
                f"en: {key}: English has two forms (singular, plural), not {len(forms)}"
            )
        plural = forms[1] if len(forms) > 1 else None
        old = template.get(key)
        if old is not None and (old.msgid, old.msgid_plural) != (forms[0], plural):
            changed.add(key)
        template[key] = PoEntry(key, forms[0], plural, [], old.extracted if old else [])
    for key in remove:  # messages no code uses any more: out of every catalogue
        if template.pop(key, None) is None:
            problems.append(f"--remove {key}: no such message")
    all_keys = frozenset(template)
    for key, entry in template.items():
        if recomment or not entry.extracted:
            entry.extracted = po_notes.notes(key, entry.msgid, entry.msgid_plural, all_keys)
        entry.flags = ["python-brace-format"] if po_notes.fields(entry.msgid) else []

    for language in languages:
        catalogue = catalogues[language]
        header = make_header(language, catalogue.header)
        forms_wanted = nplurals(header)
        entries: list[PoEntry] = []
        for key in [k for k in dicts[language] if k not in template and k not in remove]:
            problems.append(f"{language}: {key} has no English text: left out")
        for key, source in template.items():
            old = catalogue.entries.get(key)
            entry = PoEntry(
                key,
                source.msgid,
                source.msgid_plural,
                extracted=list(source.extracted),
                comments=list(old.comments) if old else [],
                references=list(old.references) if old else [],
                flags=list(source.flags),
            )
            fuzzy = False
            if language == "en":
                given: tuple[str, ...] = (source.msgid,)
                if source.msgid_plural is not None:
                    given = (source.msgid, source.msgid_plural)
            elif key in dicts[language]:
                given = forms_of(dicts[language][key])
            elif old is not None:
                given = tuple(old.msgstr)
                fuzzy = old.fuzzy or key in changed
            else:
                given = ()
                problems.append(f"{language}: {key} is not translated")
            if source.msgid_plural is None:
                if len(given) > 1:
                    problems.append(f"{language}: {key} has forms but the English has none")
                entry.msgstr = [given[0] if given else ""]
            else:
                if given and len(given) != forms_wanted and language != "en":
                    problems.append(
                        f"{language}: {key} has {len(given)} form(s), the language {forms_wanted}"
                    )
                wanted = 2 if language == "en" else forms_wanted
                padded = list(given) + [given[-1] if given else ""] * wanted
                entry.msgstr = padded[:wanted]
            if fuzzy:
                entry.flags.insert(0, "fuzzy")
            entries.append(entry)
        path = locale / f"{language}.po"
        path.write_text(render(header, entries), encoding="utf-8")
        print(f"wrote {path} ({len(entries)} messages)")

    pot = [
        PoEntry(
            e.context,
            e.msgid,
            e.msgid_plural,
            ["", ""] if e.msgid_plural else [""],
            list(e.extracted),
            flags=list(e.flags),
        )
        for e in template.values()
    ]
    pot_header = make_header(None, {})
    pot_header["Language"] = ""
    (locale / TEMPLATE).write_text(render(pot_header, pot), encoding="utf-8")
    print(f"wrote {locale / TEMPLATE} ({len(pot)} messages)")
    if not keep:
        for paths in files.values():
            for path in paths:
                path.unlink()
                print(f"deleted {path}")
    for problem in problems:
        print("problem:", problem, file=sys.stderr)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="do not delete the dict files")
    parser.add_argument("--recomment", action="store_true", help="rewrite every #. note")
    parser.add_argument("--remove", nargs="+", default=[], metavar="KEY", help="drop messages")
    parser.add_argument("--locale", type=Path, default=LOCALE, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    convert(args.locale, args.keep, args.recomment, tuple(args.remove))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
