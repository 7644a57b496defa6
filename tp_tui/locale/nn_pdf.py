"""Nynorsk: utskrift som ikkje kom fram, og teikn PDF-skrifta ikkje har."""

MESSAGES: dict[str, str | tuple[str, str]] = {
    "printing.no_default": "Ingen skrivar er vald som standard, så ingenting vart skrive ut. Vel ein standardskrivar i skrivarinnstillingane på maskina, eller skriv ut fila sjølv: {path}",
    "printing.no_service": "Utskriftstenesta (CUPS) køyrer ikkje på denne maskina, så ingenting vart skrive ut. Start henne eller be IT om hjelp, eller skriv ut fila sjølv: {path}",
    "callback_list.before_week": "Før veka, ikkje over fristen enno",
    "pdf.missing": "Teikn som inga skrift i tp-tui kan teikne, viste som {shown}: {chars}.",
    "pdf.missing_more": "{named} og {more} til",
}
