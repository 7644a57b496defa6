"""Writing an export to disk: atomically, readable by the user alone, never over a file silently."""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from pathlib import Path


class ExportExists(Exception):
    """The file is already there and overwriting was not asked for."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


STDOUT = "-"
"""``-o -``: the export goes to standard output."""


def write_private(path: Path, data: str | bytes, force: bool = False) -> Path:
    """Write ``data`` to ``path`` as 0600 through a temporary file and a rename.

    A reader never sees half a file, and a crash leaves either the old file or the new one.
    Something that is not a regular file (a device, a FIFO, ``/dev/stdout``) is written into
    as it is: never renamed over, chmod'ed or removed (renaming over ``/dev/null`` would take it
    from the whole machine). A link to a file replaces the file it names, not the link.
    Raises ExportExists when a regular file is at ``path`` and ``force`` is False.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if str(path) == STDOUT:
        sys.stdout.flush()
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
        return Path(STDOUT)
    path = Path(path).expanduser()
    try:
        found: os.stat_result | None = os.stat(path)  # through links: what is written into
    except FileNotFoundError:
        found = None
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if found is not None and not stat.S_ISREG(found.st_mode):
        with open(path, "wb") as stream:
            stream.write(payload)
        return path
    if found is not None and not force:
        raise ExportExists(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.fchmod(handle, 0o600)
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
