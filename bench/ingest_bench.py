"""Ingest benchmark: the real pipeline over a corpus against its own embedder alone and a plain LangChain baseline.

Every timing starts with its models already loaded and warmed up (the embedder, and jieba's dictionary
for the lexical index), so model loading is in none.
The pipeline is timed as Ingestor.ingest_paths into a fresh home (the catalogue and Chroma are
opened before the clock starts); the raw encode is the pipeline's embedder over exactly the
texts the pipeline embedded (index.passage_vectors.vector_texts of the stored chunks). With a
baseline, each repeat also times the plain LangChain pipeline (bench.langchain_baseline) right
after the pipeline, and both keep their fastest run (the cores are shared: a run slowed by other
work says nothing about either pipeline); then the fp32 sentence-transformers model is timed over
the pipeline's texts.
"""

from __future__ import annotations

import cProfile
import io
import logging
import os
import pstats
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from assistant.embeddings import make_embeddings
from assistant.settings import Settings
from assistant.workspace import Workspace
from bench.ingest_figures import IngestBenchResult, Stopwatch
from bench.ingest_report import format_ingest_report
from bench.langchain_baseline import corpus_chars, run_langchain_baseline
from bench.measure import StageClock
from index.chunker import split_notice_into_chunks
from index.documents import notice_id_for
from index.embedder import SentenceTransformerEmbeddings
from index.ingest import IngestProgress
from index.lexical import warm_up_word_cutter
from index.loaders import iter_notice_files, load_document
from index.metadata import extract_notice_metadata
from index.onnx_embedder import OnnxEmbeddings
from index.passage_vectors import vector_texts
from index.records import extract_notice_record

__all__ = ["BenchUnavailable", "format_ingest_report", "run_ingest_bench", "top_functions"]

logger = logging.getLogger(__name__)


class BenchUnavailable(RuntimeError):
    """The benchmark cannot run with these settings; the message says what to change."""


def describe_embedder(embeddings: Embeddings) -> tuple[str, str]:
    """The model location and passage prefix of a local embedder; other embedders cannot be benchmarked."""
    if isinstance(embeddings, OnnxEmbeddings):
        return f"int8 ONNX {embeddings.model_dir}", embeddings.passage_prefix
    if isinstance(embeddings, SentenceTransformerEmbeddings):
        return f"sentence-transformers {embeddings.model_path}", embeddings.passage_prefix or ""
    raise BenchUnavailable(
        "bench ingest times a local model: set ASSISTANT_EMBED_MODEL to the bundled model or a model folder"
    )


def fp32_embeddings(settings: Settings, embeddings: Embeddings) -> SentenceTransformerEmbeddings:
    """A separate fp32 sentence-transformers embedder of the same model, for the baseline."""
    if isinstance(embeddings, SentenceTransformerEmbeddings):
        return SentenceTransformerEmbeddings(
            embeddings.model_path, embeddings.query_prefix, embeddings.passage_prefix, embeddings.batch_size
        )
    fp32 = make_embeddings(settings.model_copy(update={"embed_int8": False}))
    assert isinstance(fp32, SentenceTransformerEmbeddings)
    return fp32


def time_pure_stages(corpus: Path, chunk_tokens: int, overlap_sentences: int) -> dict[str, float]:
    """Seconds spent in each pure ingest stage over the corpus, re-run outside the pipeline."""
    seconds = dict.fromkeys(("load", "metadata", "chunk", "record"), 0.0)

    def timed(stage: str, work: Callable[[], Any]) -> Any:
        began = time.perf_counter()
        value = work()
        seconds[stage] += time.perf_counter() - began
        return value

    for path in iter_notice_files([corpus]):
        document = timed("load", lambda: load_document(path))
        text = document.text
        metadata = timed("metadata", lambda: extract_notice_metadata(text, path.name))
        notice_id = notice_id_for(text)
        timed(
            "chunk",
            lambda: split_notice_into_chunks(
                notice_id, text, unit=metadata.unit, max_tokens=chunk_tokens, overlap_sentences=overlap_sentences
            ),
        )
        timed("record", lambda: extract_notice_record(notice_id, text, metadata.unit))
    return seconds


def _bench_workspace(settings: Settings, home: Path, embeddings: Embeddings | None = None) -> Workspace:
    # A fresh home, but the prepared model folder of the user's settings, so it is not rebuilt.
    bench_settings = settings.model_copy(update={"home": home, "chroma_url": "", "model_dir": settings.models_dir})
    return Workspace(bench_settings, embeddings=embeddings)


def _timed_ingest(workspace: Workspace, corpus: Path, progress: IngestProgress | None) -> tuple[Stopwatch, StageClock]:
    ingestor = workspace.ingestor  # opens the catalogue and Chroma before the clock starts
    clock = StageClock(progress)
    clock.start()
    with Stopwatch() as watch:
        report = ingestor.ingest_paths([corpus], clock)
    clock.stop()
    if report.failed:
        raise BenchUnavailable(f"{len(report.failed)} file(s) of {corpus} failed to ingest: {report.failed[0]}")
    return watch, clock


def run_ingest_bench(
    corpus: Path,
    settings: Settings,
    *,
    repeats: int = 1,
    progress_factory: Callable[[], IngestProgress] | None = None,
    profile_path: Path | None = None,
    baseline: bool = False,
) -> IngestBenchResult:
    """Ingest corpus into fresh homes with the real embedder; time it against its embedder alone and a baseline."""
    if not any(True for _ in iter_notice_files([corpus])):
        raise BenchUnavailable(f"{corpus} holds no notice files")
    with tempfile.TemporaryDirectory(prefix="assistant-bench-ingest-") as root:
        first = _bench_workspace(settings, Path(root) / "home-0")
        embeddings = first.embeddings
        model, prompt = describe_embedder(embeddings)
        embeddings.warm_up()
        warm_up_word_cutter()
        result = IngestBenchResult(str(corpus), model, embeddings.batch_size, prompt, _threads(embeddings))
        result.chars = corpus_chars(corpus)
        result.load_average.append(os.getloadavg()[0])
        warm_texts = ["巡察整改情况通报。"] * embeddings.batch_size
        embeddings.embed_documents(warm_texts)
        fp32 = fp32_embeddings(settings, embeddings) if baseline else None
        if fp32 is not None:
            fp32.embed_documents(warm_texts)
        for attempt in range(repeats):
            # Later runs share the loaded model with a fresh home.
            home = Path(root) / f"home-{attempt}"
            workspace = first if attempt == 0 else _bench_workspace(settings, home, embeddings)
            texts = _measure_run(workspace, corpus, result, progress_factory)
            if fp32 is not None:
                # Right after each ingest run, so both sides of the ratio meet the same load on shared cores.
                result.keep_best_baseline(run_langchain_baseline(corpus, fp32, Path(root) / f"baseline-{attempt}"))
        if fp32 is not None:
            with Stopwatch() as fp32_raw:
                fp32.embed_documents(texts)
            result.fp32_raw_wall = fp32_raw.wall
        result.load_average.append(os.getloadavg()[0])
        result.pure_stages = time_pure_stages(corpus, settings.chunk_tokens, settings.chunk_overlap_sentences)
        if profile_path is not None:
            workspace = _bench_workspace(settings, Path(root) / "home-profiled", embeddings)
            result.profile = profile_ingest(workspace, corpus, profile_path)
    return result


def _measure_run(
    workspace: Workspace,
    corpus: Path,
    result: IngestBenchResult,
    progress_factory: Callable[[], IngestProgress] | None,
) -> list[str]:
    """Time one ingest, then the embedder alone over the texts it embedded; returns those texts."""
    progress = progress_factory() if progress_factory else None
    ingest, clock = _timed_ingest(workspace, corpus, progress)
    if progress is not None and hasattr(progress, "close"):
        progress.close()
    chunks = workspace.catalog.chunks()
    by_notice: dict[str, list[str]] = {}
    for notice_id in dict.fromkeys(chunk.notice_id for chunk in chunks):
        by_notice[notice_id] = vector_texts([chunk for chunk in chunks if chunk.notice_id == notice_id])
    texts = [text for group in by_notice.values() for text in group]
    embeddings = workspace.embeddings
    with Stopwatch() as raw:
        embeddings.embed_documents(texts)
    with Stopwatch() as per_notice:
        for group in by_notice.values():
            embeddings.embed_documents(group)
    run = {
        "ingest_wall": ingest.wall, "ingest_cpu": ingest.cpu, "raw_wall": raw.wall, "raw_cpu": raw.cpu,
        "raw_per_notice_wall": per_notice.wall, "raw_per_notice_cpu": per_notice.cpu,
    }
    logger.info("run %d: %s", len(result.runs) + 1, ", ".join(f"{k} {v:.2f} s" for k, v in run.items()))
    if not result.runs or ingest.wall < result.wall_seconds["ingest"]:
        result.stages = dict(clock.seconds)
    result.keep_best(run)
    result.notices, result.chunks = len(by_notice), len(chunks)
    return texts


def _threads(embeddings: Embeddings) -> int:
    if isinstance(embeddings, OnnxEmbeddings):
        return embeddings.threads
    import torch

    return torch.get_num_threads()


def profile_ingest(workspace: Workspace, corpus: Path, profile_path: Path, top: int = 30) -> str:
    """Ingest once more under cProfile; save the stats to profile_path, return the top functions."""
    ingestor = workspace.ingestor
    profiler = cProfile.Profile()
    profiler.enable()
    ingestor.ingest_paths([corpus])
    profiler.disable()
    profiler.dump_stats(str(profile_path))
    return top_functions(pstats.Stats(profiler), top)


def top_functions(stats: pstats.Stats, top: int = 30, sort: str = "cumulative") -> str:
    """The top functions of a profile as pstats prints them."""
    buffer = io.StringIO()
    stats.stream = buffer
    stats.sort_stats(sort).print_stats(top)
    return buffer.getvalue()


