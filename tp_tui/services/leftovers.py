"""Half-made files of operations that were killed: every file tp-tui writes is its own.

A backup is made in ``.tp-XXXX.partial`` beside the backups, then renamed; ``tp encrypt`` and
``tp decrypt`` convert into ``.tp-XXXX.converting`` beside the database. Killed halfway (power
loss, a closed lid, ctrl+c, kill -9), they leave a full copy that nothing names, which would
survive an erasure, and a decryption's is plain text. They are overwritten and removed the
next time tp starts, and by ``tp erase --purge-backups`` whatever their age.

A file still being written by another tp (a backup running beside the app) is left alone: one
that changed in the last :data:`QUIET_SECONDS` is taken to be in use.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

QUIET_SECONDS = 120
# What each operation names its half-made file, and where it puts it.
_BESIDE_BACKUPS = (".tp-*.partial",)
_BESIDE_DATABASE = (".tp-*.converting",)
_SIDECARS = ("", "-journal", "-wal", "-shm")


def half_made_files(db_path: Path, backups: Path, older_than: float | None = None) -> list[Path]:
    """The half-made files of this database's operations (with their -journal/-wal/-shm),
    those unchanged for ``older_than`` seconds; every one when it is None."""
    found: list[Path] = []
    places = [(Path(db_path).parent, _BESIDE_DATABASE), (backups, _BESIDE_BACKUPS)]
    now = time.time()
    for folder, patterns in places:
        for pattern in patterns:
            for path in sorted(folder.glob(pattern)):
                parts = [Path(f"{path}{suffix}") for suffix in _SIDECARS]
                parts = [part for part in parts if part.is_file() and not part.is_symlink()]
                if older_than is not None and any(
                    now - part.stat().st_mtime < older_than for part in parts
                ):
                    continue
                found += parts
    return found


def zero_fill(path: Path) -> None:
    """Overwrite the whole file with zeros, on the disk (fsync), before it is removed: what an
    erased person's copy held is not left in the freed blocks for an undelete tool."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        block = b"\0" * 65536
        written = 0
        while written < size:
            written += handle.write(block[: min(len(block), size - written)])
        handle.flush()
        os.fsync(handle.fileno())


def _overwrite_and_remove(path: Path) -> None:
    try:
        zero_fill(path)
        path.unlink()
    except FileNotFoundError:
        pass  # another tp removed it first


def remove_half_made(db_path: Path, backups: Path, older_than: float | None = QUIET_SECONDS) -> int:
    """Overwrite with zeros and remove the half-made files (see :func:`half_made_files`); how
    many were removed. A file that cannot be removed is left, and said nothing of: the next
    start tries again."""
    removed = 0
    for path in half_made_files(db_path, backups, older_than):
        try:
            _overwrite_and_remove(path)
            removed += 1
        except OSError:
            continue
    return removed
