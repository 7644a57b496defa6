"""English messages for importing participants from a spreadsheet."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "import.help.command": "Import from a spreadsheet (CSV or Excel .xlsx)",
    "import.help.participants": "Import participants: name, phone, intake, referred by, status, note",
    "import.help.file": "The CSV or .xlsx file; the first row holds the column headings",
    "import.help.apply": "Write the good rows to the database",
    "import.help.dry_run": "Only show what would be imported (the default)",
    "import.field.first_name": "First name",
    "import.field.last_name": "Last name",
    "import.reading": "Read {path}: {rows} row(s) below the headings.",
    "import.columns": "Columns used:",
    "import.column": "  {field} ← {header}",
    "import.quoted": "“{text}”",
    "import.ignored": "Columns left out (never imported): {headers}",
    "import.line": "Line {line}: {field}: {message}",
    "import.duplicate.existing": "Line {line}: {name} is already registered — skipped.",
    "import.duplicate.in_file": "Line {line}: {name} is also on line {earlier} — skipped.",
    "import.note.formula": "starts with “{start}”; it is kept as plain text and never calculated.",
    "import.no_rows": "The file has headings but no rows.",
    "import.summary": "{add} to add, {problems} row(s) with problems, {duplicates} duplicate(s).",
    "import.dry_run": "Nothing was written (dry run). Run again with --apply to import.",
    "import.done": "Imported {count} participant(s).",
    "import.skipped_meanwhile": "{count} had been registered meanwhile and were skipped.",
    "import.not_imported": "Not imported: line(s) {lines} (see above). Fix them in the file and import again; rows already imported are skipped.",
    "import.not_saved": "Nothing was imported: {reason}. Try again.",
    "import.error.cannot_read": "Could not read {path}: {reason}.",
    "import.error.not_spreadsheet": "{path} is not a CSV or Excel (.xlsx) file that can be read. Save it as CSV or .xlsx from the spreadsheet program (without a password) and try again.",
    "import.error.empty": "{path} is empty: there is nothing to import.",
    "import.error.too_large": "{path} is too large to import (at most {rows} rows).",
    "import.error.no_name_column": "No column with names was found. The headings in the file are: {headers}. Call the column “Name” or “Navn” (or “First name” and “Last name”) and try again.",
}
