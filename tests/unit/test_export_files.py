from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tp_tui.export.files import ExportExists, write_private


def test_written_private_and_whole(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = write_private(tmp_path / "out" / "liste.txt", "Kari Nordmann\n")
    finally:
        os.umask(old)
    assert path.read_text(encoding="utf-8") == "Kari Nordmann\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["liste.txt"]


def test_existing_file_is_not_overwritten_without_force(tmp_path: Path) -> None:
    path = tmp_path / "liste.txt"
    path.write_text("gammel")
    with pytest.raises(ExportExists):
        write_private(path, "ny")
    assert path.read_text() == "gammel"
    write_private(path, b"ny", force=True)
    assert path.read_text() == "ny"
