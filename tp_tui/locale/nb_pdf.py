"""Bokmål: PDF-filenes skrift og utskrift på skriveren."""

MESSAGES: dict[str, str] = {
    "printing.no_default": "Ingen skriver er valgt som standard, så ingenting ble skrevet ut. Velg en standardskriver i maskinens skriverinnstillinger, eller skriv ut filen selv: {path}",
    "printing.no_service": "Utskriftstjenesten (CUPS) kjører ikke på denne maskinen, så ingenting ble skrevet ut. Start den eller be IT om hjelp, eller skriv ut filen selv: {path}",
    "callback_list.before_week": "Før uka, ikke forfalt ennå",
    "pdf.missing": "Tegn som ingen skrift i tp-tui kan tegne, vist som {shown}: {chars}.",
    "pdf.missing_more": "{named} og {more} til",
}
