"""Query benchmark: retrieval latency (no LLM) and memory on synthetic corpora of a given chunk count.

Each size is built in a temporary home from bench.synthetic notices through the real ingest
pipeline, embedded by a fast stand-in (HashingEmbeddings at the real model's dimension), in
one child process; queries then run in a second, fresh child process, as a server opening an
existing home would. Every query is embedded by the real model (timed and included in the
latency); the search then uses the stand-in's vector of the same query, because the stored
vectors live in the stand-in's space.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from bench.measure import StageClock, memory_mb, percentile

logger = logging.getLogger(__name__)

KIND_TIME_BUDGET_S = 300.0  # a kind of question stops after this long (across-unit ones can be slow)
SAMPLE_NOTICES = 40  # notices chunked up front to estimate how many make the wanted chunk count


class QueryTimedEmbeddings(Embeddings):
    """Embeds each query with the real model (timed), then answers with the stand-in's vector for it."""

    def __init__(self, real: Embeddings, stand_in: Embeddings) -> None:
        self.real = real
        self.stand_in = stand_in
        self.query_seconds: list[float] = []

    def embed_query(self, text: str) -> list[float]:
        began = time.perf_counter()
        self.real.embed_query(text)
        self.query_seconds.append(time.perf_counter() - began)
        return self.stand_in.embed_query(text)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.stand_in.embed_documents(texts)


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


@dataclass
class KindLatency:
    """Latencies of one kind of question."""

    kind: str
    latencies_ms: list[float] = field(default_factory=list)
    embed_ms: list[float] = field(default_factory=list)
    units_searched: list[int] = field(default_factory=list)

    def summary(self) -> dict[str, float]:
        total = sum(self.latencies_ms)
        return {
            "n": len(self.latencies_ms),
            "p50_ms": percentile(self.latencies_ms, 0.5),
            "p95_ms": percentile(self.latencies_ms, 0.95),
            "max_ms": max(self.latencies_ms, default=float("nan")),
            "embed_p50_ms": percentile(self.embed_ms, 0.5),
            "embed_share": sum(self.embed_ms) / total if total else float("nan"),
            "units_searched_min": min(self.units_searched, default=0),
            "units_searched_max": max(self.units_searched, default=0),
        }


@dataclass
class QueryResult:
    """Latency and memory of the queries against one built home."""

    vectors: int = 0
    query_model: str = ""  # the real embedder that embeds every query
    rss_open_mb: float = 0.0
    rss_after_queries_mb: float = 0.0
    peak_rss_mb: float = 0.0
    open_seconds: float = 0.0
    views_seconds: float = 0.0
    first_query_ms: float = 0.0
    profile: str = ""
    load_average: list[float] = field(default_factory=list)  # 1-minute load before and after the queries
    kinds: list[KindLatency] = field(default_factory=list)


@dataclass
class SizeResult:
    build: BuildResult
    queries: QueryResult


def _settings_for(home: Path, model_dir: Path | None = None):
    from assistant.settings import load_settings

    return load_settings(home=home, chroma_url="", model_dir=model_dir)


def real_dimensions(model_dir: Path) -> int:
    """Length of the real default embedder's vectors (loads the model)."""
    from assistant.embeddings import make_embeddings

    return len(make_embeddings(_settings_for(Path(tempfile.gettempdir()), model_dir)).embed_query("维度"))


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

    settings = _settings_for(root / "home")
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


def measure_queries(
    root: Path,
    model_dir: Path,
    dimensions: int,
    queries: int,
    across_queries: int,
    seed: int,
    profile_path: Path | None = None,
) -> QueryResult:
    """Open the built home as a server would and time retrieval for each kind of question."""
    from assistant.retriever import HybridRetriever
    from assistant.workspace import Workspace
    from bench.synthetic import sample_questions
    from assistant.embeddings import embedding_model_id, make_embeddings
    from index.fake_embedder import HashingEmbeddings

    result = QueryResult()
    began = time.perf_counter()
    stand_in = HashingEmbeddings(dimensions)
    workspace = Workspace(_settings_for(root / "home"), embeddings=stand_in)
    real_settings = _settings_for(root / "home", model_dir)
    real = make_embeddings(real_settings)
    result.query_model = embedding_model_id(real_settings)
    real.embed_query("预热")  # loads and warms the model; not part of any query's latency
    embeddings = QueryTimedEmbeddings(real, stand_in)
    retriever = HybridRetriever(workspace.catalog, workspace.store, workspace.lexical, embeddings)
    result.vectors = workspace.store.count()
    result.open_seconds = time.perf_counter() - began
    result.rss_open_mb = memory_mb()

    began = time.perf_counter()
    units = retriever.directory.units  # loads the catalogue views and the BM25 index from disk
    result.views_seconds = time.perf_counter() - began
    began = time.perf_counter()
    retriever.retrieve("巡察整改工作领导小组是怎样组成的?")
    result.first_query_ms = (time.perf_counter() - began) * 1000

    result.load_average.append(os.getloadavg()[0])
    questions = sample_questions(units, queries, seed=seed)
    questions["across-units"] = questions["across-units"][:across_queries]
    for kind, texts in questions.items():
        latency = KindLatency(kind)
        kind_began = time.perf_counter()
        for text in texts:
            if time.perf_counter() - kind_began > KIND_TIME_BUDGET_S:
                break
            embeddings.query_seconds.clear()
            began = time.perf_counter()
            found = retriever.retrieve(text)
            latency.latencies_ms.append((time.perf_counter() - began) * 1000)
            latency.embed_ms.append(sum(embeddings.query_seconds) * 1000)
            latency.units_searched.append(len(found.per_unit) or len(found.units_named))
        result.kinds.append(latency)
    result.load_average.append(os.getloadavg()[0])
    result.rss_after_queries_mb = memory_mb()
    result.peak_rss_mb = memory_mb("VmHWM")
    if profile_path is not None:
        sample = questions["single-unit"][:10] + questions["unscoped"][:10] + questions["across-units"][:1]
        result.profile = profile_retrieval(retriever, sample, profile_path)
    return result


def profile_retrieval(retriever, questions: Sequence[str], profile_path: Path, top: int = 30) -> str:
    """Retrieve each question under cProfile; save the stats, return the top functions by own time."""
    import cProfile
    import pstats

    from bench.ingest_bench import top_functions

    profiler = cProfile.Profile()
    profiler.enable()
    for question in questions:
        retriever.retrieve(question)
    profiler.disable()
    profiler.dump_stats(str(profile_path))
    return top_functions(pstats.Stats(profiler), top, sort="tottime")


def _in_child(function, *args: Any) -> Any:
    """Run function(*args) in a fresh spawned process, so each phase's memory is its own."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(function, *args).result()


def run_query_bench(
    sizes: Sequence[int],
    model_dir: Path,
    *,
    queries: int = 50,
    across_queries: int = 10,
    seed: int = 7,
    show_progress: bool = True,
    profile_dir: Path | None = None,
) -> list[SizeResult]:
    """Build each size and time its queries, every phase in its own process."""
    dimensions = _in_child(real_dimensions, model_dir)
    results = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix=f"assistant-bench-query-{size}-") as folder:
            root = Path(folder)
            logger.info("building a synthetic corpus of about %d chunks", size)
            build = _in_child(build_home, size, root, seed, dimensions, show_progress)
            logger.info("built %d chunks in %.1f s; timing queries", build.chunks, build.build_seconds)
            profile_path = profile_dir / f"query-{size}.prof" if profile_dir is not None else None
            queried = _in_child(
                measure_queries, root, model_dir, dimensions, queries, across_queries, seed, profile_path
            )
        results.append(SizeResult(build, queried))
    return results
