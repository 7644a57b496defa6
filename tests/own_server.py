"""A PostgreSQL server of a test's own, which the test stops and starts: the shared test server
(tests/postgres.py) serves every other test at once and must never go away under them."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from .postgres import server_url


def _bin() -> Path | None:
    found = shutil.which("initdb")
    candidates = [found] if found else []
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(candidates[0]).resolve().parent if candidates else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class OwnServer:
    """initdb'd in a folder of the test's; ``stop()`` as a restart or a crash would."""

    def __init__(self, folder: Path) -> None:
        server_url()  # skipped (or failed under CI) where the suite has no PostgreSQL at all
        bin_dir = _bin()
        if bin_dir is None:
            pytest.skip("no PostgreSQL server binaries (initdb) on this machine")
        self.bin = bin_dir
        # The server refuses to run as root: .ci/postgres.sh made the user it runs as.
        self.run_as = ["runuser", "-u", "tp_pg", "--"] if os.geteuid() == 0 else []
        self.folder = folder
        self.port = _free_port()
        folder.chmod(0o755)
        if self.run_as:
            shutil.chown(folder, "tp_pg")
        self._pg(
            "initdb",
            "-D",
            str(folder / "data"),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        self.start()
        subprocess.run(
            [
                "psql",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "postgres",
                "-q",
                "-c",
                "CREATE DATABASE tp",
            ],
            check=True,
            capture_output=True,
            env={**os.environ, "PATH": f"{self.bin}:{os.environ['PATH']}"},
        )
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/tp"

    def _pg(self, program: str, *args: str) -> None:
        subprocess.run(
            [*self.run_as, str(self.bin / program), *args], check=True, capture_output=True
        )

    def start(self) -> None:
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off"
        self._pg(
            "pg_ctl",
            "-D",
            str(self.folder / "data"),
            "-l",
            str(self.folder / "log"),
            "-w",
            "-t",
            "60",
            "-o",
            options,
            "start",
        )

    def stop(self) -> None:
        """A fast shutdown: every connection is ended, as in a restart of the server."""
        self._pg("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")


@pytest.fixture
def own_server() -> Iterator[OwnServer]:
    # Not under pytest's temporary folder: that is the test user's alone, and as root the
    # server runs as another user, who must reach its folder.
    folder = Path(tempfile.mkdtemp(prefix="tp-own-pg."))
    try:
        server = OwnServer(folder)
        try:
            yield server
        finally:
            try:
                server.stop()
            except subprocess.CalledProcessError:
                pass  # the test left it stopped
    finally:
        shutil.rmtree(folder, ignore_errors=True)
