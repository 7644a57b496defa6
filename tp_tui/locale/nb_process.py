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
}
