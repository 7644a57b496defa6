"""English messages for a team's database on a PostgreSQL server."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "postgres.error.password_in_url": "A password does not belong in the database URL (it would "
    "be seen in the shell history and the process list). Put it in ~/.pgpass (chmod 600), or "
    "point PGPASSFILE to such a file, or set PGPASSWORD. Nothing was opened.",
    "postgres.error.no_database": "The URL {url} names no database: add it at the end, "
    "as in postgresql://user@host/tp.",
    "postgres.error.connect": "Could not connect to {url}: {reason}",
    "postgres.error.no_driver": "A PostgreSQL database needs the psycopg2 package: "
    "pip install 'tp-tui[postgres]'",
    "postgres.error.passphrase": "A server database is not encrypted with a passphrase: "
    "the server protects it. Nothing was opened.",
    "postgres.error.file_only": "`tp {command}` works on a database file; a server database is "
    "backed up, restored and encrypted by the server's owner (tp backup runs pg_dump).",
    "postgres.backup.no_pg_dump": "pg_dump was not found on PATH: install the PostgreSQL client "
    "tools (Debian: apt-get install postgresql-client), or ask the server's owner for backups.",
    "postgres.backup.failed": "pg_dump failed: {reason}. No backup was made.",
    "postgres.backup.made": "Backup made with pg_dump: {path} ({size})",
    "transfer.help.command": "copy this database file into a new team database on PostgreSQL",
    "transfer.help.description": "Copy every row of this database file into an empty PostgreSQL database, in one transaction, and show the rows per table on both sides.",
    "transfer.help.url": "the team database (no password in it: use ~/.pgpass or PGPASSWORD)",
    "transfer.error.not_url": "migrate-to needs a postgresql://USER@HOST/DATABASE address.",
    "transfer.error.source_on_server": "migrate-to copies a database file: give it with --db FILE.",
    "transfer.error.not_empty": "{url} already holds data (table {table}): nothing was copied. Use a new, empty database.",
    "transfer.error.schema": "The tables differ between the file and the server ({table}): nothing was copied.",
    "transfer.error.counts": "The rows did not all arrive ({table}): nothing was copied.",
    "transfer.table": "table",
    "transfer.file": "file",
    "transfer.server": "server",
    "transfer.done": "Copied {rows} rows in {tables} tables to {url}, in one transaction.",
    "postgres.error.gone": "No contact with the team's server: this was not saved. What you typed is still here: save again when the server is back.",
    "server.gone.header": "Offline since {time} · lists as last read",
    "server.gone.notice": "The team's server is not answering. Nothing is lost: forms keep what you typed, and lists show what was last read. tp-tui tries again by itself every few seconds.",
    "server.back.notice": "Contact with the server again. A form that said “not saved” can be saved now.",
}
