"""Building a query-benchmark home: a synthetic corpus of about N chunks through the real ingest pipeline."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.measure import StageClock, memory_mb

SAMPLE_NOTICES = 40  # notices chunked up front to estimate how many make the wanted chunk count


@dataclass
class BuildResult:
    """How one synthetic corpus was built."""

    target_chunks: int
    notices: int = 0
    units: int = 0
    chunks: int = 0
    corpus_chars: int = 0
    generate_seconds: float = 0.0
    build_seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)
    peak_rss_mb: float = 0.0


def bench_settings(home: Path, model_dir: Path | None = None):
    """Settings of a bench home: the embedded store, or with ASSISTANT_CHROMA_URL a collection of its own there."""
    import hashlib

    from assistant.settings import load_settings

    settings = load_settings(home=home, model_dir=model_dir)
    if settings.chroma_url:
        return settings.model_copy(update={"collection": "bench-" + hashlib.sha1(str(home).encode()).hexdigest()[:12]})
    return settings


def notices_for_chunks(target_chunks: int, seed: int, chunk_tokens: int, overlap: int) -> int:
    """How many synthetic notices make about target_chunks, from the chunk count of a sample."""
    from bench.synthetic import generate_corpus
    from index.chunker import split_notice_into_chunks

    sample = generate_corpus(SAMPLE_NOTICES, seed=seed + 1)
    chunks = sum(
        len(split_notice_into_chunks("sample", n.text, unit=n.unit, max_tokens=chunk_tokens, overlap_sentences=overlap))
        for n in sample
    )
    return max(1, round(target_chunks / (chunks / len(sample))))


def build_home(target_chunks: int, root: Path, seed: int, dimensions: int, show_progress: bool) -> BuildResult:
    """Generate a corpus of about target_chunks chunks under root and ingest it into root/home."""
    from assistant.workspace import Workspace
    from bench.synthetic import generate_corpus, write_corpus
    from index.fake_embedder import HashingEmbeddings

    settings = bench_settings(root / "home")
    result = BuildResult(target_chunks)
    began = time.perf_counter()
    count = notices_for_chunks(target_chunks, seed, settings.chunk_tokens, settings.chunk_overlap_sentences)
    notices = generate_corpus(count, seed=seed)
    write_corpus(notices, root / "corpus")
    result.generate_seconds = time.perf_counter() - began
    result.notices, result.units = len(notices), len({n.unit for n in notices})
    result.corpus_chars = sum(len(n.text) for n in notices)
    del notices

    workspace = Workspace(settings, embeddings=HashingEmbeddings(dimensions))
    ingestor = workspace.ingestor
    clock = StageClock(_FilesBar() if show_progress else None)
    clock.start()
    began = time.perf_counter()
    report = ingestor.ingest_paths([root / "corpus"], clock)
    result.build_seconds = time.perf_counter() - began
    clock.stop()
    if report.failed:
        raise RuntimeError(f"{len(report.failed)} synthetic notices failed to ingest: {report.failed[0]}")
    result.stages = dict(clock.seconds)
    result.chunks = workspace.catalog.counts()[1]
    result.peak_rss_mb = memory_mb("VmHWM")
    workspace.catalog.close()
    return result


class _FilesBar:
    """A files progress bar on stderr (no per-chunk bars: thousands of files go by)."""

    def __init__(self) -> None:
        self._bar = None

    def files_started(self, total: int) -> None:
        import sys

        from tqdm import tqdm

        self._bar = tqdm(total=total, desc="ingest", unit="notice", file=sys.stderr, mininterval=1.0)

    def file_finished(self, path: Path, outcome: str) -> None:
        self._bar.update(1)
        if self._bar.n == self._bar.total:
            self._bar.close()

    def embedding_started(self, path: Path, total_chunks: int) -> None:
        pass

    def chunks_embedded(self, count: int) -> None:
        pass
