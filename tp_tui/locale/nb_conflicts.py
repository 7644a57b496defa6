"""Norwegian bokmål: what the goal, group, plan and callback forms say when someone else saved
first (see tp_tui/views/conflict.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "conflict.field.left_on": "Gikk ut av gruppa",
    "conflict.field.assigned_to": "Overlevert til",
    "conflict.field.done_at": "Ringt tilbake",
    "conflict.field.outcome": "Hvordan det gikk",
    "conflict.yes": "ja",
    "conflict.no": "nei",
    "conflict.remove_message": "Ikke fjernet: noen andre endret medlemmet etter at lista ble "
    "lest. Endret: {changes}. Se på det igjen, og fjern på nytt om det fortsatt skal ut.",
    "conflict.done_message": "Ikke markert: noen andre endret tilbakeringingen etter at lista "
    "ble lest. Endret: {changes}. Se på den igjen før du markerer den.",
    "conflict.already_done": "Ikke markert: noen andre markerte allerede denne som ringt "
    "tilbake ({when}, {outcome}). Det de registrerte står.",
    "conflict.kept": "Lagret over: bare feltene du endret. Beholdt slik noen andre lagret det: "
    "{changes}.",
    "conflict.on_top_invalid": "Ikke lagret: noen andre endret {changes}, og da holder ikke det "
    "du skrev: {problems} Rett det og trykk Ctrl+S igjen, eller Esc for å avbryte.",
    "callback_form.title_edit": "Endre tilbakeringing",
    "callback_form.saved": "Tilbakeringingen er lagret.",
}
