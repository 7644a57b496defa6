"""Sending a finished file to the system printer through CUPS ``lp``.

Printing is a convenience: when it cannot happen the user gets a calm message and the path of
the file to print by hand, never a traceback.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tp_tui.i18n import t
from tp_tui.text import one_line

TIMEOUT_SECONDS = 30


@dataclass(frozen=True)
class PrintOutcome:
    """What happened; ``key`` and ``params`` make the message for the user."""

    ok: bool
    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    def message(self) -> str:
        return t(self.key, **self.params)


# What CUPS' lp writes (in English, or in the machine's language when it has a translation),
# matched loosely: the words differ between CUPS versions.
_NO_DEFAULT = ("no default destination", "no default printer")
_NO_SERVICE = ("scheduler", "connect to server", "connection refused", "not running",
               "not responding")  # fmt: skip


def _reason(stderr: str | bytes | None, fallback: str) -> str:
    """The first non-empty line lp wrote, cleaned and without "lp: Error - " and the closing
    full stop (the message adds its own): it is shown to the user."""
    if isinstance(stderr, bytes):
        stderr = stderr.decode("utf-8", errors="replace")
    for line in (stderr or "").splitlines():
        if cleaned := one_line(line):
            cleaned = re.sub(r"^(?:lp:\s*)?(?:error\s*-\s*)?", "", cleaned, flags=re.I)
            return cleaned.rstrip(" .")[:200] or fallback
    return fallback


def _failure(reason: str, where: str) -> PrintOutcome:
    """Which failure it is, said in the user's language; lp's own words only when unknown."""
    lowered = reason.casefold()
    if any(words in lowered for words in _NO_DEFAULT):
        return PrintOutcome(False, "printing.no_default", {"path": where})
    if any(words in lowered for words in _NO_SERVICE):
        return PrintOutcome(False, "printing.no_service", {"path": where})
    return PrintOutcome(False, "printing.refused", {"reason": reason, "path": where})


def send_to_printer(path: Path) -> PrintOutcome:
    """Print ``path`` on the default printer with ``lp``; never raises for a missing printer."""
    where = one_line(str(path))  # shown to the user; lp gets the path itself
    lp = shutil.which("lp")
    if lp is None:
        return PrintOutcome(False, "printing.no_lp", {"path": where})
    try:
        # No shell, and "--" so a file name starting with "-" is not read as an option.
        done = subprocess.run(
            [lp, "--", str(path)],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return PrintOutcome(False, "printing.timeout", {"seconds": TIMEOUT_SECONDS, "path": where})
    except OSError as error:
        reason = one_line(error.strerror or type(error).__name__)
        return PrintOutcome(False, "printing.refused", {"reason": reason, "path": where})
    if done.returncode != 0:
        return _failure(_reason(done.stderr, f"lp exit {done.returncode}"), where)
    return PrintOutcome(True, "printing.sent", {"path": where})
