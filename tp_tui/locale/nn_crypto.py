"""Nynorsk: kryptering av databasefila med ei passordfrase (SQLCipher)."""

MESSAGES: dict[str, str | tuple[str, str]] = {
    "storage.error.encrypted": "Databasen {path} er kryptert: tp spør etter passordfrasen "
    "(eller bruk --passphrase-file STI når det ikkje er nokon terminal).",
    "storage.error.wrong_passphrase": "Feil passordfrase for {path} (eller så er fila ikkje ein "
    "tp-tui-database). Ingenting i henne er endra.",
    "storage.error.empty_passphrase": "Ei tom passordfrase er ikkje tillaten: databasen ville blitt "
    "liggjande ukryptert. Ingenting er endra.",
    "storage.error.no_sqlcipher": "kryptering krev pakken sqlcipher3: "
    "pip install 'tp-tui[encryption]'",
    "crypto.error.passphrase_file": "Passordfrasefila {path} kan ikkje brukast: {reason}.",
    "crypto.error.passphrase_file_mode": "Passordfrasefila {path} må berre kunne lesast av deg "
    "(chmod 600 {path}); ho er {mode}.",
    "crypto.error.no_terminal": "Ingen terminal å spørje om passordfrasen i: bruk "
    "--passphrase-file STI (ei fil berre du kan lese).",
    "crypto.error.mismatch": "Dei to passordfrasane er ulike. Ingenting er endra.",
    "crypto.error.too_many_tries": "Feil passordfrase tre gonger. Ingenting er endra.",
    "crypto.error.already_encrypted": "{path} er allereie kryptert. Ingenting er endra.",
    "crypto.error.not_encrypted": "{path} er ikkje kryptert. Ingenting er endra.",
    "crypto.error.verify": "Den konverterte kopien stemde ikkje med databasen ({reason}); han er "
    "fjerna, og {path} er uendra.",
    "crypto.error.failed": "Konverteringa av {path} gjekk ikkje: {reason}. Databasen er uendra.",
    "crypto.prompt.passphrase": "Passordfrase for {path}: ",
    "crypto.prompt.new": "Ny passordfrase for {path}: ",
    "crypto.prompt.again": "Same passordfrase ein gong til: ",
    "crypto.encrypted": "{path} er no kryptert. Ta vare på passordfrasen: utan henne kan ingen lese "
    "dataa, heller ikkje frå tryggingskopiar tekne frå no av.",
    "crypto.decrypted": "{path} er no ei vanleg, ukryptert fil.",
    "crypto.backup_old_plain": "Tryggingskopiar tekne før krypteringa ligg framleis ukrypterte "
    "i {folder}: slett dei når du ikkje treng dei lenger.",
    "cli.help.encrypt": "krypter databasen med ei passordfrase (SQLCipher)",
    "cli.help.decrypt": "gjer ein kryptert database om til ei vanleg fil igjen",
    "cli.help.passphrase_file": "les passordfrasen frå denne fila (modus 0600) når det ikkje er "
    "nokon terminal; gi henne aldri på kommandolinja",
    "backup.error.encrypted_restore": "{path} er ein kryptert tryggingskopi: å gjenopprette "
    "krypterte tryggingskopiar er ikkje støtta enno. Ingenting er endra.",
}
