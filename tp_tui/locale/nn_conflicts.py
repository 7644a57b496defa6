"""Nynorsk: når ein kollega har endra det same i mellomtida (gruppemedlem, tilbakeringing)."""

MESSAGES: dict[str, str | tuple[str, str]] = {
    "conflict.field.left_on": "Gjekk ut av gruppa",
    "conflict.field.assigned_to": "Overlevert til",
    "conflict.field.done_at": "Ringt tilbake",
    "conflict.field.outcome": "Korleis det gjekk",
    "conflict.yes": "ja",
    "conflict.no": "nei",
    "conflict.remove_message": "Ikkje fjerna: nokon andre endra medlemmet etter at lista vart "
    "lesen. Endra: {changes}. Sjå på det igjen, og fjern på nytt om det framleis skal ut.",
    "conflict.done_message": "Ikkje merkt: nokon andre endra tilbakeringinga etter at lista "
    "vart lesen. Endra: {changes}. Sjå på henne igjen før du merkjer henne.",
    "conflict.already_done": "Ikkje merkt: nokon andre har alt merkt denne som ringd "
    "tilbake ({when}, {outcome}). Det dei registrerte, står.",
    "conflict.kept": "Lagra over: berre felta du endra. Halde slik nokon andre lagra det: "
    "{changes}.",
    "conflict.on_top_invalid": "Ikkje lagra: nokon andre endra {changes}, og då held ikkje det "
    "du skreiv: {problems} Rett det og trykk Ctrl+S igjen, eller Esc for å avbryte.",
    "callback_form.title_edit": "Endre tilbakeringing",
    "callback_form.saved": "Tilbakeringinga er lagra.",
}
