"""Norwegian (bokmål) messages for backups and restoring."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "cli.help.backup": "ta sikkerhetskopi av databasen nå",
    "cli.help.restore": "vis sikkerhetskopiene, eller gjenopprett én",
    "cli.help.restore_number": "sikkerhetskopien som skal gjenopprettes, nummerert som i listen (1 = nyeste)",
    "cli.help.restore_yes": "gjenopprett uten å spørre",
    "backup.made": "Sikkerhetskopi lagret: {path} ({size})",
    "backup.kept": "{count} sikkerhetskopi(er) tatt vare på i {folder}; {removed} eldre slettet.",
    "backup.error.failed": "Sikkerhetskopien kunne ikke lages: {reason}. Selve databasen er uendret.",
    "backup.error.damaged": "Sikkerhetskopien {path} er skadet eller kan ikke leses. Ingenting er gjenopprettet; databasen er uendret.",
    "backup.error.not_ours": "{path} er ikke en sikkerhetskopi fra tp-tui. Ingenting er gjenopprettet; databasen er uendret.",
    "backup.error.newer": "Sikkerhetskopien {path} er laget av en nyere versjon av tp-tui. Ingenting er gjenopprettet; databasen er uendret.",
    "backup.error.still_open": "Databasen {path} er fortsatt åpen. Lukk den før du gjenoppretter; ingenting er endret.",
    "backup.error.restore_failed": "Gjenopprettingen mislyktes: {reason}. Databasen er uendret.",
    "restore.none": "Det finnes ingen sikkerhetskopier av {path} ennå. Lag en med: tp backup",
    "restore.list_header": "Sikkerhetskopier av {path}, nyeste først:",
    "restore.list_hint": "Gjenopprett en med: tp restore NUMMER",
    "restore.error.number": "Det finnes ingen sikkerhetskopi nummer {number}. Velg et nummer fra 1 til {count}.",
    "restore.error.needs_yes": "Gjenoppretting erstatter databasen, og det er ingen terminal å spørre i. Legg til --yes for å bekrefte.",
    "restore.confirm": "Gjenopprette sikkerhetskopien fra {when}? Den nåværende filen tas vare på som {aside}. [j/N]",
    "restore.cancelled": "Ingenting er gjenopprettet.",
    "restore.done": "Sikkerhetskopien fra {when} er gjenopprettet.",
    "restore.kept": "Databasen slik den var før, er tatt vare på som {aside}.",
}
