"""Nynorsk: import av deltakarar frå eit rekneark (CSV eller Excel)."""

MESSAGES: dict[str, str | tuple[str, str]] = {
    "import.help.command": "Importer frå eit rekneark (CSV eller Excel .xlsx)",
    "import.help.participants": "Importer deltakarar: namn, telefon, inntak, tilvist av, status, notat",
    "import.help.file": "CSV- eller .xlsx-fila; første rad har kolonneoverskriftene",
    "import.help.apply": "Lagre dei gode radene i databasen",
    "import.help.dry_run": "Berre vis kva som ville blitt importert (standard)",
    "import.field.first_name": "Førenamn",
    "import.field.last_name": "Etternamn",
    # Shown with {rows}; the caller passes the same figure as count, which picks the form.
    "import.reading": (
        "Las {path}: {rows} rad under overskriftene.",
        "Las {path}: {rows} rader under overskriftene.",
    ),
    "import.columns": "Kolonnar som blir brukte:",
    "import.column": "  {field} ← {header}",
    "import.quoted": "«{text}»",
    "import.ignored": "Kolonnar som blir utelatne (blir aldri importerte): {headers}",
    "import.line": "Rad {line}: {field}: {message}",
    "import.duplicate.existing": "Rad {line}: {name} er registrert allereie – hoppa over.",
    "import.duplicate.in_file": "Rad {line}: {name} står òg på rad {earlier} – hoppa over.",
    "import.note.formula": "byrjar med «{start}»; blir lagra som vanleg tekst og aldri rekna ut.",
    "import.no_rows": "Fila har overskrifter, men ingen rader.",
    # Three counts in one line: written as "label: figure" so no plural form is needed.
    "import.summary": "Blir lagde til: {add}, rader med feil: {problems}, duplikat: {duplicates}.",
    "import.dry_run": "Ingenting er lagra (prøvekøyring). Køyr på nytt med --apply for å importere.",
    "import.done": (
        "Importerte {count} deltakar.",
        "Importerte {count} deltakarar.",
    ),
    "import.skipped_meanwhile": "{count} var blitt registrerte i mellomtida og vart hoppa over.",
    "import.not_imported": "Ikkje importert: rad {lines} (sjå over). Rett dei i fila og importer på nytt; rader som alt er importerte, blir hoppa over.",
    "import.not_saved": "Ingenting vart importert: {reason}. Prøv igjen.",
    "import.error.cannot_read": "Kunne ikkje lese {path}: {reason}.",
    "import.error.not_spreadsheet": "{path} er ikkje ei CSV- eller Excel-fil (.xlsx) som kan lesast. Lagre henne som CSV eller .xlsx frå reknearkprogrammet (utan passord) og prøv igjen.",
    "import.error.empty": "{path} er tom: det er ingenting å importere.",
    "import.error.too_large": "{path} er for stor til å bli importert (høgst {rows} rader).",
    "import.error.no_name_column": "Fann ingen kolonne med namn. Overskriftene i fila er: {headers}. Kall kolonnen «Namn» (eller «Førenamn» og «Etternamn») og prøv igjen.",
}
