"""Nynorsk: ein teamdatabase på PostgreSQL — tilkopling, flytting, når serveren er borte."""

MESSAGES: dict[str, str | tuple[str, str]] = {
    "postgres.error.password_in_url": "Eit passord høyrer ikkje heime i databaseadressa (det ville "
    "synast i skalhistorikken og i prosesslista). Legg det i ~/.pgpass (chmod 600), peik "
    "PGPASSFILE til ei slik fil, eller set PGPASSWORD. Ingenting vart opna.",
    "postgres.error.no_database": "Adressa {url} seier ikkje kva database: legg han til på "
    "slutten, som i postgresql://brukar@vert/tp.",
    "postgres.error.connect": "Fekk ikkje kontakt med {url}: {reason}",
    "postgres.error.no_driver": "Ein PostgreSQL-database treng pakken psycopg2: "
    "pip install 'tp-tui[postgres]'",
    "postgres.error.passphrase": "Ein serverdatabase blir ikkje kryptert med passordfrase: serveren "
    "vernar han. Ingenting vart opna.",
    "postgres.error.file_only": "`tp {command}` verkar på ei databasefil; ein serverdatabase "
    "blir tryggingskopiert, gjenoppretta og kryptert av eigaren av serveren (tp backup køyrer pg_dump).",
    "postgres.backup.no_pg_dump": "Fann ikkje pg_dump i PATH: installer klientverktøya til PostgreSQL "
    "(Debian: apt-get install postgresql-client), eller spør eigaren av serveren om tryggingskopiar.",
    "postgres.backup.failed": "pg_dump feila: {reason}. Ingen tryggingskopi vart laga.",
    "postgres.backup.made": "Tryggingskopi laga med pg_dump: {path} ({size})",
    "transfer.help.command": "kopier denne databasefila til ein ny teamdatabase på PostgreSQL",
    "transfer.help.description": "Kopier kvar rad i denne databasefila til ein tom PostgreSQL-database, i éin transaksjon, og vis radene per tabell på begge sider.",
    "transfer.help.url": "teamdatabasen (utan passord: bruk ~/.pgpass eller PGPASSWORD)",
    "transfer.error.not_url": "migrate-to treng ei adresse postgresql://BRUKAR@VERT/DATABASE.",
    "transfer.error.source_on_server": "migrate-to kopierer ei databasefil: oppgi henne med --db FIL.",
    "transfer.error.not_empty": "{url} har data allereie (tabellen {table}): ingenting vart kopiert. Bruk ein ny, tom database.",
    "transfer.error.schema": "Tabellane er ulike i fila og på serveren ({table}): ingenting vart kopiert.",
    "transfer.error.counts": "Ikkje alle radene kom fram ({table}): ingenting vart kopiert.",
    "transfer.table": "tabell",
    "transfer.file": "fil",
    "transfer.server": "server",
    "transfer.done": "Kopierte {rows} rader i {tables} tabellar til {url}, i éin transaksjon.",
    "postgres.error.gone": "Ingen kontakt med serveren til teamet: dette vart ikkje lagra. Det du skreiv, er her framleis: lagre igjen når serveren er tilbake.",
    "server.gone.header": "Fråkopla frå {time} · viser sist lese",
    "server.gone.notice": "Serveren til teamet svarer ikkje. Ingenting er tapt: skjemaa held på det du skreiv, og listene viser det som sist vart lese. tp-tui prøver igjen av seg sjølv med nokre sekund mellomrom.",
    "server.back.notice": "Kontakt med serveren igjen. Eit skjema som sa «ikkje lagra», kan lagrast no.",
}
