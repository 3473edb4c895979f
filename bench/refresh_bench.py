"""Refresh benchmark: `ingest --refresh` of a library with nothing changed, against a fresh ingest of it.

One run: the corpora are ingested into a fresh home with the configured embedder (loaded and warmed
before the clock starts), then the whole library is refreshed; both are timed and their ratio given.
A refresh with nothing changed derives every notice again from its stored text and embeds nothing.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from assistant.settings import Settings
from assistant.workspace import Workspace
from index.lexical import warm_up_word_cutter


@dataclass(frozen=True)
class RefreshBenchResult:
    """Seconds of a fresh ingest and of a refresh of the same library with nothing changed."""

    corpora: list[str]
    notices: int
    chunks: int
    ingest_s: float
    refresh_s: float
    refreshed_updated: int
    refreshed_reembedded: int

    @property
    def ratio(self) -> float:
        return self.refresh_s / self.ingest_s if self.ingest_s else 0.0

    def to_dict(self) -> dict:
        return asdict(self) | {"refresh_over_ingest": round(self.ratio, 4)}

    def line(self) -> str:
        return (
            f"refresh bench: {self.notices} notices, {self.chunks} chunks; fresh ingest {self.ingest_s:.2f} s, "
            f"refresh with nothing changed {self.refresh_s:.2f} s ({self.refreshed_updated} updated, "
            f"{self.refreshed_reembedded} chunks re-embedded); refresh/ingest = {self.ratio:.3f}"
        )


def run_refresh_bench(corpora: Sequence[Path], settings: Settings) -> RefreshBenchResult:
    """Ingest the corpora into a fresh home, then refresh it; time both in this one run."""
    with tempfile.TemporaryDirectory(prefix="assistant-bench-refresh-") as root:
        bench_settings = settings.model_copy(
            update={"home": Path(root) / "home", "chroma_url": "", "model_dir": settings.models_dir}
        )
        workspace = Workspace(bench_settings)
        embeddings = workspace.embeddings
        if hasattr(embeddings, "warm_up"):
            embeddings.warm_up()
        embeddings.embed_documents(["巡察整改情况通报。"])
        warm_up_word_cutter()
        ingestor, refresher = workspace.ingestor, workspace.refresher  # catalogue and Chroma opened before the clock
        began = time.perf_counter()
        report = ingestor.ingest_paths(list(corpora))
        ingest_s = time.perf_counter() - began
        refreshed = refresher.refresh()
        notices, chunks = workspace.catalog.counts()
        if not report.ok or not refreshed.ok:
            raise RuntimeError("; ".join(report.failed + refreshed.failed))
        return RefreshBenchResult(
            [str(corpus) for corpus in corpora], notices, chunks, ingest_s, refreshed.seconds,
            len(refreshed.updated), refreshed.reembedded,
        )
