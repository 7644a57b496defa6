"""Where an export goes: a file (atomic, 0600), and the printer if asked. Shared by the command
line and the interface so both behave the same."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tp_tui.export.files import write_private
from tp_tui.export.printing import PrintOutcome, send_to_printer

# Where exports go is a path (paths.py); offered here too, beside the writing of them.
from tp_tui.paths import exports_dir as exports_dir


@dataclass(frozen=True)
class Delivered:
    path: Path
    printed: PrintOutcome | None


def deliver(
    data: str | bytes, path: Path, force: bool = False, to_printer: bool = False
) -> Delivered:
    """Write the file (ExportExists unless ``force``), then print it when asked."""
    from tp_tui.services.written_files import remember

    written = write_private(path, data, force=force)
    remember(written, "export")
    return Delivered(written, send_to_printer(written) if to_printer else None)
