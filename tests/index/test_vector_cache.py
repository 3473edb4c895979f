"""The vector matrix: rebuilt from the store, updated by notice, searching as Chroma does."""

from __future__ import annotations

import uuid

import chromadb
import pytest
from chromadb.config import Settings as ChromaSettings

from index.documents import Chunk
from index.fake_embedder import HashingEmbeddings
from index.store import ChunkStore
from index.vector_cache import VectorCache

PASSAGES = {
    "notice-a": ["清退违规发放津补贴12.5万元", "公务用车管理办法已修订", "补录固定资产36项", "整改工作领导小组由书记任组长"],
    "notice-b": ["信访件已全部办结", "清退超标准发放的年终奖金", "软弱涣散党组织整顿转化"],
    "notice-c": ["违规公务接待费用已退赔", "违法建设拆除面积2300平方米", "津补贴发放实行季度抽查"],
}
QUESTIONS = ["哪些单位清退了津补贴?", "固定资产补录了多少项?", "信访件办结情况", "违法建设怎么整治的?"]


def chunks_of(notice_id: str) -> list[Chunk]:
    chunks, start = [], 0
    for ordinal, text in enumerate(PASSAGES[notice_id]):
        chunks.append(Chunk(notice_id, ordinal, text, start, start + len(text), "", unit=notice_id))
        start += len(text)
    return chunks


@pytest.fixture
def embeddings() -> HashingEmbeddings:
    return HashingEmbeddings()


@pytest.fixture
def store(embeddings) -> ChunkStore:
    client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
    store = ChunkStore(client, embeddings, f"cache-{uuid.uuid4().hex[:8]}", model_id="fake:cache")
    for notice_id in PASSAGES:
        add(store, embeddings, notice_id)
    return store


def add(store: ChunkStore, embeddings: HashingEmbeddings, notice_id: str) -> None:
    chunks = chunks_of(notice_id)
    store.add_chunks(chunks, embeddings.embed_documents([c.text for c in chunks]), title=notice_id)


class CountingStore:
    """The store, counting how many notices' vectors are fetched from it."""

    def __init__(self, store: ChunkStore) -> None:
        self.store = store
        self.fetched: list[str] = []

    def vectors_of(self, notice_ids):
        self.fetched.extend(notice_ids)
        return self.store.vectors_of(notice_ids)


def ranked(hits) -> list[tuple[float, str]]:
    """Hits as (similarity, chunk) best first; passages of equal similarity may come in either order."""
    return sorted((-round(h.similarity, 4), h.chunk_id) for h in hits)


def test_the_matrix_finds_the_same_passages_as_chroma_in_the_same_order(store, embeddings, tmp_path):
    matrix = VectorCache(store, tmp_path / "vectors").matrix_for(PASSAGES)
    for question in QUESTIONS:
        vector = embeddings.embed_query(question)
        expected = store.search(vector, 3)
        found = matrix.search(vector, 3)
        assert found[0].chunk_id == expected[0].chunk_id
        assert ranked(found) == ranked(expected)


def test_a_search_limited_to_some_notices_matches_chromas_filter(store, embeddings, tmp_path):
    matrix = VectorCache(store, tmp_path / "vectors").matrix_for(PASSAGES)
    vector = embeddings.embed_query("清退津补贴")
    expected = store.search(vector, 3, ["notice-b", "notice-c"])
    assert [h.chunk_id for h in matrix.search(vector, 3, ["notice-b", "notice-c"])] == [h.chunk_id for h in expected]
    assert matrix.search(vector, 3, ["no-such-notice"]) == []


def test_the_matrix_is_rebuilt_from_the_store_and_then_read_from_disk(store, tmp_path):
    counting = CountingStore(store)
    VectorCache(counting, tmp_path / "vectors").matrix_for(PASSAGES)
    assert sorted(counting.fetched) == sorted(PASSAGES)

    reopened = CountingStore(store)
    matrix = VectorCache(reopened, tmp_path / "vectors").matrix_for(PASSAGES)
    assert reopened.fetched == []
    assert matrix.size == sum(len(p) for p in PASSAGES.values())


def test_adding_a_notice_fetches_only_that_notice_and_removing_one_drops_its_rows(store, embeddings, tmp_path):
    counting = CountingStore(store)
    cache = VectorCache(counting, tmp_path / "vectors")
    before = cache.matrix_for(["notice-a", "notice-b"])
    counting.fetched.clear()

    after = cache.matrix_for(["notice-b", "notice-c"])

    assert counting.fetched == ["notice-c"]
    assert set(after.notice_ids) == {"notice-b", "notice-c"}
    top = after.search(embeddings.embed_query("违法建设拆除面积"), 1)
    assert top[0].notice_id == "notice-c"
    assert set(before.notice_ids) == {"notice-a", "notice-b"}  # a reader's old matrix is untouched
    reopened = VectorCache(store, tmp_path / "vectors").matrix_for(["notice-b", "notice-c"])
    assert reopened.chunk_ids == after.chunk_ids
