"""Benchmark measuring helpers: stage split of an ingest, percentiles, query-embedding timing."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.measure import StageClock, memory_mb, percentile
from bench.query_bench import QueryTimedEmbeddings
from index.fake_embedder import HashingEmbeddings


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def test_stage_clock_credits_each_span_of_an_ingest_to_its_stage():
    fake = FakeClock()
    clock = StageClock(clock=fake)
    clock.start()
    clock.files_started(2)
    for _ in range(2):
        fake.advance(0.01)  # load, chunk, metadata
        clock.embedding_started(Path("a.txt"), 2)
        fake.advance(0.03)
        clock.chunks_embedded(1)
        fake.advance(0.03)
        clock.chunks_embedded(1)
        fake.advance(0.02)  # Chroma upsert
        clock.file_finished(Path("a.txt"), "added")
    fake.advance(0.04)  # lexical rebuild
    clock.stop()
    seconds = clock.seconds
    assert seconds["embed"] == pytest.approx(0.12)
    assert seconds["store"] == pytest.approx(0.04)
    assert seconds["prepare"] == pytest.approx(0.02)
    assert seconds["lexical"] == pytest.approx(0.04)


def test_percentile_is_nearest_rank():
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.5) == 50.0
    assert percentile(values, 0.95) == 95.0
    assert percentile([7.0], 0.95) == 7.0


def test_memory_is_read_from_proc():
    assert 1 < memory_mb() <= memory_mb("VmHWM")


def test_query_timed_embeddings_times_the_real_model_and_searches_with_the_stand_in():
    real, stand_in = HashingEmbeddings(384), HashingEmbeddings(64)
    embeddings = QueryTimedEmbeddings(real, stand_in)
    vector = embeddings.embed_query("哪些单位清退了津补贴?")
    assert vector == stand_in.embed_query("哪些单位清退了津补贴?")
    assert len(embeddings.query_seconds) == 1
    assert embeddings.embed_documents(["整改"]) == stand_in.embed_documents(["整改"])
