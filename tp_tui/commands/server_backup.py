"""``tp backup`` on a team's PostgreSQL database: a pg_dump file in the user's data folder."""

from __future__ import annotations

import argparse
import sys

from tp_tui.clock import Clock
from tp_tui.commands.backup import format_size
from tp_tui.i18n import t
from tp_tui.paths import server_url
from tp_tui.settings import Settings

EXIT_STORAGE = 1


def server_backup_command(args: argparse.Namespace, settings: Settings, clock: Clock) -> int:
    from tp_tui.db import StorageError
    from tp_tui.services.server_backup import dump

    url = server_url(args.db, args.demo)
    assert url is not None  # the command line sends only server databases here
    try:
        made = dump(url, clock.now())
    except StorageError as error:
        print(t(error.key, **error.params), file=sys.stderr)
        return EXIT_STORAGE
    print(t("postgres.backup.made", path=str(made.path), size=format_size(made.size)))
    return 0
