"""The package's shape: modules grouped by stage, imports that follow the data flow, no cycles.

Read from the source (ast), so nothing is imported and the test takes milliseconds."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

from assistant.settings import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "assistant"
STAGES = ("ingestion", "retrieval", "models", "verification", "answering", "evaluation", "interfaces")
# a stage imports only from those before it
MAX_LINES = 410


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(name: str, path: Path, modules: dict[str, Path]) -> list[tuple[str, str]]:
    """(module imported, name taken from it or "") for every runtime import of the package (lazy ones
    inside functions included, `if TYPE_CHECKING:` blocks left out)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[tuple[str, str]] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.append((sub, "") if sub in modules else (target, alias.name))
        elif isinstance(node, ast.Import):
            found.extend((alias.name, "") for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return [(target, what) for target, what in found if target in modules and target != name]


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: {target for target, _ in _imports(name, path, modules)} for name, path in modules.items()}


def test_the_package_has_one_folder_per_stage_and_setuptools_ships_each():
    folders = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert folders == set(STAGES)
    listed = set(
        tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    )
    assert {"assistant", *(f"assistant.{stage}" for stage in STAGES)} <= listed


def test_no_import_cycle():
    graph = _graph()
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            raise AssertionError("import cycle: " + " -> ".join([*path[path.index(name) :], name]))
        if name in done:
            return
        for target in sorted(graph[name]):
            visit(target, [*path, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])


def test_stages_import_only_earlier_stages():
    def stage(name: str) -> str | None:
        parts = name.split(".")
        return parts[1] if len(parts) > 2 and parts[1] in STAGES else None

    backwards = [
        f"{name} -> {target}"
        for name, targets in _graph().items()
        for target in targets
        if stage(name) and stage(target) and STAGES.index(stage(target)) > STAGES.index(stage(name))
    ]
    assert backwards == []


def test_no_module_imports_another_modules_private_names():
    modules = _modules()
    private = [
        f"{name}: {target}.{what}"
        for name, path in modules.items()
        for target, what in _imports(name, path, modules)
        if what.startswith("_")
    ]
    assert private == []


def test_no_module_is_over_the_size_limit():
    sizes = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in _modules().items()}
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}
