"""Bokmål: skjema som spør, prosesstavlens kolonne for avsluttede og periodene, mål som flyttes
og avsluttes, sammendragets «siden»-felt."""

MESSAGES: dict[str, str] = {
    "export.field.since": "Siden",
    "export.since_placeholder": "siste møte i ansvarsgruppa; eller en dato",
    "summary_since.error.future": "«Siden» kan ikke være senere enn i dag.",
    "process.closed": "Avsluttede",
    "process.closed.tooltip": "Vis eller skjul de avsluttede, for å gjenåpne en (o)",
    "process.reopen_only_closed": "Bare en avsluttet deltaker kan gjenåpnes: vis dem med c.",
    "periods.title": "Perioder",
    "periods.line_open": "Periode {number}: fra {start}",
    "periods.line_closed": "Periode {number}: {start}–{end}, avsluttet: {reason}",
    "goal_status.ended": "avsluttet",
    "goals.error.too_long": "Et mål kan være høyst {limit} tegn; dette har {length}. Gjør det kortere: det du skrev står fortsatt i feltet.",
    "goals.limit_hint": "Med deltakerens egne ord, høyst {limit} tegn. Et annet livsområde flytter målet; status «avsluttet» avslutter det. Begge deler blir stående i historikken.",
    "goals.moved_from": "(flyttet fra {area})",
    "change.goal.move": "flyttingen av et mål for {name} til et annet livsområde",
    "change.goal.end": "avslutningen av et mål for {name}",
}
