"""An export written to something that is not a regular file writes into it, and never
renames over, chmods or removes it; ``-o -`` writes to standard output."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from tp_tui.cli import run
from tp_tui.export.files import ExportExists, write_private

Capture = pytest.CaptureFixture[str]


def test_a_fifo_is_written_into_and_stays_a_fifo(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    fifo = folder / "pipe"
    os.mkfifo(fifo)
    os.chmod(fifo, 0o644)  # whatever the umask: the mode must be seen to stay
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_private(fifo, "Ringeliste uke 48\n", force=True)
    reader.join(timeout=30)
    assert received == [b"Ringeliste uke 48\n"]
    mode = os.stat(fifo).st_mode
    assert stat.S_ISFIFO(mode) and stat.S_IMODE(mode) == 0o644
    assert sorted(p.name for p in folder.iterdir()) == ["pipe"]  # no temporary left


def test_a_link_to_a_file_replaces_the_file_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    with pytest.raises(ExportExists):
        write_private(link, "new")
    write_private(link, "new", force=True)
    assert link.is_symlink() and real.read_text() == "new"


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        write_private(tmp_path, "x", force=True)
    assert tmp_path.is_dir()


def test_dash_writes_to_standard_output(tmp_path: Path, capsys: Capture) -> None:
    path = str(tmp_path / "tp.db")
    assert run(["--db", path, "participants", "add", "Kari Nordmann"]) == 0
    capsys.readouterr()
    assert run(["--db", path, "--lang", "en", "callbacks", "--week", "-o", "-"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Callback list week") and "Written" not in out
    assert not (Path.cwd() / "-").exists()
