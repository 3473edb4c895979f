"""The errors of loading a notice file: the user-facing one, and the one a format reader raises."""

from __future__ import annotations

from pathlib import Path


class LoadError(Exception):
    """One-line, user-facing: names the file and what to do."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(str(path), reason)
        self.path = str(path)
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class UnreadableContent(Exception):
    """Raised by a format reader; load_document turns it into a LoadError naming the file."""
