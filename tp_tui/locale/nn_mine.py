"""Nynorsk: mine eller heile teamet på ein delt database, og å overlevere alt til ein kollega."""

MESSAGES: dict[str, str | tuple[str, str]] = {
    "callback_list.generated_for": "Laga {when} · samtalar {name} skal ringje tilbake",
    "cli.help.callbacks_team": "alle samtalane teamet skal ringje tilbake "
    "(elles mine, på ein delt database)",
    "cli.help.today_team": "dagen til heile teamet (elles min, på ein delt database)",
    "callbacks.edit": "Endre",
    "callbacks.edit.tooltip": "Endre kven, nummer, grunn eller frist for den valde samtalen",
    "callbacks.edited": "Tilbakeringinga er lagra.",
    "undo.blocked": "Ikkje angra: ein kollega har endra det sidan. Endre det for hand om det trengst.",
    "handover.everything_key": "Overlever alt",
    "handover.everything_key.tooltip": "Gi alt denne tillitspersonen framleis har, til ein kollega",
    "handover.title_everything": "Overlever alt {name} framleis har",
    # Two counts in one line: written as "label: figure" so no plural form is needed.
    "handover.saved_everything": "Overlevert: deltakarar {participants}, tilbakeringingar {callbacks}.",
    "handover.nothing_left": "{name} har ingen deltakarar eller tilbakeringingar å overlevere.",
    "handover.error.same_person": "Vel ein annan enn den som overleverer.",
    "team_admin.still_responsible_cli": "{name} har framleis {left}: tp team handover {login} --to BRUKARNAMN overleverer alt.",
    "team_admin.cli.help.handover": "gi alt ein tillitsperson framleis har (deltakarar, tilbakeringingar), til ein kollega",
    "team_admin.cli.help.to": "brukarnamnet til kollegaen",
    "team_admin.cli.help.note": "eit notat som følgjer overleveringa av kvar deltakar",
}
