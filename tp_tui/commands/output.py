"""Writing an export from the shell: privately, never over a file unless asked, saying where,
and noted among the files tp wrote (so an erasure finds it)."""

from __future__ import annotations

import sys
from pathlib import Path

from tp_tui.i18n import t


def write_out(path: Path, data: str | bytes, force: bool, kind: str) -> int | None:
    """Write ``data`` to ``path`` (``-``: standard output); the exit status when it could not
    be written, None when it was."""
    from tp_tui.export.files import STDOUT, ExportExists, write_private

    try:
        write_private(path, data, force=force)
    except ExportExists:
        print(t("cli.error.file_exists", path=str(path)), file=sys.stderr)
        return 2
    except OSError as error:
        print(t("cli.error.cannot_write", path=str(path), reason=error.strerror), file=sys.stderr)
        return 1
    if str(path) != STDOUT:
        from tp_tui.services.written_files import remember

        remember(path, kind)
        print(t("cli.written", path=str(path)))
    return None
