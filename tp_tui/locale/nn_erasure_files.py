"""Nynorsk: filer tp har skrive om ein sletta deltakar, og det som nemner dei utan å vere knytt til dei."""

MESSAGES: dict[str, str | tuple[str, str]] = {
    # Erstattar den i hovudkatalogen: filene som blir tilbodne no, tek med eksportar tp har skrive.
    "erase.tui_purge": (
        "{count} fil tp har skrive (tryggingskopiar frå før slettinga, "
        "eksportar) inneheld framleis deltakaren. Skrive over og slette henne?",
        "{count} filer tp har skrive (tryggingskopiar frå før slettinga, "
        "eksportar) inneheld framleis deltakaren. Skrive over og slette dei?",
    ),
    "erase.unlinked.kept_tui": "Ikkje knytt til dei, men som nemner dei med namn eller nummer: "
    "BLIR HALDNE som dei er (F2 igjen for å slette dei), så desse nemner framleis deltakaren:",
    "erase.files.title_tui": "Filer tp har skrive som framleis inneheld dei ({count}; etter "
    "slettinga blir du spurd om dei skal skrivast over og slettast):",
    "erase.files.title": "Filer tp har skrive som framleis inneheld dei ({count}; blir skrivne over og sletta med --purge-backups):",
    "erase.keep_unlinked": "Hald på det som nemner dei",
    "erase.keep_unlinked.tooltip": "Hald på anrop til eit fritt namn med namnet eller nummeret deira, og namnet i notata til andre (blir då ikkje sletta)",
    "erase.unlinked.how_to_keep_tui": "  For å halde på desse som dei er, trykk F2.",
    "cli.help.keep_unlinked": "hald på anrop til eit fritt namn som er deira, og la namnet og "
    "nummeret stå i notata til andre (dei blir då ikkje sletta)",
    "erase.unlinked.title": "Ikkje knytt til dei, men som nemner dei med namn eller nummer "
    "(anrop blir sletta, namnet og nummeret blir tekne ut av notata):",
    "erase.unlinked.kept": "Ikkje knytt til dei, men som nemner dei med namn eller nummer: "
    "BLIR HALDNE som dei er (--keep-unlinked), så desse nemner framleis deltakaren:",
    "erase.unlinked.how_to_keep": "  For å halde på desse som dei er, legg til --keep-unlinked.",
    "erase.unlinked.free_calls": "anrop til eit fritt namn med namnet eller nummeret deira",
    "erase.unlinked.round_notes": "notat frå rundar",
    "erase.unlinked.contact_notes": "kontaktnotata til andre deltakarar",
    "erase.unlinked.call_reasons": "grunnen i andre anrop",
    "erase.unlinked.revisions": "historikk for andre oppføringar",
    "audit.action.print.failed": "utskrifta gjekk ikkje: ingenting gjekk til skrivaren",
    "audit.action.erase.files": (
        "{count} fil tp hadde skrive om dei, overskriven og sletta",
        "{count} filer tp hadde skrive om dei, overskrivne og sletta",
    ),
}
