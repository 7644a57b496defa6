"""Nynorsk: deltakar- og samarbeidspartnarundersøkinga (anonyme svar)."""

MESSAGES: dict[str, str | tuple[str, str]] = {
    "survey.section.participant": "Deltakarundersøking",
    "survey.section.partner": "Samarbeidspartnarundersøking",
    "survey.choice.participant": "Deltakar",
    "survey.choice.partner": "Samarbeidspartnar",
    "survey.command": "Registrer svar på spørjeundersøking",
    "survey.command.help": "Deltakar- eller samarbeidspartnarundersøking; svara blir lagra anonymt",
    "survey.stats.responses": "Registrerte svar for {months}",
    "survey.stats.hidden": "Gjennomsnitt og fordeling",
    "survey.stats.hidden_value": "blir ikkje vist under {n} svar",
    "survey.stats.mean": "{question}: gjennomsnitt (1–{top})",
    "survey.stats.answered": "{question}: talet på dei som tok stilling",
    "survey.stats.score": "{question}: {score} {label}",
    "survey.stats.dont_know": "{question}: {label}",
    "survey.error.survey": "Vel deltakarundersøking eller samarbeidspartnarundersøking.",
    "survey.error.month_format": "Månaden må skrivast som ÅÅÅÅ-MM, til dømes 2026-11.",
    "survey.error.month_future": "Den månaden har ikkje kome enno.",
    "survey.error.month_empty": "Skriv månaden, til dømes 11.2026, nov eller førre månad.",
    "survey.error.month_unknown": "Forstod ikkje «{text}» som ein månad. Prøv 11.2026, nov eller "
    "førre månad.",
    "survey.error.no_such_month": "Det finst ingen månad {month}.",
    "survey.error.question": "Ukjent spørsmål: {code}.",
    "survey.error.missing": "Vel eit svar: 1–{top}, eller 0 for «veit ikkje».",
    "survey.error.score": "Svaret må vere 1–{top}, eller 0 for «veit ikkje».",
    "survey_form.title": "Registrer svar på spørjeundersøking",
    "survey_form.anonymous": "Blir lagra anonymt: berre undersøking, månad og svar. Ingen namn, "
    "dato eller kommentarar.",
    "survey_form.survey": "Undersøking",
    "survey_form.month": "Månad",
    "survey_form.month_understood": "→ {month} {year}",
    "survey_form.hint": "Tast 1–{top} for kvart spørsmål, eller 0 for «veit ikkje».",
    "survey_form.save_another": "Lagre + ny",
    "survey_form.save_another.tooltip": "Lagre, og registrer eit nytt skjema for same "
    "undersøking og månad",
    "survey_form.another_button": "Lagre + ny (ctrl+t)",
    "survey_form.saved": "Svaret er lagra (anonymt).",
}
