"""Nynorsk: teamet på éin database — mine eller heile teamet, overlevering, samtidig redigering."""

MESSAGES: dict[str, str | tuple[str, str]] = {
    "team.toggle": "Mine/teamet",
    "team.toggle.tooltip": "Vis mine eller tilbakeringingane, kontaktane og deltakarane til heile teamet",
    "team.scope_mine": "Mine",
    "team.scope_team": "Heile teamet",
    "handover.key": "Overlever",
    "handover.key.tooltip": "Gi til ein kollega (deltakar: ny ansvarleg tillitsperson)",
    "handover.title_participant": "Overlever deltakaren til ein annan tillitsperson",
    "handover.title_callback": "Gi samtalen til ein kollega som er på jobb i dag",
    "handover.no_colleagues": "Ingen kollegaer å overlevere til enno.",
    "handover.to": "Til",
    "handover.to_prompt": "Vel kollega",
    "handover.on": "Frå",
    "handover.on_placeholder": "i dag, 1.12, +2",
    "handover.note": "Notat",
    "handover.saved": "Overlevert.",
    "handover.error.who": "Vel ein kollega.",
    "handover.error.same": "{name} er ansvarleg allereie.",
    "handover.error.note_too_long": "Notatet er for langt (høgst {max} teikn).",
    "handover.error.callback_gone": "Samtalen finst ikkje lenger.",
    "handover.error.callback_done": "Denne samtalen er allereie ringd tilbake.",
    "handover.responsible": "Ansvarleg: {name}",
    "handover.responsible_field": "Ansvarleg tillitsperson",
    "handover.line": "{date} overlevert frå {giver} til {taker}",
    "conflict.message": "Ikkje lagra: nokon andre lagra etter at du opna skjemaet. Endra: "
    "{changes}. Det du skreiv, er her framleis: Ctrl+S lagrar felta du endra, over deira (dei "
    "andre held på sine), Esc avbryt.",
    "conflict.field_now": "{field} (no: {value})",
    "conflict.unknown": "ukjent",
}
