"""Norwegian (bokmål) messages for exports: ukas ringeliste og utskrift."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "callback_list.title": "Ringeliste uke {week} · {dates}",
    "callback_list.generated": "Laget {when}",
    "callback_list.overdue": "Forfalt",
    "callback_list.day": "{weekday} {date}",
    "callback_list.empty_day": "Ingen å ringe",
    "callback_list.col.done": "Ringt",
    "callback_list.col.when": "Når",
    "callback_list.col.who": "Navn",
    "callback_list.col.phone": "Telefon",
    "callback_list.col.reason": "Gjelder",
    "callback_list.page": "Side {page} av {pages}",
    "callback_list.ics.calendar": "Tilbakeringinger uke {week}",
    "callback_list.ics.summary": "Ring {who}",
    "callback_list.ics.phone": "Telefon: {phone}",
    "callback_list.ics.overdue": "Forfalt siden {when}",
    "callback_list.error.week_format": "«{text}» er ikke en uke. Skriv et ukenummer, for eksempel 48 eller 2026-W48.",
    "callback_list.error.no_such_week": "Det finnes ingen uke {week} i {year}: året har {weeks} uker.",
    "printing.sent": "Sendt til skriveren: {path}",
    "printing.no_lp": "Denne maskinen har ingen utskriftstjeneste (kommandoen lp fra CUPS mangler). Skriv ut filen selv: {path}",
    "printing.refused": "Utskriften ble avvist (skriveren svarte: «{reason}»). Skriv ut filen selv: {path}",
    "printing.timeout": "Skriveren svarte ikke på {seconds} sekunder. Skriv ut filen selv: {path}",
}
