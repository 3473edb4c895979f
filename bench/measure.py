"""Measuring helpers for the benchmarks: process memory, percentiles, ingest time by stage."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from assistant.evaluation.stats import percentile
from index.ingest import IngestProgress, SilentProgress

__all__ = ["StageClock", "memory_mb", "percentile"]  # percentile: one definition, shared with the evaluation

STAGES = ("startup", "prepare", "embed", "store", "lexical")
STAGE_LABELS = {
    "startup": "startup (clean-up, listing files)",
    "prepare": "prepare (load, metadata, chunks, record, catalogue rows)",
    "embed": "embed",
    "store": "store (Chroma upsert, catalogue commit)",
    "lexical": "lexical rebuild (BM25, after the last file)",
}


def memory_mb(field: str = "VmRSS") -> float:
    """This process's memory from /proc/self/status in MiB: VmRSS now, or VmHWM for the peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class StageClock:
    """Ingest progress that splits the wall time into stages by when the ingest callbacks fire.

    Between embedding_started and the last chunks_embedded of a file is embedding; from there
    to file_finished is the store write; from file_finished to the next embedding_started is
    preparing the next file; after the last file_finished the ingest rebuilds the lexical index.
    """

    def __init__(self, inner: IngestProgress | None = None, clock: Callable[[], float] = time.perf_counter) -> None:
        self.inner = inner or SilentProgress()
        self.seconds = dict.fromkeys(STAGES, 0.0)
        self._clock = clock  # seconds; tests pass a fake one
        self._stage = "startup"
        self._mark = clock()
        self._files_left = 0

    def start(self) -> None:
        """Start the clock; call right before ingest_paths."""
        self._stage, self._mark = "startup", self._clock()

    def stop(self) -> None:
        """Stop the clock; call right after ingest_paths returns."""
        self._switch("startup")

    def _switch(self, stage: str) -> None:
        now = self._clock()
        self.seconds[self._stage] += now - self._mark
        self._stage, self._mark = stage, now

    def files_started(self, total: int) -> None:
        self._files_left = total
        self._switch("prepare" if total else "lexical")
        self.inner.files_started(total)

    def embedding_started(self, path: Path, total_chunks: int) -> None:
        self._switch("embed")
        self.inner.embedding_started(path, total_chunks)

    def chunks_embedded(self, count: int) -> None:
        self._stage = "embed"  # every moment since embedding_started up to now was embedding
        self._switch("store")
        self.inner.chunks_embedded(count)

    def file_finished(self, path: Path, outcome: str) -> None:
        self._files_left -= 1
        self._switch("prepare" if self._files_left > 0 else "lexical")
        self.inner.file_finished(path, outcome)
