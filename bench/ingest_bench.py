"""Ingest benchmark: the real pipeline over a corpus against its own embedder alone and a plain LangChain baseline.

Every timing starts with its model already loaded and warmed up, so model loading is in none.
The pipeline is timed as Ingestor.ingest_paths into a fresh home (the catalogue and Chroma are
opened before the clock starts); the raw encode is the pipeline's embedder over exactly the
embedding texts the pipeline stored. With a baseline, the same run also times the plain LangChain
pipeline (bench.langchain_baseline) and the fp32 sentence-transformers model over the pipeline's texts.
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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from assistant.embeddings import make_embeddings
from assistant.settings import Settings
from assistant.workspace import Workspace
from bench.langchain_baseline import Throughput, corpus_chars, run_langchain_baseline
from bench.measure import STAGE_LABELS, StageClock
from index.chunker import split_notice_into_chunks
from index.documents import notice_id_for
from index.embedder import SentenceTransformerEmbeddings
from index.onnx_embedder import OnnxEmbeddings
from index.ingest import IngestProgress
from index.loaders import iter_notice_files, load_document
from index.metadata import extract_notice_metadata
from index.records import extract_notice_record

logger = logging.getLogger(__name__)

TARGET_RATIO = 1.25
BASELINE_TARGET = 2.0  # ingest chars/s over the plain LangChain baseline's (issue 12)


class BenchUnavailable(RuntimeError):
    """The benchmark cannot run with these settings; the message says what to change."""


@dataclass
class IngestBenchResult:
    """Figures of one ingest benchmark run (best of the repeats for each timing)."""

    corpus: str
    model: str
    batch_size: int
    prompt: str
    threads: int
    notices: int = 0
    chars: int = 0
    chunks: int = 0
    # Best (lowest) of the runs, by timing: "ingest", "raw", "raw_per_notice".
    wall_seconds: dict[str, float] = field(default_factory=dict)
    cpu_seconds: dict[str, float] = field(default_factory=dict)  # process CPU time, all threads
    runs: list[dict[str, float]] = field(default_factory=list)  # every run's wall and CPU seconds
    stages: dict[str, float] = field(default_factory=dict)
    pure_stages: dict[str, float] = field(default_factory=dict)
    profile: str = ""
    load_average: list[float] = field(default_factory=list)  # 1-minute load at start and end: other work
    baseline: Throughput | None = None  # the plain LangChain pipeline, when asked for
    fp32_raw_wall: float | None = None  # the fp32 sentence-transformers model over the pipeline's texts

    @property
    def ratio(self) -> float:
        """Ingest wall time over the raw encode's (one call over all texts)."""
        return self.wall_seconds["ingest"] / self.wall_seconds["raw"]

    @property
    def cpu_ratio(self) -> float:
        return self.cpu_seconds["ingest"] / self.cpu_seconds["raw"]

    def keep_best(self, run: dict[str, float]) -> None:
        """Add one run's timings, keeping the lowest of each."""
        self.runs.append(run)
        for name in ("ingest", "raw", "raw_per_notice"):
            self.wall_seconds[name] = min(self.wall_seconds.get(name, run[f"{name}_wall"]), run[f"{name}_wall"])
            self.cpu_seconds[name] = min(self.cpu_seconds.get(name, run[f"{name}_cpu"]), run[f"{name}_cpu"])

    @property
    def ingest(self) -> Throughput:
        return Throughput(self.chars, self.chunks, self.wall_seconds["ingest"], self.cpu_seconds["ingest"])

    def to_dict(self) -> dict[str, Any]:
        figures = {**self.__dict__, "ratio": self.ratio, "cpu_ratio": self.cpu_ratio, "ingest": self.ingest.to_dict()}
        if self.baseline is not None:
            figures["baseline"] = self.baseline.to_dict()
            figures["chars_per_s_over_baseline"] = self.baseline.wall_s / self.ingest.wall_s  # same chars
            figures["chars_per_cpu_s_over_baseline"] = self.baseline.cpu_s / self.ingest.cpu_s
        if self.fp32_raw_wall is not None:
            figures["embedder_chunks_per_s"] = {
                "pipeline": self.chunks / self.wall_seconds["raw"],
                "fp32_sentence_transformers": self.chunks / self.fp32_raw_wall,
            }
        return figures


class Stopwatch:
    """Wall and process CPU seconds of a block."""

    def __enter__(self) -> Stopwatch:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu


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
            workspace = first if attempt == 0 else _bench_workspace(settings, Path(root) / f"home-{attempt}", embeddings)
            progress = progress_factory() if progress_factory else None
            ingest, clock = _timed_ingest(workspace, corpus, progress)
            if progress is not None and hasattr(progress, "close"):
                progress.close()
            chunks = workspace.catalog.chunks()
            by_notice: dict[str, list[str]] = {}
            for chunk in chunks:
                by_notice.setdefault(chunk.notice_id, []).append(chunk.embedding_text())
            texts = [text for group in by_notice.values() for text in group]
            with Stopwatch() as raw:
                embeddings.embed_documents(texts)
            with Stopwatch() as per_notice:
                for group in by_notice.values():
                    embeddings.embed_documents(group)
            run = {
                "ingest_wall": ingest.wall, "ingest_cpu": ingest.cpu, "raw_wall": raw.wall, "raw_cpu": raw.cpu,
                "raw_per_notice_wall": per_notice.wall, "raw_per_notice_cpu": per_notice.cpu,
            }
            logger.info("run %d: %s", attempt + 1, ", ".join(f"{k} {v:.2f} s" for k, v in run.items()))
            if not result.runs or ingest.wall < result.wall_seconds["ingest"]:
                result.stages = dict(clock.seconds)
            result.keep_best(run)
            result.notices, result.chunks = len(by_notice), len(chunks)
        if fp32 is not None:
            with Stopwatch() as fp32_raw:
                fp32.embed_documents(texts)
            result.fp32_raw_wall = fp32_raw.wall
            result.baseline = run_langchain_baseline(corpus, fp32, Path(root) / "baseline-chroma")
        result.load_average.append(os.getloadavg()[0])
        result.pure_stages = time_pure_stages(
            corpus, settings.chunk_tokens, settings.chunk_overlap_sentences
        )
        if profile_path is not None:
            workspace = _bench_workspace(settings, Path(root) / "home-profiled", embeddings)
            result.profile = profile_ingest(workspace, corpus, profile_path)
    return result


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


def format_ingest_report(result: IngestBenchResult) -> str:
    """The benchmark as a table for the terminal."""
    wall, cpu = result.wall_seconds, result.cpu_seconds

    def row(label: str, name: str) -> str:
        return f"  {label:<42} {wall[name]:>9.2f} {result.chunks / wall[name]:>10.2f} {cpu[name]:>9.2f}"

    lines = [
        f"ingest benchmark: {result.corpus}  ({result.notices} notices, {result.chunks} chunks)",
        f"model {result.model}; batch {result.batch_size}; passage prefix {result.prompt!r}; "
        f"threads {result.threads}; best of {len(result.runs)} run(s) for each timing",
        "model loaded and warmed up before both timings: loading is excluded from both",
        f"1-minute load average at start / end: {' / '.join(f'{x:.1f}' for x in result.load_average)} "
        f"on {os.cpu_count()} CPUs (other processes share them)",
        f"  {'':<42} {'wall s':>9} {'chunks/s':>10} {'CPU s':>9}",
        row("ingest (Ingestor.ingest_paths, fresh home)", "ingest"),
        row("embedder alone, one call over all texts", "raw"),
        row("embedder alone, one call per notice", "raw_per_notice"),
        f"  ratio ingest / raw encode: wall {result.ratio:.2f}, CPU {result.cpu_ratio:.2f}  "
        f"(target <= {TARGET_RATIO}: {'met' if result.ratio <= TARGET_RATIO else 'NOT met'} on wall time)",
        f"  ratio ingest / raw encode per notice: wall {wall['ingest'] / wall['raw_per_notice']:.2f}, "
        f"CPU {cpu['ingest'] / cpu['raw_per_notice']:.2f}",
        "ingest stages of the fastest run (timed by the ingest's progress callbacks):",
    ]
    for stage, seconds in result.stages.items():
        share = seconds / wall["ingest"] * 100
        lines.append(f"  {STAGE_LABELS[stage]:<58} {seconds:>8.2f} s {share:>5.1f}%")
    lines.append("pure stages re-run outside the pipeline (inside 'prepare'):")
    for stage, seconds in result.pure_stages.items():
        lines.append(f"  {stage:<58} {seconds:>8.2f} s")
    if len(result.runs) > 1:
        lines.append("every run (wall / CPU s): " + "; ".join(
            f"ingest {r['ingest_wall']:.1f}/{r['ingest_cpu']:.1f}, raw {r['raw_wall']:.1f}/{r['raw_cpu']:.1f}, "
            f"per notice {r['raw_per_notice_wall']:.1f}/{r['raw_per_notice_cpu']:.1f}"
            for r in result.runs
        ))
    if result.baseline is not None:
        ingest, baseline = result.ingest, result.baseline
        speedup = (ingest.chars / ingest.wall_s) / (baseline.chars / baseline.wall_s)
        lines += [
            "against the plain LangChain pipeline (RecursiveCharacterTextSplitter 500/50, sentence-transformers "
            "fp32, Chroma):",
            f"  {'':<42} {'wall s':>9} {'chars/s':>10} {'chunks/s':>9}",
            f"  {'ingest':<42} {ingest.wall_s:>9.2f} {ingest.chars / ingest.wall_s:>10.0f} "
            f"{ingest.chunks / ingest.wall_s:>9.2f}",
            f"  {'LangChain baseline':<42} {baseline.wall_s:>9.2f} {baseline.chars / baseline.wall_s:>10.0f} "
            f"{baseline.chunks / baseline.wall_s:>9.2f}",
            f"  chars/s over the baseline: {speedup:.2f}x (target >= {BASELINE_TARGET}: "
            f"{'met' if speedup >= BASELINE_TARGET else 'NOT met'})",
        ]
    if result.fp32_raw_wall is not None:
        lines.append(
            f"embedder alone over the pipeline's {result.chunks} texts: {result.chunks / wall['raw']:.2f} chunks/s; "
            f"fp32 sentence-transformers {result.chunks / result.fp32_raw_wall:.2f} chunks/s"
        )
    if result.profile:
        lines += ["cProfile of one more ingest (top functions, cumulative):", result.profile]
    return "\n".join(lines)
