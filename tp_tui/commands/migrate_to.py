"""``tp migrate-to postgresql://…``: copy this SQLite file into a new team database."""

from __future__ import annotations

import argparse
import sys

from tp_tui.clock import Clock
from tp_tui.i18n import t
from tp_tui.settings import Settings

EXIT_STORAGE = 1
EXIT_BAD_INPUT = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = t("transfer.help.description")
    parser.add_argument(
        "url", metavar="postgresql://USER@HOST/DATABASE", help=t("transfer.help.url")
    )


def migrate_to_command(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    from tp_tui.db import StorageError
    from tp_tui.models import db
    from tp_tui.server import display_url, is_postgres, is_server_url
    from tp_tui.services.transfer import copy_to_server

    if not is_server_url(args.url):
        print(t("transfer.error.not_url"), file=sys.stderr)
        return EXIT_BAD_INPUT
    if is_postgres(db.obj):
        print(t("transfer.error.source_on_server"), file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        counts = copy_to_server(db.obj, args.url)
    except StorageError as error:
        print(t(error.key, **error.params), file=sys.stderr)
        return EXIT_STORAGE
    width = max(len(count.table) for count in counts)
    print(f"{t('transfer.table'):<{width}}  {t('transfer.file'):>8}  {t('transfer.server'):>8}")
    for count in counts:
        print(f"{count.table:<{width}}  {count.source:>8}  {count.target:>8}")
    total = sum(count.source for count in counts)
    print(t("transfer.done", rows=total, tables=len(counts), url=display_url(args.url)))
    return 0
