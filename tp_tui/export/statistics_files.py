"""Writing the statistics to a file in any of its formats: one path for the command and the TUI.

No audit event: the audit trail records who looked at or sent out a participant's data, by
participant id, to answer access requests. The statistics are counts with small groups hidden;
they name no one, so there is no one to record them against.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tp_tui.export.deliver import exports_dir
from tp_tui.export.files import ExportExists, write_private
from tp_tui.services.statistics import PeriodStats
from tp_tui.settings import Settings

FORMATS = ("text", "csv", "html", "pdf")
SUFFIX = {"text": "txt", "csv": "csv", "html": "html", "pdf": "pdf"}
BOM = "\ufeff"  # so a spreadsheet reads the CSV as UTF-8 (æøå)


def delimiter(settings: Settings) -> str:
    return settings.csv_delimiter if settings.csv_delimiter in (";", ",", "\t") else ";"


def default_path(start: date, end: date, fmt: str) -> Path:
    """``Documents/tp-tui/statistikk-20260101-20260630.pdf``: where a person looks for it."""
    return exports_dir() / f"statistikk-{start:%Y%m%d}-{end:%Y%m%d}.{SUFFIX[fmt]}"


def render_report(stats: PeriodStats, fmt: str, settings: Settings) -> str | bytes:
    """The file's content in ``fmt``; a CSV starts with a byte-order mark.

    Raises:
        ValueError: for a format not in :data:`FORMATS`.
    """
    from tp_tui.export import render

    if fmt not in FORMATS:
        raise ValueError(fmt)
    data = render(stats, fmt, csv_delimiter=delimiter(settings))
    return BOM + data if isinstance(data, str) and fmt == "csv" else data


def write_report(
    stats: PeriodStats, fmt: str, path: Path, settings: Settings, force: bool = False
) -> Path:
    """Render and write atomically as 0600; the path written.

    Raises:
        ExportExists: ``path`` is there and ``force`` is False; nothing was written.
        OSError: the file could not be written.
        ValueError: an unknown format.
    """
    path = Path(path).expanduser()
    if path.is_file() and not force:  # say so before the work of rendering
        raise ExportExists(path)
    return write_private(path, render_report(stats, fmt, settings), force=force)
