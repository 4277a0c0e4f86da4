"""The house rules, read from the code's own imports: no cycles between packages, Qt only in `ui`,
shared types only from `domain`, and the front ends reaching the database only through `app`."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "qms_desktop"
QT_MODULES = ("PySide6", "shiboken6", "qasync", "pyqtgraph")
FRONT_ENDS = ("ui", "commands", "service")


def _modules() -> dict[str, Path]:
    found = {}
    for path in ROOT.rglob("*.py"):
        parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _imports(module: str, path: Path) -> list[str]:
    """Every module name an import statement in the file names (relative imports resolved)."""
    names: list[str] = []
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names.append(base)
            names.extend(f"{base}.{alias.name}" for alias in node.names)
    return names


MODULES = _modules()
IMPORTS = {module: _imports(module, path) for module, path in MODULES.items()}


def _top(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "qms_desktop" and len(parts) > 1 else None


def package_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for module, names in IMPORTS.items():
        source = _top(module)
        for name in names:
            target = _top(name)
            if source and target and target != source and f"qms_desktop.{target}" in MODULES:
                graph[source].add(target)
    return graph


def test_no_cycle_between_top_level_packages() -> None:
    graph = package_graph()
    cycles = []
    for start in list(graph):
        stack, seen = [(start, [start])], set()
        while stack:
            node, path = stack.pop()
            for following in graph.get(node, ()):
                if following == start:
                    cycles.append(" -> ".join([*path, start]))
                elif following not in seen:
                    seen.add(following)
                    stack.append((following, [*path, following]))
    assert not cycles, "package cycles:\n" + "\n".join(sorted(set(cycles)))


def test_the_layers_point_one_way() -> None:
    graph = package_graph()
    # The core never reaches up to the use cases or a front end.
    for core in ("domain", "mediasense", "store", "search", "sync", "security", "playback", "integration_log"):
        assert not graph[core] & {"app", *FRONT_ENDS}, (core, graph[core])
    assert graph["domain"] <= set(), "domain imports nothing of ours"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _top(m) != "ui"))
def test_qt_only_in_ui(module: str) -> None:
    qt = [name for name in IMPORTS[module] if name.split(".")[0] in QT_MODULES]
    assert not qt, f"{module} imports {qt}: Qt belongs in qms_desktop/ui"


def test_session_types_come_from_domain() -> None:
    offenders = [
        module
        for module, names in IMPORTS.items()
        if any(name.startswith("qms_desktop.mediasense.models") for name in names) and _top(module) != "mediasense"
    ]
    assert not offenders and "qms_desktop.mediasense.models" not in MODULES


def test_front_ends_reach_the_database_only_through_the_use_cases() -> None:
    """No tables and no repositories: a front end calls `app` (plumbing such as the engine's URL
    masking, the writer thread and the read models' types is allowed)."""
    forbidden = ("qms_desktop.store.schema", "qms_desktop.store.directory", "qms_desktop.store.recordings",
                 "qms_desktop.store.settings", "qms_desktop.security.users", "qms_desktop.search.query.search",
                 "qms_desktop.search.query.get_recording", "sqlalchemy.select", "sqlalchemy.text")  # fmt: skip
    offenders = {
        module: [name for name in names if name.startswith(forbidden)]
        for module, names in IMPORTS.items()
        if _top(module) in FRONT_ENDS
    }
    assert not {m: n for m, n in offenders.items() if n}
