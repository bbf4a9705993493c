"""The generator's shape: no import circle between its modules, and its parts import
only the parts below them (generator/__init__.py draws the map).

Every ``import``/``from … import`` of a generator module counts, wherever it stands
(inside a function too), except under ``if TYPE_CHECKING:``, which never runs.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "generator"

# Each part of the generator and the parts it may import. A part is a top-level module
# or a package; the model, errors and the small shared modules sit at the bottom.
ALLOWED: dict[str, set[str]] = {
    "model": set(),
    "errors": set(),
    "timing": set(),
    "slugs": {"model"},
    "write": {"errors"},
    "cache": {"write", "errors"},
    "engine": {"errors", "model", "ingest", "search", "write", "cache"},
    "config": {"engine", "model", "errors"},
    "search": {"model", "errors"},
    "ingest": {"model", "errors", "slugs"},
    "annotate": {"model", "errors", "ingest", "slugs", "cache"},
    "editions": {"model", "errors", "config", "cache", "annotate", "ingest"},
    "site": {"model", "errors", "config", "engine", "ingest", "annotate", "editions", "search", "slugs", "write",
             "cache"},
    "pipeline": {"model", "errors", "config", "cache", "timing", "ingest", "annotate", "site", "slugs"},
    "commands": {"model", "errors", "config", "cache", "timing", "write", "ingest", "annotate", "editions",
                 "site", "engine", "search", "pipeline", "slugs"},
    "cli": {"commands", "config", "errors", "timing", "site", "engine"},
    "__main__": {"cli"},
}
# config reads mkdocs.yml through the engine's loader (engine/config.py); the engine is handed
# the settings and never imports config, so the two parts form no circle.


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """The generator modules ``path`` imports (a name imported from a package counts as its
    module when there is one: ``from generator.ingest import parse``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {id(node) for node in ast.walk(tree) if isinstance(node, ast.If) and _type_checking(node.test)
               for node in ast.walk(node)} - set()
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("generator")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("generator"):
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if _exists(sub) else node.module)
    return found


def _type_checking(test: ast.expr) -> bool:
    return isinstance(test, ast.Name) and test.id == "TYPE_CHECKING" or \
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _exists(module: str) -> bool:
    path = ROOT.joinpath(*module.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def graph() -> dict[str, set[str]]:
    return {module_name(p): imports(p) - {module_name(p)} for p in sorted(PACKAGE.rglob("*.py"))}


def part(module: str) -> str:
    return module.split(".")[1] if "." in module else module


def test_no_module_imports_itself_through_others():
    edges = graph()
    circles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target in sorted(edges.get(module, ())):
            if state.get(target) == 1:
                circles.append(" → ".join(path[path.index(target):] + [target]))
            elif target not in state:
                visit(target)
        path.pop()
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module)
    assert circles == []


def test_each_part_imports_only_the_parts_below_it():
    wrong = sorted(f"{module} imports {target}" for module, targets in graph().items() for target in targets
                   if part(target) != part(module) and part(target) not in ALLOWED.get(part(module), set()))
    assert wrong == []


def test_every_part_is_declared():
    parts = {part(m) for m in graph()} - {"generator"}
    assert parts - set(ALLOWED) == set()


def test_the_check_sees_an_import_inside_a_function(tmp_path):
    source = tmp_path / "x.py"
    source.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import generator.cli\n"
                      "def f():\n    from generator.site import pages\n", encoding="utf-8")
    assert imports(source) == {"generator.site.pages"}


def test_the_parts_themselves_form_no_circle():
    """The declared map is a ladder, so no two parts can import each other (it once let
    config and engine do so)."""
    order: list[str] = []
    left = {name: set(below) for name, below in ALLOWED.items()}
    while left:
        ready = sorted(name for name, below in left.items() if below <= set(order))
        assert ready, f"parts in a circle: {sorted(left)}"
        order += ready
        for name in ready:
            del left[name]
    assert order.index("model") < order.index("engine") < order.index("config") < order.index("commands")
