"""The engine's layers import one way (issue 11): core ← analyses ← render ← cli / web.

Read from the source with the standard library's `ast`, so a lazy import inside a function counts
the same as one at the top: a layer may import only the layers below it, and no module imports
another module's private (underscore) name.
"""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

ENGINE = Path(__file__).resolve().parent.parent / "engine"
ORDER = ["core", "analyses", "render", "cli", "web"]
# what each layer may import besides itself
ALLOWED = {"core": set(), "analyses": {"core"}, "render": {"core", "analyses"},
           "cli": {"core", "analyses", "render", "web"}, "web": {"core", "analyses", "render"}}


def _modules():
    for path in sorted(ENGINE.rglob("*.py")):
        parts = path.relative_to(ENGINE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        yield ".".join(parts), path


def _imports(path: Path):
    """(imported module, imported names) for every engine import in `path`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and node.module.startswith("engine"):
            yield node.module, [a.name for a in node.names], node.lineno
        elif isinstance(node, ast.ImportFrom) and node.level:
            yield None, [], node.lineno  # relative: refused below
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("engine"):
                    yield alias.name, [], node.lineno


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in ORDER else None


MODULES = dict(_modules())


def test_every_module_sits_in_a_layer():
    loose = [m for m in MODULES if _layer(m) is None and m not in ("engine", "engine.__main__")]
    assert loose == []


def violations(module: str, path: Path) -> list[str]:
    """Every import of `module` that goes against the layers or takes a private name."""
    found, own = [], _layer(module)
    for target, names, line in _imports(path):
        if target is None:
            found.append(f"{module}:{line}: relative import (the layers use absolute imports)")
            continue
        theirs = _layer(target)
        if own and theirs and theirs != own and theirs not in ALLOWED[own]:
            found.append(f"{module}:{line} ({own}) imports {target} ({theirs})")
        private = [n for n in names if n.startswith("_") and not n.startswith("__")]
        if private:
            found.append(f"{module}:{line} imports private {private} from {target}")
    return found


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_go_one_way_and_use_no_private_name(module):
    assert violations(module, MODULES[module]) == []


def test_no_import_cycles_between_modules():
    graph = nx.DiGraph()
    for module, path in MODULES.items():
        for target, names, _ in _imports(path):
            if target is None:
                continue
            # `from engine.x import y` imports the module engine.x.y when there is one
            submodules = [f"{target}.{n}" for n in names if f"{target}.{n}" in MODULES]
            for whole in submodules or [target]:
                if whole in MODULES and whole != module:
                    graph.add_edge(module, whole)
    assert list(nx.simple_cycles(graph)) == []


def test_the_checker_refuses_a_core_module_importing_a_command(tmp_path):
    bad = tmp_path / "facts.py"
    bad.write_text("from engine.cli.main import main\nfrom engine.core.sitting import _private\n"
                   "from .model import Document\n")
    found = violations("engine.core.facts", bad)
    assert len(found) == 3 and "(core) imports engine.cli.main (cli)" in found[0]
