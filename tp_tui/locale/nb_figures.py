"""Norwegian (bokmål) messages for reading dates and duplicates on import, and for hidden figures."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "import.help.date_order": "Hvordan datoer med skråstrek leses: dmy (25/11/2026) eller mdy (11/25/2026); ellers avgjort ut fra kolonnen",
    "import.help.allow_duplicates": "Importer også rader som kan være personer som allerede er registrert (aldri en som helt sikkert er den samme)",
    "import.help.allow_row": "Importer denne raden (eller radene: 3,7) selv om den kan være et duplikat; kan gis flere ganger",
    "import.help.bad_rows": "ikke et radnummer eller en liste av dem (3 eller 3,7): {text}",
    "import.date_order.dmy": "med dagen først (dd/mm/åååå)",
    "import.date_order.mdy": "med måneden først (mm/dd/åååå)",
    "import.date_order.decided": "Datoer med skråstrek i {column} leses {order}: rad {line} har {text}.",
    "import.date_order.chosen": "Datoer med skråstrek i {column} leses {order}, slik det er valgt med --date-order.",
    "import.date_order.unknown": "Datoene i «{column}» kan leses med dagen eller måneden først (rad {line}: «{text}»), og ingen dato i kolonnen viser hvilken. Kjør på nytt med --date-order dmy (dagen først, 25/11/2026) eller --date-order mdy (måneden først, 11/25/2026).",
    "import.date_order.mixed": "Datoene i «{column}» er skrevet på begge måter: rad {day_line} «{day_text}» har dagen først, rad {month_line} «{month_text}» måneden først. Rett kolonnen, eller kjør på nytt med --date-order dmy eller --date-order mdy (datoer som ikke passer, meldes da rad for rad).",
    "import.read.heading": "Radene slik de er forstått:",
    "import.read.row": "  Rad {line}: {name}: {intake}; {phone}",
    "import.read.intake": "inntak {date} (fra {text})",
    "import.read.no_intake": "ingen inntaksdato",
    "import.read.phone": "telefon {phone} (fra {text})",
    "import.read.no_phone": "ingen telefon",
    "import.possible.with_phone": "{name}, {phone}",
    "import.possible.registered": "allerede registrert",
    "import.possible.on_line": "rad {line}",
    "import.possible.phone": "samme telefon",
    "import.possible.name": "samme navn",
    "import.possible.similar_name": "nesten samme navn",
    "import.possible.skipped": "Rad {line}: {name}: mulig duplikat av {other} ({where}; {why}) – ikke importert. Importer den likevel med --allow-row {line} eller --allow-duplicates.",
    "import.possible.allowed": "Rad {line}: {name}: mulig duplikat av {other} ({where}; {why}) – importert som bedt om.",
    "stats.hidden": "skjult",
    "stats.too_few": "for få til å vises",
    "stats.overlapping": "Tall for perioder som overlapper (en måned og året den er i, eller to rapporter med få dagers mellomrom), bør ikke settes ved siden av hverandre: forskjellen mellom dem kan peke ut noen få personer.",
}
