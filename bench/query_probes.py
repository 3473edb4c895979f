"""Probes of a built query-benchmark home: adding and removing one notice, profiling retrieval."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

from langchain_core.embeddings import Embeddings


class RealEmbeddedNotice(Embeddings):
    """Embeds passages with the product's embedder (the time a user waits), then stores the stand-in's vectors.

    The bench library lives in the stand-in's vector space, so the added notice must too; but its
    ingest still pays for the real embedding, as a user's would.
    """

    def __init__(self, real: Embeddings, stand_in: Embeddings) -> None:
        self.real = real
        self.stand_in = stand_in
        self.passages_embedded = 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.real.embed_documents(texts)
        self.passages_embedded += len(texts)
        return self.stand_in.embed_documents(texts)

    def embed_documents_with_progress(
        self, texts: Sequence[str], progress: Callable[[int], None] | None
    ) -> list[list[float]]:
        vectors = self.embed_documents(list(texts))
        if progress is not None:
            progress(len(texts))
        return vectors

    def embed_query(self, text: str) -> list[float]:
        return self.stand_in.embed_query(text)


def time_one_notice(workspace, retriever, root: Path, seed: int, real: Embeddings) -> tuple[float, float]:
    """Seconds to ingest one new notice, embedded by the real model, until a question finds it; then to remove it."""
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

    ingestor = workspace.ingestor
    stand_in, ingestor.embeddings = ingestor.embeddings, RealEmbeddedNotice(real, ingestor.embeddings)
    try:
        began = time.perf_counter()
        report = ingestor.ingest_paths([path])
        if not report.ok or not found():
            raise RuntimeError(f"the added notice {path.name} is not found after ingest: {report.failed}")
        added = time.perf_counter() - began
    finally:
        real_passages, ingestor.embeddings = ingestor.embeddings.passages_embedded, stand_in
    if real_passages == 0:
        raise RuntimeError(f"the added notice {path.name} was not embedded by the real model")
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
