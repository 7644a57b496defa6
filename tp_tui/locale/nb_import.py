"""Norwegian (bokmål) messages for importing participants from a spreadsheet."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "import.help.command": "Importer fra et regneark (CSV eller Excel .xlsx)",
    "import.help.participants": "Importer deltakere: navn, telefon, inntak, henvist av, status, notat",
    "import.help.file": "CSV- eller .xlsx-filen; første rad har kolonneoverskriftene",
    "import.help.apply": "Lagre de gode radene i databasen",
    "import.help.dry_run": "Bare vis hva som ville blitt importert (standard)",
    "import.field.first_name": "Fornavn",
    "import.field.last_name": "Etternavn",
    "import.reading": "Leste {path}: {rows} rad(er) under overskriftene.",
    "import.columns": "Kolonner som brukes:",
    "import.column": "  {field} ← {header}",
    "import.quoted": "«{text}»",
    "import.ignored": "Kolonner som utelates (importeres aldri): {headers}",
    "import.line": "Rad {line}: {field}: {message}",
    "import.duplicate.existing": "Rad {line}: {name} er allerede registrert – hoppet over.",
    "import.duplicate.in_file": "Rad {line}: {name} står også på rad {earlier} – hoppet over.",
    "import.note.formula": "begynner med «{start}»; lagres som vanlig tekst og regnes aldri ut.",
    "import.no_rows": "Filen har overskrifter, men ingen rader.",
    "import.summary": "{add} legges til, {problems} rad(er) med feil, {duplicates} duplikat(er).",
    "import.dry_run": "Ingenting er lagret (prøvekjøring). Kjør på nytt med --apply for å importere.",
    "import.done": "Importerte {count} deltaker(e).",
    "import.skipped_meanwhile": "{count} var blitt registrert i mellomtiden og ble hoppet over.",
    "import.not_imported": "Ikke importert: rad {lines} (se over). Rett dem i filen og importer på nytt; rader som allerede er importert, hoppes over.",
    "import.not_saved": "Ingenting ble importert: {reason}. Prøv igjen.",
    "import.error.cannot_read": "Kunne ikke lese {path}: {reason}.",
    "import.error.not_spreadsheet": "{path} er ikke en CSV- eller Excel-fil (.xlsx) som kan leses. Lagre den som CSV eller .xlsx fra regnearkprogrammet (uten passord) og prøv igjen.",
    "import.error.empty": "{path} er tom: det er ingenting å importere.",
    "import.error.too_large": "{path} er for stor til å importeres (høyst {rows} rader).",
    "import.error.no_name_column": "Fant ingen kolonne med navn. Overskriftene i filen er: {headers}. Kall kolonnen «Navn» (eller «Fornavn» og «Etternavn») og prøv igjen.",
}
