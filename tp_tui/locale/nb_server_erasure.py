"""Bokmål: sletting på en PostgreSQL-server (ingen fil: rader slettet, tabeller skrevet om)."""

MESSAGES: dict[str, str] = {
    "erase.server.done": "Slettet #{id}: {count} rader slettet, og tabellene som hadde dem er "
    "skrevet om på serveren, så ingen slettet rad er igjen i dem.",
    "erase.server.keeps": "Serverens transaksjonslogg (WAL), replikaer og serverens egne "
    "sikkerhetskopier beholder gamle data til de blir resirkulert: det er "
    "serveradministratorens ansvar.",
    "erase.server.not_scrubbed": "Slettet #{id}: {count} rader slettet, men tabellene som hadde "
    "dem ble ikke skrevet om på serveren, så slettet tekst kan fortsatt ligge i serverens "
    "lagring av tabellene.",
    "erase.server.scrubbed": "Tabellene er skrevet om på serveren: ingen slettet rad er igjen i "
    "dem.",
    "erase.server.scrub_failed": "Tabellene ble ikke skrevet om på serveren, så slettet tekst kan "
    "fortsatt ligge i serverens lagring av dem.",
    "erase.server.reason.not_owner": "Databaserollen din har ikke lov til å skrive dem om (bare "
    "eieren har det). Be databaseadministratoren kjøre VACUUM (FULL) på tp-tuis tabeller som "
    "eier, eller kjøre tp erase --scrub med rollen som eier dem.",
    "erase.server.reason.locked": "En kollegas åpne økt brukte dem, og tp venter bare noen "
    "sekunder. Kjør tp erase --scrub når de andre har lukket tp; skjer det igjen, spør "
    "databaseadministratoren hvilken økt som holder tabellene.",
    "erase.server.reason.held": "En annen åpen transaksjon (en kollegas økt, en replika eller en "
    "forberedt transaksjon) kunne fortsatt se de slettede radene, så omskrivingen måtte beholde "
    "dem. Kjør tp erase --scrub når de andre har lukket tp; skjer det igjen, be "
    "databaseadministratoren avslutte langvarige transaksjoner og sjekke replikeringsslotter.",
    "erase.server.reason.failed": "Serveren avviste omskrivingen. Kjør tp erase --scrub senere; "
    "feiler det igjen, be databaseadministratoren kjøre VACUUM (FULL) på tp-tuis tabeller.",
}
