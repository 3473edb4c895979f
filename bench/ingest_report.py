"""The ingest benchmark as a table for the terminal."""

from __future__ import annotations

import os

from bench.ingest_figures import BASELINE_TARGET, TARGET_RATIO, IngestBenchResult
from bench.measure import STAGE_LABELS


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
            "  every baseline run (wall s, each right after an ingest run): "
            + ", ".join(f"{run.wall_s:.1f}" for run in result.baseline_runs),
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
