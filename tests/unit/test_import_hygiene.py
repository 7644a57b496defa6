"""What loads what: the data layer and the command line never import the interface, and a text
command imports none of the file-format libraries either.

Every check runs in a fresh interpreter (this test process has imported everything). A guarantee
of behaviour, not a timing: fpdf2 (with fontTools and PIL), icalendar, openpyxl and Textual take
most of a second to import together, which a command printing a list to the terminal should
never pay (benchmarks/PROFILE.md, benchmark 2).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("textual", "fpdf", "PIL", "fontTools", "icalendar", "openpyxl")

# Runs `tp ARGS…` through the real entry point, then writes the exit status and every module
# loaded to the file named first.
PROBE = """
import json, sys
from tp_tui.cli import run
try:
    status = run(sys.argv[2:])
except SystemExit as stop:
    status = stop.code
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump({"status": status, "modules": sorted(sys.modules)}, out)
"""


def _loaded(tmp_path: Path, *args: str) -> list[str]:
    """The modules loaded by ``tp --db <fresh file> ARGS…``; the command must succeed."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("TP_TUI_", "XDG_"))},
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "TP_TUI_NOW": "2026-11-26T10:00+01:00",
        "LANG": "C.UTF-8",
    }
    report = tmp_path / "modules.json"
    command = [sys.executable, "-c", PROBE, str(report), "--db", str(tmp_path / "tp.db"), *args]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    loaded = json.loads(report.read_text(encoding="utf-8"))
    assert loaded["status"] == 0, result.stderr
    modules: list[str] = loaded["modules"]
    return modules


def _heavy(modules: list[str]) -> list[str]:
    return sorted({name.split(".")[0] for name in modules} & set(HEAVY))


@pytest.mark.parametrize(
    ("command", "args"),
    [
        ("callbacks", ("callbacks", "--week")),
        ("today", ("today",)),
        ("callbacks", ("--lang", "nb", "callbacks", "--week", "--initials")),
    ],
    ids=["callbacks-week", "today", "callbacks-nb"],
)
def test_text_commands_load_no_heavy_library(
    tmp_path: Path, command: str, args: tuple[str, ...]
) -> None:
    modules = _loaded(tmp_path, *args)
    assert _heavy(modules) == []
    # Only the chosen subcommand's module: the others' parsers are not built.
    assert [name for name in modules if name.startswith("tp_tui.commands.")] == [
        f"tp_tui.commands.{command}"
    ]


def test_help_lists_every_command_without_importing_one(tmp_path: Path) -> None:
    modules = _loaded(tmp_path, "--help")
    assert not [name for name in modules if name.startswith("tp_tui.commands.")]
    assert _heavy(modules) == []


# Where the interface lives: everything else is data, rules, exports and the command line.
INTERFACE = (
    "tp_tui.app",
    "tp_tui.keys",
    "tp_tui.palette",
    "tp_tui.typeahead",
    "tp_tui.textual_private",
)
INTERFACE_PACKAGES = ("tp_tui.views", "tp_tui.widgets")


def _data_layer_modules() -> list[str]:
    package = Path(__file__).resolve().parents[2] / "tp_tui"
    names = []
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        if name in INTERFACE or name.startswith(INTERFACE_PACKAGES) or name == "tp_tui.__main__":
            continue
        names.append(name)
    return names


def _fresh(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("TP_TUI_", "XDG_"))},
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "LANG": "C.UTF-8",
    }
    command = [sys.executable, "-c", code]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


def test_no_module_below_the_interface_imports_textual(tmp_path: Path) -> None:
    """Models, services, exports, migrations and commands: each one, imported on its own."""
    modules = _data_layer_modules()
    assert "tp_tui.models" in modules and "tp_tui.export.summary" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "    assert 'textual' not in sys.modules, name + ' imported textual'\n"
        "print('clean')\n"
    )
    result = _fresh(code, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "clean" in result.stdout


def test_commands_that_save_and_report_never_import_textual(tmp_path: Path) -> None:
    database = str(tmp_path / "tp.db")
    code = (
        "import sys\n"
        "from tp_tui.cli import run\n"
        f"status = run(['--db', {database!r}, 'participants', 'add', 'Kari Nordmann'])\n"
        f"status += run(['--db', {database!r}, 'participants'])\n"
        f"status += run(['--db', {database!r}, 'log', 'kn', '--kind', 'telefon'])\n"
        f"status += run(['today', '--db', {database!r}])\n"
        f"status += run(['--db', {database!r}, 'stats', '--from', '01.01.2026'])\n"
        "assert status == 0, status\n"
        "assert 'textual' not in sys.modules, 'textual was imported'\n"
        "print('clean')\n"
    )
    result = _fresh(code, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "clean" in result.stdout
    assert "Logged phone with Kari Nordmann" in result.stdout
