"""Every table heading is handed to Textual as literal text (``text.cell``), read from the source.

A plain string given to ``DataTable.add_column`` is parsed as Rich markup with emoji codes: a
translator's ``[`` would be read as a style, and the first such heading loads Rich's table of
emoji names, 824 KiB the start-up does not need (benchmarks/PROFILE.md). The test on hostile
text shows one heading literally; this one holds every call in the interface to it.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "tp_tui"


def _plain_headings(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr == "add_column":
            headings = node.args[:1]
        elif node.func.attr == "add_columns":
            headings = node.args
        else:
            continue
        for heading in headings:
            literal = isinstance(heading, ast.Call) and getattr(heading.func, "id", "") == "cell"
            if not literal:
                found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    return found


def test_every_table_heading_is_literal_text() -> None:
    files = [*(PACKAGE / "views").glob("*.py"), *(PACKAGE / "widgets").glob("*.py")]
    assert files
    plain = [place for path in sorted(files) for place in _plain_headings(path)]
    assert plain == [], f"headings given as markup strings, not cell(...): {plain}"
