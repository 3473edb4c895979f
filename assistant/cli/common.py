"""What every command shares: the one-line user error, the workspace, progress bars, JSON output."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from assistant.workspace import Workspace


class UserError(Exception):
    """A failure the user can fix; printed as one line."""


def one_line(error: BaseException) -> str:
    """The first line of an error's message, or its class name when it has none."""
    text = str(error).strip().splitlines()
    return text[0] if text else error.__class__.__name__


def open_workspace() -> Workspace:
    """The workspace of the configured settings (ASSISTANT_HOME, config file)."""
    from assistant.settings import load_settings

    return Workspace(load_settings())


def print_json(value: Any) -> None:
    """Print a value as indented JSON, Chinese kept readable."""
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


class BarProgress:
    """tqdm bars on stderr for files and embedded chunks."""

    def __init__(self) -> None:
        from tqdm import tqdm

        self._tqdm = tqdm
        self._files = None
        self._chunks = None

    def files_started(self, total: int) -> None:
        self._files = self._tqdm(total=total, desc="files", unit="file", file=sys.stderr)

    def file_finished(self, path: Path, outcome: str) -> None:
        if self._chunks is not None:
            self._chunks.close()
            self._chunks = None
        self._files.set_postfix_str(f"{path.name}: {outcome}", refresh=False)
        self._files.update(1)

    def embedding_started(self, path: Path, total_chunks: int) -> None:
        self._chunks = self._tqdm(
            total=total_chunks, desc=f"embedding {path.name}", unit="chunk", leave=False, file=sys.stderr
        )

    def chunks_embedded(self, count: int) -> None:
        if self._chunks is not None:
            self._chunks.update(count)

    def close(self) -> None:
        if self._files is not None:
            self._files.close()
