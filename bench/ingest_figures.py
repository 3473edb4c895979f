"""The ingest benchmark's figures: best timings of the runs, throughput against the baseline."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from bench.langchain_baseline import Throughput

TARGET_RATIO = 1.25
BASELINE_TARGET = 2.0  # ingest chars/s over the plain LangChain baseline's (issue 12)


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
    baseline: Throughput | None = None  # the plain LangChain pipeline's fastest run, when asked for
    baseline_runs: list[Throughput] = field(default_factory=list)  # every baseline run, after each ingest run
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

    def keep_best_baseline(self, run: Throughput) -> None:
        """Add one baseline run, keeping the fastest (as keep_best does for the pipeline's timings)."""
        self.baseline_runs.append(run)
        if self.baseline is None or run.wall_s < self.baseline.wall_s:
            self.baseline = run

    @property
    def ingest(self) -> Throughput:
        return Throughput(self.chars, self.chunks, self.wall_seconds["ingest"], self.cpu_seconds["ingest"])

    def to_dict(self) -> dict[str, Any]:
        figures = {**self.__dict__, "ratio": self.ratio, "cpu_ratio": self.cpu_ratio, "ingest": self.ingest.to_dict()}
        if self.baseline is not None:
            figures["baseline"] = self.baseline.to_dict()
            figures["baseline_runs"] = [run.to_dict() for run in self.baseline_runs]
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
