"""Writing an export to disk: atomically, readable by the user alone, never over a file silently."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class ExportExists(Exception):
    """The file is already there and overwriting was not asked for."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


def write_private(path: Path, data: str | bytes, force: bool = False) -> Path:
    """Write ``data`` to ``path`` as 0600 through a temporary file and a rename.

    A reader never sees half a file, and a crash leaves either the old file or the new one.
    Raises ExportExists when ``path`` exists and ``force`` is False.
    """
    path = Path(path).expanduser()
    if path.exists() and not force:
        raise ExportExists(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
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
