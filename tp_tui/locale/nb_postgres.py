"""Norske meldinger for et teams database på en PostgreSQL-server."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "postgres.error.password_in_url": "Et passord hører ikke hjemme i databaseadressen (det ville "
    "synes i skallhistorikken og i prosesslisten). Legg det i ~/.pgpass (chmod 600), pek "
    "PGPASSFILE til en slik fil, eller sett PGPASSWORD. Ingenting ble åpnet.",
    "postgres.error.no_database": "Adressen {url} sier ikke hvilken database: legg den til på "
    "slutten, som i postgresql://bruker@vert/tp.",
    "postgres.error.connect": "Fikk ikke kontakt med {url}: {reason}",
    "postgres.error.no_driver": "En PostgreSQL-database trenger pakken psycopg2: "
    "pip install 'tp-tui[postgres]'",
    "postgres.error.passphrase": "En serverdatabase krypteres ikke med passordfrase: serveren "
    "beskytter den. Ingenting ble åpnet.",
    "postgres.error.file_only": "`tp {command}` virker på en databasefil; en serverdatabase "
    "sikkerhetskopieres, gjenopprettes og krypteres av serverens eier (tp backup kjører pg_dump).",
    "postgres.backup.no_pg_dump": "Fant ikke pg_dump i PATH: installer PostgreSQLs klientverktøy "
    "(Debian: apt-get install postgresql-client), eller spør serverens eier om sikkerhetskopier.",
    "postgres.backup.failed": "pg_dump feilet: {reason}. Ingen sikkerhetskopi ble laget.",
    "postgres.backup.made": "Sikkerhetskopi laget med pg_dump: {path} ({size})",
    "transfer.help.command": "kopier denne databasefilen til en ny teamdatabase på PostgreSQL",
    "transfer.help.description": "Kopier hver rad i denne databasefilen til en tom PostgreSQL-database, i én transaksjon, og vis radene per tabell på begge sider.",
    "transfer.help.url": "teamdatabasen (uten passord: bruk ~/.pgpass eller PGPASSWORD)",
    "transfer.error.not_url": "migrate-to trenger en adresse postgresql://BRUKER@VERT/DATABASE.",
    "transfer.error.source_on_server": "migrate-to kopierer en databasefil: oppgi den med --db FIL.",
    "transfer.error.not_empty": "{url} har allerede data (tabellen {table}): ingenting ble kopiert. Bruk en ny, tom database.",
    "transfer.error.schema": "Tabellene er ulike i filen og på serveren ({table}): ingenting ble kopiert.",
    "transfer.error.counts": "Ikke alle radene kom fram ({table}): ingenting ble kopiert.",
    "transfer.table": "tabell",
    "transfer.file": "fil",
    "transfer.server": "server",
    "transfer.done": "Kopierte {rows} rader i {tables} tabeller til {url}, i én transaksjon.",
    "postgres.error.gone": "Ingen kontakt med teamets server: dette ble ikke lagret. Det du skrev er her fortsatt: lagre igjen når serveren er tilbake.",
    "server.gone.header": "Frakoblet fra {time} · viser sist lest",
    "server.gone.notice": "Teamets server svarer ikke. Ingenting er tapt: skjemaene beholder det du skrev, og listene viser det som sist ble lest. tp-tui prøver igjen av seg selv med noen sekunders mellomrom.",
    "server.back.notice": "Kontakt med serveren igjen. Et skjema som sa «ikke lagret» kan lagres nå.",
}
