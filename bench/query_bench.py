"""Query benchmark: retrieval latency (no LLM) and memory on synthetic corpora of a given chunk count.

Each size is built in a temporary home from bench.synthetic notices through the real ingest
pipeline, embedded by a fast stand-in (HashingEmbeddings at the real model's dimension), in
one child process; queries then run in a second, fresh child process, as a server opening an
existing home would. The one notice added to time an update is embedded by the real model too
(its vectors stored are the stand-in's). Every query is embedded by the real model (timed and included in the
latency); the search then uses the stand-in's vector of the same query, because the stored
vectors live in the stand-in's space.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from langchain_core.embeddings import Embeddings

from bench.measure import memory_mb, percentile
from bench.query_build import BuildResult, bench_settings, build_home
from bench.query_probes import profile_retrieval, time_one_notice

if TYPE_CHECKING:
    from assistant.retriever import HybridRetriever
    from assistant.workspace import Workspace

logger = logging.getLogger(__name__)

KIND_TIME_BUDGET_S = 300.0  # a kind of question stops after this long (across-unit ones can be slow)


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
class KindLatency:
    """Latencies of one kind of question."""

    kind: str
    latencies_ms: list[float] = field(default_factory=list)
    embed_ms: list[float] = field(default_factory=list)
    units_searched: list[int] = field(default_factory=list)
    unit_recall: list[float] = field(default_factory=list)  # per "which units" question with a known answer
    unit_precision: list[float] = field(default_factory=list)

    def summary(self) -> dict[str, float]:
        total = sum(self.latencies_ms)
        scored = (
            {
                "unit_recall": sum(self.unit_recall) / len(self.unit_recall),
                "unit_precision": sum(self.unit_precision) / len(self.unit_precision),
            }
            if self.unit_recall
            else {}
        )
        return {
            **scored,
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
    add_one_notice_s: float = 0.0  # ingest of one new notice until a question about it finds it
    remove_one_notice_s: float = 0.0  # removal of that notice until no question finds it
    load_average: list[float] = field(default_factory=list)  # 1-minute load before and after the queries
    kinds: list[KindLatency] = field(default_factory=list)


@dataclass
class SizeResult:
    build: BuildResult
    queries: QueryResult


def real_dimensions(model_dir: Path) -> int:
    """Length of the real default embedder's vectors (loads the model)."""
    from assistant.embeddings import make_embeddings

    return len(make_embeddings(bench_settings(Path(tempfile.gettempdir()), model_dir)).embed_query("维度"))


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
    from bench.synthetic_questions import sample_questions

    result = QueryResult()
    workspace, retriever, embeddings = _open_as_server(root, model_dir, dimensions, result)
    began = time.perf_counter()
    units = retriever.directory.units  # loads the catalogue views, the BM25 index and the vectors from disk
    result.views_seconds = time.perf_counter() - began
    began = time.perf_counter()
    retriever.retrieve("巡察整改工作领导小组是怎样组成的?")
    result.first_query_ms = (time.perf_counter() - began) * 1000

    result.load_average.append(os.getloadavg()[0])
    questions = sample_questions(units, queries, seed=seed)
    questions["across-units"] = questions["across-units"][:across_queries]
    catalog = workspace.catalog
    units_and_texts = [(row.unit, catalog.notice_text(row.notice_id) or "") for row in catalog.notices()]
    for kind, texts in questions.items():
        result.kinds.append(_time_kind(kind, texts, retriever, embeddings, units_and_texts))
    result.load_average.append(os.getloadavg()[0])
    result.rss_after_queries_mb = memory_mb()
    result.peak_rss_mb = memory_mb("VmHWM")
    result.add_one_notice_s, result.remove_one_notice_s = time_one_notice(
        workspace, retriever, root, seed, embeddings.real
    )
    if profile_path is not None:
        sample = questions["single-unit"][:10] + questions["unscoped"][:10] + questions["across-units"][:1]
        result.profile = profile_retrieval(retriever, sample, profile_path)
    return result


def _open_as_server(
    root: Path, model_dir: Path, dimensions: int, result: QueryResult
) -> tuple[Workspace, HybridRetriever, QueryTimedEmbeddings]:
    """The built home's workspace and a retriever over it, the real model warmed; records open time and memory."""
    from assistant.embeddings import embedding_model_id, make_embeddings
    from assistant.retriever import HybridRetriever
    from assistant.workspace import Workspace
    from index.fake_embedder import HashingEmbeddings

    began = time.perf_counter()
    stand_in = HashingEmbeddings(dimensions)
    workspace = Workspace(bench_settings(root / "home"), embeddings=stand_in)
    real_settings = bench_settings(root / "home", model_dir)
    real = make_embeddings(real_settings)
    result.query_model = embedding_model_id(real_settings)
    real.embed_query("预热")  # loads and warms the model; not part of any query's latency
    embeddings = QueryTimedEmbeddings(real, stand_in)
    retriever = HybridRetriever(
        workspace.catalog,
        workspace.store,
        workspace.lexical,
        embeddings,
        workspace.settings.retrieval,
        vector_cache=workspace.vector_cache,
    )
    result.vectors = workspace.store.count()
    result.open_seconds = time.perf_counter() - began
    result.rss_open_mb = memory_mb()
    return workspace, retriever, embeddings


def _time_kind(
    kind: str,
    texts: Sequence[str],
    retriever: HybridRetriever,
    embeddings: QueryTimedEmbeddings,
    units_and_texts: list[tuple[str, str]],
) -> KindLatency:
    """Latencies of one kind of question (within its time budget); "which units" ones also scored."""
    from bench.synthetic_questions import answering_units

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
        if kind == "across-units":
            gold = answering_units(text, units_and_texts)
            chosen = set(found.qualifying_units)
            latency.unit_recall.append(len(gold & chosen) / len(gold) if gold else float(not chosen))
            latency.unit_precision.append(len(gold & chosen) / len(chosen) if chosen else float(not gold))
    return latency


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
    keep_dir: Path | None = None,
) -> list[SizeResult]:
    """Build each size and time its queries, every phase in its own process.

    With keep_dir, each size's corpus and home stay in keep_dir/<size> and a later run reuses them.
    """
    dimensions = _in_child(real_dimensions, model_dir)
    results = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix=f"assistant-bench-query-{size}-") as folder:
            root = Path(folder) if keep_dir is None else keep_dir / f"seed{seed}-{size}"
            build = _built(root, size, seed)
            if build is None:
                logger.info("building a synthetic corpus of about %d chunks", size)
                build = _in_child(build_home, size, root, seed, dimensions, show_progress)
                if keep_dir is not None:
                    (root / "build.json").write_text(json.dumps(asdict(build)), encoding="utf-8")
            logger.info("built %d chunks in %.1f s; timing queries", build.chunks, build.build_seconds)
            profile_path = profile_dir / f"query-{size}.prof" if profile_dir is not None else None
            queried = _in_child(
                measure_queries, root, model_dir, dimensions, queries, across_queries, seed, profile_path
            )
        results.append(SizeResult(build, queried))
    return results


def _built(root: Path, size: int, seed: int) -> BuildResult | None:
    """The build kept in root by an earlier run, if any."""
    try:
        return BuildResult(**json.loads((root / "build.json").read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None
