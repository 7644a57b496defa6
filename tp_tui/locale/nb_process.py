"""Bokmål: skjema som spør, prosesstavlens kolonne for avsluttede og periodene, mål som flyttes
og avsluttes, sammendragets «siden»-felt."""

MESSAGES: dict[str, str] = {
    "export.field.since": "Siden",
    "export.since_placeholder": "siste møte i ansvarsgruppa; eller en dato",
    "summary_since.error.future": "«Siden» kan ikke være senere enn i dag.",
}
