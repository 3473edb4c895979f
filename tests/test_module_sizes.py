"""Modules stay small enough to have one job, and functions short enough to read at once.

Walks the packages' source with `ast` and names every module over MAX_MODULE_LINES lines and
every function over MAX_FUNCTION_LINES lines, so a file that grows past them fails here with
its path and size rather than in review.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("assistant", "index", "ui", "bench", "prompts")
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 60
# Functions allowed past MAX_FUNCTION_LINES, as "path:function". Only declarative UI layout (a
# Gradio Blocks tree reads best as one nested listing) may go here, with the reason; none needs it now.
ALLOWED_LONG_FUNCTIONS: frozenset[str] = frozenset()


def oversized(root: Path, packages: tuple[str, ...] = PACKAGES) -> list[str]:
    """Every module over the line limit and every function over the length limit, as "path: what"."""
    found = []
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            text = path.read_text(encoding="utf-8")
            lines = len(text.splitlines())
            if lines > MAX_MODULE_LINES:
                found.append(f"{relative}: {lines} lines (split it along a seam, at most {MAX_MODULE_LINES})")
            for node in ast.walk(ast.parse(text, filename=str(path))):
                if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    continue
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES and f"{relative}:{node.name}" not in ALLOWED_LONG_FUNCTIONS:
                    found.append(
                        f"{relative}:{node.lineno} {node.name}() is {length} lines "
                        f"(split it into named steps, at most {MAX_FUNCTION_LINES})"
                    )
    return found


def test_every_module_and_function_is_within_its_size_limit() -> None:
    found = oversized(ROOT)
    assert not found, "too long:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("source", "caught"),
    [
        ("x = 1\n" * MAX_MODULE_LINES, False),
        ("x = 1\n" * (MAX_MODULE_LINES + 1), True),
        ("def short():\n" + "    x = 1\n" * (MAX_FUNCTION_LINES - 1), False),
        ("def long():\n" + "    x = 1\n" * MAX_FUNCTION_LINES, True),
        ("class Holder:\n    def long(self):\n" + "        x = 1\n" * MAX_FUNCTION_LINES, True),
    ],
)
def test_the_walk_catches_long_modules_and_functions(tmp_path: Path, source: str, caught: bool) -> None:
    (tmp_path / "index").mkdir()
    (tmp_path / "index" / "module.py").write_text(source, encoding="utf-8")
    assert bool(oversized(tmp_path, ("index",))) == caught
