"""Norsk bokmål: det slettingen finner utenfor deltakerens egne rader, og ærlige logglinjer."""

MESSAGES: dict[str, str] = {
    "audit.action.print.failed": "utskrift bedt om, men den mislyktes: ingenting ble skrevet ut",
    "audit.action.erase.files": "{count} fil(er) tp hadde skrevet om dem overskrevet og slettet",
}
