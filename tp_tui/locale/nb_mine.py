"""Bokmål: min del av samtalene og dagen, eller teamets, på kommandolinjen og arkene."""

MESSAGES: dict[str, str] = {
    "callback_list.generated_for": "Laget {when} · samtaler {name} skal ringe tilbake",
    "cli.help.callbacks_team": "alle samtalene teamet skal ringe tilbake "
    "(ellers mine, på en delt database)",
    "cli.help.today_team": "hele teamets dag (ellers min, på en delt database)",
    "callbacks.edit": "Endre",
    "callbacks.edit.tooltip": "Endre hvem, nummer, grunn eller frist for den valgte samtalen",
    "callbacks.edited": "Tilbakeringingen er lagret.",
    "undo.blocked": "Ikke angret: en kollega har endret det siden. Endre det for hånd om det trengs.",
}
