"""Reading gettext ``.po`` catalogues: the small part of the format tp-tui and Poedit/Weblate use.

A catalogue entry has a ``msgctxt`` (our message key, e.g. ``consent.title``), a ``msgid`` (the
English text), maybe a ``msgid_plural``, and one ``msgstr`` per form. Strings may be split over
several quoted lines, as Poedit writes them. Obsolete entries (``#~``) are skipped; the rest of the
comments are kept so the converter and the checks can read them. Our own parser rather than Babel:
the app reads two catalogues at start-up and a dependency would cost more than these lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f"}
_ESCAPE = re.compile(r"\\(.)")
_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"\s*$')


class PoError(ValueError):
    """A catalogue that is not well-formed, with the line it broke on."""


@dataclass
class PoEntry:
    context: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    # One string for a plain entry; one per plural form for a plural one.
    msgstr: list[str] = field(default_factory=list)
    extracted: list[str] = field(default_factory=list)  # "#." lines: for the translator
    comments: list[str] = field(default_factory=list)  # "# " lines: the translator's own
    flags: list[str] = field(default_factory=list)  # "#," e.g. fuzzy, python-brace-format
    references: list[str] = field(default_factory=list)  # "#:" lines
    line: int = 0

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translated(self) -> bool:
        return not self.fuzzy and bool(self.msgstr) and all(self.msgstr)


def _unquote(text: str, number: int) -> str:
    if "\\" not in text:
        return text
    try:
        return _ESCAPE.sub(lambda match: _ESCAPES[match.group(1)], text)
    except KeyError as error:
        raise PoError(f"line {number}: unknown escape \\{error.args[0]}") from None


def parse(text: str) -> list[PoEntry]:
    """Every entry of a .po/.pot text, the header (msgid "") included, in file order."""
    entries: list[PoEntry] = []
    entry = PoEntry()
    seen_keyword = False
    # Where the next continuation line ("...") goes: the list and index of the string being read.
    target: str | None = None
    index = 0
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if seen_keyword:  # a comment after the strings starts the next entry
                entries.append(entry)
                entry, seen_keyword, target = PoEntry(), False, None
            if line.startswith("#~"):
                continue
            kind, rest = line[:2], line[2:].strip()
            if kind == "#.":
                entry.extracted.append(rest)
            elif kind == "#,":
                entry.flags.extend(flag.strip() for flag in rest.split(",") if flag.strip())
            elif kind == "#:":
                entry.references.append(rest)
            elif kind == "#|":
                pass  # the previous msgid of a fuzzy entry: only a hint for the translator
            else:
                entry.comments.append(line[1:].strip())
            continue
        if line.startswith('"'):
            if target is None or not line.endswith('"') or len(line) < 2:
                raise PoError(f"line {number}: a string that belongs to nothing: {raw!r}")
            value = _unquote(line[1:-1], number)
            if target == "msgstr":
                entry.msgstr[index] += value
            else:
                setattr(entry, target, (getattr(entry, target) or "") + value)
            continue
        match = _KEYWORD.match(line)
        if match is None:
            raise PoError(f"line {number}: not a catalogue line: {raw!r}")
        keyword, form, value = match.group(1), match.group(2), _unquote(match.group(3), number)
        if keyword in ("msgctxt", "msgid") and (
            entry.msgstr or (keyword == "msgctxt" and seen_keyword)
        ):
            entries.append(entry)  # a new entry without a comment before it
            entry = PoEntry()
        if not seen_keyword:
            entry.line = number
        seen_keyword = True
        if keyword.startswith("msgstr"):
            wanted = int(form) if form is not None else 0
            if wanted != len(entry.msgstr):
                raise PoError(f"line {number}: {keyword} out of order")
            entry.msgstr.append(value)
            target, index = "msgstr", wanted
        else:
            attribute = "context" if keyword == "msgctxt" else keyword
            setattr(entry, attribute, value)
            target = attribute
    if seen_keyword:
        entries.append(entry)
    for entry in entries:
        if not entry.msgstr:
            raise PoError(f"line {entry.line}: an entry without msgstr")
    return entries


def header_fields(entries: list[PoEntry]) -> dict[str, str]:
    """The header entry's "Name: value" lines (Language, Plural-Forms, …)."""
    for entry in entries:
        if entry.context is None and entry.msgid == "":
            fields: dict[str, str] = {}
            for line in entry.msgstr[0].splitlines():
                name, _, value = line.partition(":")
                if name.strip():
                    fields[name.strip()] = value.strip()
            return fields
    return {}


_TOKEN = re.compile(
    r'^(?:#,(.*)|(?:(msgctxt|msgid_plural|msgid|msgstr)(?:\[\d+\])?[ \t]+)?"(.*)")[ \t]*$', re.M
)


Messages = tuple[dict[str, str], dict[str, tuple[str, ...]], str]

# One whole entry as the converter (and mostly Poedit) writes it: the flags line, if any, right
# before msgctxt, each string on one or more quoted lines. One regex match per entry keeps the
# start-up read to a few milliseconds; anything else takes the line-by-line reader below.
# A string: its first quoted line, then any further ones (most strings have one line).
_STRING = r'"([^\n]*)"\n((?:"[^\n]*"\n)*)'
_ENTRY = re.compile(
    rf"\nmsgctxt {_STRING}msgid {_STRING}"
    rf'(?:msgid_plural {_STRING}((?:msgstr\[\d+\] "[^\n]*"\n(?:"[^\n]*"\n)*)+)|msgstr {_STRING})'
)
_FORM = re.compile(rf"msgstr\[\d+\] {_STRING}")
_PLURAL_FORMS = re.compile(r'^"Plural-Forms: *([^"\n]*?)(?:\\n)?"$', re.M)


def _string(first: str, rest: str) -> str:
    """A string from its first line's text and the quoted lines after it."""
    value = first + "".join(line[1:-1] for line in rest[:-1].split("\n")) if rest else first
    if "\\" in value:
        value = _ESCAPE.sub(lambda match: _ESCAPES.get(match.group(1), match.group(1)), value)
    return value


def messages(text: str) -> Messages:
    """What the app needs from a catalogue, fast: {key: text}, {key: plural forms}, Plural-Forms.

    The same reading as :func:`parse` (a test holds them together) without building entries:
    this runs at start-up. Untranslated and fuzzy entries are left out, so English shows; an entry
    whose English is empty on purpose (msgid "") stays, empty.
    """
    # The header comes first, so every entry starts after a newline; the converter ends the
    # file with one. A catalogue with a fuzzy entry (a shipped one has none: a test sees to it)
    # or one an entry of which does not match is read line by line instead.
    if "#, fuzzy" in text or "\r" in text:
        return _messages_by_line(text)
    found: dict[str, str] = {}
    plurals: dict[str, tuple[str, ...]] = {}
    read = 0
    # One match at a time, not findall's list of them all: that list, some thousand tuples of
    # nine strings, was the start-up's biggest moment of memory.
    for match in _ENTRY.finditer(text):
        read += 1
        key, key_rest, msgid, msgid_rest, _, _, forms, text_1, text_rest = match.groups()
        if key_rest or "\\" in key:
            key = _string(key, key_rest)
        if forms:
            texts = tuple(_string(first, rest) for first, rest in _FORM.findall(forms))
            if all(texts):
                found[key] = texts[0]
                plurals[key] = texts
            continue
        if text_rest or "\\" in text_1:
            text_1 = _string(text_1, text_rest)
        if text_1 or not (msgid or msgid_rest):  # empty: untranslated, unless meant empty
            found[key] = text_1
    if read != text.count("\nmsgctxt "):
        return _messages_by_line(text)
    rule = _PLURAL_FORMS.search(text[: text.find("\nmsgctxt ")])
    return found, plurals, rule.group(1).strip() if rule else ""


def _messages_by_line(text: str) -> Messages:
    """:func:`messages` for any well-formed catalogue (comments anywhere, CRLF, #| lines)."""
    text = text.replace("\r\n", "\n")
    found: dict[str, str] = {}
    plurals: dict[str, tuple[str, ...]] = {}
    header = ""
    context: str | None = None
    msgid = ""
    forms: list[str] = []
    plural = fuzzy = False
    current = ""  # the keyword the next continuation line belongs to

    def finish() -> None:
        if context is None:
            return
        if fuzzy or not (all(forms) or msgid == ""):
            return
        found[context] = forms[0]
        if plural:
            plurals[context] = tuple(forms)

    for flags, keyword, value in _TOKEN.findall(text):
        if flags:
            if "fuzzy" in flags:
                if current == "msgstr":  # a flag line starts the next entry
                    finish()
                    context, msgid, forms, plural, current = None, "", [], False, ""
                fuzzy = True
            continue
        if "\\" in value:
            value = _ESCAPE.sub(lambda match: _ESCAPES.get(match.group(1), match.group(1)), value)
        if not keyword:
            if current == "msgstr":
                forms[-1] += value
            elif current == "msgctxt":
                context = (context or "") + value
            elif current == "msgid":
                msgid += value
            continue
        if keyword == "msgstr":
            forms.append(value)
        else:
            if current == "msgstr":  # the strings of the previous entry are over
                if context is None and msgid == "":
                    header = forms[0]
                finish()
                context, msgid, forms, plural, fuzzy = None, "", [], False, False
            if keyword == "msgctxt":
                context = value
            elif keyword == "msgid":
                msgid = value
            else:
                plural = True
        current = keyword
    if current == "msgstr":
        if context is None and msgid == "":
            header = forms[0]
        finish()
    rule = ""
    for line in header.splitlines():
        if line.startswith("Plural-Forms:"):
            rule = line.partition(":")[2].strip()
    return found, plurals, rule
