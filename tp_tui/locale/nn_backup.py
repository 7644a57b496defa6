"""Nynorsk: tryggingskopiar og gjenoppretting."""

from __future__ import annotations

MESSAGES: dict[str, str | tuple[str, str]] = {
    "cli.help.backup": "ta tryggingskopi av databasen no",
    "cli.help.restore": "vis tryggingskopiane, eller gjenopprett éin",
    "cli.help.restore_number": "tryggingskopien som skal gjenopprettast, nummerert som i lista (1 = nyaste)",
    "cli.help.restore_yes": "gjenopprett utan å spørje",
    "backup.made": "Tryggingskopi lagra: {path} ({size})",
    "backup.kept": (
        "{count} tryggingskopi teken vare på i {folder}; {removed} eldre sletta.",
        "{count} tryggingskopiar tekne vare på i {folder}; {removed} eldre sletta.",
    ),
    "backup.error.failed": "Tryggingskopien kunne ikkje lagast: {reason}. Sjølve databasen er uendra.",
    "backup.error.damaged": "Tryggingskopien {path} er skadd eller kan ikkje lesast. Ingenting er gjenoppretta; databasen er uendra.",
    "backup.error.not_ours": "{path} er ikkje ein tryggingskopi frå tp-tui. Ingenting er gjenoppretta; databasen er uendra.",
    "backup.error.newer": "Tryggingskopien {path} er laga av ein nyare versjon av tp-tui. Ingenting er gjenoppretta; databasen er uendra.",
    "backup.error.still_open": "Databasen {path} er framleis open. Lukk han før du gjenopprettar; ingenting er endra.",
    "backup.error.restore_failed": "Gjenopprettinga gjekk ikkje: {reason}. Databasen er uendra.",
    "restore.none": "Det finst ingen tryggingskopiar av {path} enno. Lag ein med: tp backup",
    "restore.list_header": "Tryggingskopiar av {path}, nyaste først:",
    "restore.list_hint": "Gjenopprett ein med: tp restore NUMMER",
    "restore.error.number": "Det finst ingen tryggingskopi nummer {number}. Vel eit nummer frå 1 til {count}.",
    "restore.error.needs_yes": "Gjenoppretting erstattar databasen, og det er ingen terminal å spørje i. Legg til --yes for å stadfeste.",
    "restore.confirm": "Gjenopprette tryggingskopien frå {when}? Den noverande fila blir teken vare på som {aside}. [j/N]",
    "restore.cancelled": "Ingenting er gjenoppretta.",
    "restore.done": "Tryggingskopien frå {when} er gjenoppretta.",
    "restore.kept": "Databasen slik han var før, er teken vare på som {aside}.",
}
