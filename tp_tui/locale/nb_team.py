"""Norsk bokmål: teamet på én database — mine/teamets, overlevering, samtidig redigering."""

MESSAGES: dict[str, str] = {
    "team.toggle": "Mine/teamets",
    "team.toggle.tooltip": "Vis mine eller hele teamets tilbakeringinger, kontakter og deltakere",
    "team.scope_mine": "Mine",
    "team.scope_team": "Teamets",
    "handover.key": "Overlever",
    "handover.key.tooltip": "Gi til en kollega (deltaker: ny ansvarlig tillitsperson)",
    "handover.title_participant": "Overlever deltakeren til en annen tillitsperson",
    "handover.title_callback": "Gi samtalen til en kollega som er på jobb i dag",
    "handover.no_colleagues": "Ingen kolleger å overlevere til ennå.",
    "handover.to": "Til",
    "handover.to_prompt": "Velg kollega",
    "handover.on": "Fra",
    "handover.on_placeholder": "i dag, 1.12, +2",
    "handover.note": "Notat",
    "handover.saved": "Overlevert.",
    "handover.error.who": "Velg en kollega.",
    "handover.error.same": "{name} er allerede ansvarlig.",
    "handover.error.note_too_long": "Notatet er for langt (høyst {max} tegn).",
    "handover.error.callback_gone": "Samtalen finnes ikke lenger.",
    "handover.error.callback_done": "Denne samtalen er allerede ringt tilbake.",
    "handover.responsible": "Ansvarlig: {name}",
    "handover.responsible_field": "Ansvarlig tillitsperson",
    "handover.line": "{date} overlevert fra {giver} til {taker}",
    "conflict.message": "Ikke lagret: noen andre lagret etter at du åpnet skjemaet. Endret: "
    "{changes}. Det du skrev er her fortsatt: Ctrl+S lagrer feltene du endret over deres (de "
    "andre beholder deres), Esc avbryter.",
    "conflict.field_now": "{field} (nå: {value})",
    "conflict.unknown": "ukjent",
}
