"""The LangChain baseline of the ingest benchmark: it stores every 500/50 split of the corpus in Chroma."""

from __future__ import annotations

from pathlib import Path

import chromadb
from chromadb.config import Settings as ChromaSettings

from bench.langchain_baseline import corpus_chars, run_langchain_baseline
from index.fake_embedder import HashingEmbeddings

FIXTURE_NOTICES = Path(__file__).parents[1] / "fixtures" / "notices"


def test_baseline_stores_every_split_and_counts_the_corpus_chars(tmp_path):
    result = run_langchain_baseline(FIXTURE_NOTICES, HashingEmbeddings(), tmp_path / "chroma")
    assert result.chars == corpus_chars(FIXTURE_NOTICES) > 1000
    stored = chromadb.PersistentClient(
        path=str(tmp_path / "chroma"), settings=ChromaSettings(anonymized_telemetry=False)
    )
    assert stored.get_collection("baseline").count() == result.chunks > len(list(FIXTURE_NOTICES.glob("*.txt")))
    figures = result.to_dict()
    assert figures["chars_per_s"] == result.chars / result.wall_s
    assert figures["chunks_per_s"] == result.chunks / result.wall_s
    assert 0 < figures["cpu_s"] and figures["chars_per_cpu_s"] == result.chars / result.cpu_s
