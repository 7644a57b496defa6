"""Norske meldinger for kryptering av databasen."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "storage.error.encrypted": "Databasen {path} er kryptert: tp spør etter passordfrasen "
    "(eller bruk --passphrase-file STI når det ikke er noen terminal).",
    "storage.error.wrong_passphrase": "Feil passordfrase for {path} (eller så er filen ikke en "
    "tp-tui-database). Ingenting i den er endret.",
    "storage.error.empty_passphrase": "En tom passordfrase er ikke tillatt: databasen ville blitt "
    "liggende ukryptert. Ingenting er endret.",
    "storage.error.no_sqlcipher": "kryptering krever pakken sqlcipher3: "
    "pip install 'tp-tui[encryption]'",
    "crypto.error.passphrase_file": "Passordfrasefilen {path} kan ikke brukes: {reason}.",
    "crypto.error.passphrase_file_mode": "Passordfrasefilen {path} må bare kunne leses av deg "
    "(chmod 600 {path}); den er {mode}.",
    "crypto.error.no_terminal": "Ingen terminal å spørre om passordfrasen i: bruk "
    "--passphrase-file STI (en fil bare du kan lese).",
    "crypto.error.mismatch": "De to passordfrasene er ulike. Ingenting er endret.",
    "crypto.error.too_many_tries": "Feil passordfrase tre ganger. Ingenting er endret.",
    "crypto.error.already_encrypted": "{path} er allerede kryptert. Ingenting er endret.",
    "crypto.error.not_encrypted": "{path} er ikke kryptert. Ingenting er endret.",
    "crypto.error.verify": "Den konverterte kopien stemte ikke med databasen ({reason}); den er "
    "fjernet, og {path} er uendret.",
    "crypto.error.failed": "Konverteringen av {path} mislyktes: {reason}. Databasen er uendret.",
    "crypto.prompt.passphrase": "Passordfrase for {path}: ",
    "crypto.prompt.new": "Ny passordfrase for {path}: ",
    "crypto.prompt.again": "Samme passordfrase en gang til: ",
    "crypto.encrypted": "{path} er nå kryptert. Ta vare på passordfrasen: uten den kan ingen lese "
    "dataene, heller ikke fra sikkerhetskopier tatt fra nå av.",
    "crypto.decrypted": "{path} er nå en vanlig, ukryptert fil.",
    "crypto.backup_old_plain": "Sikkerhetskopier tatt før krypteringen ligger fortsatt ukryptert "
    "i {folder}: slett dem når du ikke lenger trenger dem.",
    "cli.help.encrypt": "krypter databasen med en passordfrase (SQLCipher)",
    "cli.help.decrypt": "gjør en kryptert database om til en vanlig fil igjen",
    "cli.help.passphrase_file": "les passordfrasen fra denne filen (modus 0600) når det ikke er "
    "noen terminal; gi den aldri på kommandolinjen",
    "backup.error.encrypted_restore": "{path} er en kryptert sikkerhetskopi: å gjenopprette "
    "krypterte sikkerhetskopier støttes ikke ennå. Ingenting er endret.",
}
