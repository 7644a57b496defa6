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
    "handover.everything_key": "Overlever alt",
    "handover.everything_key.tooltip": "Gi alt denne tillitspersonen fortsatt har, til en kollega",
    "handover.title_everything": "Overlever alt {name} fortsatt har",
    "handover.saved_everything": "Overlevert: {participants} deltaker(e) og {callbacks} tilbakeringing(er).",
    "handover.nothing_left": "{name} har ingen deltakere eller tilbakeringinger å overlevere.",
    "handover.error.same_person": "Velg en annen enn den som overleverer.",
    "team_admin.still_responsible_cli": "{name} har fortsatt {left}: tp team handover {login} --to BRUKERNAVN overleverer alt.",
    "team_admin.cli.help.handover": "gi alt en tillitsperson fortsatt har (deltakere, tilbakeringinger) til en kollega",
    "team_admin.cli.help.to": "kollegaens brukernavn",
    "team_admin.cli.help.note": "et notat som følger hver deltakers overlevering",
}
