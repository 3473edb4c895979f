"""What an ingest reports: progress callbacks while it runs, a per-file summary when it ends."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol


class IngestProgress(Protocol):
    """Callbacks for showing ingest progress (a CLI bar, a UI progress)."""

    def files_started(self, total: int) -> None: ...
    def file_finished(self, path: Path, outcome: str) -> None: ...
    def embedding_started(self, path: Path, total_chunks: int) -> None: ...
    def chunks_embedded(self, count: int) -> None: ...


class SilentProgress:
    """Progress that shows nothing."""

    def files_started(self, total: int) -> None:
        pass

    def file_finished(self, path: Path, outcome: str) -> None:
        pass

    def embedding_started(self, path: Path, total_chunks: int) -> None:
        pass

    def chunks_embedded(self, count: int) -> None:
        pass


@dataclass
class IngestReport:
    """What an ingest run did, file by file."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # one user-facing line per failed file
    skipped: list[str] = field(default_factory=list)  # one line per path that could not be followed
    chunks: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        return (
            f"notices added {len(self.added)}, updated {len(self.updated)}, "
            f"unchanged {len(self.unchanged)}, failed {len(self.failed)}"
            + (f", skipped {len(self.skipped)}" if self.skipped else "")
            + "; "
            f"chunks {self.chunks}; {self.seconds:.1f} s"
        )
