"""When something breaks: a calm message for the user, a log without personal data for us.

Only where the error happened (files, lines, functions) and its type are written — never the
error's message or any variable, since either can hold a participant's name or a note.
"""

from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from tp_tui.paths import data_dir


def write_crash_log(
    error: BaseException | None, tb: TracebackType | None, now: datetime | None = None
) -> Path | None:
    """Append the error's type and stack (no values) to ``crash.log``; None if it cannot."""
    if error is None:
        return None
    frames = traceback.extract_tb(tb)
    lines = [f"{now.isoformat() if now else ''} {type(error).__module__}.{type(error).__name__}"]
    lines += [f"  {Path(f.filename).name}:{f.lineno} in {f.name}" for f in frames]
    path = data_dir() / "crash.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with path.open("a", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
        path.chmod(0o600)
    except OSError:
        return None
    return path
