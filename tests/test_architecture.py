"""The stages import one way: diagnostics ← config ← load ← model ← render ← write/index ←
pipeline ← cli (STYLE.md §1). A test keeps it so."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "minutebook"
LAYERS = [
    "diagnostics",
    "config",
    "load",
    "model",
    "render",
    "write",
    "index",
    "cache",
    "pipeline",
    "serve",
    "importers",
    "cli",
]
# write and index are siblings; importers may use the model (slugs, resolution kinds).
SAME_LEVEL = {("write", "index"), ("index", "write")}


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "minutebook" and parts[1] in LAYERS else None


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_stages_only_import_earlier_stages() -> None:
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        own = layer_of(".".join(relative.parts))
        if own is None:
            continue
        for module in imports_of(path):
            other = layer_of(module)
            later = other is not None and LAYERS.index(other) > LAYERS.index(own)
            if later and (own, other) not in SAME_LEVEL:
                wrong.append(f"{relative} imports {module}")
    assert wrong == []
