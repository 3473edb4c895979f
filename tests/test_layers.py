"""The packages' layers point one way: index <- assistant <- ui / bench, and only the CLI composes ui and bench.

Walks every import (top-level and inside functions) of the source files with `ast`, so a lower
layer that imports a higher one fails here with the file, the line and the import.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# package -> packages it must never import
FORBIDDEN = {
    "index": {"assistant", "ui", "bench"},
    "assistant": {"ui", "bench"},
    "ui": {"bench"},
    "bench": {"ui"},
}
# The composition root: the CLI package starts the UI server and the benchmarks.
COMPOSITION_ROOT = "assistant/cli/"


def imported_packages(path: Path) -> list[tuple[int, str]]:
    """(line, top-level package) of every absolute import in a source file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name.split(".")[0]) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module.split(".")[0]))
    return found


def layer_violations(root: Path) -> list[str]:
    """Every import of a higher layer by a lower one, as "file:line imports package"."""
    violations = []
    for package, forbidden in FORBIDDEN.items():
        for path in sorted((root / package).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            if relative.startswith(COMPOSITION_ROOT):
                continue
            violations.extend(
                f"{relative}:{line} imports {imported}"
                for line, imported in imported_packages(path)
                if imported in forbidden
            )
    return violations


def test_lower_layers_never_import_higher_ones() -> None:
    violations = layer_violations(ROOT)
    assert not violations, "layers must point one way (index <- assistant <- ui/bench):\n" + "\n".join(violations)


@pytest.mark.parametrize(
    ("package", "source", "caught"),
    [
        ("index", "from assistant.settings import Settings\n", True),
        ("index", "def lazy():\n    import ui.app\n", True),
        ("ui", "from bench.measure import percentile\n", True),
        ("bench", "from assistant.evaluation.stats import percentile\n", False),
        ("assistant", "from index.records import Figure\n", False),
    ],
)
def test_the_walk_catches_imports_of_higher_layers(tmp_path: Path, package: str, source: str, caught: bool) -> None:
    (tmp_path / package).mkdir()
    (tmp_path / package / "module.py").write_text(source, encoding="utf-8")
    assert bool(layer_violations(tmp_path)) == caught
