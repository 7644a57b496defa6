"""Bokmål: tilbakeringinger fra kommandolinjen, påminnelsen før dagen slutter, og navn som ikke gjettes."""

MESSAGES: dict[str, str] = {
    "callbacks_cli.help.add": "noter en tilbakeringing: en deltaker (del av navnet eller "
    "initialer) eller et fritt navn med nummer",
    "callbacks_cli.help.name": "deltakeren (del av navnet eller initialer), eller navnet på "
    "den som ringte (da med --phone)",
    "callbacks_cli.help.reason": "hva det gjelder",
    "callbacks_cli.help.due": "frist, f.eks. «i dag 15:30», «i morgen 10» (standard: i dag)",
    "callbacks_cli.help.phone": "nummeret å ringe",
    "callbacks_cli.help.done": "merk en tilbakeringing som gjort (nummeret står i tp today)",
    "callbacks_cli.help.id": "tilbakeringingens nummer (kolonnen Nr. i tp today)",
    "callbacks_cli.help.outcome": "hvordan det gikk (standard: reached)",
    "callbacks_cli.help.note": "notat, lagret med telefonkontakten hos deltakeren",
    "callbacks_cli.field.outcome": "Utfall",
    "callbacks_cli.free_name_needs_phone": "Ingen deltaker heter «{query}». For en som ikke er "
    "deltaker: gi nummeret med --phone.",
    "callbacks_cli.added": "Notert: ring {name} tilbake, frist {due} (nr. {id}).",
    "callbacks_cli.no_such": "Ingen tilbakeringing har nr. {id}. tp today viser numrene.",
    "callbacks_cli.already_done": "Tilbakeringing nr. {id} ({name}) er allerede gjort; "
    "ingenting er endret.",
    "callbacks_cli.note_not_kept_free_name": "{name} er ikke deltaker, så notatet har ingen "
    "kontakt å bli lagret med. Ta bort --note; ingenting er lagret.",
    "callbacks_cli.note_not_kept_no_answer": "Uten svar lagres ingen kontakt, så notatet har "
    "ingen plass. Ta bort --note; ingenting er lagret.",
    "callbacks_cli.done.reached": "Gjort: {name} nådd (nr. {id}).",
    "callbacks_cli.done.left_message": "Gjort: beskjed lagt igjen til {name} (nr. {id}).",
    "callbacks_cli.done.no_answer": "Gjort: {name} svarte ikke (nr. {id}).",
    "today.col.number": "Nr.",
}
MESSAGES.update(
    {
        "participants_cli.help.yes": "legg til selv om navnet ser ut som et telefonnummer eller en dato",
        "participants_cli.name_like_phone": "«{name}» ser ut som et telefonnummer, ikke et navn. "
        "Nummeret gis med --phone; er det virkelig navnet, legg til --yes. Ingenting er lagret.",
        "participants_cli.name_like_date": "«{name}» ser ut som en dato, ikke et navn. "
        "Inntaksdatoen gis med --intake; er det virkelig navnet, legg til --yes. "
        "Ingenting er lagret.",
        "participant_form.name_like_phone": "«{name}» ser ut som et telefonnummer, ikke et navn. "
        "Lagre det som navn likevel?",
        "participant_form.name_like_date": "«{name}» ser ut som en dato, ikke et navn. "
        "Lagre det som navn likevel?",
    }
)
MESSAGES.update(
    {
        "reminder.title": "Før dagen er slutt",
        "reminder.message": "{count} tilbakeringing(er) er ikke gjort ennå i dag "
        "(arbeidsdagen slutter {end}): {names}.",
        "reminder.more": "og {count} til",
        "reminder.desktop": "tp-tui: {count} tilbakeringing(er) gjenstår i dag",
        "callback_list.ics.alarm": "Tilbakeringing nå",
    }
)
