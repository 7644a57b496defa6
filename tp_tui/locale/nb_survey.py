"""Norsk bokmål: deltaker- og samarbeidspartnerundersøkelsen (anonyme svar)."""

MESSAGES: dict[str, str] = {
    "survey.section.participant": "Deltakerundersøkelse",
    "survey.section.partner": "Samarbeidspartnerundersøkelse",
    "survey.choice.participant": "Deltaker",
    "survey.choice.partner": "Samarbeidspartner",
    "survey.command": "Registrer svar på spørreundersøkelse",
    "survey.command.help": "Deltaker- eller samarbeidspartnerundersøkelse; svarene lagres anonymt",
    "survey.stats.responses": "Svar registrert for {months}",
    "survey.stats.hidden": "Gjennomsnitt og fordeling",
    "survey.stats.hidden_value": "vises ikke under {n} svar",
    "survey.stats.mean": "{question}: gjennomsnitt (1–{top})",
    "survey.stats.answered": "{question}: antall som tok stilling",
    "survey.stats.score": "{question}: {score} {label}",
    "survey.stats.dont_know": "{question}: {label}",
    "survey.error.survey": "Velg deltakerundersøkelse eller samarbeidspartnerundersøkelse.",
    "survey.error.month_format": "Måneden må skrives som ÅÅÅÅ-MM, for eksempel 2026-11.",
    "survey.error.month_future": "Den måneden har ikke kommet ennå.",
    "survey.error.month_empty": "Skriv måneden, for eksempel 11.2026, nov eller forrige måned.",
    "survey.error.month_unknown": "Forstod ikke «{text}» som en måned. Prøv 11.2026, nov eller "
    "forrige måned.",
    "survey.error.no_such_month": "Det finnes ingen måned {month}.",
    "survey.error.question": "Ukjent spørsmål: {code}.",
    "survey.error.missing": "Velg et svar: 1–{top}, eller 0 for «vet ikke».",
    "survey.error.score": "Svaret må være 1–{top}, eller 0 for «vet ikke».",
    "survey_form.title": "Registrer svar på spørreundersøkelse",
    "survey_form.anonymous": "Lagres anonymt: bare undersøkelse, måned og svar. Ingen navn, "
    "dato eller kommentarer.",
    "survey_form.survey": "Undersøkelse",
    "survey_form.month": "Måned",
    "survey_form.month_understood": "→ {month} {year}",
    "survey_form.hint": "Tast 1–{top} for hvert spørsmål, eller 0 for «vet ikke».",
    "survey_form.save_another": "Lagre + ny",
    "survey_form.save_another.tooltip": "Lagre, og registrer et nytt skjema for samme "
    "undersøkelse og måned",
    "survey_form.another_button": "Lagre + ny (ctrl+t)",
    "survey_form.saved": "Svaret er lagret (anonymt).",
}
