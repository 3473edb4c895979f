"""The vector store contract, run against the in-process Chroma and a real `chroma run` server."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import chromadb
import pytest
from chromadb.config import Settings as ChromaSettings

from index.documents import Chunk
from index.fake_embedder import HashingEmbeddings
from index.store import ChunkStore, StoreUnavailable, make_chroma_client

CHROMA_CLI = Path(sys.executable).with_name("chroma")
SERVER_START_SECONDS = 60

NOTICE_A = "东湖高新产业园"
NOTICE_B = "柳林街道"
CHUNK_TEXTS = {
    NOTICE_A: [
        "园区党工委成立整改工作专班,召开党工委会议研究整改工作。",
        "清退违规发放的通讯补助3.2万元、夜餐补助1.15万元,相关人员已全部退款。",
        "修订工程项目招投标管理办法,收回多付工程款8.9万元。",
    ],
    NOTICE_B: [
        "巡察期间移交信访件8件,已办结8件,建立信访问题台账。",
        "修订三重一大事项集体决策制度,严格落实书记末位表态制度。",
    ],
}


def make_chunks(notice_id: str) -> list[Chunk]:
    """Consecutive verbatim chunks of a small fictional notice."""
    chunks, offset = [], 0
    for ordinal, text in enumerate(CHUNK_TEXTS[notice_id]):
        chunks.append(Chunk(notice_id, ordinal, text, offset, offset + len(text), "二、具体问题整改情况", notice_id))
        offset += len(text) + 1
    return chunks


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def heartbeat_answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1) as response:
            return response.status == 200
    except OSError:
        return False


def start_chroma_server(data_dir: Path, log_path: Path) -> tuple[subprocess.Popen, str]:
    """A `chroma run` server on a free local port, once its heartbeat answers."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = log_path.open("wb")
    process = subprocess.Popen(
        [str(CHROMA_CLI), "run", "--path", str(data_dir), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + SERVER_START_SECONDS
    while not heartbeat_answers(url):
        if process.poll() is not None or time.monotonic() > deadline:
            stop_chroma_server(process)
            raise RuntimeError(f"chroma run did not start on {url}; see {log_path}")
        time.sleep(0.2)
    return process, url


def stop_chroma_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def chroma_server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """URL of a `chroma run` server shared by the session's server tests; stopped at the end."""
    assert CHROMA_CLI.exists(), f"the chromadb package should provide {CHROMA_CLI}"
    folder = tmp_path_factory.mktemp("chroma-server")
    process, url = start_chroma_server(folder / "data", folder / "server.log")
    yield url
    stop_chroma_server(process)


@pytest.fixture(params=["ephemeral", pytest.param("server", marks=pytest.mark.integration)])
def client(request: pytest.FixtureRequest) -> chromadb.ClientAPI:
    """A Chroma client of each kind the store must work with."""
    if request.param == "ephemeral":
        return chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
    return make_chroma_client(request.getfixturevalue("chroma_server_url"), persist_dir="unused")


class TestChunkStoreContract:
    """What every Chroma client must give the store: nearest chunks, filters, deletes, upserts."""

    @pytest.fixture
    def embeddings(self) -> HashingEmbeddings:
        return HashingEmbeddings()

    @pytest.fixture
    def collection_name(self) -> str:
        return f"contract-{uuid.uuid4().hex[:10]}"

    @pytest.fixture
    def store(self, client, embeddings, collection_name) -> ChunkStore:
        store = ChunkStore(client, embeddings, collection_name, model_id="fake:contract")
        for notice_id in (NOTICE_A, NOTICE_B):
            chunks = make_chunks(notice_id)
            store.add_chunks(chunks, embeddings.embed_documents([c.text for c in chunks]), title=f"{notice_id}的通报")
        return store

    def test_search_returns_the_matching_chunk_first_with_a_cosine_similarity(self, store, embeddings):
        hits = store.search(embeddings.embed_query("收回多付工程款8.9万元"), k=3)

        assert hits[0].chunk_id == make_chunks(NOTICE_A)[2].chunk_id
        assert hits[0].notice_id == NOTICE_A
        assert [h.similarity for h in hits] == sorted((h.similarity for h in hits), reverse=True)
        assert all(-1.0 <= h.similarity <= 1.0 for h in hits)

    def test_search_text_embeds_the_query_itself(self, store):
        hits = store.search_text("信访件已办结", k=1)
        assert [h.chunk_id for h in hits] == [make_chunks(NOTICE_B)[0].chunk_id]

    def test_similarity_is_cosine_not_distance(self, store, embeddings):
        vector = embeddings.embed_query(CHUNK_TEXTS[NOTICE_B][1])
        same_direction = store.search([3.0 * x for x in vector], k=1)[0]
        opposite = store.search([-x for x in vector], k=5)[-1]

        assert same_direction.similarity == pytest.approx(1.0, abs=1e-4)  # scale does not matter
        assert opposite.chunk_id == make_chunks(NOTICE_B)[1].chunk_id
        assert opposite.similarity == pytest.approx(-1.0, abs=1e-4)

    def test_search_can_be_limited_to_some_notices(self, store, embeddings):
        query = embeddings.embed_query("收回多付工程款8.9万元")

        only_b = store.search(query, k=5, notice_ids=[NOTICE_B])
        both = store.search(query, k=5, notice_ids=[NOTICE_A, NOTICE_B])

        assert {h.notice_id for h in only_b} == {NOTICE_B}
        assert len(only_b) == len(CHUNK_TEXTS[NOTICE_B])
        assert {h.notice_id for h in both} == {NOTICE_A, NOTICE_B}
        assert store.search(query, k=5, notice_ids=[]) == []
        assert store.search(query, k=0) == []

    def test_count_is_the_number_of_chunks(self, store):
        assert store.count() == len(CHUNK_TEXTS[NOTICE_A]) + len(CHUNK_TEXTS[NOTICE_B])

    def test_delete_notice_removes_only_that_notice(self, store, embeddings):
        store.delete_notice(NOTICE_A)

        assert store.count() == len(CHUNK_TEXTS[NOTICE_B])
        hits = store.search(embeddings.embed_query("收回多付工程款8.9万元"), k=5)
        assert {h.notice_id for h in hits} == {NOTICE_B}
        store.delete_notice("no-such-notice")  # deleting nothing is not an error
        assert store.count() == len(CHUNK_TEXTS[NOTICE_B])

    def test_adding_the_same_chunk_ids_again_overwrites_instead_of_duplicating(self, store, embeddings):
        before = store.count()
        chunks = make_chunks(NOTICE_B)
        changed = [Chunk(c.notice_id, c.ordinal, c.text + "已通报批评。", c.start, c.end + 6, c.section_path, c.unit) for c in chunks]
        store.add_chunks(changed, embeddings.embed_documents([c.text for c in changed]), title="新标题")

        assert store.count() == before
        hits = store.search(embeddings.embed_query(changed[0].text), k=2, notice_ids=[NOTICE_B])
        assert hits[0].chunk_id == chunks[0].chunk_id
        assert hits[0].similarity == pytest.approx(1.0, abs=1e-4)

    def test_collection_is_cosine_and_records_the_embedding_model(self, store, client, collection_name):
        collection = client.get_collection(collection_name)
        assert collection.metadata["embed_model"] == "fake:contract"
        assert collection.configuration_json["hnsw"]["space"] == "cosine"

    def test_vectors_of_some_notices_are_their_chunks_stored_vectors(self, store, embeddings):
        chunk_ids, owners, vectors = store.vectors_of([NOTICE_B])
        expected = make_chunks(NOTICE_B)
        assert sorted(chunk_ids) == sorted(c.chunk_id for c in expected)
        assert set(owners) == {NOTICE_B}
        by_id = dict(zip(chunk_ids, vectors, strict=True))
        first = expected[0]
        assert list(by_id[first.chunk_id]) == pytest.approx(embeddings.embed_documents([first.text])[0], abs=1e-6)
        assert store.vectors_of([]) == ([], [], [])

    def test_reopening_with_the_same_model_keeps_the_chunks(self, store, client, embeddings, collection_name):
        reopened = ChunkStore(client, embeddings, collection_name, model_id="fake:contract")
        assert reopened.count() == store.count()

    def test_reopening_with_another_embedding_model_is_refused_in_one_line(self, store, client, embeddings, collection_name):
        with pytest.raises(StoreUnavailable) as refused:
            ChunkStore(client, embeddings, collection_name, model_id="bundled:other-model")

        message = str(refused.value)
        assert "\n" not in message
        assert "fake:contract" in message and "bundled:other-model" in message
        assert "ASSISTANT_EMBED_MODEL" in message  # says what to do
        assert store.count() == len(CHUNK_TEXTS[NOTICE_A]) + len(CHUNK_TEXTS[NOTICE_B])


def test_a_chroma_url_on_a_closed_port_is_refused_naming_the_url():
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(StoreUnavailable) as refused:
        make_chroma_client(url, persist_dir="unused")

    message = str(refused.value)
    assert url in message
    assert "\n" not in message
    assert "ASSISTANT_CHROMA_URL" in message


def test_a_workspace_on_a_closed_chroma_url_fails_with_store_unavailable(settings):
    from assistant.workspace import Workspace

    url = f"127.0.0.1:{free_port()}"  # without a scheme, as users often write it
    workspace = Workspace(settings.model_copy(update={"chroma_url": url}), embeddings=HashingEmbeddings())
    with pytest.raises(StoreUnavailable, match=url.replace(".", r"\.")):
        workspace.store.count()


@pytest.mark.integration
def test_a_server_that_stops_mid_session_gives_store_unavailable_naming_the_url(tmp_path):
    process, url = start_chroma_server(tmp_path / "data", tmp_path / "server.log")
    try:
        store = ChunkStore(make_chroma_client(url, "unused"), HashingEmbeddings(), "stops-mid-session", model_id="m")
        assert store.count() == 0
    finally:
        stop_chroma_server(process)

    with pytest.raises(StoreUnavailable) as refused:
        store.search_text("收回多付工程款", k=3)
    assert url in str(refused.value)


@pytest.mark.integration
def test_workspace_on_a_live_chroma_server_ingests_and_retrieves(chroma_server_url, settings, notices_dir):
    from assistant.workspace import Workspace

    workspace_settings = settings.model_copy(
        update={"chroma_url": chroma_server_url, "collection": f"e2e-{uuid.uuid4().hex[:8]}"}
    )
    workspace = Workspace(workspace_settings, embeddings=HashingEmbeddings())

    report = workspace.ingestor.ingest_paths([notices_dir])
    assert report.ok and len(report.added) == 3
    assert workspace.store.count() == report.chunks
    assert not (workspace_settings.chroma_dir).exists()  # nothing went to the embedded store

    result = workspace.retriever.retrieve("东湖高新产业园收回了多少工程款?")
    assert result.units_named == ["东湖高新产业园"]
    assert "收回多付工程款8.9万元" in result.documents[0].page_content
    assert {d.metadata["unit"] for d in result.documents} == {"东湖高新产业园"}

