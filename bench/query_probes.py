"""Probes of a built query-benchmark home: adding and removing one notice, profiling retrieval."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path


def time_one_notice(workspace, retriever, root: Path, seed: int) -> tuple[float, float]:
    """Seconds to ingest one new notice until a question naming its unit finds it, then to remove it."""
    import random

    from bench.synthetic import generate_notice, make_unit_names

    known = set(retriever.directory.units)
    rng = random.Random(seed + 99)
    unit = next(u for u in make_unit_names(200, rng) if u.name not in known)
    folder = root / "one-more"
    folder.mkdir(exist_ok=True)
    path = folder / f"extra_{unit.name}.txt"
    path.write_text(generate_notice(unit, rng), encoding="utf-8")
    question = f"{unit.name}是哪个巡察组巡察的?"

    def found() -> bool:
        return any(d.metadata["unit"] == unit.name for d in retriever.retrieve(question).documents)

    began = time.perf_counter()
    report = workspace.ingestor.ingest_paths([path])
    if not report.ok or not found():
        raise RuntimeError(f"the added notice {path.name} is not found after ingest: {report.failed}")
    added = time.perf_counter() - began
    began = time.perf_counter()
    workspace.ingestor.remove(path.name)
    if found():
        raise RuntimeError(f"the removed notice {path.name} is still found")
    return added, time.perf_counter() - began


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
