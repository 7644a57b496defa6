"""English messages for reading dates and duplicates on import, and for hidden figures."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "import.help.date_order": "How to read dates with slashes: dmy (25/11/2026) or mdy (11/25/2026); by default decided from the column",
    "import.help.allow_duplicates": "Also import rows that may be people already registered (never one that is certainly the same)",
    "import.help.allow_row": "Import this row (or rows: 3,7) although it may be a duplicate; may be given again",
    "import.help.bad_rows": "not a row number or a list of them (3 or 3,7): {text}",
    "import.date_order.dmy": "day first (dd/mm/yyyy)",
    "import.date_order.mdy": "month first (mm/dd/yyyy)",
    "import.date_order.decided": "Dates with slashes in {column} are read {order}: line {line} has {text}.",
    "import.date_order.chosen": "Dates with slashes in {column} are read {order}, as chosen with --date-order.",
    "import.date_order.unknown": "The dates in “{column}” can be read day first or month first (line {line}: “{text}”), and no date in the column tells which. Run again with --date-order dmy (day first, 25/11/2026) or --date-order mdy (month first, 11/25/2026).",
    "import.date_order.mixed": "The dates in “{column}” are written both ways: line {day_line} “{day_text}” is day first, line {month_line} “{month_text}” is month first. Correct the column, or run again with --date-order dmy or --date-order mdy (dates that do not fit are then reported row by row).",
    "import.read.heading": "Rows as understood:",
    "import.read.row": "  Line {line}: {name}: {intake}; {phone}",
    "import.read.intake": "intake {date} (from {text})",
    "import.read.no_intake": "no intake date",
    "import.read.phone": "phone {phone} (from {text})",
    "import.read.no_phone": "no phone",
    "import.possible.with_phone": "{name}, {phone}",
    "import.possible.registered": "already registered",
    "import.possible.on_line": "line {line}",
    "import.possible.phone": "same phone",
    "import.possible.name": "same name",
    "import.possible.similar_name": "nearly the same name",
    "import.possible.skipped": "Line {line}: {name}: possible duplicate of {other} ({where}; {why}) — not imported. Import it anyway with --allow-row {line} or --allow-duplicates.",
    "import.possible.allowed": "Line {line}: {name}: possible duplicate of {other} ({where}; {why}) — imported as asked.",
    "stats.hidden": "hidden",
    "stats.too_few": "too few to show",
    "stats.overlapping": "Figures for overlapping periods (a month and the year it is in, or two reports a few days apart) should not be set side by side: the difference between them can single out a few people.",
}
