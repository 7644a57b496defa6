"""Importing participants from a spreadsheet (CSV or XLSX): read, plan (a dry run), apply.

Planning only reads; applying writes every good row in one transaction. Cells are data, never
formulas: nothing is evaluated, and an XLSX gives the values Excel last saved.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from tp_tui.clock import Clock
from tp_tui.db import write
from tp_tui.domain import Code, ParticipantStatus, ReferralSource
from tp_tui.folding import name_key
from tp_tui.i18n import LANGUAGES, catalogue, format_date
from tp_tui.models import Participant
from tp_tui.services.history import name_change
from tp_tui.services.import_dates import DateOrder, DateOrderUnclear, day_first, decide_order
from tp_tui.services.import_duplicates import SAME, Known, KnownPeople
from tp_tui.services.participants import ParticipantInput, add_participant, validate
from tp_tui.services.validation import ValidationFailed

MAX_BYTES = 20_000_000
MAX_ROWS = 20_000
FORMULA_START = ("=", "+", "-", "@")

# Field -> header spellings, compared after _loose() (lower case, punctuation as spaces).
# Bokmål, nynorsk and English: a municipality's sheet is written in whichever it uses.
_ALIASES: dict[str, tuple[str, ...]] = {
    "name": (
        "navn", "fullt navn", "deltaker", "deltakernavn",
        "namn", "fullt namn", "deltakar", "deltakarnamn",  # nynorsk
        "name", "full name",
    ),
    "first_name": ("fornavn", "førenamn", "fornamn", "first name", "firstname", "given name"),
    "last_name": ("etternavn", "etternamn", "last name", "lastname", "surname", "family name"),
    "phone": (
        "telefon", "tlf", "mobil", "mobilnummer", "telefonnummer", "mobilnr", "mobil nr",
        "tlf nr", "tlfnr", "telefonnr", "telefon nr", "mobiltelefon",
        "phone", "mobile", "phone number", "mobile number", "telephone",
    ),
    "intake": (
        "inntak", "inntaksdato", "startdato", "start", "oppstart", "intake", "intake date",
        "start date",
    ),
    "referral_source": (
        "henvist av", "henviser", "henvisning", "tilvist av", "tilvisar", "tilvising",
        "referral", "referred by",
    ),
    "status": ("status",),
    "about": ("notat", "merknad", "kommentar", "note", "notes", "comment", "comments"),
}  # fmt: skip
# Everyday words for referral sources that are not the catalogue's labels.
_REFERRAL_WORDS = {
    "selv": "self", "sjølv": "self", "lege": "gp", "familie": "family", "venner": "family",
    "vener": "family",
}  # fmt: skip
_FLOAT_INTEGER = re.compile(r"\d+\.0+", re.ASCII)


class ImportFileError(Exception):
    """The file cannot be imported at all; ``key`` is a translation key, ``params`` its values."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class RowProblem:
    """Something about one row: ``line`` is the spreadsheet's row number (the header is 1)."""

    line: int
    field: str
    key: str
    params: dict[str, object]


@dataclass(frozen=True)
class Duplicate:
    """A row that may be a person already known; ``earlier_line`` None means in the database.

    ``reason`` "same" (same folded name and phone) is always skipped; "phone", "name" and
    "similar_name" are possible duplicates, imported only when ``allowed``.
    """

    line: int
    name: str
    earlier_line: int | None
    of_name: str = ""
    of_phone: str | None = None
    reason: str = SAME
    allowed: bool = False


@dataclass(frozen=True)
class Reading:
    """How one row's date and phone were understood, for the dry run to show."""

    line: int
    name: str
    intake_text: str
    intake_on: date | None
    phone_text: str
    phone: str | None


@dataclass(frozen=True)
class ImportPlan:
    """What an import would do; ``notes`` never stop a row, ``problems`` always do."""

    columns: dict[str, str]
    ignored_columns: tuple[str, ...]
    to_add: tuple[tuple[int, ParticipantInput], ...]
    duplicates: tuple[Duplicate, ...]
    problems: tuple[RowProblem, ...]
    notes: tuple[RowProblem, ...]
    rows: int
    readings: tuple[Reading, ...] = ()
    date_order: DateOrder = DateOrder(None, None)

    @property
    def skipped_duplicates(self) -> tuple[Duplicate, ...]:
        return tuple(d for d in self.duplicates if not d.allowed)

    @property
    def skipped_lines(self) -> tuple[int, ...]:
        lines = {p.line for p in self.problems} | {d.line for d in self.skipped_duplicates}
        return tuple(sorted(lines))


def _loose(text: str) -> str:
    """Lower case, punctuation as spaces, single spaces: "Henvist av:" -> "henvist av"."""
    return " ".join("".join(c if c.isalnum() else " " for c in text.casefold()).split())


_FIELD_OF = {_loose(alias): field for field, aliases in _ALIASES.items() for alias in aliases}


def _spellings(kind: type[Code], extra: dict[str, str]) -> dict[str, str]:
    """Code, and its label in every language (whole and split at "/"), -> code."""
    table = {_loose(word): code for word, code in extra.items()}
    for member in kind:
        words = [member.value, member.value.replace("_", " ")]
        for language in LANGUAGES:
            label = catalogue(language).get(member.label_key, "")
            words += [label, *label.split("/")]
        for word in words:
            if _loose(word):
                table.setdefault(_loose(word), member.value)
    return table


def _cell_text(value: object) -> str:
    """An XLSX value as a person would type it: dates as dd.mm.yyyy, 91234567.0 as 91234567."""
    if value is None:
        return ""
    if isinstance(value, date):  # a datetime too: the time of day of an intake is not kept
        return format_date(value.date() if isinstance(value, datetime) else value)
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _decode(raw: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; else cp1252, as Norwegian Excel saves."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    elif raw.startswith(codecs.BOM_UTF8):
        encodings = ["utf-8-sig"]
    else:
        encodings = ["utf-8", "cp1252"]
    for encoding in encodings:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:  # NUL never occurs in text: this is some binary file
            return text
    raise ImportFileError("import.error.not_spreadsheet", path=name)


def _delimiter(text: str) -> str:
    """The delimiter that splits the first non-empty line most; ';' wins ties (Norwegian Excel)."""
    line = next((line for line in text.splitlines() if line.strip()), "")
    counts = dict.fromkeys(";\t,", 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_records(raw: bytes, name: str) -> list[tuple[int, list[str]]]:
    text = _decode(raw, name)
    # One record is one spreadsheet row, even when a quoted cell spans several lines.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        return [(line, cells) for line, cells in enumerate(reader, start=1)]
    except csv.Error as error:
        raise ImportFileError("import.error.not_spreadsheet", path=name) from error


def _xlsx_records(path: Path, name: str) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(path) as archive:
            is_workbook = "xl/workbook.xml" in archive.namelist()
        if not is_workbook:  # a .docx, .ods or other zip
            raise ImportFileError("import.error.not_spreadsheet", path=name)
        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            sheet.reset_dimensions()  # stored dimensions can be wrong; read what is there
            records: list[tuple[int, list[str]]] = []
            # Read-only sheets yield empty rows for gaps, so counting from 1 gives Excel's numbers.
            for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                if any(value is not None for value in values):
                    records.append((line, [_cell_text(value) for value in values]))
                if len(records) > MAX_ROWS + 1:
                    raise ImportFileError("import.error.too_large", path=name, rows=MAX_ROWS)
            return records
        finally:
            workbook.close()
    except (ImportFileError, OSError):
        raise
    except Exception as error:  # a damaged workbook can fail anywhere in zip or XML parsing
        raise ImportFileError("import.error.not_spreadsheet", path=name) from error


def read_rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the non-empty rows below it, each with its spreadsheet row number."""
    name = str(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ImportFileError("import.error.too_large", path=name, rows=MAX_ROWS)
        with path.open("rb") as handle:
            start = handle.read(4)
        records = (
            _xlsx_records(path, name)
            if start == b"PK\x03\x04"
            else _csv_records(path.read_bytes(), name)
        )
    except OSError as error:
        reason = error.strerror or str(error)
        raise ImportFileError("import.error.cannot_read", path=name, reason=reason) from error
    stripped = ((line, [cell.strip() for cell in cells]) for line, cells in records)
    filled = [(line, cells) for line, cells in stripped if any(cells)]
    if not filled:
        raise ImportFileError("import.error.empty", path=name)
    if len(filled) > MAX_ROWS + 1:
        raise ImportFileError("import.error.too_large", path=name, rows=MAX_ROWS)
    return filled[0][1], filled[1:]


def _column_letter(index: int) -> str:
    """The spreadsheet's name for a column: 0 -> "A", 27 -> "AB"."""
    letters, number = "", index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _map_columns(
    header: list[str], rows: list[tuple[int, list[str]]]
) -> tuple[dict[str, int], tuple[str, ...]]:
    """Field -> column index, and the columns left out (a blank heading with data as "(E)")."""
    indexes: dict[str, int] = {}
    ignored: list[str] = []
    width = max([len(header), *(len(cells) for _, cells in rows)])
    for index in range(width):
        title = header[index] if index < len(header) else ""
        field = _FIELD_OF.get(_loose(title))
        if field and field not in indexes:
            indexes[field] = index
        elif title:
            ignored.append(title)
        elif any(index < len(cells) and cells[index] for _, cells in rows):
            ignored.append(f"({_column_letter(index)})")
    if not {"name", "first_name", "last_name"} & indexes.keys():
        found = ", ".join(title for title in header if title)
        raise ImportFileError("import.error.no_name_column", headers=found)
    return indexes, tuple(ignored)


def _phone_text(text: str) -> str:
    """Undo what spreadsheets do to numbers: "91234567.0", and "+47…" saved as 4791234567."""
    if _FLOAT_INTEGER.fullmatch(text):
        text = text.split(".")[0]
    if text.isascii() and text.isdigit() and len(text) == 10 and text.startswith("47"):
        text = "+" + text  # without a country code a Norwegian number has 8 digits, never 10
    return text


def _row_input(
    cells: list[str],
    indexes: dict[str, int],
    referrals: dict[str, str],
    statuses: dict[str, str],
    date_order: str | None = None,
) -> ParticipantInput:
    def cell(field: str) -> str:
        index = indexes.get(field)
        return cells[index] if index is not None and index < len(cells) else ""

    parts = (cell("first_name"), cell("last_name"))
    name = cell("name") or " ".join(part for part in parts if part)
    referral, status = _loose(cell("referral_source")), _loose(cell("status"))
    return ParticipantInput(
        name=" ".join(name.split()),
        phone=_phone_text(cell("phone")),
        intake=day_first(cell("intake"), date_order),
        # A cell of only punctuation ("-", "?") means "not known", like an empty one.
        referral_source=referrals.get(referral, cell("referral_source")) if referral else "",
        status=statuses.get(status, cell("status")) if status else ParticipantStatus.ACTIVE.value,
        about=cell("about").replace("\r\n", "\n"),
    )


Key = tuple[str, str | None]


def _existing_people() -> KnownPeople:
    """Everyone registered, archived people too, by phone and folded name."""
    people = KnownPeople()
    for person in Participant.select(Participant.name, Participant.phone):
        people.add(Known(person.name, person.phone or None, None))
    return people


def _existing_keys() -> set[Key]:
    """Folded name and phone of everyone registered: the rows that are certainly duplicates."""
    found = Participant.select(Participant.name, Participant.phone)
    return {(name_key(person.name), person.phone or None) for person in found}


def _date_order(
    header: list[str],
    indexes: dict[str, int],
    rows: list[tuple[int, list[str]]],
    chosen: str | None,
) -> DateOrder:
    index = indexes.get("intake")
    if index is None:
        return DateOrder(chosen, None)
    values = [(line, cells[index]) for line, cells in rows if index < len(cells)]
    try:
        return decide_order(header[index], values, chosen)
    except DateOrderUnclear as unclear:
        raise ImportFileError(unclear.key, **unclear.params) from None


def plan_import(
    path: Path,
    today: date,
    date_order: str | None = None,
    allow_duplicates: bool = False,
    allow_lines: frozenset[int] = frozenset(),
) -> ImportPlan:
    """Read the file and decide, row by row, what an import would do. Writes nothing.

    Args:
        date_order: "dmy" or "mdy" for dates written with slashes; None decides from the column.
        allow_duplicates: import every possible duplicate (never one certainly the same).
        allow_lines: rows to import although they are possible duplicates.

    Raises:
        ImportFileError: the file cannot be read, or its dates' order cannot be told.
    """
    header, rows = read_rows(path)
    indexes, ignored = _map_columns(header, rows)
    order = _date_order(header, indexes, rows, date_order)
    referrals = _spellings(ReferralSource, _REFERRAL_WORDS)
    statuses = _spellings(ParticipantStatus, {})
    known = _existing_people()
    to_add: list[tuple[int, ParticipantInput]] = []
    duplicates: list[Duplicate] = []
    problems: list[RowProblem] = []
    notes: list[RowProblem] = []
    readings: list[Reading] = []
    for line, cells in rows:
        data = _row_input(cells, indexes, referrals, statuses, order.order)
        try:
            clean = validate(data, today)
        except ValidationFailed as failed:
            problems += [
                RowProblem(line, f, e.key, dict(e.params)) for f, e in failed.errors.items()
            ]
            continue
        intake_index = indexes.get("intake", len(cells))
        raw_intake = cells[intake_index] if intake_index < len(cells) else ""
        readings.append(
            Reading(line, clean.name, raw_intake, clean.intake_on, data.phone, clean.phone)
        )
        match = known.match(clean.name, clean.phone)
        if match is not None:
            allowed = match.reason != SAME and (allow_duplicates or line in allow_lines)
            duplicates.append(
                Duplicate(
                    line,
                    clean.name,
                    match.known.line,
                    match.known.name,
                    match.known.phone,
                    match.reason,
                    allowed,
                )
            )
            if not allowed:
                continue
        for field, text in (("name", clean.name), ("about", clean.about)):
            if text.startswith(FORMULA_START):
                notes.append(RowProblem(line, field, "import.note.formula", {"start": text[0]}))
        known.add(Known(clean.name, clean.phone, line))
        # Stored in the form validate() gave, so applying later reads exactly the same values.
        data = ParticipantInput(
            name=clean.name,
            phone=clean.phone or "",
            intake=format_date(clean.intake_on),
            referral_source=clean.referral_source or "",
            status=clean.status,
            about=clean.about,
        )
        to_add.append((line, data))
    return ImportPlan(
        columns={field: header[index] for field, index in indexes.items()},
        ignored_columns=ignored,
        to_add=tuple(to_add),
        duplicates=tuple(duplicates),
        problems=tuple(problems),
        notes=tuple(notes),
        rows=len(rows),
        readings=tuple(readings),
        date_order=order,
    )


def apply_import(plan: ImportPlan, clock: Clock) -> int:
    """Add the plan's rows in one transaction and return how many were added.

    ``add_participant`` opens its own ``write()``; inside this one that is a savepoint, so each
    person gets exactly the rows a single add makes, and an error leaves nothing behind.
    Duplicates are checked again under the write lock: someone may have added them meanwhile.
    """
    added = 0
    with write():
        name_change("participants.import")
        existing = _existing_keys()
        for _line, data in plan.to_add:
            key = (name_key(data.name), data.phone or None)
            if key in existing:
                continue
            add_participant(data, clock)
            existing.add(key)
            added += 1
    return added
