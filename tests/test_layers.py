"""The layers hold: model < corpus < analysis < render < cli (pyproject's [tool.importlinter]).

Each layer imports only those below it; the conveniences a lower layer offers and a higher one
implements go through :func:`negotiation.delegates.delegate`, by name, and always upward.
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "negotiation"
LAYERS = ("model", "corpus", "analysis", "render", "cli")
_DELEGATE = re.compile(r'delegate\("(negotiation\.[\w.]+):(\w+)"\)')


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else None


def test_the_import_linter_contracts_are_kept() -> None:
    pytest.importorskip("importlinter")
    from importlinter.cli import lint_imports

    code = lint_imports(config_filename=str(PACKAGE.parent / "pyproject.toml"), no_cache=True, no_logo=True)
    assert code == 0, "a layer imports one above it: run lint-imports to see which"


def _delegations() -> list[tuple[str, str, str]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for module, name in _DELEGATE.findall(path.read_text(encoding="utf-8")):
            found.append((_module_name(path), module, name))
    return found


def test_there_are_delegations_to_check() -> None:
    assert len(_delegations()) >= 10


@pytest.mark.parametrize(("caller", "module", "name"), _delegations())
def test_every_delegation_resolves_and_points_up(caller: str, module: str, name: str) -> None:
    assert callable(getattr(importlib.import_module(module), name))
    here, there = _layer(caller), _layer(module)
    assert here is not None and there is not None and there > here, f"{caller} → {module}: import it instead"


def _top_level_imports(path: Path) -> set[str]:
    """Our modules imported when ``path`` is imported (not those inside functions or under TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("negotiation"):
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("negotiation"))
    return out


def test_no_module_imports_itself_back_in_a_cycle() -> None:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {m: {i for i in _top_level_imports(p) if i in modules and i != m} for m, p in modules.items()}
    graph["negotiation"] = set()  # the package's lazy names are resolved on use, never at import
    seen: dict[str, int] = {}

    def visit(m: str, path: list[str]) -> None:
        seen[m] = 1
        for n in sorted(graph[m]):
            assert seen.get(n) != 1, "import cycle: " + " → ".join([*path[path.index(n):], n])
            if n not in seen:
                visit(n, [*path, n])
        seen[m] = 2

    for m in sorted(graph):
        if m not in seen:
            visit(m, [m])
