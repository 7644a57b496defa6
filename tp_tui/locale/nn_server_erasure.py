"""Nynorsk: sletting på ein serverdatabase — kva som er skrive om, og kva serveren held på."""

MESSAGES: dict[str, str | tuple[str, str]] = {
    "erase.server.done": "Sletta #{id}: {count} rader sletta, og tabellane som hadde dei, er "
    "skrivne om på serveren, så ingen sletta rad er att i dei.",
    "erase.server.keeps": "Transaksjonsloggen til serveren (WAL), replikaer og serveren sine eigne "
    "tryggingskopiar held på gamle data til dei blir resirkulerte: det er "
    "ansvaret til serveradministratoren.",
    "erase.server.not_scrubbed": "Sletta #{id}: {count} rader sletta, men tabellane som hadde "
    "dei, vart ikkje skrivne om på serveren, så sletta tekst kan framleis liggje i "
    "lagringa av tabellane på serveren.",
    "erase.server.scrubbed": "Tabellane er skrivne om på serveren: ingen sletta rad er att i dei.",
    "erase.server.scrub_failed": "Tabellane vart ikkje skrivne om på serveren, så sletta tekst kan "
    "framleis liggje i lagringa av dei på serveren.",
    "erase.server.reason.not_owner": "Databaserolla di har ikkje lov til å skrive dei om (berre "
    "eigaren har det). Be databaseadministratoren køyre VACUUM (FULL) på tabellane til tp-tui som "
    "eigar, eller køyre tp erase --scrub med rolla som eig dei.",
    "erase.server.reason.locked": "Ei open økt hos ein kollega brukte dei, og tp ventar berre nokre "
    "sekund. Køyr tp erase --scrub når dei andre har lukka tp; skjer det igjen, spør "
    "databaseadministratoren kva økt som held tabellane.",
    "erase.server.reason.held": "Ein annan open transaksjon (økta til ein kollega, ein replika eller ein "
    "førebudd transaksjon) kunne framleis sjå dei sletta radene, så omskrivinga måtte halde på "
    "dei. Køyr tp erase --scrub når dei andre har lukka tp; skjer det igjen, be "
    "databaseadministratoren avslutte langvarige transaksjonar og sjekke replikeringsslottar.",
    "erase.server.reason.failed": "Serveren avviste omskrivinga. Køyr tp erase --scrub seinare; "
    "feilar det igjen, be databaseadministratoren køyre VACUUM (FULL) på tabellane til tp-tui.",
}
