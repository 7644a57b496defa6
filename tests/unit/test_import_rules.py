"""The import rules ARCHITECTURE.md names, read from the source (no module is imported).

Views and widgets ask services and never build queries: none imports peewee or tp_tui.models.
No two tp_tui modules import each other, directly or round a longer loop: a loop makes the
order of imports matter and hides which layer a name belongs to. Imports inside functions
count (they only delay the loop); imports under ``if TYPE_CHECKING:`` do not (they never run).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "tp_tui"
INTERFACE_PACKAGES = ("tp_tui.views", "tp_tui.widgets")
DATABASE_LAYER = ("peewee", "playhouse", "tp_tui.models")
_SUBMODULES = tuple(f"{layer}." for layer in DATABASE_LAYER)
FLOWS = "tp_tui.views.flows"  # views/flows.py and the files it is split into (flows_*.py)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, module: str, is_package: bool) -> Iterator[str]:
    """Every name imported anywhere in ``tree`` (functions too), but not under TYPE_CHECKING:
    ``import a.b`` gives a.b; ``from a import b`` gives a.b and a (a.b when b is a module)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                yield from _imports(child, module, is_package)
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                here = module.split(".") if is_package else module.split(".")[:-1]
                up = here[: len(here) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)
        yield from _imports(node, module, is_package)


def import_graph() -> dict[str, set[str]]:
    """Each tp_tui module and the tp_tui modules it imports (a name that is no module, such as
    a function imported from one, counts as its module)."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        targets = set()
        for imported in _imports(tree, name, path.name == "__init__.py"):
            if imported in modules:
                targets.add(imported)
        # `from tp_tui.export import summary` names the submodule, not the package's front door.
        for imported in list(targets):
            if any(other.startswith(imported + ".") for other in targets):
                if not _package_names_used(tree, imported, modules):
                    targets.discard(imported)
        targets.discard(name)
        graph[name] = targets
    return graph


def _package_names_used(tree: ast.AST, package: str, modules: dict[str, Path]) -> bool:
    """Whether ``from package import …`` brings in a name that is not a submodule."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == package:
            if any(f"{package}.{alias.name}" not in modules for alias in node.names):
                return True
        if isinstance(node, ast.Import) and any(a.name == package for a in node.names):
            return True
    return False


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def _database_imports_of_the_interface() -> list[str]:
    offenders = []
    for name, path in _modules().items():
        if not name.startswith(INTERFACE_PACKAGES):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for imported in _imports(tree, name, path.name == "__init__.py"):
            if imported in DATABASE_LAYER or imported.startswith(_SUBMODULES):
                offenders.append(f"{name} imports {imported}")
    return sorted(set(offenders))


def _through_flows(found: str | list[str]) -> bool:
    names = [found] if isinstance(found, str) else found
    return any(name.startswith(FLOWS) for name in names)


def test_views_and_widgets_never_import_the_database_layer() -> None:
    offenders = _database_imports_of_the_interface()
    assert [found for found in offenders if not _through_flows(found)] == []


def test_no_import_cycles_among_tp_tui_modules() -> None:
    graph = import_graph()
    assert "tp_tui.models" in graph["tp_tui.services.plan"]  # the scan sees imports
    assert "tp_tui.export.callback_list_pdf" in graph["tp_tui.export"]  # and lazy ones
    assert [group for group in cycles(graph) if not _through_flows(group)] == []


# views/flows.py is being split into files of one job each on another branch, which also
# moves its queries into services. Strict: when the split lands clean these pass, and the
# marks must go.
def test_the_flows_ask_services_too() -> None:
    assert [found for found in _database_imports_of_the_interface() if _through_flows(found)] == []


def test_the_flows_are_in_no_import_cycle() -> None:
    assert [group for group in cycles(import_graph()) if _through_flows(group)] == []


# A column type is the one thing of today's code a migration may use (version 1 made its
# columns with it); anything else is copied into the migration as it was (m0002).
MIGRATIONS_MAY_IMPORT = {"tp_tui.migrations.m0001_initial": {"tp_tui.models"}}


def test_a_migration_runs_its_own_code_as_it_was_written() -> None:
    """A later change to folding, phone numbers or the models must not change an old migration."""
    found = {}
    for name, path in _modules().items():
        if not name.startswith("tp_tui.migrations."):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        imported = {
            module
            for module in _imports(tree, name, False)
            if module in _modules() and not module.startswith("tp_tui.migrations")
        }
        if imported - MIGRATIONS_MAY_IMPORT.get(name, set()):
            found[name] = sorted(imported)
    assert "tp_tui.migrations.m0002_search_columns" in _modules()
    assert found == {}


def test_the_cycle_finder_finds_a_loop_round_three_modules() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_an_import_under_type_checking_or_in_a_function_is_read_as_it_runs() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from tp_tui.models import Goal\n"
        "def later():\n"
        "    from tp_tui.db import write\n"
    )
    imported = set(_imports(ast.parse(source), "tp_tui.views.x", False))
    assert "tp_tui.db" in imported
    assert "tp_tui.models" not in imported
