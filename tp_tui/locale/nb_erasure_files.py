"""Norsk bokmål: det slettingen finner utenfor deltakerens egne rader, og ærlige logglinjer."""

MESSAGES: dict[str, str] = {
    # Erstatter hovedkatalogens: filene som tilbys nå, tar med eksporter tp har skrevet.
    "erase.tui_purge": "{count} fil(er) tp har skrevet (sikkerhetskopier fra før slettingen, "
    "eksporter) inneholder fortsatt deltakeren. Overskrive og slette dem?",
    "erase.unlinked.kept_tui": "Ikke knyttet til dem, men som nevner dem med navn eller nummer: "
    "BEHOLDES som de er (F2 igjen for å slette dem), så disse nevner fortsatt deltakeren:",
    "erase.files.title_tui": "Filer tp har skrevet som fortsatt inneholder dem ({count}; etter "
    "slettingen blir du spurt om de skal overskrives og slettes):",
    "erase.files.title": "Filer tp har skrevet som fortsatt inneholder dem ({count}; overskrives og slettes med --purge-backups):",
    "erase.keep_unlinked": "Behold det som nevner dem",
    "erase.keep_unlinked.tooltip": "Behold anrop til et fritt navn med deres navn eller nummer, og navnet i andres notater (slettes da ikke)",
    "erase.unlinked.how_to_keep_tui": "  For å beholde disse som de er, trykk F2.",
    "cli.help.keep_unlinked": "behold anrop til et fritt navn som er deres, og la navnet og "
    "nummeret stå i andres notater (de slettes da ikke)",
    "erase.unlinked.title": "Ikke knyttet til dem, men som nevner dem med navn eller nummer "
    "(anrop slettes, navnet og nummeret tas ut av notatene):",
    "erase.unlinked.kept": "Ikke knyttet til dem, men som nevner dem med navn eller nummer: "
    "BEHOLDES som de er (--keep-unlinked), så disse nevner fortsatt deltakeren:",
    "erase.unlinked.how_to_keep": "  For å beholde disse som de er, legg til --keep-unlinked.",
    "erase.unlinked.free_calls": "anrop til et fritt navn med deres navn eller nummer",
    "erase.unlinked.round_notes": "notater fra runder",
    "erase.unlinked.contact_notes": "andre deltakeres kontaktnotater",
    "erase.unlinked.call_reasons": "grunnen i andre anrop",
    "erase.unlinked.revisions": "historikk for andre oppføringer",
    "audit.action.print.failed": "utskrift mislyktes: ingenting gikk til skriveren",
    "audit.action.erase.files": "{count} fil(er) tp hadde skrevet om dem overskrevet og slettet",
}
