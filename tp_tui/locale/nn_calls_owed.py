"""Nynorsk: tilbakeringingar frå skalet (tp callbacks add/done), namn som liknar nummer, påminning."""

MESSAGES: dict[str, str | tuple[str, str]] = {
    "callbacks_cli.help.add": "noter ei tilbakeringing: ein deltakar (del av namnet eller "
    "initialar) eller eit fritt namn med nummer",
    "callbacks_cli.help.name": "deltakaren (del av namnet eller initialar), eller namnet på "
    "den som ringde (då med --phone)",
    "callbacks_cli.help.reason": "kva det gjeld",
    "callbacks_cli.help.due": "frist, t.d. «i dag 15:30», «i morgon 10» (standard: i dag)",
    "callbacks_cli.help.phone": "nummeret å ringje",
    "callbacks_cli.help.done": "merk ei tilbakeringing som gjord (nummeret står i tp today)",
    "callbacks_cli.help.id": "nummeret til tilbakeringinga (kolonnen Nr. i tp today)",
    "callbacks_cli.help.outcome": "korleis det gjekk (standard: reached)",
    "callbacks_cli.help.note": "notat, lagra med telefonkontakten hos deltakaren",
    "callbacks_cli.field.outcome": "Utfall",
    "callbacks_cli.free_name_needs_phone": "Ingen deltakar heiter «{query}». For ein som ikkje er "
    "deltakar: gi nummeret med --phone.",
    "callbacks_cli.added": "Notert: ring {name} tilbake, frist {due} (nr. {id}).",
    "callbacks_cli.no_such": "Inga tilbakeringing har nr. {id}. tp today viser numra.",
    "callbacks_cli.already_done": "Tilbakeringing nr. {id} ({name}) er allereie gjord; "
    "ingenting er endra.",
    "callbacks_cli.note_not_kept_free_name": "{name} er ikkje deltakar, så notatet har ingen "
    "kontakt å bli lagra med. Ta bort --note; ingenting er lagra.",
    "callbacks_cli.note_not_kept_no_answer": "Utan svar blir ingen kontakt lagra, så notatet har "
    "ingen plass. Ta bort --note; ingenting er lagra.",
    "callbacks_cli.done.reached": "Gjort: {name} nådd (nr. {id}).",
    "callbacks_cli.done.left_message": "Gjort: beskjed lagd att til {name} (nr. {id}).",
    "callbacks_cli.done.no_answer": "Gjort: {name} svarte ikkje (nr. {id}).",
    "today.col.number": "Nr.",
}
MESSAGES.update(
    {
        "participants_cli.help.yes": "legg til sjølv om namnet ser ut som eit telefonnummer eller ein dato",
        "participants_cli.name_like_phone": "«{name}» ser ut som eit telefonnummer, ikkje eit namn. "
        "Nummeret blir gitt med --phone; er det verkeleg namnet, legg til --yes. Ingenting er lagra.",
        "participants_cli.name_like_date": "«{name}» ser ut som ein dato, ikkje eit namn. "
        "Inntaksdatoen blir gitt med --intake; er det verkeleg namnet, legg til --yes. "
        "Ingenting er lagra.",
        "participant_form.name_like_phone": "«{name}» ser ut som eit telefonnummer, ikkje eit namn. "
        "Lagre det som namn likevel?",
        "participant_form.name_like_date": "«{name}» ser ut som ein dato, ikkje eit namn. "
        "Lagre det som namn likevel?",
    }
)
MESSAGES.update(
    {
        "reminder.title": "Før dagen er slutt",
        "reminder.message": (
            "{count} tilbakeringing er ikkje gjord enno i dag "
            "(arbeidsdagen sluttar {end}): {names}.",
            "{count} tilbakeringingar er ikkje gjorde enno i dag "
            "(arbeidsdagen sluttar {end}): {names}.",
        ),
        "reminder.more": "og {count} til",
        "reminder.desktop": (
            "tp-tui: {count} tilbakeringing står att i dag",
            "tp-tui: {count} tilbakeringingar står att i dag",
        ),
        "callback_list.ics.alarm": "Tilbakeringing no",
    }
)
